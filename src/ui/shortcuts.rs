//! Keyboard shortcuts: the keys of the command table (`ui::command`), then the codes' own keys
//! from the codebook. Keys with Ctrl and function keys work everywhere; single keys (code keys,
//! n/p/r, Delete, Space, Escape) only when no text field has the keyboard, so typing a memo never
//! codes anything.

use egui::{Context, Event, InputState, Key, Modifiers};

use super::command::{Scope, UiCommand, table_bindings};
use super::context::Cx;

/// Reads this frame's keys and pushes the commands they stand for. Nothing is read while a
/// dialog asks a question.
pub fn read(ctx: &Context, cx: &Cx<'_>, dialog_open: bool, cmds: &mut Vec<UiCommand>) {
    if dialog_open {
        return;
    }
    let outside_text = !ctx.text_edit_focused() && cx.session.is_some();
    let codes = if outside_text {
        code_keys(cx)
    } else {
        Vec::new()
    };
    let bindings = table_bindings();
    ctx.input_mut(|i| {
        for (shortcut, command) in bindings
            .iter()
            .filter(|(s, _)| s.scope == Scope::Everywhere)
        {
            if i.consume_shortcut(&shortcut.keys) {
                cmds.push((*command).into());
            }
        }
        if !outside_text {
            return;
        }
        // The codebook's keys before the table's single keys: a project that gives a code the
        // key `n` codes with it rather than stepping to the next annotation.
        for (key, code) in codes {
            if consume_code_key(i, key) {
                cmds.push(UiCommand::CodeSelection(code));
            }
        }
        for (shortcut, command) in bindings
            .iter()
            .filter(|(s, _)| s.scope == Scope::OutsideText)
        {
            if i.consume_shortcut(&shortcut.keys) {
                cmds.push((*command).into());
            }
        }
    });
}

/// Whether `key` was pressed for a code, and takes the press. Letters are matched as typed (the
/// key that types `a` on this layout); digits also by where they sit: on a French AZERTY
/// keyboard the keys marked 1–9 type `& é " ' ( - è _ ç` without Shift, and egui names some of
/// those (`'` for 4, `-` for 6) as other keys, so the number row and the keypad are matched by
/// their physical key whatever the layout makes them type.
fn consume_code_key(input: &mut InputState, key: Key) -> bool {
    if input.consume_key(Modifiers::NONE, key) {
        return true;
    }
    if !is_digit(key) {
        return false;
    }
    let found = input.events.iter().position(|e| {
        matches!(e, Event::Key { physical_key: Some(physical), pressed: true, modifiers, .. }
            if *physical == key && !modifiers.ctrl && !modifiers.command && !modifiers.alt)
    });
    found.is_some_and(|index| {
        input.events.remove(index);
        true
    })
}

/// Whether `key` is a digit of the number row (the keypad's digits arrive as the same keys).
fn is_digit(key: Key) -> bool {
    matches!(
        key,
        Key::Num0
            | Key::Num1
            | Key::Num2
            | Key::Num3
            | Key::Num4
            | Key::Num5
            | Key::Num6
            | Key::Num7
            | Key::Num8
            | Key::Num9
    )
}

/// The codes' keys in the open codebook, as egui keys.
fn code_keys(cx: &Cx<'_>) -> Vec<(Key, crate::model::CodeId)> {
    cx.project()
        .map(|p| {
            p.codebook()
                .codes()
                .iter()
                .filter_map(|c| Some((key_of(c.shortcut?.key())?, c.id.clone())))
                .collect()
        })
        .unwrap_or_default()
}

/// The egui key for a codebook shortcut character (`1`, `s`…).
#[must_use]
pub fn key_of(c: char) -> Option<Key> {
    Key::from_name(&c.to_ascii_uppercase().to_string())
}

#[cfg(test)]
mod tests {
    use egui::{Event, Key, Modifiers, RawInput};

    use super::{key_of, read};
    use crate::model::Lang;
    use crate::session::Session;
    use crate::ui::command::{Command, Scope, UiCommand};
    use crate::ui::context::Cx;

    fn session() -> Session {
        let project =
            crate::store::builtin::new_project("test".to_owned(), &["paris-call-2018", "actors"])
                .expect("built-in codebooks");
        Session::new(project)
    }

