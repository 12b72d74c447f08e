//! The working graph of the multi-level methods (Louvain, Leiden) and its aggregation.
//!
//! Both methods optimise one objective written in a single form,
//! `H = sum_c [ L_c - r * W_c^2 / 2 ]`, where `W_c` sums the node weights of community `c`:
//!
//! * modularity at resolution `gamma`: node weight = weighted degree, `r = gamma / 2m`, and
//!   `H = m * Q`;
//! * CPM at resolution `gamma`: node weight = number of original nodes, `r = gamma`, and `H` is
//!   the CPM quality minus the constant `gamma * n / 2` (since `n_c (n_c - 1) / 2 = n_c^2/2 - n_c/2`).
//!
//! Moving a node `v` (already taken out of its community) into community `C` then changes `H` by
//! `E(v, C) - r * w_v * W_C`, the same expression for both objectives. After aggregation an
//! aggregate node's weight is the sum of its members' weights: for modularity that is the sum of
//! their degrees, which counts the weight of every edge inside the aggregate twice, exactly as a
//! self-loop counts twice in a degree. Self-loops themselves are not stored in the adjacency (a
//! move never changes them); their weight is kept in `self_weight` to evaluate `H`.

use super::Quality;
use crate::graph::Csr;

/// An undirected weighted graph without self-loops, with node weights: the original graph at level
/// 0, an aggregate afterwards.
#[derive(Debug, Clone)]
pub(crate) struct LevelGraph {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    /// Weighted degree (modularity) or number of original nodes (CPM).
    pub(crate) node_weight: Vec<f64>,
    /// Total weight of the original edges inside each node (0 at level 0).
    pub(crate) self_weight: Vec<f64>,
}

/// The objective in the form above: `r` and the factor turning `H` into the user's units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Objective {
    /// Resolution scaled for the node weights (`gamma / 2m` or `gamma`).
    pub(crate) r: f64,
    /// Total edge weight `m` of the original graph.
    pub(crate) total_weight: f64,
    /// True for modularity (report `H / m`), false for CPM (report `H` as is).
    pub(crate) normalised: bool,
}

impl LevelGraph {
    /// The level-0 graph of the undirected projection of `g`, with node weights for `quality`.
    /// O(n + m).
    pub(crate) fn from_csr(g: &Csr, quality: Quality) -> (LevelGraph, Objective) {
        let owned;
        let g = if g.is_directed() {
            owned = g.to_undirected();
            &owned
        } else {
            g
        };
        let n = g.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::with_capacity(2 * g.arc_count());
        let mut weights = Vec::with_capacity(2 * g.arc_count());
        let mut degree = Vec::with_capacity(n);
        offsets.push(0);
        for u in 0..n {
            targets.extend_from_slice(g.out_neighbors(u));
            weights.extend_from_slice(g.out_weights(u));
            degree.push(g.out_weights(u).iter().sum::<f64>());
            offsets.push(targets.len());
        }
        let total_weight = degree.iter().sum::<f64>() / 2.0;
        let (node_weight, objective) = match quality {
            Quality::Modularity { resolution } => (
                degree,
                Objective {
                    r: if total_weight > 0.0 {
                        resolution / (2.0 * total_weight)
                    } else {
                        0.0
                    },
                    total_weight,
                    normalised: true,
                },
            ),
            Quality::Cpm { resolution } => (
                vec![1.0; n],
                Objective {
                    r: resolution,
                    total_weight,
                    normalised: false,
                },
            ),
        };
        let graph = LevelGraph {
            offsets,
            targets,
            weights,
            node_weight,
            self_weight: vec![0.0; n],
        };
        (graph, objective)
    }

    /// Number of nodes.
    pub(crate) fn n(&self) -> usize {
        self.node_weight.len()
    }

    /// Neighbours of `v` and the weights of the edges to them.
    #[inline]
    pub(crate) fn neighbors(&self, v: usize) -> (&[u32], &[f64]) {
        let (lo, hi) = (self.offsets[v], self.offsets[v + 1]);
        (&self.targets[lo..hi], &self.weights[lo..hi])
    }

    /// `H` of the partition `comm` (labels in `0..k`), in the user's units (modularity, or CPM up
    /// to an additive constant). O(n + m).
    pub(crate) fn quality(&self, comm: &[u32], k: usize, obj: &Objective) -> f64 {
        let mut internal = vec![0.0; k];
        let mut total = vec![0.0; k];
        for v in 0..self.n() {
            let c = comm[v] as usize;
            total[c] += self.node_weight[v];
            internal[c] += self.self_weight[v];
            let (nbrs, ws) = self.neighbors(v);
            for (&u, &w) in nbrs.iter().zip(ws) {
                if comm[u as usize] as usize == c {
                    // Each internal edge is seen from both endpoints.
                    internal[c] += w / 2.0;
                }
            }
        }
        let h: f64 = internal
            .iter()
            .zip(&total)
            .map(|(&l, &w)| l - obj.r * w * w / 2.0)
            .sum();
        if obj.normalised {
            if obj.total_weight > 0.0 {
                h / obj.total_weight
            } else {
                0.0
            }
        } else {
            h
        }
    }

