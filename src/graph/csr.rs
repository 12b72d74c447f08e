//! Compact, read-only adjacency (compressed sparse rows) that every analysis runs on.
//!
//! The metric graph is built once into this layout: neighbour lists are contiguous slices sorted by
//! node index, so traversals are cache-friendly and the iteration order is canonical (nodes are
//! numbered in id order), which keeps every algorithm deterministic whatever the thread count.

/// A weighted graph in compressed sparse row form, with both out- and in-adjacency.
///
/// Node `i` is the `i`-th entity of the metric graph in id order. For an undirected graph the
/// in-adjacency equals the out-adjacency and every edge `{u, v}` is stored once in each endpoint's
/// list. There are no self-loops and no parallel arcs (the metric graph merges them).
///
/// Memory: `(n + 1) * 8 * 2` bytes of offsets plus `12 * 2` bytes per arc.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    directed: bool,
    out_offsets: Vec<usize>,
    out_targets: Vec<u32>,
    out_weights: Vec<f64>,
    in_offsets: Vec<usize>,
    in_sources: Vec<u32>,
    in_weights: Vec<f64>,
}

impl Csr {
    /// Builds the adjacency of `n` nodes from arcs `(source, target, weight)`.
    ///
    /// The arcs must be free of self-loops and duplicates (for an undirected graph: each edge given
    /// once, in either orientation). Complexity O(n + m log d) where d is the largest degree.
    ///
    /// ```
    /// use powermap::graph::Csr;
    /// let g = Csr::from_arcs(3, true, &[(0, 1, 2.0), (1, 2, 1.0), (0, 2, 0.5)]);
    /// assert_eq!(g.out_neighbors(0), &[1, 2]);
    /// assert_eq!(g.in_neighbors(2), &[0, 1]);
    /// assert_eq!(g.out_weights(0), &[2.0, 0.5]);
    /// ```
    pub fn from_arcs(n: usize, directed: bool, arcs: &[(u32, u32, f64)]) -> Csr {
        let (out_offsets, out_targets, out_weights) = if directed {
            bucket(n, arcs.iter().map(|&(u, v, w)| (u, v, w)))
        } else {
            bucket(
                n,
                arcs.iter()
                    .flat_map(|&(u, v, w)| [(u, v, w), (v, u, w)].into_iter()),
            )
        };
        if !directed {
            return Csr {
                directed,
                in_offsets: out_offsets.clone(),
                in_sources: out_targets.clone(),
                in_weights: out_weights.clone(),
                out_offsets,
                out_targets,
                out_weights,
            };
        }
        let (in_offsets, in_sources, in_weights) =
            bucket(n, arcs.iter().map(|&(u, v, w)| (v, u, w)));
        Csr {
            directed,
            out_offsets,
            out_targets,
            out_weights,
            in_offsets,
            in_sources,
            in_weights,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.out_offsets.len() - 1
    }

    /// Number of arcs (directed) or edges (undirected, each counted once).
    pub fn arc_count(&self) -> usize {
        if self.directed {
            self.out_targets.len()
        } else {
            self.out_targets.len() / 2
        }
    }

    /// Whether arcs have a direction.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Successors of `u` (all neighbours when undirected), sorted by index.
    pub fn out_neighbors(&self, u: usize) -> &[u32] {
        &self.out_targets[self.out_offsets[u]..self.out_offsets[u + 1]]
    }

    /// Weights of the arcs to [`Csr::out_neighbors`], in the same order.
    pub fn out_weights(&self, u: usize) -> &[f64] {
        &self.out_weights[self.out_offsets[u]..self.out_offsets[u + 1]]
    }

    /// Predecessors of `v` (all neighbours when undirected), sorted by index.
    pub fn in_neighbors(&self, v: usize) -> &[u32] {
        &self.in_sources[self.in_offsets[v]..self.in_offsets[v + 1]]
    }

    /// Weights of the arcs from [`Csr::in_neighbors`], in the same order.
    pub fn in_weights(&self, v: usize) -> &[f64] {
        &self.in_weights[self.in_offsets[v]..self.in_offsets[v + 1]]
    }

    /// Out-degree of `u` (degree when undirected).
    pub fn out_degree(&self, u: usize) -> usize {
        self.out_offsets[u + 1] - self.out_offsets[u]
    }

    /// In-degree of `v` (degree when undirected).
    pub fn in_degree(&self, v: usize) -> usize {
        self.in_offsets[v + 1] - self.in_offsets[v]
    }

    /// Weight of the arc `u -> v`, if any. O(log d) by binary search.
    pub fn weight(&self, u: usize, v: usize) -> Option<f64> {
        let nbrs = self.out_neighbors(u);
        nbrs.binary_search(&(v as u32))
            .ok()
            .map(|i| self.out_weights(u)[i])
    }

    /// Iterates over every arc `(u, v, w)` once (undirected: each edge once with `u < v`), in
    /// source-then-target index order.
    pub fn arcs(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.node_count()).flat_map(move |u| {
            self.out_neighbors(u)
                .iter()
                .zip(self.out_weights(u))
                .filter(move |(&v, _)| self.directed || (v as usize) > u)
                .map(move |(&v, &w)| (u, v as usize, w))
        })
    }

