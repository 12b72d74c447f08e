//! Bloc summaries: what each community is made of and how communities treat each other.

use super::community::Partition;
use crate::graph::{Filter, MetricGraph};
use crate::model::{Dataset, Sign};
use polars::prelude::*;
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
) -> Result<(Vec<CommunitySummary>, Vec<BlocCell>), BlocError> {
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
    let kind = |node: usize| {
        dataset.entities[graph.entity_indices()[node] as usize]
            .kind
            .as_str()
    };
    let composition = composition(partition, kind)?;
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
                composition: composition[c].clone(),
            }
        })
        .collect();
    let mut node_of = vec![usize::MAX; dataset.entities.len()];
    for (n, &e) in graph.entity_indices().iter().enumerate() {
        node_of[e as usize] = n;
    }
    let (mut from, mut to, mut sign, mut weight) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for r in filter.relations(dataset) {
        from.push(partition.community_of(node_of[r.source as usize]));
        to.push(partition.community_of(node_of[r.target as usize]));
        sign.push(r.sign().value() as i32);
        weight.push(r.weight);
    }
    let blocs = bloc_matrix(from, to, sign, weight)?;
    Ok((summaries, blocs))
}

/// Why a summary table could not be computed (an internal table operation failed).
#[derive(Debug, thiserror::Error)]
#[error("bloc summary: {0}")]
pub struct BlocError(#[from] PolarsError);

/// Members per entity type in each community: a polars group-by over (community, type).
fn composition<'a>(
    partition: &Partition,
    kind: impl Fn(usize) -> &'a str,
) -> Result<Vec<BTreeMap<String, usize>>, BlocError> {
    let n = partition.node_count();
    let community: Vec<u32> = (0..n).map(|v| partition.community_of(v)).collect();
    let kinds: Vec<&str> = (0..n).map(kind).collect();
    let counts = df!("community" => community, "type" => kinds)?
        .lazy()
        .group_by([col("community"), col("type")])
        .agg([len().alias("members")])
        .collect()?;
    let mut out = vec![BTreeMap::new(); partition.count()];
    let c = u64_column(&counts, "community")?;
    let m = u64_column(&counts, "members")?;
    let t = counts
        .column("type")?
        .as_materialized_series()
        .str()?
        .clone();
    for (i, (c, m)) in c.into_iter().zip(m).enumerate() {
        out[c as usize].insert(t.get(i).unwrap_or_default().to_string(), m as usize);
    }
    Ok(out)
}

/// The signed bloc matrix: a polars group-by over (from, to, sign) counting relations and summing
/// weights, sorted by (from, to, sign).
fn bloc_matrix(
    from: Vec<u32>,
    to: Vec<u32>,
    sign: Vec<i32>,
    weight: Vec<f64>,
) -> Result<Vec<BlocCell>, BlocError> {
    let cells = df!("from" => from, "to" => to, "sign" => sign, "weight" => weight)?
        .lazy()
        .group_by([col("from"), col("to"), col("sign")])
        .agg([
            len().alias("relations"),
            col("weight").sum().alias("weight"),
        ])
        .sort(["from", "to", "sign"], SortMultipleOptions::default())
        .collect()?;
    let sign_of = |v: i64| match v {
        -1 => Sign::Hostile,
        1 => Sign::Supportive,
        _ => Sign::Neutral,
    };
    let (f, t, r) = (
        u64_column(&cells, "from")?,
        u64_column(&cells, "to")?,
        u64_column(&cells, "relations")?,
    );
    let s = cells
        .column("sign")?
        .as_materialized_series()
        .cast(&DataType::Int64)?;
    let w = cells
        .column("weight")?
        .as_materialized_series()
        .f64()?
        .clone();
    Ok((0..cells.height())
        .map(|i| BlocCell {
            from: f[i] as u32,
            to: t[i] as u32,
            sign: sign_of(s.i64().ok().and_then(|s| s.get(i)).unwrap_or(0)),
            relations: r[i] as usize,
            weight: w.get(i).unwrap_or(0.0),
        })
        .collect())
}

fn u64_column(df: &DataFrame, name: &str) -> Result<Vec<u64>, BlocError> {
    let s = df
        .column(name)?
        .as_materialized_series()
        .cast(&DataType::UInt64)?;
    let ca = s.u64()?;
    Ok((0..ca.len()).map(|i| ca.get(i).unwrap_or(0)).collect())
}
