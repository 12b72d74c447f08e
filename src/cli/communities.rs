//! `powermap communities`: blocs of actors by Leiden, Louvain or label propagation.

use super::{CliError, DatasetArgs, FilterArgs, OutputArgs};
use crate::analysis::blocs::{summarize, BlocCell, CommunitySummary};
use crate::analysis::centrality::{pagerank, IterOptions};
use crate::analysis::community::{detect, Algorithm, CommunityOptions, Quality};
use crate::graph::MetricGraph;
use crate::output::{emit, Cell, Format, Table};
use crate::report::tables::membership_table;

const HELP: &str = "\
Communities are found on the undirected projection of the metric graph (weights of u->v and v->u
summed) and numbered 0.. by decreasing size (ties: smallest member id). Modularity equals
nx.community.modularity(G, parts, weight='weight', resolution=R).

  leiden              Traag, Waltman and van Eck (2019): connected communities, seeded
  louvain             Blondel et al. (2008), NetworkX conventions (threshold 1e-7), seeded
  label-propagation   semi-synchronous label propagation (Cordasco and Gargano 2010)

Examples:
  powermap communities
  powermap communities --algorithm louvain --resolution 0.8 --format csv --out blocs.csv
  powermap communities --summary          members, weights and types per bloc
  powermap communities --blocs            hostile/neutral/supportive relations between blocs";

/// Arguments of `powermap communities`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    #[command(flatten)]
    dataset: DatasetArgs,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// Detection algorithm.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Leiden)]
    algorithm: AlgorithmArg,
    /// Resolution: above 1 gives more, smaller communities; below 1 fewer, larger ones.
    #[arg(long, value_name = "R", default_value_t = 1.0)]
    resolution: f64,
    /// Quality optimised by Leiden and Louvain: modularity or the Constant Potts Model.
    #[arg(long, value_enum, default_value_t = QualityArg::Modularity)]
    quality: QualityArg,
    /// Random seed: the same seed gives the same partition.
    #[arg(long, default_value_t = crate::util::rng::DEFAULT_SEED)]
    seed: u64,
    /// Per community: size, internal and external weight, modularity contribution, top members
    /// by PageRank, composition by entity type.
    #[arg(long)]
    summary: bool,
    /// The bloc matrix: relations and summed weights between communities, split by sign.
    #[arg(long)]
    blocs: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum AlgorithmArg {
    Leiden,
    Louvain,
    LabelPropagation,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum QualityArg {
    Modularity,
    Cpm,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    let loaded = args.dataset.load(quiet)?;
    let filter = args.filters.filter();
    let graph = MetricGraph::build(&loaded.dataset, &filter);
    let resolution = args.resolution;
    let options = CommunityOptions {
        algorithm: match args.algorithm {
            AlgorithmArg::Leiden => Algorithm::Leiden,
            AlgorithmArg::Louvain => Algorithm::Louvain,
            AlgorithmArg::LabelPropagation => Algorithm::LabelPropagation,
        },
        quality: match args.quality {
            QualityArg::Modularity => Quality::Modularity { resolution },
            QualityArg::Cpm => Quality::Cpm { resolution },
        },
        seed: args.seed,
        max_iterations: None,
    };
    let result = detect(graph.csr(), &options).map_err(|e| CliError::Usage(e.to_string()))?;
    // Modularity at the requested resolution, as nx.community.modularity(..., resolution=R).
    let undirected = graph.csr().to_undirected();
    let modularity = crate::analysis::community::quality::modularity(
        &undirected,
        result.partition.membership(),
        resolution,
    );
    let partition = &result.partition;
    let format = args.output.format;
    let headline = format!(
        "{} communities, modularity {modularity:.6} (resolution {resolution}, {:?}, seed {})",
        partition.count(),
        options.algorithm,
        args.seed
    );
    let members = membership_table(&graph, partition);
    let (summaries, blocs) = if args.summary || args.blocs {
        let pr = pagerank(graph.csr(), 0.85, &[], &IterOptions::default())
            .map_err(|e| CliError::Failure(e.to_string()))?;
        summarize(
            &loaded.dataset,
            &graph,
            &filter,
            partition,
            &pr.values,
            resolution,
        )
        .map_err(|e| CliError::Failure(e.to_string()))?
    } else {
        (Vec::new(), Vec::new())
    };
    let text = match format {
        Format::Json => {
            let mut v = serde_json::json!({
                "algorithm": format!("{:?}", options.algorithm).to_lowercase(),
                "resolution": resolution,
                "seed": args.seed,
                "communities": partition.count(),
                "modularity": modularity,
                "quality": result.quality,
                "membership": graph.ids().iter().enumerate()
                    .map(|(n, id)| serde_json::json!({"id": id, "community": partition.community_of(n)}))
                    .collect::<Vec<_>>(),
            });
            if args.summary {
                v["summary"] = serde_json::to_value(&summaries).unwrap_or_default();
            }
            if args.blocs {
                v["blocs"] = serde_json::to_value(&blocs).unwrap_or_default();
            }
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        Format::Csv => {
            if !quiet {
                eprintln!("{headline}");
            }
            match (args.summary, args.blocs) {
                (true, _) => summary_table(&summaries).render(Format::Csv, None),
                (false, true) => bloc_table(&blocs).render(Format::Csv, None),
                _ => members.render(Format::Csv, None),
            }
        }
        Format::Table => {
            let mut out = headline + "\n\n";
            if args.summary || args.blocs {
                if args.summary {
                    out += &summary_table(&summaries).render(Format::Table, None);
                }
                if args.blocs {
                    out += "\nRelations between communities (from -> to, by sign):\n";
                    out += &bloc_table(&blocs).render(Format::Table, None);
                }
            } else {
                out += &member_lists(&graph, partition).render(Format::Table, None);
            }
            out
        }
    };
    emit(args.output.out.as_deref(), &text)?;
    Ok(())
}

fn summary_table(s: &[CommunitySummary]) -> Table {
    let mut t = Table::new([
        "community",
        "size",
        "internal_weight",
        "external_weight",
        "modularity_contribution",
        "top_members",
        "composition",
    ]);
    for c in s {
        t.push(vec![
            (c.community as usize).into(),
            c.size.into(),
            c.internal_weight.into(),
            c.external_weight.into(),
            c.modularity_contribution.into(),
            c.top_members
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(";")
                .into(),
            c.composition
                .iter()
                .map(|(k, v)| format!("{k}:{v}"))
                .collect::<Vec<_>>()
                .join(";")
                .into(),
        ]);
    }
    t
}

fn bloc_table(b: &[BlocCell]) -> Table {
    let mut t = Table::new(["from", "to", "sign", "relations", "weight"]);
    for c in b {
        t.push(vec![
            (c.from as usize).into(),
            (c.to as usize).into(),
            c.sign.to_string().into(),
            c.relations.into(),
            c.weight.into(),
        ]);
    }
    t
}

/// For people: each community with its members' ids.
fn member_lists(graph: &MetricGraph, partition: &crate::analysis::community::Partition) -> Table {
    let mut t = Table::new(["community", "size", "members"]);
    for (c, members) in partition.communities().into_iter().enumerate() {
        let ids: Vec<&str> = members
            .iter()
            .map(|&m| graph.ids()[m as usize].as_str())
            .collect();
        t.push(vec![
            c.into(),
            members.len().into(),
            Cell::Text(ids.join(", ")),
        ]);
    }
    t
}
