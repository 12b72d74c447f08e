//! Shortest-path betweenness of nodes and edges (Brandes 2001).

use super::parallel::block_sum;
use super::search::HeapItem;
use super::{CentralityError, Distance};
use crate::graph::Csr;
use crate::util::rng::SeededRng;
use std::collections::BinaryHeap;

/// Normalised node betweenness, exact (all sources), as `nx.betweenness_centrality(G,
/// normalized=True, weight=…)`.
///
/// `b(v) = Σ_{s≠v≠t} σ_st(v)/σ_st` accumulated with Brandes' dependency recursion ("A faster
/// algorithm for betweenness centrality", J. Math. Sociol. 2001) over ordered pairs, then scaled
/// by `1/((n-1)(n-2))` for directed *and* undirected graphs (NetworkX 3.x `_rescale`: the
/// ordered-pair sum of an undirected graph is twice the unordered one, and the usual
/// `2/((n-1)(n-2))` is applied to the halved sum, so the factors cancel). With `n <= 2` every
/// value is 0. Values lie in [0, 1].
///
/// Hops use BFS (O(n·m)); weighted lengths use Dijkstra (O(n·m·log n)) and, as NetworkX, treat
/// two paths as equally short only when their f64 length sums are exactly equal. Memory: O(n)
/// scratch per worker plus up to 64 partial vectors of n floats (bounded to 128 MiB).
/// Parallel and bitwise deterministic whatever the rayon pool size.
pub fn betweenness(g: &Csr, distance: Distance) -> Result<Vec<f64>, CentralityError> {
    distance.validate(g)?;
    let n = g.node_count();
    let sources: Vec<u32> = (0..n as u32).collect();
    let mut b = accumulate_nodes(g, distance, &sources);
    if n > 2 {
        let scale = 1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0));
        b.iter_mut().for_each(|x| *x *= scale);
    }
    Ok(b)
}

/// Normalised node betweenness estimated from `k` pivot sources, as
/// `nx.betweenness_centrality(G, k=k, normalized=True, weight=…)` (Brandes & Pich 2007).
///
/// The `k` pivots are drawn without replacement with [`SeededRng`]`::new(seed)` (so they differ
/// from NetworkX's Python `random` draw; only the estimator is the same). Scaling follows
/// NetworkX 3.x `_rescale` with sampling and `endpoints=False`: a pivot never counts itself as
/// an intermediate, so pivots are scaled by `1/((k-1)(n-2))` and other nodes by `1/(k(n-2))`.
/// `k == n` gives the exact value. Requires `2 <= k <= n` (NetworkX returns NaN for `k = 1`).
/// O(k·m) for hops.
pub fn betweenness_sampled(
    g: &Csr,
    distance: Distance,
    k: usize,
    seed: u64,
) -> Result<Vec<f64>, CentralityError> {
    let n = g.node_count();
    if k == n {
        return betweenness(g, distance);
    }
    if k < 2 || k > n {
        return Err(CentralityError::InvalidParameter(format!(
            "betweenness sample size {k} must be between 2 and the node count {n}"
        )));
    }
    distance.validate(g)?;
    let mut nodes: Vec<u32> = (0..n as u32).collect();
    SeededRng::new(seed).shuffle(&mut nodes);
    nodes.truncate(k);
    let mut b = accumulate_nodes(g, distance, &nodes);
    if n > 2 {
        let (kf, base) = (k as f64, n as f64 - 2.0);
        let mut scale = vec![1.0 / (kf * base); n];
        for &s in &nodes {
            scale[s as usize] = 1.0 / ((kf - 1.0) * base);
        }
        b.iter_mut().zip(&scale).for_each(|(x, s)| *x *= s);
    }
    Ok(b)
}

/// The betweenness of one edge (undirected: `source < target`) or arc.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeScore {
    /// Source node index.
    pub source: usize,
    /// Target node index.
    pub target: usize,
    /// Normalised edge betweenness.
    pub value: f64,
}

