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
pub mod label_propagation;
pub mod leiden;
pub mod louvain;
pub mod quality;

use crate::graph::Csr;
use crate::util::rng::DEFAULT_SEED;

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

/// Which community detection algorithm [`detect`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Algorithm {
    /// [`leiden::leiden`], the default: best quality, connected communities.
    #[default]
    Leiden,
    /// [`louvain::louvain`] with NetworkX's threshold of 1e-7.
    Louvain,
    /// [`label_propagation::label_propagation`]; ignores the quality and the seed.
    LabelPropagation,
}

/// Parameters of [`detect`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommunityOptions {
    /// The algorithm to run.
    pub algorithm: Algorithm,
    /// The objective optimised (Leiden, Louvain); label propagation optimises none.
    pub quality: Quality,
    /// Seed of the random node orders: the same seed gives the same partition.
    pub seed: u64,
    /// Leiden iterations; `None` iterates until an iteration changes nothing.
    pub max_iterations: Option<usize>,
}

impl Default for CommunityOptions {
    /// Leiden, modularity at resolution 1, seed [`DEFAULT_SEED`], iterate until stable.
    fn default() -> CommunityOptions {
        CommunityOptions {
            algorithm: Algorithm::Leiden,
            quality: Quality::default(),
            seed: DEFAULT_SEED,
            max_iterations: None,
        }
    }
}

/// What [`detect`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityResult {
    /// The communities, in canonical form.
    pub partition: Partition,
    /// Classic modularity (resolution 1) of the partition on the undirected projection, so that
    /// results are comparable whatever the objective; see [`quality::modularity`].
    pub modularity: f64,
    /// Value of the objective in [`CommunityOptions::quality`] (modularity at its resolution, or
    /// CPM), the number the algorithm tried to maximise.
    pub quality: f64,
    /// The options that produced this result, echoed for reports.
    pub options: CommunityOptions,
}

/// Why [`detect`] refused to run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CommunityError {
    /// The resolution must be finite and non-negative: a negative one rewards splitting every
    /// edge, and NaN would silently freeze every node in place.
    #[error("resolution must be finite and >= 0, got {0}")]
    InvalidResolution(f64),
    /// Edge weights must be finite and non-negative: modularity and CPM are not defined otherwise.
    #[error(
        "edge {from} -> {to} has weight {weight}; community detection needs finite weights >= 0"
    )]
    InvalidWeight {
        /// Source node index.
        from: usize,
        /// Target node index.
        to: usize,
        /// The offending weight.
        weight: f64,
    },
}

/// Runs the community detection described by `options` on the undirected projection of `g`.
///
/// Validates the inputs (finite non-negative resolution and weights), runs the chosen algorithm,
/// and scores the result. Complexity: that of the algorithm (near-linear in the number of edges
/// for all three) plus O(n + m) for validation and scoring.
///
/// ```
/// use powermap::analysis::community::{detect, CommunityOptions};
/// use powermap::graph::Csr;
/// // Two triangles joined by one edge.
/// let g = Csr::from_arcs(6, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0),
///                                    (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)]);
/// let r = detect(&g, &CommunityOptions::default()).unwrap();
/// assert_eq!(r.partition.membership(), &[0, 0, 0, 1, 1, 1]);
/// assert!((r.modularity - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn detect(g: &Csr, options: &CommunityOptions) -> Result<CommunityResult, CommunityError> {
    let resolution = options.quality.resolution();
    if !resolution.is_finite() || resolution < 0.0 {
        return Err(CommunityError::InvalidResolution(resolution));
    }
    if let Some((from, to, weight)) = g.arcs().find(|&(_, _, w)| !(w.is_finite() && w >= 0.0)) {
        return Err(CommunityError::InvalidWeight { from, to, weight });
    }
    // Project only when needed: `to_undirected` clones an undirected graph.
    let projected;
    let undirected = if g.is_directed() {
        projected = g.to_undirected();
        &projected
    } else {
        g
    };
    let partition = match options.algorithm {
        Algorithm::Leiden => leiden::leiden(
            undirected,
            options.quality,
            options.seed,
            options.max_iterations,
        ),
        Algorithm::Louvain => louvain::louvain(
            undirected,
            options.quality,
            louvain::DEFAULT_THRESHOLD,
            options.seed,
        ),
        Algorithm::LabelPropagation => label_propagation::label_propagation(undirected),
    };
    let modularity = quality::modularity(undirected, partition.membership(), 1.0);
    let quality = quality::quality(undirected, partition.membership(), options.quality);
    Ok(CommunityResult {
        partition,
        modularity,
        quality,
        options: *options,
    })
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

    #[test]
    fn detect_rejects_bad_inputs() {
        let g = Csr::from_arcs(2, false, &[(0, 1, 1.0)]);
        let o = CommunityOptions {
            quality: Quality::Cpm {
                resolution: f64::NAN,
            },
            ..CommunityOptions::default()
        };
        assert!(matches!(
            detect(&g, &o),
            Err(CommunityError::InvalidResolution(_))
        ));
        let bad = Csr::from_arcs(2, true, &[(1, 0, -1.0)]);
        assert_eq!(
            detect(&bad, &CommunityOptions::default()),
            Err(CommunityError::InvalidWeight {
                from: 1,
                to: 0,
                weight: -1.0
            })
        );
    }

    #[test]
    fn detect_runs_every_algorithm_on_directed_input() {
        // Two directed 3-cycles joined by one arc: the projection has two obvious blocs.
        let g = Csr::from_arcs(
            6,
            true,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 0, 1.0),
                (3, 4, 1.0),
                (4, 5, 1.0),
                (5, 3, 1.0),
                (2, 3, 1.0),
            ],
        );
        for algorithm in [
            Algorithm::Leiden,
            Algorithm::Louvain,
            Algorithm::LabelPropagation,
        ] {
            let o = CommunityOptions {
                algorithm,
                ..CommunityOptions::default()
            };
            let r = detect(&g, &o).unwrap();
            assert_eq!(
                r.partition.membership(),
                &[0, 0, 0, 1, 1, 1],
                "{algorithm:?}"
            );
            assert!((r.modularity - r.quality).abs() < 1e-15);
        }
    }
}
