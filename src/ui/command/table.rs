//! The command table: every named command with its label in English and French and its keys.
//!
//! Menus, buttons, tooltips, the keyboard handler and the README's list of shortcuts all read
//! this table (rerun's `UICommand`), so a key is written once and a label cannot drift from its
//! key. Codes' own keys (1–9, s, a, …) come from the codebook, not from here; a test checks that
//! the built-in codebooks' keys do not collide with these.

use std::fmt::Write as _;

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

use crate::model::Lang;

/// Where a key works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, even while a text field has the keyboard (keys with Ctrl, function keys).
    Everywhere,
    /// Only when no text field has the keyboard and a project is open (single letters, Delete,
    /// Space, Escape), so that typing a memo never codes or deletes anything.
    OutsideText,
}

/// A key combination bound to a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortcut {
    pub keys: KeyboardShortcut,
    pub scope: Scope,
}

impl Shortcut {
    /// The keys as the menus and the README show them (`Ctrl+Shift+Z`, `Ctrl+-`, `]`): key
    /// names in words, punctuation as itself, so that a user finds the key on the keyboard.
    #[must_use]
    pub fn text(&self) -> String {
        let key = match self.keys.logical_key {
            Key::Minus => "-",
            other => other.symbol_or_name(),
        };
        let modifiers = ModifierNames::NAMES.format(&self.keys.modifiers, false);
        if modifiers.is_empty() {
            key.to_owned()
        } else {
            format!("{modifiers}+{key}")
        }
    }
}

const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Ctrl (Cmd on macOS) + key, everywhere.
const fn ctrl(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::COMMAND, key),
        scope: Scope::Everywhere,
    }
}

/// Ctrl + Shift + key, everywhere.
const fn ctrl_shift(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(CTRL_SHIFT, key),
        scope: Scope::Everywhere,
    }
}

/// A function key, everywhere.
const fn function(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, key),
        scope: Scope::Everywhere,
    }
}

/// Shift + a function key, everywhere.
const fn shift_function(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::SHIFT, key),
        scope: Scope::Everywhere,
    }
}

/// A key alone, outside text fields.
const fn single(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, key),
        scope: Scope::OutsideText,
    }
}

/// Shift + a key, outside text fields.
const fn shift(key: Key) -> Shortcut {
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::SHIFT, key),
        scope: Scope::OutsideText,
    }
}

/// One row of the table.
struct Row {
    command: Command,
    en: &'static str,
    fr: &'static str,
    keys: &'static [Shortcut],
}

macro_rules! commands {
    ($($(#[$doc:meta])* $name:ident: $en:expr, $fr:expr, [$($key:expr),*];)*) => {
        /// A command that a menu, a button or a key can run (no data attached).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $($(#[$doc])* $name,)*
        }

        /// The table, in menu order.
        const ROWS: &[Row] = &[
            $(Row { command: Command::$name, en: $en, fr: $fr, keys: &[$($key),*] },)*
        ];
    };
}

commands! {
    // ---- File ----
    NewProject: "New project…", "Nouveau projet…", [ctrl(Key::N)];
    Open: "Open…", "Ouvrir…", [ctrl(Key::O)];
    OpenDemo: "Open the demo project", "Ouvrir le projet de démonstration", [];
    Save: "Save", "Enregistrer", [ctrl(Key::S)];
    SaveAs: "Save as…", "Enregistrer sous…", [ctrl_shift(Key::S)];
    ImportDocuments: "Import documents…", "Importer des documents…", [ctrl(Key::I)];
    ImportFolder: "Import a folder…", "Importer un dossier…", [];
    ImportQdpx: "Import REFI-QDA project (.qdpx)…", "Importer un projet REFI-QDA (.qdpx)…", [];
    ImportQdc: "Import REFI-QDA codebook (.qdc)…", "Importer une grille de codage REFI-QDA (.qdc)…", [];
    Export: "Export…", "Exporter…", [];
    MergeProjects: "Merge coders’ projects…", "Fusionner les projets des codeurs…", [];
    CloseProject: "Close project", "Fermer le projet", [];
    Quit: "Quit", "Quitter", [];
    // ---- Edit ----
    Undo: "Undo", "Annuler", [ctrl(Key::Z)];
    Redo: "Redo", "Rétablir", [ctrl_shift(Key::Z), ctrl(Key::Y)];
    Find: "Find…", "Rechercher…", [ctrl(Key::F)];
    FindNext: "Next hit", "Occurrence suivante", [function(Key::F3)];
    FindPrevious: "Previous hit", "Occurrence précédente", [shift_function(Key::F3)];
    CloseSearch: "Close the search bar", "Fermer la barre de recherche", [];
    CodePalette: "Code the selection…", "Coder la sélection…", [ctrl(Key::K), single(Key::Space)];
    RepeatLastCode: "Repeat last code", "Répéter le dernier code", [single(Key::R)];
    NextAnnotation: "Next annotation", "Annotation suivante", [single(Key::N), single(Key::CloseBracket)];
    PreviousAnnotation: "Previous annotation", "Annotation précédente", [single(Key::P), single(Key::OpenBracket)];
    DeleteAnnotation: "Delete annotation", "Supprimer l’annotation", [single(Key::Delete)];
    AdjustSpan: "Set span to the selection", "Ajuster à la sélection", [];
    /// Escape: closes the palette, else the search bar, else clears the selection.
    Dismiss: "Close the palette or the search bar, or clear the selection", "Fermer la palette ou la recherche, ou effacer la sélection", [single(Key::Escape)];
    // ---- View ----
    ZoomIn: "Zoom in", "Agrandir", [ctrl(Key::Plus), ctrl(Key::Equals)];
    ZoomOut: "Zoom out", "Réduire", [ctrl(Key::Minus)];
    ZoomReset: "Actual size", "Taille réelle", [ctrl(Key::Num0)];
    // ---- Analysis ----
    Retrieval: "Retrieval", "Extraction", [];
    Tables: "Tables", "Tableaux", [];
    Charts: "Charts", "Graphiques", [];
    CorpusSearch: "Search the corpus", "Rechercher dans le corpus", [];
    /// F8 in the retrieval tab.
    NextSegment: "Next retrieved segment", "Segment suivant", [single(Key::F8)];
    PreviousSegment: "Previous retrieved segment", "Segment précédent", [shift(Key::F8)];
    // ---- Team ----
    Agreement: "Agreement", "Accord", [];
    Disagreements: "Disagreements", "Désaccords", [];
    Seminar: "Seminar", "Séminaire", [];
    /// F9 in the disagreements tab.
    NextDisagreement: "Next disagreement", "Désaccord suivant", [single(Key::F9)];
    PreviousDisagreement: "Previous disagreement", "Désaccord précédent", [shift(Key::F9)];
}

impl Command {
    /// Every command, in menu order.
    pub fn all() -> impl Iterator<Item = Self> {
        ROWS.iter().map(|r| r.command)
    }

    fn row(self) -> &'static Row {
        // The macro writes one row per variant, in declaration order.
        &ROWS[self as usize]
    }

    /// The command's name in the interface.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        let row = self.row();
        match lang {
            Lang::En => row.en,
            Lang::Fr => row.fr,
        }
    }

    /// Its keys, the one shown in menus first.
    #[must_use]
    pub fn shortcuts(self) -> &'static [Shortcut] {
        self.row().keys
    }

    /// The first key as menus show it (`Ctrl+S`), if the command has one.
    #[must_use]
    pub fn shortcut_text(self) -> Option<String> {
        self.shortcuts().first().map(Shortcut::text)
    }
}

