//! `powermap centrality`: rank every actor by degree, strength, PageRank, betweenness,
//! closeness, harmonic, eigenvector, Katz, HITS and coreness.

use super::{CliError, DatasetArgs, FilterArgs, OutputArgs};
use crate::analysis::centrality::{
    compute, edge_betweenness, CentralityOptions, Distance, Families, IterOptions,
};
use crate::graph::MetricGraph;
use crate::output::{emit, Cell, Format, Table};
use crate::report::tables::{centrality_table, column, METRICS};

const HELP: &str = "\
Each column equals NetworkX 3.x on the metric graph (parallel relations summed, self-loops dropped):
  pagerank     nx.pagerank(G, alpha=0.85, weight='weight'), converged to --tolerance
  betweenness  nx.betweenness_centrality(G, normalized=True, weight=None)
  closeness    nx.closeness_centrality(G) (incoming distances when directed)
  harmonic     nx.harmonic_centrality(G)
  eigenvector  nx.eigenvector_centrality(G, weight='weight'); empty when NetworkX would not converge
  katz         nx.katz_centrality(G, alpha=0.1, beta=1.0, weight='weight'); empty likewise
  hub, authority  nx.hits(G, normalized=True)
  coreness     nx.core_number(G) (in+out degree when directed)
Iterative metrics are reported at their fixed point, tighter than NetworkX's default stopping rule.

Examples:
  powermap centrality --top 10
  powermap centrality my-case/ --format csv --out centrality.csv
  powermap centrality --personalize macron --sort-by pagerank
  powermap centrality --edges --format csv";

/// Arguments of `powermap centrality`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    #[command(flatten)]
    dataset: DatasetArgs,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// Rows shown in the table format (CSV and JSON hold every entity).
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Order rows by this metric, highest first (default for tables: pagerank; CSV/JSON keep id
    /// order unless given).
    #[arg(long, value_name = "METRIC", value_parser = clap::builder::PossibleValuesParser::new(METRICS))]
    sort_by: Option<String>,
    /// Only these metric columns (comma-separated).
    #[arg(long, value_name = "METRICS", value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(METRICS))]
    metrics: Option<Vec<String>>,
    /// Arc length for betweenness, closeness and harmonic: hops (1 per arc), weight (the weight
    /// as a cost), inverse-weight (1/weight, so strong ties are short).
    #[arg(long, value_enum, default_value_t = DistanceArg::Hops)]
    distance: DistanceArg,
    /// PageRank damping factor, in (0, 1).
    #[arg(long, value_name = "A", default_value_t = 0.85)]
    damping: f64,
    /// Personalized PageRank: restart at these entity ids ("influence as seen from them").
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    personalize: Option<Vec<String>>,
    /// Estimate betweenness from K sampled pivots (Brandes and Pich 2007) instead of all sources.
    #[arg(long, value_name = "K")]
    betweenness_samples: Option<usize>,
    /// Seed for sampled pivots.
    #[arg(long, default_value_t = crate::util::rng::DEFAULT_SEED)]
    seed: u64,
    /// Convergence tolerance of the iterative metrics (per node, L1).
    #[arg(long, value_name = "TOL", default_value_t = IterOptions::default().tol)]
    tolerance: f64,
    /// Output edge betweenness per arc (source,target,betweenness) instead of node metrics.
    #[arg(long)]
    edges: bool,
}

/// The `--distance` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum DistanceArg {
    Hops,
    Weight,
    InverseWeight,
}

impl From<DistanceArg> for Distance {
    fn from(d: DistanceArg) -> Distance {
        match d {
            DistanceArg::Hops => Distance::Hops,
            DistanceArg::Weight => Distance::Weight,
            DistanceArg::InverseWeight => Distance::InverseWeight,
        }
    }
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    if !(args.damping > 0.0 && args.damping < 1.0) {
        return Err(CliError::Usage(format!(
            "--damping must lie in (0, 1), found {}",
            args.damping
        )));
    }
    if !(args.tolerance > 0.0 && args.tolerance.is_finite()) {
        return Err(CliError::Usage(format!(
            "--tolerance must be a positive number, found {}",
            args.tolerance
        )));
    }
    let loaded = args.dataset.load(quiet)?;
    let graph = MetricGraph::build(&loaded.dataset, &args.filters.filter());
    let mut personalization = Vec::new();
    for id in args.personalize.iter().flatten() {
        let node = graph.node(id).ok_or_else(|| {
            CliError::Usage(format!(
                "--personalize: no entity '{id}' in the (filtered) dataset"
            ))
        })?;
        personalization.push(node);
    }
    let opts = CentralityOptions {
        pagerank_alpha: args.damping,
        personalization,
        distance: args.distance.into(),
        betweenness_pivots: args.betweenness_samples,
        seed: args.seed,
        iter: IterOptions {
            tol: args.tolerance,
            ..IterOptions::default()
        },
        ..CentralityOptions::default()
    };
    let table = if args.edges {
        let scores = edge_betweenness(graph.csr(), opts.distance)
            .map_err(|e| CliError::Usage(e.to_string()))?;
        let mut t = Table::new(["source", "target", "betweenness"]);
        for s in scores {
            t.push(vec![
                graph.ids()[s.source].clone().into(),
                graph.ids()[s.target].clone().into(),
                s.value.into(),
            ]);
        }
        if args.output.format == Format::Table {
            t.rows
                .sort_by(|a, b| cell_f64(&b[2]).total_cmp(&cell_f64(&a[2])));
        }
        t
    } else {
        let mut wanted: Vec<&str> = match &args.metrics {
            Some(m) => m.iter().map(String::as_str).collect(),
            None => METRICS.to_vec(),
        };
        wanted.extend(args.sort_by.as_deref());
        if args.output.format == Format::Table && args.sort_by.is_none() {
            wanted.push("pagerank");
        }
        let result = compute(graph.csr(), &opts, Families::for_columns(&wanted))
            .map_err(|e| CliError::Usage(e.to_string()))?;
        if !quiet {
            for w in &result.warnings {
                eprintln!("warning: {w}");
            }
        }
        let selected: Vec<&str> = match &args.metrics {
            Some(m) => METRICS
                .iter()
                .copied()
                .filter(|c| m.iter().any(|x| x == c))
                .collect(),
            None => METRICS.to_vec(),
        };
        let mut t = centrality_table(&loaded.dataset, &graph, &result, &selected);
        let sort = args
            .sort_by
            .clone()
            .or_else(|| (args.output.format == Format::Table).then(|| "pagerank".to_string()));
        if let Some(metric) = sort {
            let values = column(&result, &metric);
            let mut order: Vec<usize> = (0..t.rows.len()).collect();
            // Highest first; ties keep id order so the ranking is deterministic.
            order.sort_by(|&a, &b| {
                values[b]
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&values[a].unwrap_or(f64::NEG_INFINITY))
                    .then(a.cmp(&b))
            });
            let rows = std::mem::take(&mut t.rows);
            let mut rows: Vec<Option<Vec<Cell>>> = rows.into_iter().map(Some).collect();
            t.rows = order.into_iter().filter_map(|i| rows[i].take()).collect();
        }
        t
    };
    let limit = (args.output.format == Format::Table).then_some(args.top);
    emit(
        args.output.out.as_deref(),
        &table.render(args.output.format, limit),
    )?;
    Ok(())
}

fn cell_f64(c: &Cell) -> f64 {
    match c {
        Cell::Float(f) => *f,
        Cell::Int(i) => *i as f64,
        _ => f64::NEG_INFINITY,
    }
}
