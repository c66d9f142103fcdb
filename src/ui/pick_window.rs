//! The in-window file picker: what a file dialog asks, drawn inside the window with `egui_file`
//! when the desktop has no file chooser of its own (no XDG portal and no `zenity`: minimal
//! desktops, tiling window managers, remote sessions). Without it every Open, Save as, Import
//! and Export would do nothing there, without a word.
//!
//! A view like the others: the app opens it on a [`PickRequest`] (`ui/app/pick.rs`), and the
//! answer comes back as [`UiCommand::Picked`] with that request, so the flow that asked resumes
//! as after a native dialog; Cancel (or Escape) closes it and sends nothing, as a cancelled
//! native dialog. It is modal like one: while it is open, the rest of the window neither takes
//! clicks nor keys. Listing a folder is the crate's work; this view reads no file itself.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use egui::{Align2, Color32, Context, Id, Order, Sense};
use egui_file::{FileDialog, State};

use super::command::{PickRequest, UiCommand};
use super::context::Cx;
use super::i18n::Tr;
use super::picker::{self, PickMode};

/// The picker window's id: its rect places the folders beside it.
const WINDOW_ID: &str = "normcoder-pick-window";
/// Width of the column of folders on the left of the picker.
const PLACES_WIDTH: f32 = 200.0;

/// The in-window picker: closed, or asking one request.
#[derive(Debug, Default)]
pub struct PickWindow {
    asking: Option<Asking>,
}

/// One open request with the crate's dialog drawing it.
#[derive(Debug)]
struct Asking {
    request: PickRequest,
    dialog: FileDialog,
    mode: PickMode,
    /// The file-type filter in words.
    shows: String,
    /// Folders offered beside the list: label and folder.
    places: Vec<(String, PathBuf)>,
}

impl PickWindow {
    /// Whether it is asking (the app then reads no shortcut: the keys are the picker's).
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.asking.is_some()
    }

    /// The request being asked, if any.
    #[must_use]
    pub fn request(&self) -> Option<&PickRequest> {
        self.asking.as_ref().map(|a| &a.request)
    }

    /// Asks `request` (dropping one still open, as a second native dialog would not open over
    /// the first), starting in `start`, with `places` offered beside the list (`home` among
    /// them is named so).
    pub fn open(
        &mut self,
        request: PickRequest,
        start: Option<PathBuf>,
        places: &[PathBuf],
        home: Option<&Path>,
        t: &'static Tr,
    ) {
        let (mode, types) = picker::mode_and_types(&request);
        let mut dialog = match &mode {
            PickMode::Open | PickMode::OpenSeveral => FileDialog::open_file(),
            PickMode::Save(_) => FileDialog::save_file(),
            PickMode::Folder => FileDialog::select_folder(),
        }
        .id(Id::unique(WINDOW_ID))
        .title(&picker::title(&request, t))
        .anchor(Align2::CENTER_CENTER, [PLACES_WIDTH / 2.0, 0.0])
        .default_size([540.0, 460.0])
        .keep_on_top(true)
        // Renaming files and making folders are not what was asked; nothing is written here.
        .show_rename(false)
        .show_new_folder(false)
        .multi_select(mode == PickMode::OpenSeveral)
        .open_button_text(Cow::Borrowed(if mode == PickMode::Folder {
            t.pick_choose
        } else {
            t.pick_open
        }))
        .save_button_text(Cow::Borrowed(t.pick_save))
        .cancel_button_text(Cow::Borrowed(t.cancel))
        .file_label_text(Cow::Borrowed(t.pick_file_label))
        .refresh_button_hover_text(Cow::Borrowed(t.pick_refresh))
        .parent_folder_button_hover_text(Cow::Borrowed(t.pick_parent))
        .show_hidden_checkbox_text(Cow::Borrowed(t.pick_hidden));
        if let Some(start) = start {
            dialog = dialog.initial_path(start);
        }
        if let PickMode::Save(name) = &mode {
            dialog = dialog.default_filename(name.clone());
        }
        let listed = types.clone();
        dialog = dialog.show_files_filter(Box::new(move |path: &Path| {
            path.file_name()
                .is_some_and(|n| listed.matches(&n.to_string_lossy()))
        }));
        if matches!(mode, PickMode::Open | PickMode::OpenSeveral) {
            let chosen = types.clone();
            dialog = dialog.filename_filter(Box::new(move |name: &str| chosen.matches(name)));
        }
        dialog.open();
        let places = places
            .iter()
            .map(|folder| {
                let label = if Some(folder.as_path()) == home {
                    format!("🏠 {}", t.pick_home)
                } else {
                    format!("🗀 {}", super::file_name(folder))
                };
                (label, folder.clone())
            })
            .collect();
        self.asking = Some(Asking {
            request,
            dialog,
            mode,
            shows: types.describe(t),
            places,
        });
    }

    /// Draws the picker if it is asking; its answer is pushed as [`UiCommand::Picked`].
    pub fn show(&mut self, ctx: &Context, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
        let Some(asking) = &mut self.asking else {
            return;
        };
        backdrop(ctx);
        asking.dialog.show(ctx);
        match asking.dialog.state() {
            State::Open => {
                asking.follow_typed_folder();
                asking.show_places(ctx, cx.tr());
            }
            State::Selected => {
                let paths = asking.answer();
                if let Some(asking) = self.asking.take()
                    && !paths.is_empty()
                {
                    cmds.push(UiCommand::Picked(asking.request, paths));
                }
            }
            State::Cancelled | State::Closed => self.asking = None,
        }
    }
}

