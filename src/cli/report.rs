//! `powermap report`: the main job, from CSVs to a folder of charts, tables and findings.

use super::{CliError, DatasetArgs, FilterArgs};
use crate::report::{
    analyse_with_progress, render_with_progress, write, ColorBy, ReportError, ReportOptions,
};
use std::path::PathBuf;

const HELP: &str = "\
Writes into DIR: report.md (findings with their sources, rankings, blocs), report.json,
centrality.csv, communities.csv, and the charts network.png, centrality.png, communities.png,
blocs.png, timeline.png (when relations are dated) and degree-distribution.png.
The same input and --seed give byte-identical files. DIR is created if needed; if it holds files
powermap did not write, the report refuses unless --force (and never deletes anything).

Examples:
  powermap report                                  the bundled 2017 French election case
  powermap report my-case/ --out my-report --top 20
  powermap report --since 2017-02 --color-by type";

/// Options shared by `report` and `plot`.
#[derive(Debug, Clone, clap::Args)]
pub struct ChartArgs {
    /// Seed of the community detection and the layout.
    #[arg(long, default_value_t = crate::util::rng::DEFAULT_SEED)]
    seed: u64,
    /// Colour nodes by community or by entity type.
    #[arg(long, value_enum, default_value_t = ColorBy::Community)]
    color_by: ColorBy,
    /// Actors named in rankings and labelled on the map.
    #[arg(long, default_value_t = 15)]
    top: usize,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(400..=8000))]
    width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(300..=8000))]
    height: u32,
}

impl ChartArgs {
    /// The report options these arguments describe.
    pub fn options(&self) -> ReportOptions {
        ReportOptions {
            seed: self.seed,
            top: self.top,
            color_by: self.color_by,
            width: self.width,
            height: self.height,
        }
    }
}

/// Arguments of `powermap report`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    #[command(flatten)]
    dataset: DatasetArgs,
    #[command(flatten)]
    filters: FilterArgs,
    /// Output directory.
    #[arg(long, value_name = "DIR", default_value = "powermap-report")]
    out: PathBuf,
    #[command(flatten)]
    chart: ChartArgs,
    /// Write into DIR even if it holds files powermap did not write (they are left in place).
    #[arg(long)]
    force: bool,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    let loaded = args.dataset.load(quiet)?;
    let opts = args.chart.options();
    let fail = |e: ReportError| match e {
        ReportError::ForeignFiles { .. } => CliError::Usage(e.to_string()),
        other => CliError::Failure(other.to_string()),
    };
    let filter = args.filters.filter();
    let bar = super::progress::steps(quiet, 9);
    let mut step = |name: &str| {
        bar.set_message(name.to_string());
        bar.inc(1);
    };
    let analysis =
        analyse_with_progress(&loaded.dataset, &filter, &opts, &mut step).map_err(fail)?;
    let files = render_with_progress(&loaded.dataset, &filter, &analysis, &opts, &mut step)
        .map_err(fail)?;
    bar.finish_and_clear();
    write(&args.out, &files, args.force).map_err(fail)?;
    if !quiet {
        eprintln!("wrote {} files to {}", files.len(), args.out.display());
        for f in &analysis.findings {
            eprintln!("- {}", f.text);
        }
    }
    Ok(())
}
