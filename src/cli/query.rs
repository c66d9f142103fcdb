//! `normcoder query FILE --code pc.8 [--document …] [--csv|--json]`: the coded segments.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::output::{Format, print};
use crate::analysis::query::{CONTEXT_CHARS, Query, hits_table};
use crate::model::{CodeId, CoderId, DocDate, DocId, DocKind};
use crate::store;

/// The filters as typed on the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct QueryArgs {
    /// Code ids (repeatable or comma-separated); segments with any of them.
    #[arg(long = "code", value_delimiter = ',')]
    pub codes: Vec<String>,
    /// Segments must carry every `--code`, not just one.
    #[arg(long)]
    pub all: bool,
    /// Only these documents (repeatable or comma-separated ids).
    #[arg(long = "document", value_delimiter = ',')]
    pub documents: Vec<String>,
    /// Only documents of this kind (question, answer, speech, article…).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only documents in this language (fr, en…).
    #[arg(long)]
    pub language: Option<String>,
    /// Only documents dated from (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only documents dated up to (inclusive).
    #[arg(long)]
    pub to: Option<String>,
    /// Only documents whose free attribute KEY has VALUE (repeatable).
    #[arg(long = "attribute", value_name = "KEY=VALUE")]
    pub attributes: Vec<String>,
    /// Only this coder's segments.
    #[arg(long)]
    pub coder: Option<String>,
    /// Only segments whose memo contains this text (case- and accent-insensitive).
    #[arg(long)]
    pub memo: Option<String>,
    /// Characters of context on each side.
    #[arg(long, default_value_t = CONTEXT_CHARS)]
    pub context: usize,
}

impl QueryArgs {
    fn to_query(&self) -> anyhow::Result<Query> {
        let date = |d: &Option<String>| -> anyhow::Result<Option<DocDate>> {
            d.as_deref()
                .map(|t| DocDate::parse(t).with_context(|| format!("date {t:?}")))
                .transpose()
        };
        let mut attributes = Vec::new();
        for a in &self.attributes {
            let Some((k, v)) = a.split_once('=') else {
                bail!("--attribute {a:?}: write KEY=VALUE");
            };
            attributes.push((k.trim().to_owned(), v.trim().to_owned()));
        }
        Ok(Query {
            codes: self
                .codes
                .iter()
                .map(|c| CodeId::new(c.trim()).with_context(|| format!("code {c:?}")))
                .collect::<anyhow::Result<_>>()?,
            all_codes: self.all,
            documents: self
                .documents
                .iter()
                .map(|d| DocId::new(d.trim()).with_context(|| format!("document {d:?}")))
                .collect::<anyhow::Result<_>>()?,
            kind: self
                .kind
                .as_deref()
                .map(|k| DocKind::parse(k).with_context(|| format!("unknown kind {k:?}")))
                .transpose()?,
            language: self.language.clone(),
            date_from: date(&self.from)?,
            date_to: date(&self.to)?,
            attributes,
            coder: self
                .coder
                .as_deref()
                .map(|c| CoderId::new(c).with_context(|| format!("coder {c:?}")))
                .transpose()?,
            memo: self.memo.clone().unwrap_or_default(),
        })
    }
}

pub fn run(
    file: &Path,
    args: &QueryArgs,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let project = store::load(file)?.project;
    let query = args.to_query()?;
    for code in &query.codes {
        if project.codebook().code(code).is_none() {
            bail!("unknown code {code}");
        }
    }
    for doc in &query.documents {
        if project.document(doc).is_none() {
            bail!("unknown document {doc}");
        }
    }
    let hits = query.run(&project, args.context);
    match format {
        Format::Text => {
            for h in &hits {
                let codes: Vec<&str> = h.codes.iter().map(CodeId::as_str).collect();
                writeln!(
                    out,
                    "{} {} [{}] {}: …{}«{}»{}…",
                    h.doc,
                    h.span,
                    codes.join(" "),
                    h.coder,
                    h.before,
                    h.quote.replace('\n', " "),
                    h.after
                )?;
                write_memo(out, &h.memo)?;
            }
            writeln!(out, "{} segment(s)", hits.len())?;
        }
        _ => print(&hits_table(&hits), &hits, format, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A segment's memo under its line, indented so the eye can tell it from the next segment; a memo
/// of several lines keeps them, each aligned under the first. Nothing for an empty memo.
fn write_memo(out: &mut dyn Write, memo: &str) -> std::io::Result<()> {
    let memo = memo.trim();
    if memo.is_empty() {
        return Ok(());
    }
    for (i, line) in memo.lines().enumerate() {
        let label = if i == 0 { "memo:" } else { "" };
        writeln!(out, "    {label:<5} {}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memo_lines(memo: &str) -> String {
        let mut out = Vec::new();
        write_memo(&mut out, memo).expect("write to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn memo_is_indented_under_its_segment() {
        assert_eq!(memo_lines("à revoir"), "    memo: à revoir\n");
        assert_eq!(
            memo_lines("first line\nsecond line\n"),
            "    memo: first line\n          second line\n"
        );
        assert_eq!(memo_lines(""), "");
        assert_eq!(memo_lines("  \n "), "");
    }
}
