//! Checks the built-in codebooks and embeds them.
//!
//! Every `assets/codebooks/*.ron` is parsed with the same schema and rules the program uses
//! (`src/store/codebook_file.rs`, included below); any problem — a duplicate id, a missing label,
//! a bad colour — fails the build with the file and the reason. The files are then listed in
//! `$OUT_DIR/builtin_codebooks.rs` so that adding a codebook needs no code change.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/store/codebook_file.rs"]
#[allow(
    dead_code,
    reason = "the build uses only the checks of this shared schema"
)]
mod codebook_file;

fn main() {
    let dir = Path::new("assets/codebooks");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/store/codebook_file.rs");
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect(),
        Err(e) => fail(&format!("cannot list {}: {e}", dir.display())),
    };
    entries.sort();
    let mut books = Vec::new();
    let mut problems = Vec::new();
    for path in &entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
        match ron::from_str::<codebook_file::CodebookFile>(&text) {
            Ok(book) => {
                for p in book.problems() {
                    problems.push(format!("{}: {p}", path.display()));
                }
                books.push((name, path.clone(), book));
            }
            Err(e) => problems.push(format!("{}:{}: {}", path.display(), e.span.start, e.code)),
        }
    }
    let refs: Vec<(&str, &codebook_file::CodebookFile)> =
        books.iter().map(|(n, _, b)| (n.as_str(), b)).collect();
    problems.extend(codebook_file::cross_problems(&refs));
    if !problems.is_empty() {
        fail(&problems.join("\n"));
    }

    let mut out = String::from(
        "/// Built-in codebooks: (name, RON text), validated by build.rs.\n\
         pub const BUILTIN_SOURCES: &[(&str, &str)] = &[\n",
    );
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    for (name, path, _) in &books {
        let abs = Path::new(&root).join(path);
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let target = Path::new(&out_dir).join("builtin_codebooks.rs");
    if let Err(e) = std::fs::write(&target, out) {
        fail(&format!("cannot write {}: {e}", target.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: invalid built-in codebook(s):\n{message}");
    std::process::exit(1);
}
