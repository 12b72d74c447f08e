//! Summary statistics of a dataset and its metric graph (`powermap stats`).

use crate::graph::{Csr, Filter, MetricGraph};
use crate::model::{Dataset, PartialDate};
use petgraph::unionfind::UnionFind;
use std::collections::BTreeMap;

/// What `powermap stats` reports. Serialises to the JSON object of `stats --format json`.
///
/// Graph measures follow NetworkX on the metric graph: `density` = `nx.density` (m / n(n-1)
/// directed, 2m / n(n-1) undirected, 0 when n < 2); `weak_components` and `strong_components` =
/// `nx.number_weakly_connected_components` / `nx.number_strongly_connected_components` (both equal
/// `nx.number_connected_components` when undirected); `reciprocity` = `nx.overall_reciprocity`
/// (share of arcs whose reverse arc exists; `None` when undirected or without arcs).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Stats {
    /// Dataset display name.
    pub dataset: String,
    /// Filters in force, described; empty when none.
    pub filters: String,
    /// Entities in the metric graph (after entity filters), isolated ones included.
    pub entities: usize,
    /// Relations kept by the filters (self-loops included).
    pub relations: usize,
    /// Relations in the dataset before filtering.
    pub relations_total: usize,
    /// Arcs (edges when undirected) of the metric graph.
    pub arcs: usize,
    /// Whether the metric graph is directed.
    pub directed: bool,
    /// `nx.density`.
    pub density: f64,
    /// Weakly connected components.
    pub weak_components: usize,
    /// Strongly connected components.
    pub strong_components: usize,
    /// `nx.overall_reciprocity`, for directed graphs with arcs.
    pub reciprocity: Option<f64>,
    /// Kept relations that were self-loops, left out of the metric graph.
    pub self_loops_dropped: usize,
    /// Entities per type, in the metric graph.
    pub entity_types: BTreeMap<String, usize>,
    /// Kept relations per type.
    pub relation_types: BTreeMap<String, usize>,
    /// Earliest date among kept relations.
    pub date_from: Option<PartialDate>,
    /// Latest date among kept relations.
    pub date_to: Option<PartialDate>,
    /// Kept relations with a date.
    pub dated_relations: usize,
    /// Rows in sources.csv.
    pub sources: usize,
}

/// Computes [`Stats`] in O(n + m) (plus the metric graph's construction).
pub fn stats(dataset: &Dataset, filter: &Filter, graph: &MetricGraph) -> Stats {
    let csr = graph.csr();
    let n = csr.node_count();
    let m = csr.arc_count();
    let pairs = n as f64 * (n as f64 - 1.0);
    let density = if n < 2 {
        0.0
    } else if csr.is_directed() {
        m as f64 / pairs
    } else {
        2.0 * m as f64 / pairs
    };
    let mut entity_types = BTreeMap::new();
    for &e in graph.entity_indices() {
        *entity_types
            .entry(dataset.entities[e as usize].kind.clone())
            .or_insert(0) += 1;
    }
    let mut relation_types = BTreeMap::new();
    let (mut date_from, mut date_to, mut dated) = (None::<PartialDate>, None::<PartialDate>, 0);
    for r in filter.relations(dataset) {
        *relation_types
            .entry(dataset.relation_type(r).to_string())
            .or_insert(0) += 1;
        if let Some(d) = r.date {
            dated += 1;
            date_from =
                Some(date_from.map_or(d, |f| if d.first_day() < f.first_day() { d } else { f }));
            date_to = Some(date_to.map_or(d, |t| if d.last_day() > t.last_day() { d } else { t }));
        }
    }
    let weak = weak_components(csr);
    Stats {
        dataset: dataset.name.clone(),
        filters: filter.describe(),
        entities: n,
        relations: graph.relations_kept(),
        relations_total: dataset.relations.len(),
        arcs: m,
        directed: csr.is_directed(),
        density,
        weak_components: weak,
        strong_components: if csr.is_directed() {
            petgraph::algo::tarjan_scc(csr).len()
        } else {
            weak
        },
        reciprocity: reciprocity(csr),
        self_loops_dropped: graph.self_loops_dropped(),
        entity_types,
        relation_types,
        date_from,
        date_to,
        dated_relations: dated,
        sources: dataset.sources.len(),
    }
}

/// Number of weakly connected components (union-find over arcs). O(m α(n)).
pub fn weak_components(csr: &Csr) -> usize {
    let mut uf = UnionFind::<usize>::new(csr.node_count());
    let mut count = csr.node_count();
    for (u, v, _) in csr.arcs() {
        if uf.union(u, v) {
            count -= 1;
        }
    }
    count
}

/// `nx.overall_reciprocity`: the share of arcs `u -> v` whose reverse `v -> u` also exists.
/// `None` for undirected graphs and graphs without arcs (NetworkX raises there). O(m log d).
pub fn reciprocity(csr: &Csr) -> Option<f64> {
    if !csr.is_directed() || csr.arc_count() == 0 {
        return None;
    }
    let mutual = csr
        .arcs()
        .filter(|&(u, v, _)| csr.weight(v, u).is_some())
        .count();
    Some(mutual as f64 / csr.arc_count() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_and_reciprocity() {
        let g = Csr::from_arcs(
            5,
            true,
            &[(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0), (3, 4, 1.0)],
        );
        assert_eq!(weak_components(&g), 2);
        assert_eq!(petgraph::algo::tarjan_scc(&g).len(), 4);
        assert_eq!(reciprocity(&g), Some(0.5));
    }
}