/// Normalised edge betweenness, as `nx.edge_betweenness_centrality(G, normalized=True,
/// weight=…)`: `Σ_{s≠t} σ_st(e)/σ_st` over ordered pairs, scaled by `1/(n(n-1))` for directed
/// and undirected graphs alike (NetworkX 3.x `_rescale` with `endpoints=True`; for undirected
/// graphs both orientations of an edge add to it). No scaling when `n < 2`.
///
/// One entry per arc in [`Csr::arcs`] order (undirected: once per edge). Same algorithm, cost and
/// determinism as [`betweenness`]; the partial vectors hold one float per stored arc.
pub fn edge_betweenness(g: &Csr, distance: Distance) -> Result<Vec<EdgeScore>, CentralityError> {
    distance.validate(g)?;
    let n = g.node_count();
    let offsets = out_offsets(g);
    let slots = offsets[n];
    let sources: Vec<u32> = (0..n as u32).collect();
    let per_slot = block_sum(&sources, slots, |chunk, partial| {
        let mut b = Brandes::new(n);
        let mut unused = Vec::new();
        for &s in chunk {
            b.run::<true>(g, distance, s as usize, &mut unused, partial, &offsets);
        }
    });
    let scale = if n >= 2 {
        1.0 / (n as f64 * (n as f64 - 1.0))
    } else {
        1.0
    };
    let mut out = Vec::with_capacity(g.arc_count());
    for u in 0..n {
        for (j, &v) in g.out_neighbors(u).iter().enumerate() {
            let v = v as usize;
            if !g.is_directed() && v < u {
                continue;
            }
            let mut value = per_slot[offsets[u] + j];
            if !g.is_directed() {
                // The reverse orientation is stored in v's list.
                if let Ok(i) = g.out_neighbors(v).binary_search(&(u as u32)) {
                    value += per_slot[offsets[v] + i];
                }
            }
            out.push(EdgeScore {
                source: u,
                target: v,
                value: value * scale,
            });
        }
    }
    Ok(out)
}

/// Raw (unscaled) Brandes dependencies summed over `sources`.
fn accumulate_nodes(g: &Csr, distance: Distance, sources: &[u32]) -> Vec<f64> {
    let n = g.node_count();
    block_sum(sources, n, |chunk, partial| {
        let mut b = Brandes::new(n);
        let mut unused = Vec::new();
        for &s in chunk {
            b.run::<false>(g, distance, s as usize, partial, &mut unused, &[]);
        }
    })
}

/// Start of each node's out-arc slots (prefix sums of out-degrees).
fn out_offsets(g: &Csr) -> Vec<usize> {
    let n = g.node_count();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    for u in 0..n {
        offsets.push(offsets[u] + g.out_degree(u));
    }
    offsets
}

/// Per-node search state, kept together so that each arc visit touches one cache line.
#[derive(Debug, Clone, Copy)]
struct NodeState {
    /// Distance from the source (hop count as a float for BFS); infinite when unreached.
    dist: f64,
    /// Number of shortest paths from the source.
    sigma: f64,
    /// Holds δ(v) while it accumulates, then the coefficient (1 + δ(v)) / σ(v) that v's
    /// predecessors need, so the backward pass divides once per node rather than per arc.
    delta: f64,
}

const UNSEEN: NodeState = NodeState {
    dist: f64::INFINITY,
    sigma: 0.0,
    delta: 0.0,
};

/// One worker's Brandes state, reused across sources.
struct Brandes {
    state: Vec<NodeState>,
    /// Nodes in settling order (non-decreasing distance); the BFS queue too.
    order: Vec<u32>,
    heap: BinaryHeap<HeapItem>,
}

impl Brandes {
    fn new(n: usize) -> Brandes {
        Brandes {
            state: vec![UNSEEN; n],
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
        }
    }

    /// Adds the dependencies of source `s` to `nodes` (when `!EDGES`) or to the arc slots
    /// `edges` (when `EDGES`, slots laid out by `offsets`).
    fn run<const EDGES: bool>(
        &mut self,
        g: &Csr,
        distance: Distance,
        s: usize,
        nodes: &mut [f64],
        edges: &mut [f64],
        offsets: &[usize],
    ) {
        match distance {
            Distance::Hops => {
                self.bfs(g, s);
                backward::<EDGES>(g, s, self, nodes, edges, offsets, |dv, dw, _| {
                    dw == dv + 1.0
                });
            }
            _ => {
                self.dijkstra(g, distance, s);
                backward::<EDGES>(g, s, self, nodes, edges, offsets, |dv, dw, wt| {
                    // NetworkX's tie rule: exact equality of the f64 sums.
                    dv + distance.length(wt) == dw
                });
            }
        }
        for &v in &self.order {
            self.state[v as usize] = UNSEEN;
        }
        self.order.clear();
    }

