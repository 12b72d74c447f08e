//! The command-line interface: argument definitions and one module per subcommand.
//!
//! Exit codes: 0 success, 1 failure (for example an output file that cannot be written), 2 bad
//! input or usage (invalid dataset, unknown option). Diagnostics and progress go to stderr; results
//! go to stdout or `--out`.

mod args;
mod centrality;
mod communities;
mod generate;
mod plot;
mod progress;
mod report;
mod stats;
mod validate;

pub use args::{DatasetArgs, FilterArgs, OutputArgs};

use clap::{Parser, Subcommand};
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  powermap report                        charts, rankings, blocs and findings of the bundled case
  powermap validate                      check the bundled 2017 French election dataset
  powermap stats my-case/                summary of your dataset directory
  powermap stats --since 2017-02 --sign hostile --format json
  powermap centrality --top 10                top actors by PageRank, with every other metric
  powermap communities --summary --blocs      blocs, their members and how they treat each other
  powermap generate --entities 100000 --relations 1000000 --out big/

A dataset is a directory with relations.csv (required), entities.csv, sources.csv and events.csv;
see docs/data-format.md. Without DATASET, commands use the bundled fr-election-2017 case.";

/// powermap: map who influences whom from curated CSV tables of entities and relations.
#[derive(Debug, Parser)]
#[command(name = "powermap", version, about, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    /// Print only results: no warnings, summaries or progress on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: charts, rankings, blocs and findings with their sources, in one folder.
    Report(report::Args),
    /// One chart of the report as a PNG: network, centrality, communities, blocs, timeline, degrees.
    Plot(plot::Args),
    /// Check a dataset and report every problem at once (file, line, column, expected, found).
    Validate(validate::Args),
    /// Summarise a dataset and its graph: size, density, components, reciprocity, types, dates.
    Stats(stats::Args),
    /// Rank every actor: degrees, strengths, PageRank, betweenness, closeness, harmonic,
    /// eigenvector, Katz, hubs and authorities, coreness (each equal to NetworkX).
    Centrality(centrality::Args),
    /// Find blocs: Leiden (default), Louvain or label propagation, with bloc summaries.
    Communities(communities::Args),
    /// Write a seeded synthetic dataset of any size (for benchmarks and scale tests).
    Generate(generate::Args),
}

/// Why a command stopped.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input or usage: exit code 2. The diagnostics were already printed.
    #[error("invalid input")]
    InvalidInput,
    /// Bad usage with a message: exit code 2.
    #[error("{0}")]
    Usage(String),
    /// Anything else: exit code 1.
    #[error("{0}")]
    Failure(String),
}

impl From<crate::output::WriteError> for CliError {
    fn from(e: crate::output::WriteError) -> Self {
        CliError::Failure(e.to_string())
    }
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    // Table summaries (polars) sum floats per group; on one thread their order, and so every
    // bit of the result, is the same on every machine. They are small, so nothing is lost.
    if std::env::var_os("POLARS_MAX_THREADS").is_none() {
        std::env::set_var("POLARS_MAX_THREADS", "1");
    }
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Report(a) => report::run(a, quiet),
        Command::Plot(a) => plot::run(a, quiet),
        Command::Validate(a) => validate::run(a, quiet),
        Command::Stats(a) => stats::run(a, quiet),
        Command::Centrality(a) => centrality::run(a, quiet),
        Command::Communities(a) => communities::run(a, quiet),
        Command::Generate(a) => generate::run(a, quiet),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::InvalidInput) => ExitCode::from(2),
        Err(CliError::Usage(msg)) => {
            eprintln!("powermap: {msg}");
            ExitCode::from(2)
        }
        Err(CliError::Failure(msg)) => {
            eprintln!("powermap: {msg}");
            ExitCode::from(1)
        }
    }
}
