//! Keyboard shortcuts. Commands with Ctrl work everywhere; single keys (code shortcuts, n/p/r,
//! Delete) only when no text field has the keyboard, so typing a memo never codes anything.

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use super::app::NormcoderApp;
use super::command::UiCommand;

/// Ctrl (Cmd on macOS) + key.
const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// Ctrl + Shift + key.
const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        key,
    )
}

/// A key combination and the command it stands for.
pub type Binding = (KeyboardShortcut, fn() -> UiCommand);

/// The global shortcuts, most specific first (Ctrl+Shift+Z before Ctrl+Z).
pub const GLOBAL: &[Binding] = &[
    (cmd_shift(Key::S), || UiCommand::SaveAs),
    (cmd_shift(Key::Z), || UiCommand::Redo),
    (cmd(Key::S), || UiCommand::Save),
    (cmd(Key::O), || UiCommand::Open),
    (cmd(Key::N), || UiCommand::NewProject),
    (cmd(Key::I), || UiCommand::ImportDocuments),
    (cmd(Key::Z), || UiCommand::Undo),
    (cmd(Key::Y), || UiCommand::Redo),
    (cmd(Key::F), || UiCommand::OpenSearch),
    (cmd(Key::K), || UiCommand::OpenPalette),
    (cmd(Key::Plus), || UiCommand::ZoomIn),
    (cmd(Key::Equals), || UiCommand::ZoomIn),
    (cmd(Key::Minus), || UiCommand::ZoomOut),
    (cmd(Key::Num0), || UiCommand::ZoomReset),
    (KeyboardShortcut::new(Modifiers::SHIFT, Key::F3), || {
        UiCommand::SearchPrevious
    }),
    (KeyboardShortcut::new(Modifiers::NONE, Key::F3), || {
        UiCommand::SearchNext
    }),
];

/// Reads this frame's keys and queues the commands they stand for.
pub(super) fn handle(app: &mut NormcoderApp, ctx: &Context) {
    if app.dialog.is_some() {
        return;
    }
    let mut commands = Vec::new();
    ctx.input_mut(|i| {
        for (shortcut, command) in GLOBAL {
            if i.consume_shortcut(shortcut) {
                commands.push(command());
            }
        }
    });
    if !ctx.text_edit_focused() && app.session.is_some() {
        commands.extend(single_keys(app, ctx));
    }
    for c in commands {
        app.push(c);
    }
}

/// Keys without modifiers: code shortcuts from the codebook first, then the fixed ones.
fn single_keys(app: &mut NormcoderApp, ctx: &Context) -> Vec<UiCommand> {
    let mut out = Vec::new();
    let codes: Vec<(Key, crate::model::CodeId)> = app
        .session
        .as_ref()
        .map(|s| {
            s.project()
                .codebook()
                .codes()
                .iter()
                .filter_map(|c| {
                    let key = c.shortcut?.key().to_ascii_uppercase().to_string();
                    Some((Key::from_name(&key)?, c.id.clone()))
                })
                .collect()
        })
        .unwrap_or_default();
    ctx.input_mut(|i| {
        for (key, code) in codes {
            if i.consume_key(Modifiers::NONE, key) {
                out.push(UiCommand::CodeSelection(code));
            }
        }
        let fixed: [(Key, UiCommand); 7] = [
            (Key::R, UiCommand::RepeatLastCode),
            (Key::N, UiCommand::NextAnnotation),
            (Key::P, UiCommand::PreviousAnnotation),
            (Key::CloseBracket, UiCommand::NextAnnotation),
            (Key::OpenBracket, UiCommand::PreviousAnnotation),
            (Key::Delete, UiCommand::DeleteSelectedAnnotation),
            (Key::Space, UiCommand::OpenPalette),
        ];
        for (key, command) in fixed {
            if i.consume_key(Modifiers::NONE, key) {
                out.push(command);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            if app.palette.is_some() {
                app.palette = None;
            } else if app.search.open {
                out.push(UiCommand::CloseSearch);
            } else {
                app.view.clear_selection();
            }
        }
    });
    out
}

/// Next/previous keys of a result list (F8 in retrieval, F9 among disagreements): `Some(true)`
/// for the key, `Some(false)` for Shift with it, `None` when neither was pressed or a text field
/// has the keyboard.
pub fn step_key(ctx: &Context, key: Key) -> Option<bool> {
    if ctx.text_edit_focused() {
        return None;
    }
    // Shift first: a key without modifiers also matches it with Shift held.
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::SHIFT, key) {
            Some(false)
        } else {
            i.consume_key(Modifiers::NONE, key).then_some(true)
        }
    })
}
