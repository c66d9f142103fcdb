//! Everything that can go wrong between a project and its file, said so a user can act on it.

use std::fmt;
use std::path::PathBuf;

use crate::model::ModelError;

/// A project-file error. Messages name the file last, after the cause (rerun's rule).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{col}: {message}", path_or_text(path.as_deref()))]
    Syntax {
        path: Option<PathBuf>,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("not a Normcoder project ({reason}): {}", path_or_text(path.as_deref()))]
    NotAProject {
        path: Option<PathBuf>,
        reason: String,
    },
    #[error(
        "this project was written by a newer Normcoder (file format version {version}; this one reads up to {supported}); update Normcoder to open it: {}",
        path_or_text(path.as_deref())
    )]
    TooNew {
        path: Option<PathBuf>,
        version: u32,
        supported: u32,
    },
    #[error("the project breaks {} rule(s): {}\n{}", problems.len(), path_or_text(path.as_deref()), Problems(problems))]
    Invalid {
        path: Option<PathBuf>,
        problems: Vec<ModelError>,
    },
    #[error("file is {bytes} bytes, over the 1 GiB limit for a project: {}", path.display())]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("file is not UTF-8 text (first bad byte at offset {byte}): {}", path.display())]
    NotUtf8 { path: PathBuf, byte: usize },
    #[error("could not write the project as RON: {0}")]
    Serialize(String),
}

impl StoreError {
    /// Attaches the file name to an error raised while parsing text.
    #[must_use]
    pub fn with_path(self, file: &std::path::Path) -> Self {
        let p = Some(file.to_owned());
        match self {
            Self::Syntax {
                line, col, message, ..
            } => Self::Syntax {
                path: p,
                line,
                col,
                message,
            },
            Self::NotAProject { reason, .. } => Self::NotAProject { path: p, reason },
            Self::TooNew {
                version, supported, ..
            } => Self::TooNew {
                path: p,
                version,
                supported,
            },
            Self::Invalid { problems, .. } => Self::Invalid { path: p, problems },
            other => other,
        }
    }

    /// Line and column of a syntax error, if this is one.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Syntax { line, col, .. } => Some((*line, *col)),
            _ => None,
        }
    }
}

fn path_or_text(path: Option<&std::path::Path>) -> String {
    path.map_or_else(|| "<text>".to_owned(), |p| p.display().to_string())
}

/// Lists problems one per line, at most 20, so that a badly broken file gives a readable message.
struct Problems<'a>(&'a [ModelError]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 20;
        for p in self.0.iter().take(SHOWN) {
            writeln!(f, "  - {p}")?;
        }
        if self.0.len() > SHOWN {
            writeln!(f, "  … and {} more", self.0.len() - SHOWN)?;
        }
        Ok(())
    }
}
