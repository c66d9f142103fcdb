//! Headless tests of the whole view on a real `egui::Context`: pointer and key events in, state
//! (selection, visible range, clicked and hovered annotations) out. Never timing.

use egui::{
    Context, Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, OutputCommand, PointerButton,
    Pos2, RawInput, Rect, TouchPhase, pos2, vec2,
};

use super::{DocumentView, Highlight, ViewInput};
use crate::model::{AnnotationId, CharSpan, DocId, Document, DocumentMeta};

/// A context, a view and a document, driven frame by frame.
struct Rig {
    ctx: Context,
    view: DocumentView,
    doc: Document,
    highlights: Vec<Highlight>,
    revision: u64,
    time: f64,
    /// Keys held during the next frame.
    modifiers: Modifiers,
}

/// What one frame reported.
#[derive(Debug, Default)]
struct Frame {
    hovered: Vec<AnnotationId>,
    clicked: Option<AnnotationId>,
    selection_changed: bool,
    copied: Option<String>,
}

const SCREEN: Rect = Rect {
    min: Pos2::ZERO,
    max: Pos2 { x: 800.0, y: 600.0 },
};

impl Rig {
    fn new(text: &str) -> Self {
        let meta = DocumentMeta {
            title: "Essai".to_owned(),
            ..DocumentMeta::default()
        };
        let doc = Document::new(DocId::new("essai").expect("id"), meta, text.to_owned())
            .expect("document");
        let mut rig = Self {
            ctx: Context::default(),
            view: DocumentView::new(),
            doc,
            highlights: Vec::new(),
            revision: 0,
            time: 0.0,
            modifiers: Modifiers::NONE,
        };
        rig.settle();
        rig
    }

    fn frame(&mut self, mut events: Vec<Event>) -> Frame {
        events.insert(0, Event::ModifiersChanged(self.modifiers));
        let raw = RawInput {
            screen_rect: Some(SCREEN),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        self.time += 1.0 / 60.0;
        let mut frame = Frame::default();
        let input = ViewInput {
            doc: &self.doc,
            highlights: &self.highlights,
            highlights_revision: self.revision,
        };
        let view = &mut self.view;
        let mut output = self.ctx.run_ui(raw, |ui| {
            let out = view.show(ui, &input);
            frame.hovered = out.hovered;
            frame.clicked = out.clicked;
            frame.selection_changed = out.selection_changed;
        });
        // No renderer here: drop the font texture updates on purpose.
        output.textures_delta.clear();
        frame.copied = output
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                OutputCommand::CopyText(t) => Some(t.clone()),
                _ => None,
            });
        frame
    }

    /// A few frames without input, so that layout corrections settle.
    fn settle(&mut self) {
        for _ in 0..3 {
            self.frame(Vec::new());
        }
    }

    /// Screen position in the middle of the row, just before character `offset`.
    fn pos_of(&self, offset: usize) -> Pos2 {
        let r = self.view.char_rect(offset).expect("character on screen");
        pos2(r.left() + 1.0, r.center().y)
    }

    fn press(&mut self, pos: Pos2, modifiers: Modifiers) -> Frame {
        self.modifiers = modifiers;
        self.frame(vec![
            Event::PointerMoved(pos),
            Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed: true,
                modifiers,
            },
        ])
    }

    fn release(&mut self, pos: Pos2, modifiers: Modifiers) -> Frame {
        self.modifiers = modifiers;
        let frame = self.frame(vec![
            Event::PointerMoved(pos),
            Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed: false,
                modifiers,
            },
        ]);
        self.modifiers = Modifiers::NONE;
        frame
    }

    fn click(&mut self, pos: Pos2, modifiers: Modifiers) -> Frame {
        self.press(pos, modifiers);
        self.release(pos, modifiers)
    }

    fn key(&mut self, key: Key, modifiers: Modifiers) -> Frame {
        self.modifiers = modifiers;
        let frame = self.frame(vec![
            Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            },
            Event::Key {
                key,
                physical_key: None,
                pressed: false,
                repeat: false,
                modifiers,
            },
        ]);
        self.modifiers = Modifiers::NONE;
        frame
    }

    fn char_of(&self, needle: &str) -> usize {
        let byte = self.doc.text().find(needle).expect("needle in text");
        self.doc
            .index()
            .char_of(self.doc.text(), byte)
            .expect("boundary")
    }

    fn selected(&self) -> Option<&str> {
        self.view
            .selection()
            .map(|s| self.doc.slice(s).expect("span"))
    }
}

fn span(start: usize, end: usize) -> CharSpan {
    CharSpan::new(start, end).expect("span")
}

/// A long French text: paragraphs of accented sentences.
fn long_text(chars: usize) -> String {
    crate::testkit::synth::text(&mut fastrand::Rng::with_seed(7), chars)
}

const SHORT: &str = "La sécurité du cyberespace exige une coopération entre États.\n\n\
                     Deuxième paragraphe : « l’intégrité » des élections.";

