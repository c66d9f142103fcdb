//! File dialogs behind a trait, so that tests never open a real dialog (which would hang a
//! headless run) and the GUI can be driven with paths.
//!
//! Three ways to answer a [`PickRequest`]: the desktop's own dialog ([`NativePicker`], `rfd`),
//! a script ([`ScriptedPicker`], tests), and — when the desktop has no file chooser at all — the
//! in-window picker (`ui::pick_window`), which answers frames later. rfd's portal backend reports
//! a missing portal (and a missing `zenity`) as if the user had cancelled, so whether a native
//! dialog exists is decided before asking, once per run ([`native_dialogs`]); this module also
//! says what each request looks like in the window (title, mode, file types) and tidies its
//! answers.

use std::path::{Path, PathBuf};

use super::command::{ExportPick, PickRequest};
use super::i18n::Tr;

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
    /// Whether this picker can answer now. When it cannot (no file chooser on this desktop),
    /// the app draws the in-window picker instead and none of the methods above is called.
    fn available(&mut self) -> bool {
        true
    }
}

/// The native dialogs (`rfd`), when the desktop has them.
#[derive(Debug, Default)]
pub struct NativePicker {
    /// Whether the desktop offers a file chooser: probed at the first request, then kept (the
    /// probe talks to the session bus; the answer does not change during a run).
    decided: Option<bool>,
}

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
        let chosen = rfd::FileDialog::new().pick_folder()?;
        Some(export_folder_target(chosen, suggested_name))
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

    fn available(&mut self) -> bool {
        *self
            .decided
            .get_or_insert_with(|| native_dialogs(&DesktopFacts::probe()))
    }
}

/// A desktop without any file chooser: every request goes to the in-window picker. Tests use
/// it to drive that picker; it is also what a minimal desktop looks like to the app.
#[derive(Debug, Default)]
pub struct NoNativePicker;

impl FilePicker for NoNativePicker {
    fn open_project(&mut self) -> Option<PathBuf> {
        None
    }

    fn save_project(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }

    fn documents(&mut self) -> Vec<PathBuf> {
        Vec::new()
    }

    fn export_file(&mut self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        None
    }

    fn export_folder(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }

    fn refi_file(&mut self, _extension: &str) -> Option<PathBuf> {
        None
    }

    fn projects_to_merge(&mut self) -> Vec<PathBuf> {
        Vec::new()
    }

    fn folder(&mut self) -> Option<PathBuf> {
        None
    }

    fn available(&mut self) -> bool {
        false
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

/// Asks `picker` (a native dialog or a script) at once; empty when the user cancelled.
pub fn ask_now(picker: &mut dyn FilePicker, request: &PickRequest) -> Vec<PathBuf> {
    let one = |p: Option<PathBuf>| p.into_iter().collect::<Vec<_>>();
    match request {
        PickRequest::OpenProject => one(picker.open_project()),
        PickRequest::SaveProject { suggested, .. } | PickRequest::QdpxTarget { suggested, .. } => {
            one(picker.save_project(suggested))
        }
        PickRequest::NewProject => one(picker.save_project(NEW_PROJECT_NAME)),
        PickRequest::MergeOutput { .. } => one(picker.save_project(MERGED_NAME)),
        PickRequest::Documents => picker.documents(),
        PickRequest::DocumentFolder => one(picker.folder()),
        PickRequest::Export(export) => {
            let ExportPick {
                format, suggested, ..
            } = export.as_ref();
            if format.is_folder() {
                one(picker.export_folder(suggested))
            } else {
                one(picker.export_file(suggested, format.extension()))
            }
        }
        PickRequest::SaveText {
            suggested,
            extension,
            ..
        } => one(picker.export_file(suggested, extension)),
        PickRequest::QdpxSource => one(picker.refi_file("qdpx")),
        PickRequest::Qdc => one(picker.refi_file("qdc")),
        PickRequest::MergeInputs => picker.projects_to_merge(),
    }
}

/// The file name File ▸ New project… offers.
pub const NEW_PROJECT_NAME: &str = "study.ncp.ron";
/// The file name a merge offers.
pub const MERGED_NAME: &str = "merged.ncp.ron";

/// A folder dialog cannot name a new folder: the user picks (or creates) the parent, and the
/// export goes into a new folder with the suggested name inside it unless the chosen folder is
/// empty.
pub fn export_folder_target(chosen: PathBuf, suggested_name: &str) -> PathBuf {
    let empty = std::fs::read_dir(&chosen).is_ok_and(|mut d| d.next().is_none());
    if empty {
        chosen
    } else {
        chosen.join(suggested_name)
    }
}

// ---- the request as the in-window picker shows it ----

/// What kind of answer the in-window picker asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickMode {
    /// One existing file.
    Open,
    /// One or more existing files.
    OpenSeveral,
    /// A file to write, with the name offered.
    Save(String),
    /// A folder.
    Folder,
}

/// Which files the in-window picker lists (folders are always listed, to walk through).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileTypes {
    /// `*.ron` (so `*.ncp.ron` too).
    Projects,
    /// `import::batch::DOCUMENT_EXTENSIONS`.
    Documents,
    /// One extension, without the dot.
    Extension(String),
    /// Folders only.
    Folders,
}

