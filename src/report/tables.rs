//! Result tables shared by the commands and the report, in their documented CSV layouts.

use crate::analysis::centrality::CentralityTable;
use crate::analysis::community::Partition;
use crate::graph::MetricGraph;
use crate::model::Dataset;
use crate::output::{Cell, Table};

/// Every metric column, in CSV order.
pub const METRICS: [&str; 14] = [
    "in_degree",
    "out_degree",
    "degree",
    "in_strength",
    "out_strength",
    "pagerank",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "katz",
    "hub",
    "authority",
    "coreness",
];

/// A metric column by name, as optional values.
/// A column that was not computed comes back as all `None`.
pub fn column(t: &CentralityTable, name: &str) -> Vec<Option<f64>> {
    let n = [
        t.in_degree.len(),
        t.pagerank.len(),
        t.betweenness.len(),
        t.closeness.len(),
        t.eigenvector.len(),
        t.katz.len(),
        t.hub.len(),
        t.coreness.len(),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    let fill = |v: Vec<Option<f64>>| if v.len() == n { v } else { vec![None; n] };
    let plain = |v: &Vec<f64>| fill(v.iter().copied().map(Some).collect());
    match name {
        "in_degree" => plain(&t.in_degree),
        "out_degree" => plain(&t.out_degree),
        "degree" => plain(&t.degree),
        "in_strength" => plain(&t.in_strength),
        "out_strength" => plain(&t.out_strength),
        "pagerank" => plain(&t.pagerank),
        "betweenness" => plain(&t.betweenness),
        "closeness" => plain(&t.closeness),
        "harmonic" => plain(&t.harmonic),
        "eigenvector" => fill(t.eigenvector.clone()),
        "katz" => fill(t.katz.clone()),
        "hub" => fill(t.hub.clone()),
        "authority" => fill(t.authority.clone()),
        "coreness" => plain(&t.coreness),
        _ => vec![None; n],
    }
}

/// The centrality CSV: `id,name,type` then the selected metrics, one row per node in id order.
/// Counts (degrees, coreness) are written as integers.
pub fn centrality_table(
    dataset: &Dataset,
    graph: &MetricGraph,
    result: &CentralityTable,
    metrics: &[&str],
) -> Table {
    let mut t = Table::new(
        ["id", "name", "type"]
            .into_iter()
            .chain(metrics.iter().copied()),
    );
    let columns: Vec<(bool, Vec<Option<f64>>)> = metrics
        .iter()
        .map(|m| {
            (
                matches!(*m, "in_degree" | "out_degree" | "degree" | "coreness"),
                column(result, m),
            )
        })
        .collect();
    for (node, &e) in graph.entity_indices().iter().enumerate() {
        let entity = &dataset.entities[e as usize];
        let mut row: Vec<Cell> = vec![
            entity.id.clone().into(),
            entity.name.clone().into(),
            entity.kind.clone().into(),
        ];
        for (integral, values) in &columns {
            row.push(match values[node] {
                Some(v) if *integral => Cell::Int(v as i64),
                Some(v) => Cell::Float(v),
                None => Cell::Empty,
            });
        }
        t.push(row);
    }
    t
}

/// The communities CSV: `id,community`, one row per node in id order.
pub fn membership_table(graph: &MetricGraph, partition: &Partition) -> Table {
    let mut t = Table::new(["id", "community"]);
    for (node, id) in graph.ids().iter().enumerate() {
        t.push(vec![
            id.clone().into(),
            (partition.community_of(node) as usize).into(),
        ]);
    }
    t
}
