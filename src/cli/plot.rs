//! `powermap plot`: one chart of the report, as a PNG file.

use super::report::ChartArgs;
use super::{CliError, DatasetArgs, FilterArgs};
use crate::output::write_atomic;
use crate::report::charts::{self, ChartContext};
use crate::report::{analyse, ReportError};
use std::path::PathBuf;

const HELP: &str = "\
Kinds: network (the influence map), centrality (top actors by PageRank and betweenness),
communities (blocs and their make-up), blocs (hostile and supportive relations between blocs),
timeline (relations over time with key events), degrees (degree distribution).

Examples:
  powermap plot network --out map.png
  powermap plot blocs my-case/ --color-by type --out blocs.png";

/// Arguments of `powermap plot`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Which chart.
    #[arg(value_enum)]
    kind: Kind,
    #[command(flatten)]
    dataset: DatasetArgs,
    #[command(flatten)]
    filters: FilterArgs,
    /// The PNG file to write (atomically).
    #[arg(long, value_name = "FILE.png")]
    out: PathBuf,
    #[command(flatten)]
    chart: ChartArgs,
}

/// The charts `plot` can draw.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Kind {
    Network,
    Centrality,
    Communities,
    Blocs,
    Timeline,
    Degrees,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    let loaded = args.dataset.load(quiet)?;
    let filter = args.filters.filter();
    let opts = args.chart.options();
    let fail = |e: ReportError| CliError::Failure(e.to_string());
    let analysis = analyse(&loaded.dataset, &filter, &opts).map_err(fail)?;
    let ctx = ChartContext {
        dataset: &loaded.dataset,
        filter: &filter,
        analysis: &analysis,
        opts: &opts,
    };
    let png = match args.kind {
        Kind::Network => charts::network(&ctx),
        Kind::Centrality => charts::centrality(&ctx),
        Kind::Communities => charts::communities(&ctx),
        Kind::Blocs => charts::blocs(&ctx),
        Kind::Degrees => charts::degrees(&ctx),
        Kind::Timeline => charts::timeline(&ctx).and_then(|p| {
            p.ok_or_else(|| ReportError::Chart {
                chart: "timeline".into(),
                reason: "no relation is dated to the month or the day".into(),
            })
        }),
    };
    let png = png.map_err(|e| match e {
        ReportError::Chart { .. } => CliError::Usage(e.to_string()),
        other => fail(other),
    })?;
    write_atomic(&args.out, &png)?;
    if !quiet {
        eprintln!("wrote {}", args.out.display());
    }
    Ok(())
}