#[test]
fn press_drag_release_selects_characters() {
    let mut rig = Rig::new(SHORT);
    let from = rig.char_of("sécurité");
    let to = rig.char_of("exige");
    let start = rig.pos_of(from);
    let end = rig.pos_of(to);
    let pressed = rig.press(start, Modifiers::NONE);
    assert_eq!(rig.view.selection(), None, "a press alone selects nothing");
    assert!(pressed.selection_changed || rig.view.selection().is_none());
    rig.frame(vec![Event::PointerMoved(pos2(
        f32::midpoint(start.x, end.x),
        start.y,
    ))]);
    rig.frame(vec![Event::PointerMoved(end)]);
    let released = rig.release(end, Modifiers::NONE);
    assert_eq!(rig.view.selection(), Some(span(from, to)));
    assert_eq!(rig.selected(), Some("sécurité du cyberespace "));
    assert!(
        released.selection_changed,
        "the release reports the finished drag"
    );

    // Shift-click extends from the same anchor.
    let further = rig.char_of("coopération") + "coopération".chars().count();
    rig.click(rig.pos_of(further), Modifiers::SHIFT);
    assert_eq!(
        rig.selected(),
        Some("sécurité du cyberespace exige une coopération")
    );
}

#[test]
fn dragging_below_the_view_scrolls_and_extends_the_selection() {
    let mut rig = Rig::new(&long_text(60_000));
    let start = rig.view.first_visible_char() + 3;
    let p = rig.pos_of(start);
    let bottom_before = rig.view.visible_chars().end;
    rig.press(p, Modifiers::NONE);
    let below = pos2(400.0, SCREEN.bottom() + 60.0);
    for _ in 0..120 {
        rig.frame(vec![Event::PointerMoved(below)]);
    }
    let released = rig.release(below, Modifiers::NONE);
    let selection = rig.view.selection().expect("a selection");
    assert_eq!(
        selection.start(),
        start,
        "the anchor stays where the drag began"
    );
    assert!(
        selection.end() > bottom_before + 2_000,
        "the drag went on past the first screen: {selection} vs {bottom_before}"
    );
    assert!(
        rig.view.first_visible_char() > bottom_before,
        "the view followed"
    );
    assert!(released.selection_changed);
    // Scrolling stops with the button up.
    let first = rig.view.first_visible_char();
    rig.settle();
    assert_eq!(rig.view.first_visible_char(), first);
}

#[test]
fn double_and_triple_clicks_select_a_word_and_a_paragraph() {
    let mut rig = Rig::new(SHORT);
    let word = rig.char_of("intégrité");
    let p = rig.pos_of(word + 3);
    rig.click(p, Modifiers::NONE);
    rig.click(p, Modifiers::NONE);
    assert_eq!(rig.selected(), Some("l’intégrité"));
    rig.click(p, Modifiers::NONE);
    assert_eq!(
        rig.selected(),
        Some("Deuxième paragraphe : « l’intégrité » des élections.")
    );
}

#[test]
fn keyboard_extends_selects_all_and_copies() {
    let mut rig = Rig::new(SHORT);
    let at = rig.char_of("cyberespace");
    rig.click(rig.pos_of(at), Modifiers::NONE);
    rig.key(Key::ArrowRight, Modifiers::SHIFT);
    rig.key(Key::ArrowRight, Modifiers::SHIFT);
    assert_eq!(rig.selected(), Some("cy"));
    let shift_ctrl = Modifiers::SHIFT | Modifiers::COMMAND;
    rig.key(Key::ArrowRight, shift_ctrl);
    assert_eq!(rig.selected(), Some("cyberespace"));
    rig.key(Key::ArrowRight, shift_ctrl);
    assert_eq!(rig.selected(), Some("cyberespace exige"));
    rig.key(Key::ArrowLeft, shift_ctrl);
    assert_eq!(rig.selected(), Some("cyberespace "));
    let copied = rig.frame(vec![Event::Copy]).copied;
    assert_eq!(copied.as_deref(), Some("cyberespace "));
    rig.key(Key::ArrowDown, Modifiers::SHIFT);
    let blank = rig.view.selection().expect("selection").end();
    assert_eq!(blank, rig.char_of("\n\n") + 1, "Shift+Down: the blank line");
    rig.key(Key::ArrowDown, Modifiers::SHIFT);
    let down = rig.view.selection().expect("selection").end();
    assert!(
        down > rig.char_of("Deuxième"),
        "Shift+Down reaches the next paragraph"
    );
    rig.key(Key::A, Modifiers::COMMAND);
    assert_eq!(rig.view.selection(), Some(span(0, rig.doc.char_len())));
}

