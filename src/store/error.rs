//! Everything that can go wrong between a project and its file, said so a user can act on it.

use std::fmt;
use std::path::PathBuf;

use crate::model::ModelError;

use super::LooksLike;

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
    /// The file is not a Normcoder project at all: some other tool's RON (`looks_like` is `None`),
    /// or a document, an archive, an empty file (`looks_like` says which, so the window can say
    /// it in the user's language and offer to import a document).
    #[error(
        "not a Normcoder project ({reason}{}): {}",
        advice(*looks_like, path.as_deref()),
        path_or_text(path.as_deref())
    )]
    NotAProject {
        path: Option<PathBuf>,
        /// What the file looks like instead, when its first bytes tell.
        looks_like: Option<LooksLike>,
        /// Why, in English (`it looks like a plain-text document`, `format is "qualcoder-project"…`).
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
            Self::NotAProject {
                looks_like, reason, ..
            } => Self::NotAProject {
                path: p,
                looks_like,
                reason,
            },
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

/// `; import it into a project with …` for a file that has a way forward, naming the file as a
/// shell would need it; nothing otherwise.
fn advice(looks_like: Option<LooksLike>, path: Option<&std::path::Path>) -> String {
    let file = path.map_or_else(
        || "FILE".to_owned(),
        |p| {
            let shown = p.display().to_string();
            if shown.contains(|c: char| c.is_whitespace() || "'\"$`\\".contains(c)) {
                format!("'{}'", shown.replace('\'', r"'\''"))
            } else {
                shown
            }
        },
    );
    looks_like
        .and_then(|k| k.advice(&file))
        .map(|a| format!("; {a}"))
        .unwrap_or_default()
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