impl Asking {
    /// What was chosen: the file typed or double-clicked, else the files ticked (several), else
    /// the one file or folder chosen.
    fn answer(&self) -> Vec<PathBuf> {
        let one = self.dialog.path().map(Path::to_path_buf);
        if self.mode != PickMode::OpenSeveral {
            return one.into_iter().collect();
        }
        let ticked: Vec<PathBuf> = self
            .dialog
            .selection()
            .into_iter()
            .map(Path::to_path_buf)
            .collect();
        match one {
            Some(path) if !ticked.contains(&path) => vec![path],
            _ => ticked,
        }
    }

    /// A whole path typed in the path field of a save picker names the file but leaves the
    /// crate's folder where it was, so Save would write the name into the wrong folder: move to
    /// the typed folder (the name stays in the file field).
    fn follow_typed_folder(&mut self) {
        if !matches!(self.mode, PickMode::Save(_)) {
            return;
        }
        let typed_folder = self
            .dialog
            .path()
            .and_then(Path::parent)
            .filter(|folder| !folder.as_os_str().is_empty() && *folder != self.dialog.directory())
            .map(Path::to_path_buf);
        if let Some(folder) = typed_folder {
            self.dialog.set_path(folder);
        }
    }

    /// The column beside the picker: the folders offered, the file types listed, how to type a
    /// path. Drawn from the picker's rect of the last frame, so from its second frame on.
    fn show_places(&mut self, ctx: &Context, t: &Tr) {
        let Some(rect) = ctx.memory(|m| m.area_rect(Id::unique(WINDOW_ID))) else {
            ctx.request_repaint();
            return;
        };
        let mut go = None;
        egui::Area::new(Id::unique("normcoder-pick-places"))
            .order(Order::Foreground)
            .fixed_pos(rect.left_top() - egui::vec2(PLACES_WIDTH + 6.0, 0.0))
            .show(ctx, |ui| {
                egui::Frame::window(ui.style()).show(ui, |ui| {
                    ui.set_width(PLACES_WIDTH - 2.0 * ui.style().spacing.window_margin.leftf());
                    ui.set_min_height((rect.height() - 20.0).max(0.0));
                    ui.strong(t.pick_places);
                    for (label, folder) in &self.places {
                        let here = self.dialog.directory() == folder.as_path();
                        if ui
                            .selectable_label(here, label.as_str())
                            .on_hover_text(folder.display().to_string())
                            .clicked()
                        {
                            go = Some(folder.clone());
                        }
                    }
                    ui.separator();
                    ui.label(format!("{}{} {}", t.pick_shows, t.colon, self.shows));
                    if self.mode == PickMode::OpenSeveral {
                        ui.weak(t.pick_several_hint);
                    }
                    ui.weak(t.pick_path_hint);
                });
            });
        if let Some(folder) = go {
            self.dialog.set_path(folder);
        }
    }
}

/// Dims the window behind the picker and makes it the modal layer: clicks and keyboard focus
/// below it are refused, as under a native dialog. The picker (kept on top of the same order)
/// and its column of folders stay above it.
fn backdrop(ctx: &Context) {
    let screen = ctx.content_rect();
    let shown = egui::Area::new(Id::unique("normcoder-pick-backdrop"))
        .order(Order::Middle)
        .fixed_pos(screen.min)
        .interactable(true)
        .show(ctx, |ui| {
            ui.painter()
                .rect_filled(screen, 0.0, Color32::from_black_alpha(90));
            ui.allocate_rect(screen, Sense::click_and_drag());
        });
    let layer = shown.response.layer_id;
    ctx.move_to_top(layer);
    ctx.memory_mut(|m| m.set_modal_layer(layer));
}
