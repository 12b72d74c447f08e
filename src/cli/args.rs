//! Arguments shared by every command: the dataset, the filters, the output.

use super::CliError;
use crate::graph::Filter;
use crate::load::{self, DatasetSource, Diagnostics, Loaded};
use crate::model::{Confidence, PartialDate, Sign};
use crate::output::Format;
use std::path::PathBuf;

/// Which dataset to read.
#[derive(Debug, Clone, clap::Args)]
pub struct DatasetArgs {
    /// Dataset directory (relations.csv, and optionally entities.csv, sources.csv, events.csv).
    /// Default: the bundled fr-election-2017 case.
    #[arg(value_name = "DATASET")]
    pub dataset: Option<PathBuf>,
    /// A relations file, instead of a dataset directory.
    #[arg(long, value_name = "FILE", conflicts_with = "dataset")]
    pub relations: Option<PathBuf>,
    /// An entities file to go with --relations.
    #[arg(long, value_name = "FILE", requires = "relations")]
    pub entities: Option<PathBuf>,
    /// A sources file to go with --relations.
    #[arg(long, value_name = "FILE", requires = "relations")]
    pub sources: Option<PathBuf>,
}

impl DatasetArgs {
    /// The dataset these arguments name.
    pub fn source(&self) -> DatasetSource {
        match (&self.dataset, &self.relations) {
            (Some(d), _) => DatasetSource::Dir(d.clone()),
            (None, Some(r)) => DatasetSource::Files {
                relations: r.clone(),
                entities: self.entities.clone(),
                sources: self.sources.clone(),
            },
            (None, None) => DatasetSource::Bundled,
        }
    }

    /// Loads the dataset, printing warnings (unless quiet) or every error (always) to stderr.
    pub fn load(&self, quiet: bool) -> Result<Loaded, CliError> {
        match load::load(&self.source()) {
            Ok(loaded) => {
                if !quiet {
                    eprint!("{}", loaded.diagnostics.render());
                }
                Ok(loaded)
            }
            Err(load::LoadError(diags)) => {
                print_failure(&diags);
                Err(CliError::InvalidInput)
            }
        }
    }
}

/// Prints every kept diagnostic and the error count to stderr.
pub(crate) fn print_failure(diags: &Diagnostics) {
    eprint!("{}", diags.render());
    eprintln!(
        "powermap: the dataset is invalid: {} error(s), {} warning(s); nothing was written",
        diags.error_total(),
        diags.warning_total()
    );
}

/// Filters applied before the metric graph is built.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Keep only entities of these types (comma-separated), and relations between them.
    #[arg(long, value_name = "TYPES", value_delimiter = ',')]
    pub entity_types: Option<Vec<String>>,
    /// Keep only relations of these types (comma-separated).
    #[arg(long, value_name = "TYPES", value_delimiter = ',')]
    pub relation_types: Option<Vec<String>>,
    /// Keep relations dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD); drops undated ones.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<PartialDate>,
    /// Keep relations dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD); drops undated ones.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<PartialDate>,
    /// Keep relations with at least this confidence: a number in [0, 1] or confirmed (1.0),
    /// reported (0.7), alleged (0.4).
    #[arg(long, value_name = "X", value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// Keep only relations of this sign.
    #[arg(long, value_name = "SIGN", value_parser = parse_sign)]
    pub sign: Option<Sign>,
}

impl FilterArgs {
    /// The filter these arguments describe.
    pub fn filter(&self) -> Filter {
        let lower = |v: &Option<Vec<String>>| {
            v.as_ref().map(|ts| {
                ts.iter()
                    .map(|t| t.trim().to_ascii_lowercase())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
        };
        Filter {
            entity_types: lower(&self.entity_types),
            relation_types: lower(&self.relation_types),
            since: self.since,
            until: self.until,
            min_confidence: self.min_confidence,
            sign: self.sign,
        }
    }
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    s.parse::<PartialDate>()
        .map_err(|e| format!("{e} (expected YYYY, YYYY-MM or YYYY-MM-DD)"))
}

fn parse_confidence(s: &str) -> Result<f64, String> {
    Confidence::parse(s)
        .map(Confidence::value)
        .ok_or_else(|| "expected confirmed, reported, alleged or a number in [0, 1]".to_string())
}

fn parse_sign(s: &str) -> Result<Sign, String> {
    Sign::parse(s)
        .ok_or_else(|| "expected hostile, neutral or supportive (or -1, 0, +1)".to_string())
}

/// Where and how results are written.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format: table for people, csv or json for programs.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the result to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}