    /// The graph whose nodes are the communities of `comm` (labels in `0..k`): node weights and
    /// internal weights summed, parallel edges merged, internal edges folded into `self_weight`.
    /// Aggregate node `c` lists its neighbours in order of first appearance when scanning the
    /// members of `c` by increasing index, which keeps the result deterministic. O(n + m), with
    /// no hashing: neighbour-community weights go to a dense array reset through a touched list.
    pub(crate) fn aggregate(&self, comm: &[u32], k: usize) -> LevelGraph {
        let n = self.n();
        // Members of each community, by counting sort (stable: increasing node index).
        let mut start = vec![0usize; k + 1];
        for &c in comm {
            start[c as usize + 1] += 1;
        }
        for c in 0..k {
            start[c + 1] += start[c];
        }
        let mut members = vec![0u32; n];
        let mut next = start.clone();
        for (v, &c) in comm.iter().enumerate() {
            members[next[c as usize]] = v as u32;
            next[c as usize] += 1;
        }
        let mut offsets = Vec::with_capacity(k + 1);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        let mut node_weight = vec![0.0; k];
        let mut self_weight = vec![0.0; k];
        let mut acc = vec![0.0f64; k];
        let mut seen = vec![false; k];
        let mut touched: Vec<u32> = Vec::new();
        offsets.push(0);
        for c in 0..k {
            let mut inside = 0.0;
            for &v in &members[start[c]..start[c + 1]] {
                let v = v as usize;
                node_weight[c] += self.node_weight[v];
                self_weight[c] += self.self_weight[v];
                let (nbrs, ws) = self.neighbors(v);
                for (&u, &w) in nbrs.iter().zip(ws) {
                    let d = comm[u as usize];
                    if d as usize == c {
                        inside += w;
                    } else {
                        if !seen[d as usize] {
                            seen[d as usize] = true;
                            touched.push(d);
                        }
                        acc[d as usize] += w;
                    }
                }
            }
            self_weight[c] += inside / 2.0;
            for &d in &touched {
                targets.push(d);
                weights.push(acc[d as usize]);
                acc[d as usize] = 0.0;
                seen[d as usize] = false;
            }
            touched.clear();
            offsets.push(targets.len());
        }
        LevelGraph {
            offsets,
            targets,
            weights,
            node_weight,
            self_weight,
        }
    }
}

/// Relabels `labels` (all below `bound`) in place to `0..k` in order of first appearance by node
/// index; returns `k`. O(n + bound).
pub(crate) fn compact(labels: &mut [u32], bound: usize) -> usize {
    let mut map = vec![u32::MAX; bound];
    let mut k = 0u32;
    for l in labels.iter_mut() {
        let slot = &mut map[*l as usize];
        if *slot == u32::MAX {
            *slot = k;
            k += 1;
        }
        *l = *slot;
    }
    k as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::community::quality;

    fn two_triangles() -> Csr {
        Csr::from_arcs(
            6,
            false,
            &[
                (0, 1, 1.0),
                (1, 2, 2.0),
                (0, 2, 1.0),
                (3, 4, 1.0),
                (4, 5, 1.0),
                (3, 5, 3.0),
                (2, 3, 0.5),
            ],
        )
    }

    #[test]
    fn aggregation_preserves_quality() {
        let g = two_triangles();
        for q in [
            Quality::Modularity { resolution: 1.3 },
            Quality::Cpm { resolution: 0.4 },
        ] {
            let (lg, obj) = LevelGraph::from_csr(&g, q);
            let fine = [0u32, 0, 1, 2, 2, 3];
            let agg = lg.aggregate(&fine, 4);
            // Coarse partition on the aggregate = {0,1,2} and {3,4,5} on the original.
            let coarse = [0u32, 0, 1, 1];
            let on_agg = agg.quality(&coarse, 2, &obj);
            let on_orig = lg.quality(&[0, 0, 0, 1, 1, 1], 2, &obj);
            assert!((on_agg - on_orig).abs() < 1e-12);
            let reference = quality::quality(&g, &[0, 0, 0, 1, 1, 1], q);
            let constant = if obj.normalised {
                0.0
            } else {
                -obj.r * 6.0 / 2.0
            };
            assert!((on_orig - (reference + constant)).abs() < 1e-12);
        }
    }

    #[test]
    fn aggregate_degrees_count_internal_weight_twice() {
        let g = two_triangles();
        let (lg, _) = LevelGraph::from_csr(&g, Quality::default());
        let agg = lg.aggregate(&[0, 0, 0, 1, 1, 1], 2);
        assert_eq!(agg.self_weight, vec![4.0, 5.0]);
        assert_eq!(agg.node_weight, vec![8.5, 10.5]);
        assert_eq!(agg.neighbors(0), (&[1u32][..], &[0.5][..]));
    }

    #[test]
    fn compact_relabels_by_first_appearance() {
        let mut labels = vec![4, 4, 1, 3, 1];
        assert_eq!(compact(&mut labels, 5), 3);
        assert_eq!(labels, vec![0, 0, 1, 2, 1]);
    }
}