    /// The undirected projection: `{u, v}` weighted by `w(u,v) + w(v,u)`. Returns a clone when the
    /// graph is already undirected. Community detection runs on it.
    pub fn to_undirected(&self) -> Csr {
        if !self.directed {
            return self.clone();
        }
        let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(self.out_targets.len());
        for (u, v, w) in self.arcs() {
            let (a, b) = if u < v { (u, v) } else { (v, u) };
            edges.push((a as u32, b as u32, w));
        }
        edges.sort_unstable_by_key(|&(a, b, _)| (a, b));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len());
        for (a, b, w) in edges {
            match merged.last_mut() {
                Some(last) if last.0 == a && last.1 == b => last.2 += w,
                _ => merged.push((a, b, w)),
            }
        }
        Csr::from_arcs(self.node_count(), false, &merged)
    }
}

/// Counting sort of `(row, col, w)` triples into CSR arrays, each row sorted by column.
fn bucket(
    n: usize,
    triples: impl Iterator<Item = (u32, u32, f64)> + Clone,
) -> (Vec<usize>, Vec<u32>, Vec<f64>) {
    let mut offsets = vec![0usize; n + 1];
    for (r, _, _) in triples.clone() {
        offsets[r as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let m = offsets[n];
    let mut cols = vec![0u32; m];
    let mut weights = vec![0f64; m];
    let mut next = offsets.clone();
    for (r, c, w) in triples {
        let slot = next[r as usize];
        cols[slot] = c;
        weights[slot] = w;
        next[r as usize] += 1;
    }
    for r in 0..n {
        let (lo, hi) = (offsets[r], offsets[r + 1]);
        if cols[lo..hi].windows(2).any(|p| p[0] > p[1]) {
            let mut row: Vec<(u32, f64)> = cols[lo..hi]
                .iter()
                .copied()
                .zip(weights[lo..hi].iter().copied())
                .collect();
            row.sort_unstable_by_key(|&(c, _)| c);
            for (k, (c, w)) in row.into_iter().enumerate() {
                cols[lo + k] = c;
                weights[lo + k] = w;
            }
        }
    }
    (offsets, cols, weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undirected_lists_both_endpoints() {
        let g = Csr::from_arcs(3, false, &[(2, 0, 1.5), (0, 1, 1.0)]);
        assert_eq!(g.out_neighbors(0), &[1, 2]);
        assert_eq!(g.in_neighbors(2), &[0]);
        assert_eq!(g.arc_count(), 2);
        assert_eq!(g.arcs().collect::<Vec<_>>(), vec![(0, 1, 1.0), (0, 2, 1.5)]);
    }

    #[test]
    fn projection_sums_reciprocal_arcs() {
        let g = Csr::from_arcs(3, true, &[(0, 1, 1.0), (1, 0, 2.0), (1, 2, 4.0)]);
        let u = g.to_undirected();
        assert!(!u.is_directed());
        assert_eq!(u.weight(0, 1), Some(3.0));
        assert_eq!(u.weight(2, 1), Some(4.0));
        assert_eq!(u.arc_count(), 2);
    }
}