    fn cx(session: &Session) -> Cx<'_> {
        Cx {
            session: Some(session),
            lang: Lang::En,
            coder: None,
            coder_filter: None,
            current_doc: None,
            selection: None,
            selected_annotation: None,
            last_code: None,
            recent: &[],
            status: None,
            autosaved: false,
            reading_chars: None,
        }
    }

    /// What one real key press (through egui's input) asks for.
    fn press(cx: &Cx<'_>, key: Key, modifiers: Modifiers, dialog_open: bool) -> Vec<UiCommand> {
        press_on_layout(cx, key, key, modifiers, dialog_open)
    }

    /// A key press whose typed (logical) key differs from where it sits (physical), as on a
    /// layout other than US.
    fn press_on_layout(
        cx: &Cx<'_>,
        key: Key,
        physical: Key,
        modifiers: Modifiers,
        dialog_open: bool,
    ) -> Vec<UiCommand> {
        let ctx = egui::Context::default();
        let input = RawInput {
            events: vec![
                Event::ModifiersChanged(modifiers),
                Event::Key {
                    key,
                    physical_key: Some(physical),
                    pressed: true,
                    repeat: false,
                    modifiers,
                },
            ],
            ..RawInput::default()
        };
        let mut cmds = Vec::new();
        let mut output = ctx.run_ui(input, |ui| read(ui.ctx(), cx, dialog_open, &mut cmds));
        // No renderer here: drop the font texture updates on purpose.
        output.textures_delta.clear();
        cmds
    }

    #[test]
    fn every_key_of_the_table_runs_its_command_and_only_it() {
        let session = session();
        let cx = cx(&session);
        let mut checked = 0;
        for command in Command::all() {
            for shortcut in command.shortcuts() {
                let keys = shortcut.keys;
                assert_eq!(
                    press(&cx, keys.logical_key, keys.modifiers, false),
                    vec![UiCommand::Run(command)],
                    "{} should run {command:?}",
                    shortcut.text()
                );
                checked += 1;
            }
        }
        assert!(checked >= 25, "only {checked} keys in the table");
    }

    #[test]
    fn no_key_works_while_a_dialog_asks() {
        let session = session();
        let cx = cx(&session);
        assert!(press(&cx, Key::S, Modifiers::COMMAND, true).is_empty());
        assert!(press(&cx, Key::Num1, Modifiers::NONE, true).is_empty());
    }

    #[test]
    fn single_keys_need_an_open_project() {
        let session = session();
        let mut cx = cx(&session);
        cx.session = None;
        for command in Command::all() {
            for shortcut in command.shortcuts() {
                let keys = shortcut.keys;
                let got = press(&cx, keys.logical_key, keys.modifiers, false);
                match shortcut.scope {
                    Scope::Everywhere => assert_eq!(got, vec![UiCommand::Run(command)]),
                    Scope::OutsideText => assert!(got.is_empty(), "{}", shortcut.text()),
                }
            }
        }
    }

    #[test]
    fn code_keys_code_the_selection_and_collide_with_no_command() {
        let session = session();
        let cx = cx(&session);
        let single: Vec<Key> = crate::ui::command::table_bindings()
            .iter()
            .filter(|(s, _)| s.keys.modifiers == Modifiers::NONE)
            .map(|(s, _)| s.keys.logical_key)
            .collect();
        for name in crate::store::builtin::names() {
            let book = crate::store::builtin::codebook(&[name]).expect("codebook");
            for code in book.codes() {
                let Some(c) = code.shortcut else { continue };
                let key = key_of(c.key()).expect("a key egui knows");
                assert!(
                    !single.contains(&key),
                    "{name}: {} has key {} that a command has",
                    code.id,
                    c.key()
                );
            }
        }
        for code in session.project().codebook().codes() {
            let Some(c) = code.shortcut else { continue };
            let key = key_of(c.key()).expect("key");
            assert_eq!(
                press(&cx, key, Modifiers::NONE, false),
                vec![UiCommand::CodeSelection(code.id.clone())]
            );
        }
    }

    fn code(cx: &Cx<'_>, id: &str) -> Vec<UiCommand> {
        let _ = cx;
        vec![UiCommand::CodeSelection(
            crate::model::CodeId::new(id).expect("code id"),
        )]
    }

    #[test]
    fn digits_code_by_the_key_marked_with_them_on_azerty_and_on_the_keypad() {
        let session = session();
        let cx = cx(&session);
        // AZERTY: the key marked 4 types ' (egui: Quote), the key marked 6 types - (Minus),
        // the key marked 1 types & (no egui key: the physical key is given as the key).
        assert_eq!(
            press_on_layout(&cx, Key::Quote, Key::Num4, Modifiers::NONE, false),
            code(&cx, "pc.4")
        );
        assert_eq!(
            press_on_layout(&cx, Key::Minus, Key::Num6, Modifiers::NONE, false),
            code(&cx, "pc.6")
        );
        assert_eq!(
            press_on_layout(&cx, Key::Num1, Key::Num1, Modifiers::NONE, false),
            code(&cx, "pc.1")
        );
        // With Shift, AZERTY's number row types the digit itself.
        assert_eq!(
            press_on_layout(&cx, Key::Num4, Key::Num4, Modifiers::SHIFT, false),
            code(&cx, "pc.4")
        );
        // Ctrl with the key marked 6 is not a code.
        assert!(
            !press_on_layout(&cx, Key::Minus, Key::Num6, Modifiers::COMMAND, false)
                .contains(&code(&cx, "pc.6")[0])
        );
    }

    #[test]
    fn letters_code_by_what_they_type_not_where_they_sit() {
        let session = session();
        let cx = cx(&session);
        // AZERTY: the key that types a sits where QWERTY has q.
        assert_eq!(
            press_on_layout(&cx, Key::A, Key::Q, Modifiers::NONE, false),
            code(&cx, "actor.public-authority")
        );
        // …and the key that types q (where QWERTY has a) codes nothing.
        assert!(press_on_layout(&cx, Key::Q, Key::A, Modifiers::NONE, false).is_empty());
    }
}
