//! Preferences kept between runs in eframe's storage: never project data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// How many recent projects the File menu lists.
const MAX_RECENT: usize = 10;

/// What the window remembers: language, recent files, coder name, zoom.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The coder's name as typed on first run.
    pub coder: Option<String>,
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
