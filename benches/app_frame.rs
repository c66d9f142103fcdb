//! One whole frame of the window — menus, documents list, codebook, details, the document view,
//! the status bar, shortcuts and command handling — on the demo project, in a headless
//! `egui::Context` at 1280×800 points (`Context::run_ui` plus `Context::tessellate`, no pixels).
//!
//! It measures what the window's shape costs around the document view: building the read-only
//! context, drawing every view and applying the commands they return. The source uses only the
//! window's public entry points (`NormcoderApp::new`, `NormcoderApp::show`), so the same file runs
//! against an earlier commit for a before/after comparison (BENCHMARKS.md).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::Criterion;
use egui::{Context, Event, MouseWheelUnit, Pos2, RawInput, Rect, pos2, vec2};
use normcoder::model::Lang;
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::{ScriptedPicker, StartOptions, UiPrefs};

const SCREEN: Rect = Rect {
    min: Pos2::ZERO,
    max: Pos2 {
        x: 1280.0,
        y: 800.0,
    },
};

/// The window on a copy of the demo project (nothing is written to the repository).
fn window(dir: &std::path::Path) -> NormcoderApp {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = dir.join("demo.ncp.ron");
    std::fs::copy(repo.join("projects/paris-call-2018.ncp.ron"), &path).expect("copy demo");
    NormcoderApp::new(
        UiPrefs::default(),
        Box::new(ScriptedPicker::default()),
        StartOptions {
            project: Some(path),
            coder: Some("Bench".to_owned()),
            lang: Some(Lang::En),
        },
    )
}

/// One frame with `events`.
fn frame(ctx: &Context, app: &mut NormcoderApp, events: Vec<Event>) {
    let raw = RawInput {
        screen_rect: Some(SCREEN),
        events,
        ..RawInput::default()
    };
    let mut output = ctx.run_ui(raw, |ui| app.show(ui));
    black_box(ctx.tessellate(std::mem::take(&mut output.shapes), 1.0));
    // No renderer here: drop the font texture updates on purpose.
    output.textures_delta.clear();
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ctx = Context::default();
    let mut app = window(dir.path());
    // Settle fonts and layout caches.
    for _ in 0..10 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut c = Criterion::default().configure_from_args();
    c.bench_function("app frame: idle, demo project", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()));
    });
    let over_text = pos2(640.0, 400.0);
    let mut down = true;
    c.bench_function("app frame: wheel over the document", |b| {
        b.iter(|| {
            // Down and back up, so that the text stays in the same region frame after frame.
            let dy = if down { -60.0 } else { 60.0 };
            down = !down;
            frame(
                &ctx,
                &mut app,
                vec![
                    Event::PointerMoved(over_text),
                    Event::MouseWheel {
                        unit: MouseWheelUnit::Point,
                        delta: vec2(0.0, dy),
                        phase: egui::TouchPhase::Move,
                        source: egui::MouseWheelSource::Wheel,
                        modifiers: egui::Modifiers::NONE,
                    },
                ],
            );
        });
    });
    c.final_summary();
}