impl FileTypes {
    /// Whether a file of this name is one of these types (extensions in any case, as the
    /// import reads them).
    #[must_use]
    pub fn matches(&self, name: &str) -> bool {
        let has = |ext: &str| {
            name.len() > ext.len() + 1
                && name
                    .rsplit_once('.')
                    .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
        };
        match self {
            Self::Projects => has("ron"),
            Self::Documents => crate::import::batch::DOCUMENT_EXTENSIONS
                .iter()
                .any(|e| has(e)),
            Self::Extension(ext) => has(ext),
            Self::Folders => false,
        }
    }

    /// The filter in words, as the picker shows it: "Normcoder projects (*.ron, *.ncp.ron)".
    #[must_use]
    pub fn describe(&self, t: &Tr) -> String {
        let globs = |exts: &[&str]| {
            exts.iter()
                .map(|e| format!("*.{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Self::Projects => format!("{} ({})", t.pick_projects, globs(&["ron", "ncp.ron"])),
            Self::Documents => format!(
                "{} ({})",
                t.documents,
                globs(crate::import::batch::DOCUMENT_EXTENSIONS)
            ),
            Self::Extension(ext) => format!("*.{ext}"),
            Self::Folders => t.pick_folders_only.to_owned(),
        }
    }
}

/// How the in-window picker asks: mode (with the name offered) and the files it lists.
#[must_use]
pub fn mode_and_types(request: &PickRequest) -> (PickMode, FileTypes) {
    let save = |name: &str| PickMode::Save(name.to_owned());
    match request {
        PickRequest::OpenProject => (PickMode::Open, FileTypes::Projects),
        PickRequest::SaveProject { suggested, .. } | PickRequest::QdpxTarget { suggested, .. } => {
            (save(suggested), FileTypes::Projects)
        }
        PickRequest::NewProject => (save(NEW_PROJECT_NAME), FileTypes::Projects),
        PickRequest::MergeOutput { .. } => (save(MERGED_NAME), FileTypes::Projects),
        PickRequest::Documents => (PickMode::OpenSeveral, FileTypes::Documents),
        PickRequest::DocumentFolder => (PickMode::Folder, FileTypes::Folders),
        PickRequest::Export(export) => {
            if export.format.is_folder() {
                (PickMode::Folder, FileTypes::Folders)
            } else {
                (
                    save(&export.suggested),
                    FileTypes::Extension(export.format.extension().to_owned()),
                )
            }
        }
        PickRequest::SaveText {
            suggested,
            extension,
            ..
        } => (save(suggested), FileTypes::Extension(extension.clone())),
        PickRequest::QdpxSource => (PickMode::Open, FileTypes::Extension("qdpx".to_owned())),
        PickRequest::Qdc => (PickMode::Open, FileTypes::Extension("qdc".to_owned())),
        PickRequest::MergeInputs => (PickMode::OpenSeveral, FileTypes::Projects),
    }
}

/// What the in-window picker's title says is asked, in the interface language.
#[must_use]
pub fn title(request: &PickRequest, t: &Tr) -> String {
    match request {
        PickRequest::OpenProject => t.pick_open_project.to_owned(),
        PickRequest::SaveProject { .. } => t.pick_save_project.to_owned(),
        PickRequest::NewProject => t.pick_new_project.to_owned(),
        PickRequest::Documents => t.pick_documents.to_owned(),
        PickRequest::DocumentFolder => t.pick_document_folder.to_owned(),
        PickRequest::Export(export) if export.format.is_folder() => {
            format!("{} ({})", t.pick_export_folder, export.format.name())
        }
        PickRequest::Export(export) => {
            format!("{} (.{})", t.pick_export_file, export.format.extension())
        }
        PickRequest::SaveText { extension, .. } => format!("{} (.{extension})", t.pick_save_text),
        PickRequest::QdpxSource => t.pick_qdpx.to_owned(),
        PickRequest::QdpxTarget { .. } => t.pick_qdpx_target.to_owned(),
        PickRequest::Qdc => t.pick_qdc.to_owned(),
        PickRequest::MergeInputs => t.pick_merge_inputs.to_owned(),
        PickRequest::MergeOutput { .. } => t.pick_merge_output.to_owned(),
    }
}

/// The in-window picker's answer made to mean what a native dialog's would: a project saved
/// without `.ron` gets `.ncp.ron` (so the Open picker lists it later), a table without its
/// extension gets it, and an export folder follows [`export_folder_target`].
#[must_use]
pub fn tidy_answer(request: &PickRequest, paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let add = |path: PathBuf, ext: &str| {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| FileTypes::Extension(ext.to_owned()).matches(&n)) {
            return path;
        }
        let mut s = path.into_os_string();
        s.push(".");
        s.push(if ext == "ron" { "ncp.ron" } else { ext });
        PathBuf::from(s)
    };
    match request {
        PickRequest::SaveProject { .. }
        | PickRequest::NewProject
        | PickRequest::QdpxTarget { .. }
        | PickRequest::MergeOutput { .. } => paths.into_iter().map(|p| add(p, "ron")).collect(),
        PickRequest::SaveText { extension, .. } => {
            paths.into_iter().map(|p| add(p, extension)).collect()
        }
        PickRequest::Export(export) if export.format.is_folder() => paths
            .into_iter()
            .map(|p| export_folder_target(p, &export.suggested))
            .collect(),
        PickRequest::Export(_)
        | PickRequest::OpenProject
        | PickRequest::Documents
        | PickRequest::DocumentFolder
        | PickRequest::QdpxSource
        | PickRequest::Qdc
        | PickRequest::MergeInputs => paths,
    }
}

/// The folders the in-window picker offers beside its list, without repeats: the project's
/// folder, the folders of recent projects, home. (Whether they still exist is the caller's
/// question.)
#[must_use]
pub fn places(project: Option<&Path>, recent: &[PathBuf], home: Option<&Path>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let folders = project
        .and_then(Path::parent)
        .into_iter()
        .chain(recent.iter().filter_map(|p| p.parent()))
        .chain(home);
    for folder in folders {
        if !folder.as_os_str().is_empty() && !out.iter().any(|p| p == folder) {
            out.push(folder.to_path_buf());
        }
    }
    out
}

/// Where the in-window picker starts: beside the first answer of a two-step flow, else in the
/// project's folder, else in the first place offered.
#[must_use]
pub fn start_folder(
    request: &PickRequest,
    project: Option<&Path>,
    places: &[PathBuf],
) -> Option<PathBuf> {
    let beside = match request {
        PickRequest::QdpxTarget { source, .. } => Some(source.as_path()),
        PickRequest::MergeOutput { files } => files.first().map(PathBuf::as_path),
        _ => project,
    };
    beside
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or_else(|| places.first().cloned())
}

// ---- whether the desktop has a file chooser ----

/// The variable that overrides the probe: `native` or `window` (for a desktop whose portal
/// answers but shows nothing, e.g. on another display of a remote session).
pub const FORCE_VARIABLE: &str = "NORMCODER_FILE_DIALOG";

/// What decides whether a native file dialog can be shown, gathered once per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DesktopFacts {
    /// Windows and macOS always have their own dialogs.
    pub own_dialogs: bool,
    /// [`FORCE_VARIABLE`]: `Some(true)` for native, `Some(false)` for the in-window picker.
    pub forced: Option<bool>,
    /// The XDG desktop portal answers on the session bus with its file chooser (what rfd asks
    /// first). Not asked when `zenity` already decides.
    pub portal: bool,
    /// `zenity` is on `PATH` (rfd's fallback when the portal fails).
    pub zenity: bool,
}

