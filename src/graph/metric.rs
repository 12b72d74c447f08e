//! The metric graph: the simple weighted graph that every analysis measures.

use super::{Csr, Filter};
use crate::model::Dataset;

/// The simple weighted graph derived from a dataset after filtering.
///
/// Construction rules (the reference for every golden file):
/// - nodes: the kept entities, numbered in byte order of their ids (so results do not depend on
///   the row order of the CSV files);
/// - self-loops are dropped;
/// - if every kept relation is undirected the graph is undirected, otherwise directed and an
///   undirected relation adds an arc each way;
/// - parallel relations between the same ordered pair (same unordered pair when undirected) merge
///   into one arc whose weight is the sum of theirs, added in increasing order so the sum is
///   bit-identical whatever the row order.
///
/// Equals NetworkX's `DiGraph`/`Graph` built the same way. O(m log m) time, O(n + m) memory.
#[derive(Debug, Clone)]
pub struct MetricGraph {
    csr: Csr,
    /// Entity index (into `Dataset::entities`) of each node.
    entity_of: Vec<u32>,
    ids: Vec<String>,
    relations_kept: usize,
    self_loops_dropped: usize,
}

impl MetricGraph {
    /// Builds the metric graph of `dataset` under `filter`.
    pub fn build(dataset: &Dataset, filter: &Filter) -> MetricGraph {
        let kept: Vec<bool> = dataset
            .entities
            .iter()
            .map(|e| filter.keeps_entity(e))
            .collect();
        let mut entity_of: Vec<u32> = (0..dataset.entities.len() as u32)
            .filter(|&i| kept[i as usize])
            .collect();
        entity_of.sort_unstable_by(|&a, &b| {
            dataset.entities[a as usize]
                .id
                .cmp(&dataset.entities[b as usize].id)
        });
        let mut node_of = vec![u32::MAX; dataset.entities.len()];
        for (n, &e) in entity_of.iter().enumerate() {
            node_of[e as usize] = n as u32;
        }
        let relations: Vec<_> = dataset
            .relations
            .iter()
            .filter(|r| filter.keeps_relation(dataset, r, &kept))
            .collect();
        let directed = relations.iter().any(|r| r.directed);
        let mut self_loops = 0;
        let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(relations.len());
        for r in &relations {
            if r.is_self_loop() {
                self_loops += 1;
                continue;
            }
            let (u, v) = (node_of[r.source as usize], node_of[r.target as usize]);
            if !directed {
                arcs.push((u.min(v), u.max(v), r.weight));
            } else {
                arcs.push((u, v, r.weight));
                if !r.directed {
                    arcs.push((v, u, r.weight));
                }
            }
        }
        // Weights are positive, so their bit patterns order like their values.
        arcs.sort_unstable_by_key(|&(u, v, w)| (u, v, w.to_bits()));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(arcs.len());
        for (u, v, w) in arcs {
            match merged.last_mut() {
                Some(last) if last.0 == u && last.1 == v => last.2 += w,
                _ => merged.push((u, v, w)),
            }
        }
        let ids = entity_of
            .iter()
            .map(|&e| dataset.entities[e as usize].id.clone())
            .collect();
        MetricGraph {
            csr: Csr::from_arcs(entity_of.len(), directed, &merged),
            entity_of,
            ids,
            relations_kept: relations.len(),
            self_loops_dropped: self_loops,
        }
    }

    /// The adjacency the analyses run on.
    pub fn csr(&self) -> &Csr {
        &self.csr
    }

    /// Entity ids in node order (byte order of ids).
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Entity index of each node.
    pub fn entity_indices(&self) -> &[u32] {
        &self.entity_of
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.entity_of.len()
    }

    /// Relations that passed the filter (self-loops included).
    pub fn relations_kept(&self) -> usize {
        self.relations_kept
    }

    /// Self-loops among the kept relations, left out of the graph.
    pub fn self_loops_dropped(&self) -> usize {
        self.self_loops_dropped
    }

    /// The node of an entity id, if it is in the graph. O(log n).
    pub fn node(&self, id: &str) -> Option<usize> {
        self.ids.binary_search_by(|x| x.as_str().cmp(id)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Sign};

    fn demo() -> Dataset {
        let mut d = Dataset::new("t");
        for id in ["c", "a", "b"] {
            d.add_entity(Entity {
                id: id.into(),
                kind: "state".into(),
                name: id.into(),
                ..Default::default()
            });
        }
        d.add_relation("a", "b", "x").unwrap().weight = 2.0;
        d.add_relation("a", "b", "y").unwrap().sign = Some(Sign::Hostile);
        d.add_relation("c", "a", "x").unwrap().directed = false;
        d.add_relation("b", "b", "x");
        d
    }

    #[test]
    fn merges_parallel_sums_and_drops_loops() {
        let g = MetricGraph::build(&demo(), &Filter::default());
        assert_eq!(g.ids(), ["a", "b", "c"]);
        let c = g.csr();
        assert!(c.is_directed());
        assert_eq!(c.weight(0, 1), Some(3.0));
        assert_eq!(c.weight(0, 2), Some(1.0));
        assert_eq!(c.weight(2, 0), Some(1.0));
        assert_eq!(c.arc_count(), 3);
        assert_eq!(g.self_loops_dropped(), 1);
    }

    #[test]
    fn all_undirected_gives_an_undirected_graph() {
        let mut d = demo();
        d.relations.iter_mut().for_each(|r| r.directed = false);
        d.add_relation("b", "a", "z").unwrap().directed = false;
        let g = MetricGraph::build(&d, &Filter::default());
        assert!(!g.csr().is_directed());
        assert_eq!(g.csr().weight(1, 0), Some(4.0));
    }

    #[test]
    fn filters_apply_before_merging() {
        let f = Filter {
            sign: Some(Sign::Hostile),
            ..Filter::default()
        };
        let g = MetricGraph::build(&demo(), &f);
        assert_eq!(g.csr().arc_count(), 1);
        assert_eq!(g.csr().weight(0, 1), Some(1.0));
        assert_eq!(g.node_count(), 3);
    }
}
