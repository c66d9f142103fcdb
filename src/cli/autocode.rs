//! `normcoder autocode FILE --pattern RE --code ID [--ignore-case] [--coder NAME] [--dry-run]`:
//! one annotation per match in every document, saved atomically as one edit.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::analysis::autocode::{Pattern, coder_named, plan};
use crate::analysis::search::SearchOptions;
use crate::model::{CodeId, DocId};
use crate::session::Session;

/// The options as typed on the command line.
#[derive(Debug, Clone, clap::Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each bool is one command-line flag"
)]
pub struct AutocodeArgs {
    /// Regular expression (Rust `regex` syntax).
    #[arg(long)]
    pub pattern: String,
    /// Code(s) to apply (repeatable or comma-separated).
    #[arg(long = "code", value_delimiter = ',', required = true)]
    pub codes: Vec<String>,
    /// Match regardless of case.
    #[arg(long)]
    pub ignore_case: bool,
    /// Match regardless of accents (« securite » finds « sécurité »).
    #[arg(long)]
    pub ignore_accents: bool,
    /// Only matches that are whole words.
    #[arg(long)]
    pub whole_word: bool,
    /// Only these documents (repeatable or comma-separated ids).
    #[arg(long = "document", value_delimiter = ',')]
    pub documents: Vec<String>,
    /// Coder of the new annotations (added to the project if new).
    #[arg(long, default_value = "autocode")]
    pub coder: String,
    /// Print what would be done, change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(file: &Path, args: &AutocodeArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut session = Session::open(file)?;
    let pattern = Pattern::regex(
        &args.pattern,
        SearchOptions {
            case_sensitive: !args.ignore_case,
            accent_sensitive: !args.ignore_accents,
            whole_word: args.whole_word,
        },
    );
    let wanted: BTreeSet<CodeId> = args
        .codes
        .iter()
        .map(|c| CodeId::new(c.trim()).with_context(|| format!("code {c:?}")))
        .collect::<anyhow::Result<_>>()?;
    let docs: BTreeSet<DocId> = args
        .documents
        .iter()
        .map(|d| DocId::new(d.trim()).with_context(|| format!("document {d:?}")))
        .collect::<anyhow::Result<_>>()?;
    for d in &docs {
        anyhow::ensure!(
            session.project().document(d).is_some(),
            "unknown document {d}"
        );
    }
    let project = session.project();
    let hits = pattern.find_all(project, &docs)?;
    let plan = plan(project, &hits, &wanted)?;
    let coder = coder_named(project, &args.coder)
        .with_context(|| format!("coder name {:?} has no letter or digit", args.coder))?;
    let action = plan.action(project, &coder, chrono::Utc::now());
    let verb = if args.dry_run { "would add" } else { "added" };
    if let Some(action) = action
        && !args.dry_run
    {
        session.apply(action)?;
        session.save()?;
    }
    writeln!(
        out,
        "{} match(es): {verb} {} annotation(s), skipped {} already coded",
        hits.len(),
        plan.new.len(),
        plan.already
    )?;
    Ok(ExitCode::SUCCESS)
}
