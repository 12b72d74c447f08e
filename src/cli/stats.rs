//! `powermap stats`: the size and shape of a dataset and its metric graph.

use super::{CliError, DatasetArgs, FilterArgs, OutputArgs};
use crate::analysis::stats::{stats, Stats};
use crate::graph::MetricGraph;
use crate::output::{emit, Cell, Format, Table};

/// Arguments of `powermap stats`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The metric graph merges parallel relations (weights summed) and drops self-loops;\n\
it is undirected only when every relation is. JSON keys: entities, relations, arcs, directed, density,\n\
weak_components, strong_components, reciprocity, entity_types, relation_types, date_from, date_to, ..."
)]
pub struct Args {
    #[command(flatten)]
    dataset: DatasetArgs,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    let loaded = args.dataset.load(quiet)?;
    let filter = args.filters.filter();
    let graph = MetricGraph::build(&loaded.dataset, &filter);
    let s = stats(&loaded.dataset, &filter, &graph);
    let text = match args.output.format {
        Format::Json => {
            serde_json::to_string_pretty(&s).map_err(|e| CliError::Failure(e.to_string()))? + "\n"
        }
        Format::Csv => as_table(&s).render(Format::Csv, None),
        Format::Table => as_table(&s).render(Format::Table, None),
    };
    emit(args.output.out.as_deref(), &text)?;
    Ok(())
}

/// The stats as `metric,value` rows; per-type counts as `entity_type:TYPE` and `relation_type:TYPE`.
fn as_table(s: &Stats) -> Table {
    let mut t = Table::new(["metric", "value"]);
    let mut row = |k: &str, v: Cell| t.push(vec![k.into(), v]);
    row("dataset", s.dataset.clone().into());
    if !s.filters.is_empty() {
        row("filters", s.filters.clone().into());
    }
    row("entities", s.entities.into());
    row("relations", s.relations.into());
    row("arcs", s.arcs.into());
    row("directed", s.directed.to_string().into());
    row("density", s.density.into());
    row("weak_components", s.weak_components.into());
    row("strong_components", s.strong_components.into());
    row("reciprocity", s.reciprocity.into());
    row("self_loops_dropped", s.self_loops_dropped.into());
    row("date_from", s.date_from.map(|d| d.to_string()).into());
    row("date_to", s.date_to.map(|d| d.to_string()).into());
    row("dated_relations", s.dated_relations.into());
    row("sources", s.sources.into());
    for (k, v) in &s.entity_types {
        row(&format!("entity_type:{k}"), (*v).into());
    }
    for (k, v) in &s.relation_types {
        row(&format!("relation_type:{k}"), (*v).into());
    }
    t
}
