//! The full multigraph: every relation as its own edge, for analyses that need each relation's
//! evidence (influence paths, ego maps, exports).

use crate::model::Dataset;
use petgraph::graph::{DiGraph, NodeIndex};

/// Every entity as a node (node index = entity index) and every relation as an edge carrying its
/// relation index, in file order. Undirected relations are stored once, source to target; callers
/// that traverse consult [`crate::model::Relation::directed`].
///
/// Built in O(n + m) on petgraph's adjacency-list graph; ids map to nodes in O(1) through
/// [`Dataset::entity_index`].
pub fn multigraph(dataset: &Dataset) -> DiGraph<u32, u32> {
    let mut g = DiGraph::with_capacity(dataset.entities.len(), dataset.relations.len());
    for i in 0..dataset.entities.len() as u32 {
        g.add_node(i);
    }
    for (k, r) in dataset.relations.iter().enumerate() {
        g.add_edge(
            NodeIndex::new(r.source as usize),
            NodeIndex::new(r.target as usize),
            k as u32,
        );
    }
    g
}