    /// BFS counting shortest paths; `order` doubles as the queue.
    ///
    /// Branch-free inner loop: whether a neighbour is new is unpredictable on most graphs, so
    /// the queue append and the path-count update are written unconditionally and selected.
    fn bfs(&mut self, g: &Csr, s: usize) {
        // One spare slot: the unconditional write below lands there once every node is queued.
        self.order.resize(self.state.len() + 1, 0);
        // Local slices keep the buffer pointers in registers (see `search::Scratch::bfs`).
        let (state, order) = (&mut self.state[..], &mut self.order[..]);
        state[s].dist = 0.0;
        state[s].sigma = 1.0;
        order[0] = s as u32;
        let (mut head, mut tail) = (0, 1);
        while head < tail {
            let v = order[head] as usize;
            head += 1;
            let NodeState { dist, sigma, .. } = state[v];
            let next = dist + 1.0;
            for &w in g.out_neighbors(v) {
                let sw = &mut state[w as usize];
                let unseen = sw.dist == f64::INFINITY;
                sw.dist = if unseen { next } else { sw.dist };
                order[tail] = w;
                tail += usize::from(unseen);
                sw.sigma += if sw.dist == next { sigma } else { 0.0 };
            }
        }
        self.order.truncate(tail);
    }

    /// Dijkstra counting shortest paths, as NetworkX's `_single_source_dijkstra_path_basic`.
    /// A node is pushed only when its distance strictly improves, so the entry carrying its
    /// final distance is unique and every other entry is stale (`d > dist`).
    fn dijkstra(&mut self, g: &Csr, distance: Distance, s: usize) {
        self.state[s].dist = 0.0;
        self.state[s].sigma = 1.0;
        self.heap.push(HeapItem {
            d: 0.0,
            v: s as u32,
        });
        while let Some(HeapItem { d, v }) = self.heap.pop() {
            let v = v as usize;
            if d > self.state[v].dist {
                continue;
            }
            self.order.push(v as u32);
            let sigma = self.state[v].sigma;
            for (&w, &wt) in g.out_neighbors(v).iter().zip(g.out_weights(v)) {
                let sw = &mut self.state[w as usize];
                let nd = d + distance.length(wt);
                if nd < sw.dist {
                    sw.dist = nd;
                    sw.sigma = sigma;
                    self.heap.push(HeapItem { d: nd, v: w });
                } else if nd == sw.dist {
                    sw.sigma += sigma;
                }
            }
        }
    }
}

/// Dependency accumulation in reverse settling order, pulling from successors: a successor `w`
/// of `v` comes earlier in the reversed order, so its coefficient is already final.
/// `is_successor(dist_v, dist_w, weight)` tells whether the arc lies on a shortest path.
fn backward<const EDGES: bool>(
    g: &Csr,
    s: usize,
    b: &mut Brandes,
    nodes: &mut [f64],
    edges: &mut [f64],
    offsets: &[usize],
    is_successor: impl Fn(f64, f64, f64) -> bool,
) {
    let state = &mut b.state;
    for &v in b.order.iter().rev() {
        let v = v as usize;
        let NodeState { dist, sigma, .. } = state[v];
        let mut acc = 0.0;
        let nbrs = g.out_neighbors(v);
        let weights = g.out_weights(v);
        for (j, (&w, &wt)) in nbrs.iter().zip(weights).enumerate() {
            let sw = state[w as usize];
            // Selected rather than branched on: the test is unpredictable.
            let coeff = if is_successor(dist, sw.dist, wt) {
                sw.delta
            } else {
                0.0
            };
            acc += coeff;
            if EDGES {
                edges[offsets[v] + j] += sigma * coeff;
            }
        }
        let dv = sigma * acc;
        if v != s && !EDGES {
            nodes[v] += dv;
        }
        state[v].delta = (1.0 + dv) / sigma;
    }
}

#[cfg(test)]
#[path = "betweenness_tests.rs"]
mod tests;
