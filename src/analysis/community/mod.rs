//! Community detection: who clusters with whom in the influence network.
//!
//! Every algorithm here runs on the undirected projection of the graph ([`Csr::to_undirected`]:
//! the weights of `u -> v` and `v -> u` are summed), because "being in the same bloc" is a
//! symmetric relation. The algorithms:
//!
//! * [`leiden::leiden`]: Leiden (Traag, Waltman & van Eck 2019), the default: optimises
//!   modularity or CPM and guarantees connected communities.
//! * [`louvain::louvain`]: Louvain (Blondel et al. 2008) with NetworkX's conventions.
//! * [`label_propagation::label_propagation`]: semi-synchronous label propagation (Cordasco &
//!   Gargano 2010), exactly as NetworkX's `label_propagation_communities`.
//!
//! Results are [`Partition`]s in canonical form (communities numbered by decreasing size), so two
//! runs that find the same grouping print the same table. [`detect`] dispatches on
//! [`CommunityOptions`] and also reports the modularity of what it found.

mod aggregate;
pub mod leiden;
pub mod louvain;
pub mod quality;

/// A partition of the nodes into communities, in canonical form.
///
/// `membership[i]` is the community of node `i`. Communities are numbered `0..count` by
/// decreasing size; ties are broken by the smallest member node index, which (nodes being numbered
/// in id order) is the smallest member id. The canonical numbering makes results comparable
/// across algorithms, seeds and runs: equal groupings have equal `membership` vectors.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Partition {
    membership: Vec<u32>,
    count: usize,
}

impl Partition {
    /// Canonicalises arbitrary community labels (`labels[i]` = label of node `i`; any `u32`
    /// values, not necessarily contiguous). O(n log n).
    ///
    /// ```
    /// use powermap::analysis::community::Partition;
    /// let p = Partition::from_labels(&[7, 3, 3, 9, 7, 3]);
    /// assert_eq!(p.membership(), &[1, 0, 0, 2, 1, 0]);
    /// assert_eq!(p.communities(), vec![vec![1, 2, 5], vec![0, 4], vec![3]]);
    /// ```
    pub fn from_labels(labels: &[u32]) -> Partition {
        let (dense, count) = quality::dense_labels(labels);
        // Size and smallest member of each group; nodes are scanned in index order, so the first
        // node seen in a group is its smallest member.
        let mut size = vec![0usize; count];
        let mut first = vec![u32::MAX; count];
        for (i, &c) in dense.iter().enumerate() {
            size[c as usize] += 1;
            if first[c as usize] == u32::MAX {
                first[c as usize] = i as u32;
            }
        }
        let mut order: Vec<u32> = (0..count as u32).collect();
        order.sort_unstable_by_key(|&c| (std::cmp::Reverse(size[c as usize]), first[c as usize]));
        let mut rank = vec![0u32; count];
        for (r, &c) in order.iter().enumerate() {
            rank[c as usize] = r as u32;
        }
        let membership = dense.iter().map(|&c| rank[c as usize]).collect();
        Partition { membership, count }
    }

    /// Every node in its own community (the partition algorithms start from).
    pub fn singletons(n: usize) -> Partition {
        Partition {
            membership: (0..n as u32).collect(),
            count: n,
        }
    }

    /// Community of each node, indexed by node.
    pub fn membership(&self) -> &[u32] {
        &self.membership
    }

    /// Community of node `i`.
    pub fn community_of(&self, i: usize) -> u32 {
        self.membership[i]
    }

    /// Number of nodes covered.
    pub fn node_count(&self) -> usize {
        self.membership.len()
    }

    /// Number of communities.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Size of each community, indexed by community (non-increasing by construction).
    pub fn sizes(&self) -> Vec<usize> {
        let mut size = vec![0usize; self.count];
        for &c in &self.membership {
            size[c as usize] += 1;
        }
        size
    }

    /// Members of each community, indexed by community, each list sorted by node index. O(n).
    pub fn communities(&self) -> Vec<Vec<u32>> {
        let mut lists: Vec<Vec<u32>> = self.sizes().into_iter().map(Vec::with_capacity).collect();
        for (i, &c) in self.membership.iter().enumerate() {
            lists[c as usize].push(i as u32);
        }
        lists
    }
}

/// The objective a community detection run optimises.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quality {
    /// Modularity with a resolution parameter (Newman & Girvan 2004; Reichardt & Bornholdt
    /// 2006): `Q = sum_c [L_c/m - resolution * (d_c/2m)^2]`. Resolution 1 is classic modularity;
    /// larger values give smaller communities.
    Modularity {
        /// Resolution `gamma >= 0`.
        resolution: f64,
    },
    /// Constant Potts Model (Traag, Van Dooren & Nesterov 2011) with unit node weights:
    /// `H = sum_c [L_c - resolution * n_c (n_c - 1) / 2]`. A community is worth keeping when its
    /// internal edge density exceeds `resolution`; unlike modularity it has no resolution limit.
    Cpm {
        /// Resolution (density threshold) `gamma >= 0`.
        resolution: f64,
    },
}

impl Quality {
    /// The resolution parameter, whichever the objective.
    pub fn resolution(&self) -> f64 {
        match *self {
            Quality::Modularity { resolution } | Quality::Cpm { resolution } => resolution,
        }
    }
}

impl Default for Quality {
    /// Classic modularity (resolution 1).
    fn default() -> Quality {
        Quality::Modularity { resolution: 1.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_order_is_size_then_smallest_member() {
        let p = Partition::from_labels(&[5, 5, 2, 2, 9, 1, 1, 1]);
        assert_eq!(p.membership(), &[1, 1, 2, 2, 3, 0, 0, 0]);
        assert_eq!(p.count(), 4);
        assert_eq!(p.sizes(), vec![3, 2, 2, 1]);
        assert_eq!(Partition::from_labels(p.membership()), p);
    }

    #[test]
    fn empty_graph_partition() {
        let p = Partition::from_labels(&[]);
        assert_eq!(p.count(), 0);
        assert!(p.communities().is_empty());
        assert_eq!(Partition::singletons(0), p);
    }
}
