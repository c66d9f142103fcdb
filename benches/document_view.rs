//! The document view on a ~5 MB French document with 10,000 overlapping highlights, driven in a
//! headless `egui::Context` at 1280×900 points, 1 pixel per point. Every frame is timed as the
//! app side of a real frame: `Context::run_ui` plus `Context::tessellate` (no pixels).
//!
//! Budgets (`../shared/design.md`): first frame after opening < 10 ms; scrolling frame p95 < 1 ms;
//! jump p95 < 4 ms; hit-test < 5 µs; adding or removing one annotation < 1 ms; galley cache
//! ≤ 100 MB. Criterion measures each case; before it, `cargo bench` also runs a scripted session
//! (hundreds of frames per case) and prints p50/p95/max to stderr, with the cache size and RSS.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use egui::{
    Color32, Context, Event, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2,
    RawInput, Rect, TouchPhase, pos2, vec2,
};
use fastrand::Rng;
use normcoder::model::{AnnotationId, CharSpan, DocId, Document, DocumentMeta};
use normcoder::testkit::synth::text;
use normcoder::ui::document_view::{DocumentView, Highlight, ViewInput};

const SCREEN: Rect = Rect {
    min: Pos2::ZERO,
    max: Pos2 {
        x: 1280.0,
        y: 900.0,
    },
};

/// Colours of the codes of the synthetic annotations.
const PALETTE: [Color32; 6] = [
    Color32::from_rgb(230, 80, 60),
    Color32::from_rgb(60, 140, 230),
    Color32::from_rgb(60, 180, 90),
    Color32::from_rgb(220, 170, 40),
    Color32::from_rgb(150, 90, 200),
    Color32::from_rgb(40, 180, 180),
];

/// ~5 MB of French text in paragraphs of 3 to 6 sentences, where one paragraph in five is glued
/// to the next 39 into one of ~18,000 characters (cut into 4 KB blocks by the view).
fn document() -> Document {
    let plain = text(&mut Rng::with_seed(1), 5_000_000);
    let mut out = String::with_capacity(plain.len());
    for (i, paragraph) in plain.split("\n\n").enumerate() {
        if i > 0 {
            out.push_str(if i % 200 < 40 && i % 200 != 0 {
                " "
            } else {
                "\n\n"
            });
        }
        out.push_str(paragraph);
    }
    let meta = DocumentMeta {
        title: "Synthetic 5 MB".to_owned(),
        ..DocumentMeta::default()
    };
    Document::new(DocId::new("synthetic-5mb").expect("id"), meta, out).expect("document")
}

/// 10,000 highlights of 20 to 420 characters; one in ten nested inside the one before it, one
/// in five with two codes; sorted by (start, end) as the app gives them.
fn highlights(len: usize, rng: &mut Rng) -> Vec<Highlight> {
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(10_000);
    for i in 0..10_000 {
        let (start, end) = match spans.last() {
            Some(&(s, e)) if i % 10 == 0 && e - s > 10 => {
                let a = s + rng.usize(..(e - s) / 2);
                (a, (a + 5 + rng.usize(..e - a - 5)).min(e))
            }
            _ => {
                let s = rng.usize(..len - 500);
                (s, s + 20 + rng.usize(..400))
            }
        };
        spans.push((start, end.max(start + 1)));
    }
    spans.sort_unstable();
    spans
        .into_iter()
        .enumerate()
        .map(|(i, (s, e))| highlight(i, s, e, rng))
        .collect()
}

fn highlight(i: usize, start: usize, end: usize, rng: &mut Rng) -> Highlight {
    let mut colours = vec![PALETTE[rng.usize(..PALETTE.len())]];
    if rng.usize(..5) == 0 {
        colours.push(PALETTE[rng.usize(..PALETTE.len())]);
    }
    Highlight {
        id: AnnotationId::new(format!("h{i:06}")).expect("id"),
        span: CharSpan::new(start, end).expect("span"),
        colours,
        selected: i == 5_000,
    }
}

/// A context, a view, the document and its highlights.
struct Rig {
    ctx: Context,
    view: DocumentView,
    doc: Document,
    highlights: Vec<Highlight>,
    revision: u64,
    time: f64,
    /// `run_ui` and `tessellate` of the last frame.
    split: (Duration, Duration),
}

impl Rig {
    fn new(doc: Document, highlights: Vec<Highlight>) -> Self {
        let mut rig = Self {
            ctx: Context::default(),
            view: DocumentView::new(),
            doc,
            highlights,
            revision: 1,
            time: 0.0,
            split: (Duration::ZERO, Duration::ZERO),
        };
        // Fonts and the glyph atlas warm, as in a running app.
        for _ in 0..3 {
            rig.frame(Vec::new());
        }
        rig
    }

