//! Bloc summaries: what each community is made of and how communities treat each other.

use super::community::Partition;
use crate::graph::{Filter, MetricGraph};
use crate::model::{Dataset, Sign};
use std::collections::BTreeMap;

/// One community, described for a reader.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CommunitySummary {
    /// Community number (0 = largest).
    pub community: u32,
    /// Number of members.
    pub size: usize,
    /// Total weight of the edges inside the community (undirected projection, each edge once).
    pub internal_weight: f64,
    /// Total weight of the edges between the community and the rest.
    pub external_weight: f64,
    /// Its term of the modularity: `L_c/m - R (d_c/2m)^2`, with `L_c` the internal weight,
    /// `d_c` the summed weighted degree and `m` the total weight (zero on an edgeless graph).
    pub modularity_contribution: f64,
    /// Up to five members with the highest PageRank, as (id, pagerank), highest first.
    pub top_members: Vec<(String, f64)>,
    /// Members per entity type.
    pub composition: BTreeMap<String, usize>,
}

/// Relations from one community to another (or within one) of one sign.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BlocCell {
    /// Community of the relations' sources.
    pub from: u32,
    /// Community of the relations' targets.
    pub to: u32,
    /// The relations' sign.
    pub sign: Sign,
    /// How many relations.
    pub relations: usize,
    /// Their summed weight.
    pub weight: f64,
}

/// Per-community summaries and the signed bloc matrix.
///
/// `pagerank` is indexed by node. The bloc matrix counts the dataset's relations that pass
/// `filter` (self-loops included, each relation on its own, direction kept), grouped by the
/// communities of their endpoints and their sign; only non-empty cells are listed, in
/// (from, to, sign) order. O(n log n + r) for r relations.
pub fn summarize(
    dataset: &Dataset,
    graph: &MetricGraph,
    filter: &Filter,
    partition: &Partition,
    pagerank: &[f64],
    resolution: f64,
) -> (Vec<CommunitySummary>, Vec<BlocCell>) {
    let g = graph.csr().to_undirected();
    let k = partition.count();
    let mut internal = vec![0.0; k];
    let mut external = vec![0.0; k];
    let mut degree = vec![0.0; k];
    let mut total = 0.0;
    for (u, v, w) in g.arcs() {
        let (cu, cv) = (
            partition.community_of(u) as usize,
            partition.community_of(v) as usize,
        );
        total += w;
        degree[cu] += w;
        degree[cv] += w;
        if cu == cv {
            internal[cu] += w;
        } else {
            external[cu] += w;
            external[cv] += w;
        }
    }
    let kind = |node: usize| &dataset.entities[graph.entity_indices()[node] as usize].kind;
    let summaries = partition
        .communities()
        .into_iter()
        .enumerate()
        .map(|(c, members)| {
            let mut ranked: Vec<u32> = members.clone();
            ranked.sort_by(|&a, &b| {
                pagerank[b as usize]
                    .total_cmp(&pagerank[a as usize])
                    .then(a.cmp(&b))
            });
            let mut composition = BTreeMap::new();
            for &m in &members {
                *composition.entry(kind(m as usize).clone()).or_insert(0) += 1;
            }
            let contribution = if total > 0.0 {
                internal[c] / total - resolution * (degree[c] / (2.0 * total)).powi(2)
            } else {
                0.0
            };
            CommunitySummary {
                community: c as u32,
                size: members.len(),
                internal_weight: internal[c],
                external_weight: external[c],
                modularity_contribution: contribution,
                top_members: ranked
                    .iter()
                    .take(5)
                    .map(|&m| (graph.ids()[m as usize].clone(), pagerank[m as usize]))
                    .collect(),
                composition,
            }
        })
        .collect();
    let mut node_of = vec![usize::MAX; dataset.entities.len()];
    for (n, &e) in graph.entity_indices().iter().enumerate() {
        node_of[e as usize] = n;
    }
    let kept: Vec<bool> = dataset
        .entities
        .iter()
        .map(|e| filter.keeps_entity(e))
        .collect();
    let mut cells: BTreeMap<(u32, u32, Sign), (usize, f64)> = BTreeMap::new();
    for r in dataset
        .relations
        .iter()
        .filter(|r| filter.keeps_relation(dataset, r, &kept))
    {
        let from = partition.community_of(node_of[r.source as usize]);
        let to = partition.community_of(node_of[r.target as usize]);
        let cell = cells.entry((from, to, r.sign())).or_insert((0, 0.0));
        cell.0 += 1;
        cell.1 += r.weight;
    }
    let blocs = cells
        .into_iter()
        .map(|((from, to, sign), (relations, weight))| BlocCell {
            from,
            to,
            sign,
            relations,
            weight,
        })
        .collect();
    (summaries, blocs)
}
