//! Laying out one block and keeping its galley: the view's own cache, capped by character count
//! and emptied least-recently-used first (egui's cache forgets a galley one frame after it is
//! last shown, so scrolling back would lay the text out again).

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat, TextWrapping};
use egui::{Color32, Context, FontId, Galley};

use super::geometry::BlockGalley;

/// Characters kept laid out (about 160 bytes each in galleys: ~80 MB).
pub const CACHE_CAP_CHARS: usize = 500_000;

/// Everything a block's layout depends on, besides its text.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutParams {
    /// Body font at the current zoom.
    pub font_id: FontId,
    /// Row height (the font's height plus room for the code bars), in points.
    pub line_height: f32,
    /// Wrap width, whole points.
    pub wrap_width: f32,
    /// Physical pixels per point.
    pub pixels_per_point: f32,
}

impl LayoutParams {
    /// The part of a cache key that depends on these parameters.
    fn key_bits(&self) -> (u32, u32, u32, u32) {
        (
            self.font_id.size.to_bits(),
            self.line_height.to_bits(),
            self.wrap_width.to_bits(),
            self.pixels_per_point.to_bits(),
        )
    }

    /// The layout job for one block's text: plain text in one font, colour left to the painter.
    #[must_use]
    pub fn job(&self, text: &str) -> LayoutJob {
        LayoutJob {
            sections: vec![LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(0)..ByteIndex(text.len()),
                format: TextFormat {
                    font_id: self.font_id.clone(),
                    line_height: Some(self.line_height),
                    color: Color32::PLACEHOLDER,
                    ..TextFormat::default()
                },
            }],
            text: text.to_owned(),
            wrap: TextWrapping::wrap_at_width(self.wrap_width),
            break_on_newline: true,
            ..LayoutJob::default()
        }
    }

    /// Lays out one block's text.
    #[must_use]
    pub fn layout(&self, ctx: &Context, text: &str) -> Arc<Galley> {
        debug_assert!(
            text.len() <= super::blocks::BLOCK_CAP_BYTES,
            "no whole-document layout job"
        );
        let job = self.job(text);
        ctx.fonts_mut(|fonts| fonts.layout_job(job))
    }
}

/// Cache key: document, block and every layout parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    doc: u64,
    block: usize,
    params: (u32, u32, u32, u32),
}

#[derive(Debug)]
struct Entry {
    galley: Arc<BlockGalley>,
    last_used: u64,
}

/// Cached galleys of blocks, least recently used evicted beyond a character budget.
#[derive(Debug)]
pub struct GalleyCache {
    map: HashMap<Key, Entry>,
    chars: usize,
    cap: usize,
    /// Bumped once per frame; entries used this frame are never evicted.
    frame: u64,
}

impl Default for GalleyCache {
    fn default() -> Self {
        Self::with_cap(CACHE_CAP_CHARS)
    }
}

impl GalleyCache {
    /// A cache holding about `cap` laid-out characters.
    #[must_use]
    pub fn with_cap(cap: usize) -> Self {
        Self {
            map: HashMap::new(),
            chars: 0,
            cap,
            frame: 1,
        }
    }

    /// Starts a new frame (for least-recently-used bookkeeping).
    pub fn begin_frame(&mut self) {
        self.frame += 1;
    }

    /// The galley of a block if it is cached, marking it used.
    pub fn get(
        &mut self,
        doc: u64,
        block: usize,
        params: &LayoutParams,
    ) -> Option<Arc<BlockGalley>> {
        let key = Key {
            doc,
            block,
            params: params.key_bits(),
        };
        let frame = self.frame;
        self.map.get_mut(&key).map(|e| {
            e.last_used = frame;
            Arc::clone(&e.galley)
        })
    }

    /// The galley of a block if it is cached, without touching it.
    #[must_use]
    pub fn peek(&self, doc: u64, block: usize, params: &LayoutParams) -> Option<&Arc<BlockGalley>> {
        let key = Key {
            doc,
            block,
            params: params.key_bits(),
        };
        self.map.get(&key).map(|e| &e.galley)
    }

    /// Stores a freshly laid-out galley, evicting old ones if over budget.
    pub fn insert(
        &mut self,
        doc: u64,
        block: usize,
        params: &LayoutParams,
        galley: Arc<BlockGalley>,
    ) {
        let key = Key {
            doc,
            block,
            params: params.key_bits(),
        };
        self.chars += galley.chars();
        if let Some(old) = self.map.insert(
            key,
            Entry {
                galley,
                last_used: self.frame,
            },
        ) {
            self.chars -= old.galley.chars();
        }
        if self.chars > self.cap {
            self.evict();
        }
    }

    /// Drops least recently used galleys until the cache is at 80 % of its budget.
    fn evict(&mut self) {
        let mut by_age: Vec<(u64, Key, usize)> = self
            .map
            .iter()
            .filter(|(_, e)| e.last_used < self.frame)
            .map(|(k, e)| (e.last_used, *k, e.galley.chars()))
            .collect();
        by_age.sort_unstable_by_key(|(age, _, _)| *age);
        let target = self.cap / 5 * 4;
        for (_, key, chars) in by_age {
            if self.chars <= target {
                break;
            }
            self.map.remove(&key);
            self.chars -= chars;
        }
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.map.clear();
        self.chars = 0;
    }

    /// Number of cached galleys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Characters laid out in cached galleys.
    #[must_use]
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// Bytes held by the cached galleys (glyphs, meshes, rows), counted from their contents.
    #[must_use]
    pub fn approx_bytes(&self) -> usize {
        self.map.values().map(|e| e.galley.approx_bytes()).sum()
    }
}