    /// One frame: `run_ui` + `tessellate`, timed.
    fn frame(&mut self, events: Vec<Event>) -> Duration {
        let raw = RawInput {
            screen_rect: Some(SCREEN),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        self.time += 1.0 / 60.0;
        let input = ViewInput {
            doc: &self.doc,
            highlights: &self.highlights,
            highlights_revision: self.revision,
        };
        let view = &mut self.view;
        let start = Instant::now();
        let output = self.ctx.run_ui(raw, |ui| {
            view.show(ui, &input);
        });
        let ran = start.elapsed();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        self.split = (ran, elapsed.saturating_sub(ran));
        black_box(primitives);
        let mut textures = output.textures_delta;
        textures.clear();
        elapsed
    }

    fn wheel(&mut self, dy: f32) -> Duration {
        self.frame(vec![
            Event::PointerMoved(pos2(640.0, 450.0)),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, dy),
                phase: TouchPhase::Move,
                source: MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ])
    }

    /// Inserts one highlight at its sorted place (what the app's list looks like after an edit).
    fn add_highlight(&mut self, rng: &mut Rng) {
        let start = rng.usize(..self.doc.char_len() - 500);
        let h = highlight(90_000 + rng.usize(..9_999), start, start + 30, rng);
        let at = self
            .highlights
            .partition_point(|x| (x.span.start(), x.span.end()) < (start, start + 30));
        self.highlights.insert(at, h);
        self.revision += 1;
    }
}

/// p50, p95 and max of a set of durations, in milliseconds.
fn stats(samples: &mut [Duration]) -> (f64, f64, f64) {
    samples.sort_unstable();
    // Nearest rank: the sample below which `percent` % of them lie.
    let at = |percent: usize| {
        let i = ((samples.len() - 1) * percent + 50) / 100;
        samples[i].as_secs_f64() * 1e3
    };
    (at(50), at(95), at(100))
}

fn report(name: &str, samples: &mut [Duration]) {
    let n = samples.len();
    let (p50, p95, max) = stats(samples);
    eprintln!("{name:<44} n={n:<4} p50 {p50:7.3} ms  p95 {p95:7.3} ms  max {max:7.3} ms");
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The scripted session: hundreds of frames per case, percentiles to stderr.
fn scripted(doc: &Document, hls: &[Highlight]) {
    eprintln!(
        "document: {:.2} MB, {} chars, {} highlights",
        doc.text().len() as f64 / 1e6,
        doc.char_len(),
        hls.len()
    );
    let rss_before = rss_mb();
    let mut rig = Rig::new(doc.clone(), hls.to_vec());
    eprintln!("blocks: {}", rig.view.block_count());
    let mut rng = Rng::with_seed(99);
    open_and_scroll(&mut rig);
    jumps(&mut rig, &mut rng);
    hit_tests(&rig);
    edits(&mut rig, &mut rng);
    drag_and_zoom(&mut rig);

    // The cache after touring the document.
    for _ in 0..600 {
        rig.view.scroll_to(rng.usize(..doc.char_len()));
        rig.frame(Vec::new());
        rig.frame(Vec::new());
    }
    let s = rig.view.cache_stats();
    eprintln!(
        "cache after 900+ jumps: {} galleys, {} chars, {:.1} MB of galleys; \
         process RSS {:.0} MB ({:.0} MB before the view)",
        s.galleys,
        s.chars,
        s.bytes as f64 / 1e6,
        rss_mb(),
        rss_before
    );
}

/// First frame with a fresh view, then wheel scrolling down (new blocks) and back up (cached).
fn open_and_scroll(rig: &mut Rig) {
    let mut open = Vec::new();
    let mut whole = Vec::new();
    for _ in 0..30 {
        rig.view = DocumentView::new();
        let first = rig.frame(Vec::new());
        open.push(first);
        // The rest of the screen, if the first frame left some for the next.
        let mut total = first;
        while !rig.view.is_complete() {
            total += rig.frame(Vec::new());
        }
        whole.push(total);
    }
    report("first frame (fresh view, cold cache)", &mut open);
    report("  until the screen is complete", &mut whole);
    // What the app does every frame before calling the view (central panel): a fresh list.
    let mut copies = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        black_box(rig.highlights.clone());
        copies.push(start.elapsed());
    }
    report("(app side) cloning the 10k highlight list", &mut copies);
    let mut down = Vec::new();
    for _ in 0..400 {
        down.push(rig.wheel(-50.0));
    }
    let far = rig.view.first_visible_char();
    let mut up = Vec::new();
    for _ in 0..400 {
        up.push(rig.wheel(50.0));
    }
    report("scroll frame, wheel down (new blocks)", &mut down);
    report("scroll frame, wheel up (cached blocks)", &mut up);
    eprintln!("  (scrolled to char {far} and back)");
}

