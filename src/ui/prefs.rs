//! Preferences kept between runs in eframe's storage: never project data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// How many recent projects the File menu lists.
const MAX_RECENT: usize = 10;

/// What the window remembers: language, recent files, coder name, reading width.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The coder's name as typed on first run.
    pub coder: Option<String>,
    /// The document's lines are at most this many characters long, centred (`None`: the whole
    /// width); long lines on a wide screen are hard to read.
    pub reading_chars: Option<u16>,
}

/// The reading width a new user gets: about 100 characters a line.
pub const DEFAULT_READING_CHARS: u16 = 100;

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            lang: Lang::default(),
            recent: Vec::new(),
            coder: None,
            reading_chars: Some(DEFAULT_READING_CHARS),
        }
    }
}

impl UiPrefs {
    /// Puts a project at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
