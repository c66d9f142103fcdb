//! `normcoder agreement FILE …`: inter-coder agreement per code and pooled.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::analysis::agreement::{
    self, AgreementReport, BootstrapOptions, Measures, Options, Selection, Unit,
};
use crate::model::{CodeId, CoderId, DocId};
use crate::store;

/// Which measures the table and the CSV show (the JSON always holds all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    Alpha,
    AlphaU,
    Kappa,
    Percent,
    All,
}

impl Measure {
    fn shows(self, other: Self) -> bool {
        self == Self::All || self == other
    }
}

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// The command's arguments, parsed.
#[derive(Debug)]
pub struct Request<'a> {
    pub coders: &'a [String],
    pub codes: &'a [String],
    pub documents: &'a [String],
    pub unit: Unit,
    pub measure: Measure,
    pub format: Format,
    pub bootstrap: usize,
    pub seed: u64,
}

/// Parses a `--unit` value.
pub fn parse_unit(s: &str) -> Result<Unit, String> {
    Unit::parse(s).ok_or_else(|| format!("unknown unit {s:?}: use char, sentence or paragraph"))
}

fn ids<T>(
    list: &[String],
    make: impl Fn(&str) -> Result<T, crate::model::IdError>,
) -> anyhow::Result<Option<Vec<T>>> {
    if list.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        list.iter()
            .map(|s| make(s.trim()))
            .collect::<Result<_, _>>()?,
    ))
}

pub fn run(file: &Path, request: &Request<'_>, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let project = store::load(file)?.project;
    let options = Options {
        selection: Selection {
            coders: ids(request.coders, |s| CoderId::new(s))?,
            codes: ids(request.codes, |s| CodeId::new(s))?,
            documents: ids(request.documents, |s| DocId::new(s))?,
        },
        unit: request.unit,
        bootstrap: (request.bootstrap > 0).then_some(BootstrapOptions {
            replicates: request.bootstrap,
            seed: request.seed,
        }),
    };
    let report = agreement::compute(&project, &options)?;
    match request.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(&report, request.measure, out)?,
        Format::Table => write_table(&report, request.measure, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A number with three decimals, or `undefined`.
fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "undefined".to_owned(), |v| format!("{v:.3}"))
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}%"))
}

/// The columns for a measure selection: header and how to read a row.
type Column = (String, Box<dyn Fn(&Measures) -> Option<f64>>);

fn columns(report: &AgreementReport, measure: Measure) -> Vec<Column> {
    let mut cols: Vec<Column> = Vec::new();
    if measure.shows(Measure::Alpha) {
        cols.push(("alpha".to_owned(), Box::new(|m: &Measures| m.alpha)));
        if report.bootstrap.is_some() {
            cols.push((
                "alpha_ci_low".to_owned(),
                Box::new(|m: &Measures| m.alpha_ci95.map(|c| c[0])),
            ));
            cols.push((
                "alpha_ci_high".to_owned(),
                Box::new(|m: &Measures| m.alpha_ci95.map(|c| c[1])),
            ));
        }
    }
    if measure.shows(Measure::AlphaU) {
        cols.push(("alpha_u".to_owned(), Box::new(|m: &Measures| m.alpha_u)));
    }
    if measure.shows(Measure::Kappa) {
        for (i, a) in report.coders.iter().enumerate() {
            for b in report.coders.iter().skip(i + 1) {
                let key = format!("{a}|{b}");
                let k2 = key.clone();
                cols.push((
                    format!("kappa {key}"),
                    Box::new(move |m: &Measures| m.kappa.get(&k2).copied().flatten()),
                ));
            }
        }
        if report.coders.len() >= 3 {
            cols.push((
                "fleiss_kappa".to_owned(),
                Box::new(|m: &Measures| m.fleiss_kappa),
            ));
        }
    }
    if measure.shows(Measure::Percent) {
        cols.push((
            "percent_all".to_owned(),
            Box::new(|m: &Measures| m.percent_all),
        ));
        cols.push((
            "percent_coded".to_owned(),
            Box::new(|m: &Measures| m.percent_coded),
        ));
    }
    cols
}

/// Rows in codebook order, then the pooled row.
fn rows(report: &AgreementReport) -> Vec<(String, &Measures)> {
    report
        .codes
        .iter()
        .filter_map(|c| report.per_code.get(c).map(|m| (c.to_string(), m)))
        .chain(std::iter::once(("(pooled)".to_owned(), &report.pooled)))
        .collect()
}

fn write_csv(
    report: &AgreementReport,
    measure: Measure,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let cols = columns(report, measure);
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec![
        "code".to_owned(),
        "units".to_owned(),
        "units_coded".to_owned(),
    ];
    header.extend(cols.iter().map(|(h, _)| h.replace(' ', "_")));
    w.write_record(&header)?;
    for (code, m) in rows(report) {
        let mut record = vec![code, m.units.to_string(), m.units_coded.to_string()];
        record.extend(
            cols.iter()
                .map(|(_, f)| f(m).map_or_else(String::new, |v| v.to_string())),
        );
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

fn write_table(
    report: &AgreementReport,
    measure: Measure,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let list = |v: Vec<String>| {
        if v.is_empty() {
            "none".to_owned()
        } else {
            v.join(", ")
        }
    };
    writeln!(out, "unit         {}", report.unit.name())?;
    writeln!(
        out,
        "coders       {}",
        list(report.coders.iter().map(ToString::to_string).collect())
    )?;
    writeln!(
        out,
        "documents    {}",
        list(report.documents.iter().map(ToString::to_string).collect())
    )?;
    writeln!(out, "characters   {}", report.characters)?;
    writeln!(out, "codes        {}", report.codes.len())?;
    for d in &report.excluded.documents {
        let who: Vec<String> = d.not_coded_by.iter().map(ToString::to_string).collect();
        if who.is_empty() {
            writeln!(out, "excluded     document {} (not selected)", d.id)?;
        } else {
            writeln!(
                out,
                "excluded     document {} (no annotation by {})",
                d.id,
                who.join(", ")
            )?;
        }
    }
    if !report.excluded.codes.is_empty() {
        writeln!(
            out,
            "excluded     {} codes not used by these coders in these documents",
            report.excluded.codes.len()
        )?;
    }
    if !report.excluded.coders.is_empty() {
        writeln!(
            out,
            "excluded     coders {}",
            list(
                report
                    .excluded
                    .coders
                    .iter()
                    .map(ToString::to_string)
                    .collect()
            )
        )?;
    }
    if let Some(b) = report.bootstrap {
        writeln!(
            out,
            "bootstrap    {} replicates, seed {} (95% interval for alpha)",
            b.replicates, b.seed
        )?;
    }
    writeln!(out)?;
    let cols = columns(report, measure);
    let mut line = format!("{:<24} {:>9} {:>9}", "code", "units", "coded");
    for (h, _) in &cols {
        let _ = write!(line, " {h:>13}");
    }
    writeln!(out, "{}", line.trim_end())?;
    for (code, m) in rows(report) {
        let mut line = format!("{code:<24} {:>9} {:>9}", m.units, m.units_coded);
        for (h, f) in &cols {
            let cell = if h.starts_with("percent") {
                pct(f(m))
            } else {
                num(f(m))
            };
            let _ = write!(line, " {cell:>13}");
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