/// Jumps to random positions: the jump frame, then the frames that complete the screen when
/// the jump frame left part of it for later (at most ~6,000 characters laid out per frame).
fn jumps(rig: &mut Rig, rng: &mut Rng) {
    let len = rig.doc.char_len();
    let mut jumps = Vec::new();
    let mut cold = Vec::new();
    let mut follow = Vec::new();
    let mut whole = Vec::new();
    let mut split = 0;
    let mut laid = Vec::new();
    for _ in 0..300 {
        let before = rig.view.cache_stats().laid_chars;
        rig.view.scroll_to(rng.usize(..len));
        let t = rig.frame(Vec::new());
        jumps.push(t);
        if rig.view.cache_stats().laid_chars > before {
            cold.push(t);
        }
        let mut total = t;
        let mut frames = 0;
        while !rig.view.is_complete() && frames < 10 {
            let f = rig.frame(Vec::new());
            follow.push(f);
            total += f;
            frames += 1;
        }
        split += usize::from(frames > 0);
        whole.push(total);
        laid.push(rig.view.cache_stats().laid_chars - before);
        rig.frame(Vec::new());
    }
    laid.sort_unstable();
    report("jump to a random position (all)", &mut jumps);
    report("jump to a random position (text laid out)", &mut cold);
    report("  frames completing a split screen", &mut follow);
    report("  jump until the screen is complete", &mut whole);
    eprintln!(
        "  {split} of 300 jumps needed a second frame; characters laid out per jump: \
         p50 {} max {}",
        laid[laid.len() / 2],
        laid[laid.len() - 1]
    );
}

/// Position → character over the whole viewport.
fn hit_tests(rig: &Rig) {
    let positions: Vec<Pos2> = (0..1000u16)
        .map(|i| {
            pos2(
                20.0 + f32::from(i % 37) * 33.0,
                10.0 + f32::from(i % 89) * 10.0,
            )
        })
        .collect();
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..100 {
        for p in &positions {
            found += usize::from(black_box(rig.view.hit_test(*p)).is_some());
        }
    }
    let per = start.elapsed().as_secs_f64() * 1e9 / 100_000.0;
    eprintln!(
        "{:<44} {per:.0} ns per call ({found} hits of 100000)",
        "hit-test"
    );
}

/// Adding and removing one highlight (the index is rebuilt, no text is laid out).
fn edits(rig: &mut Rig, rng: &mut Rng) {
    let mut add = Vec::new();
    let mut remove = Vec::new();
    let mut still = Vec::new();
    let layouts = rig.view.cache_stats().layouts;
    for _ in 0..200 {
        rig.add_highlight(rng);
        add.push(rig.frame(Vec::new()));
        still.push(rig.frame(Vec::new()));
        rig.highlights.remove(rng.usize(..rig.highlights.len()));
        rig.revision += 1;
        remove.push(rig.frame(Vec::new()));
    }
    report("frame after adding one highlight", &mut add);
    report("frame after removing one highlight", &mut remove);
    report("frame with nothing changed", &mut still);
    eprintln!(
        "  blocks laid out by those 600 frames: {}",
        rig.view.cache_stats().layouts - layouts
    );
}

/// A drag held below the bottom edge (auto-scroll, a selection growing past 1,000 rows), then
/// zoom steps (a new font size each).
fn drag_and_zoom(rig: &mut Rig) {
    rig.view.scroll_to(1_000_000);
    for _ in 0..3 {
        rig.frame(Vec::new());
    }
    let start = pos2(300.0, 200.0);
    let below = pos2(600.0, SCREEN.bottom() + 150.0);
    rig.frame(vec![
        Event::PointerMoved(start),
        Event::PointerButton {
            pos: start,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        },
    ]);
    let mut drag = Vec::new();
    for _ in 0..600 {
        drag.push(rig.frame(vec![Event::PointerMoved(below)]));
    }
    rig.frame(vec![Event::PointerButton {
        pos: below,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    }]);
    let selected = rig.view.selection().map_or(0, CharSpan::len);
    report("drag with auto-scroll (selection growing)", &mut drag);
    let screen = rig.view.visible_chars().len().max(1);
    eprintln!(
        "  selected {selected} characters, {} screens of {screen}",
        selected / screen
    );

    let mut zoom = Vec::new();
    for step in 0..12 {
        if step < 6 {
            rig.view.zoom_in();
        } else {
            rig.view.zoom_out();
        }
        zoom.push(rig.frame(Vec::new()));
        while !rig.view.is_complete() {
            rig.frame(Vec::new());
        }
    }
    report("zoom step (new font size, new layout)", &mut zoom);
}