/// Whether to use the native dialogs: the override if set, else yes on Windows and macOS, else
/// when rfd has something to show (the portal or `zenity`).
#[must_use]
pub fn native_dialogs(facts: &DesktopFacts) -> bool {
    facts
        .forced
        .unwrap_or(facts.own_dialogs || facts.portal || facts.zenity)
}

/// Reads [`FORCE_VARIABLE`]'s value: anything else than the two words leaves the probe to decide.
#[must_use]
pub fn forced(value: Option<&str>) -> Option<bool> {
    match value.map(str::trim) {
        Some(v) if v.eq_ignore_ascii_case("native") => Some(true),
        Some(v) if v.eq_ignore_ascii_case("window") => Some(false),
        _ => None,
    }
}

impl DesktopFacts {
    /// Looks at this desktop. The bus is asked only on the systems where rfd uses the portal,
    /// and only when nothing already decided.
    #[must_use]
    pub fn probe() -> Self {
        let own_dialogs = cfg!(any(target_os = "windows", target_os = "macos"));
        let forced = forced(std::env::var(FORCE_VARIABLE).ok().as_deref());
        if own_dialogs || forced.is_some() {
            return Self {
                own_dialogs,
                forced,
                ..Self::default()
            };
        }
        let zenity = std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join("zenity").is_file()));
        Self {
            own_dialogs,
            forced,
            portal: !zenity && portal::file_chooser(),
            zenity,
        }
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
mod portal {
    //! rfd 0.17 opens the `org.freedesktop.portal.FileChooser` interface of
    //! `org.freedesktop.portal.Desktop` on the session bus. The portal exports that interface
    //! only when one of its backends implements it, so reading its `version` property says
    //! whether a dialog can come: no bus, no portal (neither running nor activatable) or no
    //! backend is an error, and a bus that does not answer in time counts as none.