/// Every (shortcut, command) pair, most modifiers first: egui matches Ctrl+Z when Ctrl+Shift+Z
/// is pressed, so the more specific combination must be tried before it. Built once: the key
/// handler reads it every frame.
#[must_use]
pub fn bindings() -> &'static [(Shortcut, Command)] {
    static BINDINGS: std::sync::LazyLock<Vec<(Shortcut, Command)>> =
        std::sync::LazyLock::new(sorted_bindings);
    &BINDINGS
}

fn sorted_bindings() -> Vec<(Shortcut, Command)> {
    let mut all: Vec<(Shortcut, Command)> = Command::all()
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
        .collect();
    let weight = |m: Modifiers| u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl);
    all.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.keys.modifiers)));
    all
}

/// The keys as a Markdown table (command, keys), as the README lists them.
#[must_use]
pub fn markdown_table(lang: Lang) -> String {
    let (command, keys) = match lang {
        Lang::En => ("Command", "Keys"),
        Lang::Fr => ("Commande", "Touches"),
    };
    let mut out = format!("| {command} | {keys} |\n|---|---|\n");
    for c in Command::all().filter(|c| !c.shortcuts().is_empty()) {
        let keys: Vec<String> = c
            .shortcuts()
            .iter()
            .map(|s| format!("`{}`", s.text()))
            .collect();
        let _ = writeln!(out, "| {} | {} |", c.label(lang), keys.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Command, ROWS, bindings};

    #[test]
    fn the_readme_lists_the_keys_of_the_table() {
        let readme = include_str!("../../../README.md");
        let start = "<!-- shortcuts: generated from src/ui/command/table.rs -->\n";
        let end = "<!-- end of shortcuts -->";
        let from = readme
            .find(start)
            .expect("the README has the shortcuts block")
            + start.len();
        let to = from + readme[from..].find(end).expect("the block ends");
        assert_eq!(
            &readme[from..to],
            super::markdown_table(crate::model::Lang::En),
            "README.md's list of keys differs from the command table; paste the table again"
        );
    }

    #[test]
    fn rows_follow_the_variants() {
        for (i, row) in ROWS.iter().enumerate() {
            assert_eq!(row.command as usize, i, "{:?}", row.command);
        }
    }

    #[test]
    fn no_two_commands_share_a_key() {
        let all = bindings();
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in &all[i + 1..] {
                assert!(a.keys != b.keys, "{ca:?} and {cb:?} share {}", a.text());
            }
        }
    }

    #[test]
    fn more_specific_keys_come_first() {
        let all = bindings();
        let position = |c: Command, key: egui::Key| {
            all.iter()
                .position(|(s, k)| *k == c && s.keys.logical_key == key)
                .expect("bound")
        };
        assert!(position(Command::Redo, egui::Key::Z) < position(Command::Undo, egui::Key::Z));
        assert!(position(Command::SaveAs, egui::Key::S) < position(Command::Save, egui::Key::S));
        assert!(
            position(Command::FindPrevious, egui::Key::F3)
                < position(Command::FindNext, egui::Key::F3)
        );
    }
}
