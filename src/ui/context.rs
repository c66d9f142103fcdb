//! What every view may read: the open project and the app's shared choices, read-only.
//!
//! The app builds a [`Cx`] once per frame from its own fields; a view is drawn as
//! `view.show(ui, &cx, &mut commands)`, owns its UI state (filter text, tab, memo being typed…)
//! and asks for everything else by pushing a [`UiCommand`](super::command::UiCommand). A view
//! cannot save, open a dialog or change the project: it has no way to reach them.

use std::path::PathBuf;

use crate::model::{
    Annotation, AnnotationId, CharSpan, CodeId, Coder, CoderId, DocId, Document, Lang, Project,
};
use crate::session::Session;

use super::i18n::{Tr, tr};

/// The read-only context of one frame.
#[derive(Debug, Clone, Copy)]
pub struct Cx<'a> {
    /// The open project with its history and file, if any.
    pub session: Option<&'a Session>,
    /// Interface language.
    pub lang: Lang,
    /// Who is coding now.
    pub coder: Option<&'a Coder>,
    /// Only this coder's annotations are shown, when set.
    pub coder_filter: Option<&'a CoderId>,
    /// The document shown in the centre.
    pub current_doc: Option<&'a DocId>,
    /// The text selected in the document view (characters).
    pub selection: Option<CharSpan>,
    /// The annotation shown in the details panel.
    pub selected_annotation: Option<&'a AnnotationId>,
    /// The code used last (`r` repeats it).
    pub last_code: Option<&'a CodeId>,
    /// Recently opened projects, most recent first.
    pub recent: &'a [PathBuf],
    /// The last message for the status bar.
    pub status: Option<&'a str>,
    /// The recovery file is up to date with the project in memory.
    pub autosaved: bool,
    /// The longest line of the document view, in characters (`None`: the whole width).
    pub reading_chars: Option<u16>,
}

impl<'a> Cx<'a> {
    /// The interface strings.
    #[must_use]
    pub fn tr(&self) -> &'static Tr {
        tr(self.lang)
    }

    /// The open project.
    #[must_use]
    pub fn project(&self) -> Option<&'a Project> {
        self.session.map(Session::project)
    }

    /// The project's history state: changes with every edit, undo and redo (cache keys).
    #[must_use]
    pub fn state(&self) -> u64 {
        self.session.map_or(0, |s| s.history().state())
    }

    /// The document shown in the centre.
    #[must_use]
    pub fn document(&self) -> Option<&'a Document> {
        self.project()?.document(self.current_doc?)
    }

    /// Whether `annotation` passes the coder filter.
    #[must_use]
    pub fn shows(&self, annotation: &Annotation) -> bool {
        self.coder_filter.is_none_or(|c| annotation.coder() == c)
    }

    /// The annotations shown in the current document, in reading order (coder filter applied).
    #[must_use]
    pub fn visible_annotations(&self) -> Vec<&'a Annotation> {
        let (Some(project), Some(doc)) = (self.project(), self.current_doc) else {
            return Vec::new();
        };
        project
            .annotations_in(doc)
            .filter(|a| self.shows(a))
            .collect()
    }
}
