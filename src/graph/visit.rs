//! petgraph's traversal traits for [`Csr`], so petgraph's algorithms (strongly connected
//! components, DFS, BFS...) run directly on the compact adjacency without a copy.

use super::Csr;
use fixedbitset::FixedBitSet;
use petgraph::visit::{
    GraphBase, GraphProp, IntoNeighbors, IntoNodeIdentifiers, NodeCount, NodeIndexable, Visitable,
};
use petgraph::Directed;

impl GraphBase for Csr {
    type NodeId = usize;
    type EdgeId = usize;
}

impl GraphProp for Csr {
    // The direction is a runtime property here; algorithms that depend on the marker only use it
    // for edge-reference iteration, which this adapter does not offer.
    type EdgeType = Directed;
}

impl<'a> IntoNeighbors for &'a Csr {
    type Neighbors = std::iter::Map<std::iter::Copied<std::slice::Iter<'a, u32>>, fn(u32) -> usize>;

    fn neighbors(self, u: usize) -> Self::Neighbors {
        self.out_neighbors(u).iter().copied().map(|v| v as usize)
    }
}

impl IntoNodeIdentifiers for &Csr {
    type NodeIdentifiers = std::ops::Range<usize>;

    fn node_identifiers(self) -> Self::NodeIdentifiers {
        0..self.node_count()
    }
}

impl NodeIndexable for Csr {
    fn node_bound(&self) -> usize {
        self.node_count()
    }
    fn to_index(&self, a: usize) -> usize {
        a
    }
    fn from_index(&self, i: usize) -> usize {
        i
    }
}

impl NodeCount for Csr {
    fn node_count(&self) -> usize {
        Csr::node_count(self)
    }
}

impl Visitable for Csr {
    type Map = FixedBitSet;

    fn visit_map(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(self.node_count())
    }

    fn reset_map(&self, map: &mut FixedBitSet) {
        map.clear();
        map.grow(self.node_count());
    }
}