/// Wheel delta of frame `n` of a scroll: 300 frames down, 300 up, and so on.
fn direction(n: u64) -> f32 {
    if (n / 300).is_multiple_of(2) {
        -50.0
    } else {
        50.0
    }
}

/// Runs `frame` `iters` times and adds up the time of the frames only (not their setup).
fn frames(iters: u64, mut frame: impl FnMut() -> Duration) -> Duration {
    (0..iters).map(|_| frame()).sum()
}

fn criterion_benches(c: &mut Criterion, doc: &Document, hls: &[Highlight]) {
    let mut rig = Rig::new(doc.clone(), hls.to_vec());
    let mut rng = Rng::with_seed(7);
    let len = doc.char_len();
    let mut group = c.benchmark_group("document_view_5mb_10k");
    group.sample_size(30);
    group.bench_function("first_frame", |b| {
        b.iter_custom(|iters| {
            frames(iters, || {
                rig.view = DocumentView::new();
                rig.frame(Vec::new())
            })
        });
    });
    group.sample_size(100);
    let mut n = 0u64;
    group.bench_function("scroll_frame", |b| {
        b.iter_custom(|iters| {
            frames(iters, || {
                n += 1;
                // 300 frames down, 300 up, and so on.
                rig.wheel(direction(n))
            })
        });
    });
    group.bench_function("jump_frame", |b| {
        b.iter_custom(|iters| {
            frames(iters, || {
                rig.view.scroll_to(rng.usize(..len));
                rig.frame(Vec::new())
            })
        });
    });
    rig.frame(Vec::new());
    let p = pos2(500.0, 400.0);
    group.bench_function("hit_test", |b| {
        b.iter(|| rig.view.hit_test(black_box(p)));
    });
    group.bench_function("add_one_highlight_frame", |b| {
        b.iter_custom(|iters| {
            frames(iters, || {
                rig.add_highlight(&mut rng);
                let t = rig.frame(Vec::new());
                // Back to 10,000 (untimed), so that every sample sees the same list size.
                rig.highlights.remove(rng.usize(..rig.highlights.len()));
                rig.revision += 1;
                rig.frame(Vec::new());
                t
            })
        });
    });
    group.finish();
}

/// One case in a loop, for `perf record` (`NC_PROFILE=still|scroll|jump|add|layout`).
fn profile(phase: &str, doc: &Document, hls: &[Highlight]) {
    let mut rig = Rig::new(doc.clone(), hls.to_vec());
    if phase == "layout" {
        let font = egui::FontId::proportional(13.0);
        for len in [0usize, 1, 100, 500, 2000, 4000, 8000] {
            let mut total = Duration::ZERO;
            for i in 0..200 {
                let text: String = doc
                    .text()
                    .chars()
                    .skip(i * 9000)
                    .take(len)
                    .collect::<String>()
                    + &format!("{i}");
                let job = egui::text::LayoutJob::simple(text, font.clone(), Color32::WHITE, 1240.0);
                let t = Instant::now();
                let g = rig.ctx.fonts_mut(|f| f.layout_job(job));
                total += t.elapsed();
                black_box(g);
            }
            eprintln!(
                "layout {len} chars: {:.1} us",
                total.as_secs_f64() * 1e6 / 200.0
            );
        }
        return;
    }
    let mut rng = Rng::with_seed(5);
    let mut samples = Vec::new();
    let mut runs = Vec::new();
    let mut tess = Vec::new();
    for i in 0..3000u64 {
        samples.push(match phase {
            "scroll" => rig.wheel(direction(i)),
            "jump" => {
                rig.view.scroll_to(rng.usize(..doc.char_len()));
                rig.frame(Vec::new())
            }
            "add" => {
                rig.add_highlight(&mut rng);
                rig.frame(Vec::new())
            }
            _ => rig.frame(Vec::new()),
        });
        runs.push(rig.split.0);
        tess.push(rig.split.1);
    }
    report(phase, &mut samples);
    report("  run_ui", &mut runs);
    report("  tessellate", &mut tess);
}

fn main() {
    let doc = document();
    let hls = highlights(doc.char_len(), &mut Rng::with_seed(3));
    if let Ok(phase) = std::env::var("NC_PROFILE") {
        profile(&phase, &doc, &hls);
        return;
    }
    if std::env::args().any(|a| a == "--bench") {
        scripted(&doc, &hls);
    }
    let mut c = Criterion::default().configure_from_args();
    criterion_benches(&mut c, &doc, &hls);
    c.final_summary();
}
