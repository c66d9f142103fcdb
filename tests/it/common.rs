//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use egui_kittest::Harness;
use normcoder::model::{Codebook, Lang, Project};
use normcoder::store::builtin;
use normcoder::ui::app::NormcoderApp;
use normcoder::ui::{FilePicker, ScriptedPicker, StartOptions, UiPrefs};

/// The Paris Call and actor codebooks, as a new project gets them.
pub fn codebook() -> Codebook {
    builtin::codebook(&["paris-call-2018", "actors"]).expect("built-in codebooks")
}

/// A small synthetic project: 3 documents, 60 annotations.
pub fn small_project() -> Project {
    normcoder::testkit::synth::project(codebook(), 3, 2_000, 60, 7).expect("synthetic project")
}

/// Path of a file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Path of a file under the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs the `normcoder` binary with no standard input.
pub fn normcoder(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_normcoder"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run normcoder")
}

/// Standard output and error as text.
pub fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A copy of the demo project in a temporary folder (tests never write to the repository).
pub fn demo_copy(dir: &Path) -> PathBuf {
    let path = dir.join("demo.ncp.ron");
    std::fs::copy(repo("projects/paris-call-2018.ncp.ron"), &path).expect("copy demo");
    path
}

/// The window at 1400×900 on a project, coder Chloé Martin, English, first frame drawn.
pub fn demo_window(path: PathBuf, picker: ScriptedPicker) -> Harness<'static, NormcoderApp> {
    window_with(path, Box::new(picker), true)
}

/// The same window with any file picker; `accessibility_check` off only where a third-party
/// widget cannot be named.
pub fn window_with(
    path: PathBuf,
    picker: Box<dyn FilePicker>,
    accessibility_check: bool,
) -> Harness<'static, NormcoderApp> {
    let app = NormcoderApp::new(
        UiPrefs::default(),
        picker,
        StartOptions {
            project: Some(path),
            coder: Some("Chloé Martin".to_owned()),
            lang: Some(Lang::En),
        },
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_accessibility_check(accessibility_check)
        .build_ui_state(|ui, app: &mut NormcoderApp| app.show(ui), app);
    h.run();
    h
}

/// Steps frames until the import worker is done (imports run on a thread; at most about 30 s).
pub fn wait_for_import(h: &mut Harness<'static, NormcoderApp>) {
    for _ in 0..1_500 {
        h.step();
        if !h.state().import.busy() {
            // Let the summary window's animations settle.
            for _ in 0..10 {
                if h.run_ok().is_some() {
                    break;
                }
            }
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the import did not finish");
}

/// Steps frames until no background job runs (merge, export, import; at most about 30 s).
pub fn wait_for_jobs(h: &mut Harness<'static, NormcoderApp>) {
    for _ in 0..1_500 {
        h.step();
        if !h.state().jobs_running() {
            for _ in 0..10 {
                if h.run_ok().is_some() {
                    break;
                }
            }
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the background job did not finish");
}
