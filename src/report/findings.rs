//! Plain-sentence findings drawn from the numbers, each citing the sources of the relations
//! that drive it.

use crate::analysis::blocs::BlocCell;
use crate::graph::{Filter, MetricGraph};
use crate::model::{Dataset, Relation, Sign};
use std::collections::BTreeSet;

/// A finding: one sentence and the `source_ref`s a reader can check it against.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finding {
    /// What the numbers say, in one sentence.
    pub text: String,
    /// Distinct `source_ref`s of the relations behind the finding, sorted.
    pub sources: Vec<String>,
}

/// Inputs the findings are drawn from (all indexed by node of `graph`).
pub struct Evidence<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The filters in force.
    pub filter: &'a Filter,
    /// The metric graph.
    pub graph: &'a MetricGraph,
    /// PageRank per node.
    pub pagerank: &'a [f64],
    /// Betweenness per node.
    pub betweenness: &'a [f64],
    /// Community per node.
    pub community: &'a [u32],
    /// Label of each community (its top member's name).
    pub community_labels: &'a [String],
    /// The signed bloc matrix.
    pub blocs: &'a [BlocCell],
}

impl Evidence<'_> {
    fn name(&self, node: usize) -> &str {
        &self.dataset.entities[self.graph.entity_indices()[node] as usize].name
    }

    fn kept(&self) -> impl Iterator<Item = &Relation> {
        self.filter.relations(self.dataset)
    }

    fn node_of_entity(&self, e: u32) -> Option<usize> {
        self.graph.node(&self.dataset.entities[e as usize].id)
    }

    fn cite<'r>(&self, relations: impl Iterator<Item = &'r Relation>) -> Vec<String> {
        relations
            .filter_map(|r| r.source_ref.as_deref().map(str::to_string))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }
}

/// The findings, in a fixed order: the PageRank leader, the main broker, the most hostile bloc
/// pair, the most targeted actor. A finding is left out when the graph cannot support it.
pub fn findings(ev: &Evidence<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let n = ev.graph.node_count();
    let ranked = |values: &[f64]| {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
        order
    };
    if n >= 2 {
        let order = ranked(ev.pagerank);
        let (first, second) = (order[0], order[1]);
        let ratio = ev.pagerank[first] / ev.pagerank[second];
        let incoming = ev
            .kept()
            .filter(|r| ev.node_of_entity(r.target) == Some(first));
        out.push(Finding {
            text: format!(
                "{} ranks first by PageRank ({:.3}), {:.2} times the second, {} ({:.3}).",
                ev.name(first),
                ev.pagerank[first],
                ratio,
                ev.name(second),
                ev.pagerank[second]
            ),
            sources: ev.cite(incoming),
        });
    }
    if n >= 3 {
        let broker = ranked(ev.betweenness)[0];
        if ev.betweenness[broker] > 0.0 {
            let touching: Vec<&Relation> = ev
                .kept()
                .filter(|r| {
                    ev.node_of_entity(r.source) == Some(broker)
                        || ev.node_of_entity(r.target) == Some(broker)
                })
                .collect();
            let blocs: BTreeSet<u32> = touching
                .iter()
                .flat_map(|r| [r.source, r.target])
                .filter_map(|e| ev.node_of_entity(e))
                .map(|v| ev.community[v])
                .collect();
            out.push(Finding {
                text: format!(
                    "{} brokers most: it lies on {:.1}% of shortest paths between other actors and ties {} of the {} blocs together.",
                    ev.name(broker),
                    100.0 * ev.betweenness[broker],
                    blocs.len(),
                    ev.community_labels.len()
                ),
                sources: ev.cite(touching.into_iter()),
            });
        }
    }
    let hostile = ev
        .blocs
        .iter()
        .filter(|c| c.sign == Sign::Hostile && c.from != c.to)
        .max_by(|a, b| {
            a.weight
                .total_cmp(&b.weight)
                .then(b.from.cmp(&a.from))
                .then(b.to.cmp(&a.to))
        });
    if let Some(cell) = hostile {
        let driving = ev.kept().filter(|r| {
            r.sign() == Sign::Hostile
                && ev.node_of_entity(r.source).map(|v| ev.community[v]) == Some(cell.from)
                && ev.node_of_entity(r.target).map(|v| ev.community[v]) == Some(cell.to)
        });
        out.push(Finding {
            text: format!(
                "The most hostile tie between blocs runs from the bloc of {} to the bloc of {}: {} hostile relation(s), total weight {}.",
                ev.community_labels[cell.from as usize],
                ev.community_labels[cell.to as usize],
                cell.relations,
                cell.weight
            ),
            sources: ev.cite(driving),
        });
    }
    let mut targeted = vec![0.0; n];
    for r in ev
        .kept()
        .filter(|r| r.sign() == Sign::Hostile && !r.is_self_loop())
    {
        if let Some(t) = ev.node_of_entity(r.target) {
            targeted[t] += r.weight;
        }
    }
    let most = ranked(&targeted)
        .first()
        .copied()
        .filter(|&t| targeted[t] > 0.0);
    if let Some(t) = most {
        let against = ev
            .kept()
            .filter(|r| r.sign() == Sign::Hostile && ev.node_of_entity(r.target) == Some(t));
        let count = ev
            .kept()
            .filter(|r| r.sign() == Sign::Hostile && ev.node_of_entity(r.target) == Some(t))
            .count();
        out.push(Finding {
            text: format!(
                "{} is the most targeted actor: {} hostile relation(s) aimed at it, total weight {}.",
                ev.name(t),
                count,
                targeted[t]
            ),
            sources: ev.cite(against),
        });
    }
    out
}