    use std::time::Duration;

    use futures_lite::FutureExt as _;

    /// How long the bus may take to answer (starting the portal included).
    const PATIENCE: Duration = Duration::from_secs(4);

    pub fn file_chooser() -> bool {
        let ask = async {
            let conn = zbus::connection::Builder::session()?
                .method_timeout(PATIENCE)
                .build()
                .await?;
            conn.call_method(
                Some("org.freedesktop.portal.Desktop"),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.portal.FileChooser", "version"),
            )
            .await
            .map(|_| true)
        };
        let late = async {
            async_io::Timer::after(PATIENCE).await;
            Ok::<bool, zbus::Error>(false)
        };
        async_io::block_on(ask.or(late)).unwrap_or(false)
    }
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
mod portal {
    //! No XDG portal outside the free Unixes.

    pub fn file_chooser() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::{EN, FR};

    #[test]
    fn native_dialogs_when_the_system_has_them_or_rfd_has_a_way() {
        let none = DesktopFacts::default();
        assert!(!native_dialogs(&none), "no portal, no zenity: in-window");
        for facts in [
            DesktopFacts {
                own_dialogs: true,
                ..none
            },
            DesktopFacts {
                portal: true,
                ..none
            },
            DesktopFacts {
                zenity: true,
                ..none
            },
        ] {
            assert!(native_dialogs(&facts), "{facts:?}");
        }
        // The override wins both ways.
        let everything = DesktopFacts {
            own_dialogs: true,
            forced: Some(false),
            portal: true,
            zenity: true,
        };
        assert!(!native_dialogs(&everything));
        assert!(native_dialogs(&DesktopFacts {
            forced: Some(true),
            ..none
        }));
        assert_eq!(forced(Some(" Window ")), Some(false));
        assert_eq!(forced(Some("native")), Some(true));
        assert_eq!(forced(Some("gtk")), None);
        assert_eq!(forced(None), None);
    }

