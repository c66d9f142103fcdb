//! Stable GUIDs for REFI-QDA and Web Annotation identifiers.
//!
//! Other tools match objects between two imports by GUID, so the same project must export the
//! same GUIDs every time (ATLAS.ti mints fresh ones on every export, and re-imports duplicate
//! everything). They are UUID v5 (SHA-1 of a name) derived from Normcoder's ids: codes by their
//! id alone, so that two projects sharing the Paris Call codebook share code GUIDs; everything
//! else inside a namespace derived from the project's creation time, which never changes,
//! so that document `intro` of two different projects does not collide.

use uuid::Uuid;

use crate::model::{AnnotationId, CodeId, CoderId, DocId, GroupId, Project};

/// Normcoder's own UUID v5 namespace (itself v5 of the URL namespace and the project's name).
fn root() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://normcoder.invalid/refi-qda")
}

/// A code's GUID: the same in every project, so that codebooks match across projects.
#[must_use]
pub fn code_guid(id: &CodeId) -> String {
    Uuid::new_v5(&root(), format!("code:{id}").as_bytes())
        .hyphenated()
        .to_string()
}

/// A code group's GUID (a folder code in REFI-QDA), the same in every project.
#[must_use]
pub fn group_guid(id: &GroupId) -> String {
    Uuid::new_v5(&root(), format!("group:{id}").as_bytes())
        .hyphenated()
        .to_string()
}

/// The GUID factory for one project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guids {
    project: Uuid,
}

impl Guids {
    /// GUIDs for this project.
    #[must_use]
    pub fn new(project: &Project) -> Self {
        let created = crate::export::timestamp(project.meta().created);
        Self {
            project: Uuid::new_v5(&root(), format!("project:{created}").as_bytes()),
        }
    }

    fn scoped(self, kind: &str, id: &str) -> String {
        Uuid::new_v5(&self.project, format!("{kind}:{id}").as_bytes())
            .hyphenated()
            .to_string()
    }

    /// The project itself.
    #[must_use]
    pub fn project(self) -> String {
        self.project.hyphenated().to_string()
    }

    /// A code: the same in every project.
    #[must_use]
    pub fn code(self, id: &CodeId) -> String {
        code_guid(id)
    }

    /// A code group (a folder code in REFI-QDA).
    #[must_use]
    pub fn group(self, id: &GroupId) -> String {
        group_guid(id)
    }

    #[must_use]
    pub fn coder(self, id: &CoderId) -> String {
        self.scoped("coder", id.as_str())
    }

    #[must_use]
    pub fn document(self, id: &DocId) -> String {
        self.scoped("document", id.as_str())
    }

    #[must_use]
    pub fn annotation(self, id: &AnnotationId) -> String {
        self.scoped("annotation", id.as_str())
    }

    /// One code applied by one annotation (a REFI-QDA `Coding`).
    #[must_use]
    pub fn coding(self, ann: &AnnotationId, code: &CodeId) -> String {
        self.scoped("coding", &format!("{ann}/{code}"))
    }

    /// The note holding an annotation's memo.
    #[must_use]
    pub fn memo(self, ann: &AnnotationId) -> String {
        self.scoped("memo", ann.as_str())
    }

    /// A document variable (metadata field or attribute name).
    #[must_use]
    pub fn variable(self, name: &str) -> String {
        self.scoped("variable", name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_lower_case_hyphenated_and_distinct() {
        let project =
            crate::testkit::synth::project(crate::model::Codebook::default(), 1, 50, 0, 1)
                .expect("synthetic project");
        let g = Guids::new(&project);
        let doc = DocId::new("intro").expect("id");
        let a = g.document(&doc);
        assert_eq!(a, Guids::new(&project).document(&doc), "stable");
        assert_eq!(a.len(), 36);
        assert!(
            a.chars()
                .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_lowercase())
        );
        assert_ne!(a, g.coder(&CoderId::new("intro").expect("id")));
        let code = CodeId::new("pc.1").expect("id");
        assert_ne!(
            g.code(&code),
            g.coding(&AnnotationId::new("x").expect("id"), &code)
        );
    }
}