#[test]
fn select_brings_a_far_span_into_view() {
    let mut rig = Rig::new(&long_text(400_000));
    assert!(rig.view.block_count() > 500);
    let target = span(300_000, 300_040);
    assert!(!rig.view.visible_chars().contains(&target.start()));
    rig.view.select(target);
    rig.settle();
    let visible = rig.view.visible_chars();
    assert!(
        visible.contains(&target.start()) && visible.contains(&(target.end() - 1)),
        "{visible:?} should hold {target}"
    );
    let r = rig.view.char_rect(target.start()).expect("on screen");
    assert!(SCREEN.contains(r.center()));
    // Nothing moves without input once the heights around it are known.
    let first = rig.view.first_visible_char();
    rig.settle();
    assert_eq!(rig.view.first_visible_char(), first);

    // Back to the start with scroll_to.
    rig.view.scroll_to(10);
    rig.settle();
    assert!(rig.view.visible_chars().contains(&10));
}

#[test]
fn wheel_scrolls_and_zoom_keeps_the_reading_position() {
    let mut rig = Rig::new(&long_text(200_000));
    for _ in 0..30 {
        rig.frame(vec![
            Event::PointerMoved(pos2(400.0, 300.0)),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, -60.0),
                phase: TouchPhase::Move,
                source: MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ]);
    }
    rig.settle();
    let before = rig.view.first_visible_char();
    assert!(before > 1_000, "scrolled down to {before}");
    rig.view.zoom_in();
    rig.view.zoom_in();
    rig.settle();
    assert_eq!(rig.view.zoom_percent(), 120);
    let after = rig.view.first_visible_char();
    assert!(
        after <= before && before - after < 200,
        "the row of {before} stays at the top, now {after}"
    );
    rig.view.zoom_reset();
    for _ in 0..40 {
        rig.view.zoom_out();
    }
    rig.settle();
    assert_eq!(rig.view.zoom_percent(), 50);
}

#[test]
fn hover_and_click_report_the_innermost_annotation() {
    let mut rig = Rig::new(SHORT);
    let outer = span(0, rig.char_of("Deuxième"));
    let inner_start = rig.char_of("cyberespace");
    let inner = span(inner_start, inner_start + 11);
    rig.highlights = vec![
        Highlight {
            id: AnnotationId::new("outer").expect("id"),
            span: outer,
            colours: vec![egui::Color32::RED, egui::Color32::BLUE],
            selected: false,
        },
        Highlight {
            id: AnnotationId::new("inner").expect("id"),
            span: inner,
            colours: vec![egui::Color32::GREEN],
            selected: true,
        },
    ];
    rig.revision = 1;
    let layouts = rig.view.cache_stats().layouts;
    let p = rig.pos_of(inner_start + 4);
    let hover = rig.frame(vec![Event::PointerMoved(p)]);
    let names: Vec<String> = hover.hovered.iter().map(ToString::to_string).collect();
    assert_eq!(names, ["inner", "outer"]);
    let clicked = rig.click(p, Modifiers::NONE);
    assert_eq!(
        clicked.clicked.map(|a| a.to_string()).as_deref(),
        Some("inner")
    );
    let p = rig.pos_of(rig.char_of("exige") + 1);
    let hover = rig.frame(vec![Event::PointerMoved(p)]);
    assert_eq!(hover.hovered.len(), 1);
    assert_eq!(
        rig.view.cache_stats().layouts,
        layouts,
        "adding annotations never lays text out again"
    );
}

#[test]
fn hit_test_maps_positions_to_characters() {
    let mut rig = Rig::new(SHORT);
    let at = rig.char_of("élections");
    assert_eq!(rig.view.hit_test(rig.pos_of(at)), Some(at));
    assert_eq!(rig.view.hit_test(pos2(10.0, -500.0)), Some(0));
    rig.settle();
    let stats = rig.view.cache_stats();
    assert_eq!(stats.galleys, 3);
    assert!(stats.chars < 200 && stats.bytes > 0);
}

#[test]
fn the_text_area_is_labelled_for_screen_readers() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    let rig = Rig::new(SHORT);
    let doc = rig.doc.clone();
    let mut harness = Harness::new_ui_state(
        move |ui, view: &mut DocumentView| {
            view.show(
                ui,
                &ViewInput {
                    doc: &doc,
                    highlights: &[],
                    highlights_revision: 0,
                },
            );
        },
        DocumentView::new(),
    );
    harness.run();
    harness.get_by_label("Text: Essai");
}

#[test]
fn a_click_within_one_frame_places_the_caret_and_takes_the_keyboard() {
    let mut rig = Rig::new(SHORT);
    let at = rig.char_of("coopération");
    let p = rig.pos_of(at);
    let button = |pressed| Event::PointerButton {
        pos: p,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    rig.frame(vec![Event::PointerMoved(p), button(true), button(false)]);
    rig.frame(Vec::new());
    rig.key(Key::ArrowRight, Modifiers::SHIFT | Modifiers::COMMAND);
    assert_eq!(rig.selected(), Some("coopération"));
}