    #[test]
    fn file_types_match_extensions_in_any_case() {
        assert!(FileTypes::Projects.matches("study.ncp.ron"));
        assert!(FileTypes::Projects.matches("OLD.RON"));
        assert!(!FileTypes::Projects.matches("ron"));
        assert!(!FileTypes::Projects.matches("notes.txt"));
        assert!(FileTypes::Documents.matches("Call.PDF"));
        assert!(FileTypes::Documents.matches("a.docx"));
        assert!(!FileTypes::Documents.matches("a.exe"));
        assert!(FileTypes::Extension("qdpx".to_owned()).matches("x.qdpx"));
        assert!(!FileTypes::Extension("qdpx".to_owned()).matches("x.qdc"));
        assert!(!FileTypes::Folders.matches("x.ron"));
        assert_eq!(
            FileTypes::Projects.describe(&EN),
            "Normcoder projects (*.ron, *.ncp.ron)"
        );
        assert!(FileTypes::Documents.describe(&FR).contains("*.txt"));
    }

    #[test]
    fn every_request_has_a_title_and_a_mode() {
        let export = |format| {
            PickRequest::Export(Box::new(ExportPick {
                format,
                filter: crate::export::Filter::default(),
                options: crate::export::Options::default(),
                suggested: "study.csv".to_owned(),
            }))
        };
        let csv = export(crate::export::Format::Csv);
        assert_eq!(
            mode_and_types(&csv),
            (
                PickMode::Save("study.csv".to_owned()),
                FileTypes::Extension("csv".to_owned())
            )
        );
        assert_eq!(title(&csv, &EN), "Export to a file (.csv)");
        assert_eq!(
            mode_and_types(&PickRequest::MergeInputs),
            (PickMode::OpenSeveral, FileTypes::Projects)
        );
        assert_eq!(
            mode_and_types(&PickRequest::NewProject).0,
            PickMode::Save(NEW_PROJECT_NAME.to_owned())
        );
        assert_eq!(title(&PickRequest::OpenProject, &FR), "Ouvrir un projet");
        assert_eq!(
            mode_and_types(&PickRequest::DocumentFolder),
            (PickMode::Folder, FileTypes::Folders)
        );
    }

    #[test]
    fn answers_get_the_extension_they_lack() {
        let save = PickRequest::SaveProject {
            suggested: "x.ncp.ron".to_owned(),
            then: None,
        };
        assert_eq!(
            tidy_answer(&save, vec![PathBuf::from("/d/copy")]),
            vec![PathBuf::from("/d/copy.ncp.ron")]
        );
        assert_eq!(
            tidy_answer(&save, vec![PathBuf::from("/d/copy.ron")]),
            vec![PathBuf::from("/d/copy.ron")]
        );
        let text = PickRequest::SaveText {
            suggested: "t.csv".to_owned(),
            extension: "csv".to_owned(),
            content: String::new(),
        };
        assert_eq!(
            tidy_answer(&text, vec![PathBuf::from("/d/t")]),
            vec![PathBuf::from("/d/t.csv")]
        );
        let open = vec![PathBuf::from("/d/a"), PathBuf::from("/d/b")];
        assert_eq!(tidy_answer(&PickRequest::Documents, open.clone()), open);
    }

    #[test]
    fn places_are_the_project_recent_and_home_folders_once_each() {
        let recent = vec![
            PathBuf::from("/p/a.ncp.ron"),
            PathBuf::from("/q/b.ncp.ron"),
            PathBuf::from("/p/c.ncp.ron"),
        ];
        let places = places(
            Some(Path::new("/q/open.ncp.ron")),
            &recent,
            Some(Path::new("/home/me")),
        );
        assert_eq!(
            places,
            vec![
                PathBuf::from("/q"),
                PathBuf::from("/p"),
                PathBuf::from("/home/me")
            ]
        );
        // A two-step flow starts beside its first answer.
        let merge = PickRequest::MergeOutput {
            files: vec![PathBuf::from("/m/a.ncp.ron")],
        };
        assert_eq!(
            start_folder(&merge, Some(Path::new("/q/open.ncp.ron")), &places),
            Some(PathBuf::from("/m"))
        );
        assert_eq!(
            start_folder(&PickRequest::OpenProject, None, &places),
            Some(PathBuf::from("/q"))
        );
        assert_eq!(start_folder(&PickRequest::OpenProject, None, &[]), None);
    }
}
