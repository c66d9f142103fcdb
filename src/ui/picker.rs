//! File dialogs behind a trait, so that tests never open a real dialog (which would hang a
//! headless run) and the GUI can be driven with paths.

use std::path::PathBuf;

/// Asks the user for files.
pub trait FilePicker {
    /// A project to open.
    fn open_project(&mut self) -> Option<PathBuf>;
    /// Where to save a project.
    fn save_project(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Documents to import.
    fn documents(&mut self) -> Vec<PathBuf>;
    /// Where to write an exported table or chart (`extension` without the dot: csv, svg).
    fn export_file(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    /// A folder to export into (JSON Lines, brat); created by the export if it does not exist.
    fn export_folder(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// A REFI-QDA file to import (`extension` without the dot: qdpx or qdc).
    fn refi_file(&mut self, extension: &str) -> Option<PathBuf>;
    /// Several coders' project files to merge (File ▸ Merge coders' projects…).
    fn projects_to_merge(&mut self) -> Vec<PathBuf>;
    /// A folder whose documents to import.
    fn folder(&mut self) -> Option<PathBuf>;
}

/// The native dialogs (`rfd`).
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn open_project(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Normcoder project", &["ron"])
            .pick_file()
    }

    fn save_project(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Normcoder project", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
    }

    fn documents(&mut self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Documents", crate::import::batch::DOCUMENT_EXTENSIONS)
            .pick_files()
            .unwrap_or_default()
    }

    fn export_file(&mut self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(extension.to_uppercase(), &[extension])
            .set_file_name(suggested_name)
            .save_file()
    }

    fn export_folder(&mut self, suggested_name: &str) -> Option<PathBuf> {
        // A folder dialog cannot name a new folder: the user picks (or creates) the parent, and
        // the export goes into a new folder with the suggested name inside it unless the chosen
        // folder is empty.
        let chosen = rfd::FileDialog::new().pick_folder()?;
        let empty = std::fs::read_dir(&chosen).is_ok_and(|mut d| d.next().is_none());
        Some(if empty {
            chosen
        } else {
            chosen.join(suggested_name)
        })
    }

    fn refi_file(&mut self, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(format!("REFI-QDA (.{extension})"), &[extension])
            .pick_file()
    }

    fn projects_to_merge(&mut self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Normcoder project", &["ron"])
            .pick_files()
            .unwrap_or_default()
    }

    fn folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_folder()
    }
}

/// A picker that answers from queues: for tests and scripted runs.
#[derive(Debug, Default)]
pub struct ScriptedPicker {
    pub open: Vec<PathBuf>,
    pub save: Vec<PathBuf>,
    pub documents: Vec<Vec<PathBuf>>,
    /// Answers to `export_file`, in order.
    pub exports: Vec<PathBuf>,
    /// Answers to `export_folder`, in order.
    pub folders: Vec<PathBuf>,
    /// Answers to `refi_file`, in order.
    pub refi: Vec<PathBuf>,
    /// Answers to `projects_to_merge`, in order.
    pub merge: Vec<Vec<PathBuf>>,
    /// Answers to `folder` (documents to import), in order.
    pub document_folders: Vec<PathBuf>,
}

impl FilePicker for ScriptedPicker {
    fn open_project(&mut self) -> Option<PathBuf> {
        (!self.open.is_empty()).then(|| self.open.remove(0))
    }

    fn save_project(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        (!self.save.is_empty()).then(|| self.save.remove(0))
    }

    fn documents(&mut self) -> Vec<PathBuf> {
        if self.documents.is_empty() {
            Vec::new()
        } else {
            self.documents.remove(0)
        }
    }

    fn export_file(&mut self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        (!self.exports.is_empty()).then(|| self.exports.remove(0))
    }

    fn export_folder(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        (!self.folders.is_empty()).then(|| self.folders.remove(0))
    }

    fn refi_file(&mut self, _extension: &str) -> Option<PathBuf> {
        (!self.refi.is_empty()).then(|| self.refi.remove(0))
    }

    fn projects_to_merge(&mut self) -> Vec<PathBuf> {
        if self.merge.is_empty() {
            Vec::new()
        } else {
            self.merge.remove(0)
        }
    }

    fn folder(&mut self) -> Option<PathBuf> {
        (!self.document_folders.is_empty()).then(|| self.document_folders.remove(0))
    }
}
