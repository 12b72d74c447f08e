//! ForceAtlas2 force-directed layout.
//!
//! Jacomy, Venturini, Heymann & Bastian (2014), "ForceAtlas2, a continuous graph layout algorithm
//! for handy network visualization designed for the Gephi software", PLoS ONE 9(6): e98679.
//! Nodes repel in proportion to `(deg + 1)` of each endpoint, edges pull linearly with distance,
//! gravity keeps disconnected components in view, and a global adaptive speed (swing versus
//! traction) makes it converge without a cooling schedule. The constants and the speed heuristic
//! follow the reference implementation in Gephi so that drawings look like the ones analysts
//! know. Hubs end up central with their clients around them, which is what an influence map needs.

use super::quadtree::Quadtree;
use crate::graph::Csr;
use crate::util::rng::{SeededRng, DEFAULT_SEED};
use rayon::prelude::*;

/// Settings of [`forceatlas2`]. `Default` gives Gephi's defaults with 300 iterations;
/// [`Fa2Options::for_graph`] adapts scaling and iterations to the graph size.
#[derive(Debug, Clone)]
pub struct Fa2Options<'a> {
    /// Number of iterations (each is one force evaluation and one move of every node).
    pub iterations: usize,
    /// Seed of the random initial positions: the same seed gives bit-identical coordinates.
    pub seed: u64,
    /// Repulsion strength `kr`: larger values spread the drawing relative to gravity.
    pub scaling: f64,
    /// Gravity strength `kg`, pulling every node towards the origin.
    pub gravity: f64,
    /// Strong gravity: the pull grows linearly with the distance to the origin (a rounder, more
    /// compact drawing) instead of being constant.
    pub strong_gravity: bool,
    /// Exponent `delta` applied to edge weights in the attraction (`0` ignores weights).
    pub edge_weight_influence: f64,
    /// How much swinging is tolerated before the global speed is reduced (Gephi's default 1).
    pub jitter_tolerance: f64,
    /// Barnes–Hut opening criterion: a cell of size `s` at distance `d` is approximated when
    /// `s / d < theta`. Larger is faster and coarser.
    pub barnes_hut_theta: f64,
    /// Use the Barnes–Hut approximation when the graph has more nodes than this; below, the
    /// repulsion is computed exactly in O(n^2).
    pub barnes_hut_above: usize,
    /// Radius of each node as a fraction of the layout's extent (the drawn radius in pixels
    /// divided by the plot width). Used only during the final `overlap_iterations`, where nodes
    /// are pushed apart until their circles no longer overlap ("prevent overlap").
    pub node_sizes: Option<&'a [f64]>,
    /// Number of final iterations run with overlap prevention when `node_sizes` is given.
    pub overlap_iterations: usize,
}

impl Default for Fa2Options<'_> {
    fn default() -> Self {
        Fa2Options {
            iterations: 300,
            seed: DEFAULT_SEED,
            scaling: 2.0,
            gravity: 1.0,
            strong_gravity: false,
            edge_weight_influence: 1.0,
            jitter_tolerance: 1.0,
            barnes_hut_theta: 1.2,
            barnes_hut_above: 1000,
            node_sizes: None,
            overlap_iterations: 60,
        }
    }
}

impl Fa2Options<'_> {
    /// Defaults tuned to a graph of `n` nodes for drawing influence maps: Gephi's scaling (10
    /// below 100 nodes, else 2); strong gravity of 0.1, because regular gravity lets small
    /// components and isolated nodes drift so far out (their distance grows with the mass of
    /// the main component) that the main component shrinks to a dot once the drawing is fitted
    /// to the page; more iterations for small graphs, where they are cheap and polish the
    /// drawing, fewer for large ones so that 10,000 nodes lay out in a few seconds.
    pub fn for_graph(n: usize) -> Self {
        let iterations = match n {
            0..=200 => 1000,
            201..=2000 => 600,
            2001..=20000 => 300,
            _ => 150,
        };
        Fa2Options {
            iterations,
            scaling: if n < 100 { 10.0 } else { 2.0 },
            strong_gravity: true,
            gravity: 0.1,
            ..Fa2Options::default()
        }
    }
}

/// Per-iteration state of the adaptive speed.
struct Speed {
    speed: f64,
    efficiency: f64,
}

/// Lays out `g` with ForceAtlas2 and returns one `[x, y]` per node.
///
/// Directed graphs are laid out on their undirected projection (a reciprocal pair pulls with the
/// sum of both weights); weights that are not finite count as 1 and negative ones by magnitude.
/// Each iteration costs O(m + n log n) with Barnes–Hut (O(m + n^2) below
/// [`Fa2Options::barnes_hut_above`]); the per-node repulsion runs in parallel, but every node's
/// force is summed in a fixed order, so the result does not depend on the number of threads.
///
/// ```
/// use powermap::graph::Csr;
/// use powermap::layout::{forceatlas2, Fa2Options};
/// let g = Csr::from_arcs(3, true, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// let pos = forceatlas2(&g, &Fa2Options::for_graph(3));
/// assert_eq!(pos.len(), 3);
/// assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
/// ```
pub fn forceatlas2(g: &Csr, opt: &Fa2Options) -> Vec<[f64; 2]> {
    let n = g.node_count();
    let edges = simple_edges(g, opt.edge_weight_influence);
    let mut mass = vec![1.0f64; n];
    for &(u, v, _) in &edges {
        mass[u as usize] += 1.0;
        mass[v as usize] += 1.0;
    }
    let mut pos = initial_positions(n, opt.seed);
    if n < 2 {
        return pos;
    }
    let overlap_from = match opt.node_sizes {
        Some(s) if s.len() == n => opt.iterations.saturating_sub(opt.overlap_iterations),
        _ => usize::MAX,
    };
    let mut sizes: Vec<f64> = Vec::new();
    let mut force = vec![[0.0f64; 2]; n];
    let mut old = vec![[0.0f64; 2]; n];
    let mut speed = Speed {
        speed: 1.0,
        efficiency: 1.0,
    };
    for it in 0..opt.iterations {
        if it == overlap_from {
            sizes = layout_sizes(&pos, opt.node_sizes.unwrap_or(&[]));
        }
        let adjust = !sizes.is_empty();
        std::mem::swap(&mut force, &mut old);
        repulsion_and_gravity(&pos, &mass, &sizes, opt, &mut force);
        attraction(&edges, &pos, &sizes, &mut force);
        if !step(
            &mut pos, &force, &old, &mass, adjust, &sizes, opt, &mut speed,
        ) {
            break;
        }
    }
    pos
}

/// Undirected simple edges `(u, v, w^delta)` with `u < v`, reciprocal arcs merged.
fn simple_edges(g: &Csr, delta: f64) -> Vec<(u32, u32, f64)> {
    let und;
    let g = if g.is_directed() {
        und = g.to_undirected();
        &und
    } else {
        g
    };
    g.arcs()
        .map(|(u, v, w)| {
            let w = if w.is_finite() { w.abs() } else { 1.0 };
            let w = if delta == 0.0 {
                1.0
            } else if delta == 1.0 {
                w
            } else {
                w.powf(delta)
            };
            (u as u32, v as u32, if w.is_finite() { w } else { 1.0 })
        })
        .collect()
}

/// Uniform random positions in a square whose side grows with `sqrt(n)`, so the initial density
/// is the same for every graph size.
fn initial_positions(n: usize, seed: u64) -> Vec<[f64; 2]> {
    let mut rng = SeededRng::new(seed);
    let half = 5.0 * (n as f64).sqrt().max(1.0);
    (0..n)
        .map(|_| {
            let x = (rng.next_f64() * 2.0 - 1.0) * half;
            let y = (rng.next_f64() * 2.0 - 1.0) * half;
            [x, y]
        })
        .collect()
}

/// Converts relative node radii into layout units, using the current extent of the layout.
fn layout_sizes(pos: &[[f64; 2]], rel: &[f64]) -> Vec<f64> {
    let extent = match super::bounding_box(pos) {
        Some((x0, y0, x1, y1)) => (x1 - x0).max(y1 - y0),
        None => 0.0,
    };
    rel.iter()
        .map(|&s| {
            if s.is_finite() && s > 0.0 {
                s * extent
            } else {
                0.0
            }
        })
        .collect()
}

/// Writes into `force` the repulsion of all other nodes plus gravity, one node per task.
fn repulsion_and_gravity(
    pos: &[[f64; 2]],
    mass: &[f64],
    sizes: &[f64],
    opt: &Fa2Options,
    force: &mut [[f64; 2]],
) {
    let kr = opt.scaling;
    let adjust = !sizes.is_empty();
    let pair = |i: usize, j: usize| -> [f64; 2] {
        let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
        let d2 = dx * dx + dy * dy;
        if d2 <= 0.0 {
            return [0.0, 0.0];
        }
        let factor = if adjust {
            let d = d2.sqrt() - sizes[i] - sizes[j];
            if d > 0.0 {
                kr * mass[i] * mass[j] / (d * d)
            } else {
                100.0 * kr * mass[i] * mass[j]
            }
        } else {
            kr * mass[i] * mass[j] / d2
        };
        [dx * factor, dy * factor]
    };
    let tree = (pos.len() > opt.barnes_hut_above).then(|| Quadtree::build(pos, mass));
    let node_force = |i: usize| -> [f64; 2] {
        let mut acc = match &tree {
            Some(t) => t.accumulate(
                i as u32,
                pos[i],
                opt.barnes_hut_theta,
                |j| pair(i, j as usize),
                |cx, cy, m| {
                    let (dx, dy) = (pos[i][0] - cx, pos[i][1] - cy);
                    let d2 = dx * dx + dy * dy;
                    if d2 <= 0.0 {
                        return [0.0, 0.0];
                    }
                    let factor = kr * mass[i] * m / d2;
                    [dx * factor, dy * factor]
                },
            ),
            None => {
                let mut a = [0.0, 0.0];
                for j in (0..pos.len()).filter(|&j| j != i) {
                    let g = pair(i, j);
                    a[0] += g[0];
                    a[1] += g[1];
                }
                a
            }
        };
        let [x, y] = pos[i];
        let d = (x * x + y * y).sqrt();
        if d > 0.0 {
            let factor = if opt.strong_gravity {
                opt.gravity * mass[i]
            } else {
                opt.gravity * mass[i] / d
            };
            acc[0] -= x * factor;
            acc[1] -= y * factor;
        }
        acc
    };
    match &tree {
        // Visit nodes in tree order: neighbours in the plane walk the same cells, which keeps
        // the traversal in cache. Each node's sum is still computed alone, in a fixed order.
        Some(t) => {
            let by_order: Vec<[f64; 2]> = t
                .order()
                .par_iter()
                .with_min_len(64)
                .map(|&i| node_force(i as usize))
                .collect();
            for (&i, f) in t.order().iter().zip(by_order) {
                force[i as usize] = f;
            }
        }
        None => force
            .par_iter_mut()
            .enumerate()
            .with_min_len(64)
            .for_each(|(i, f)| *f = node_force(i)),
    }
}

/// Adds the linear edge attraction to `force`. With overlap prevention, touching nodes no
/// longer attract.
fn attraction(edges: &[(u32, u32, f64)], pos: &[[f64; 2]], sizes: &[f64], force: &mut [[f64; 2]]) {
    for &(u, v, w) in edges {
        let (u, v) = (u as usize, v as usize);
        let (dx, dy) = (pos[u][0] - pos[v][0], pos[u][1] - pos[v][1]);
        if !sizes.is_empty() {
            let d = (dx * dx + dy * dy).sqrt() - sizes[u] - sizes[v];
            if d <= 0.0 {
                continue;
            }
        }
        force[u][0] -= dx * w;
        force[u][1] -= dy * w;
        force[v][0] += dx * w;
        force[v][1] += dy * w;
    }
}

/// Adapts the global speed from swing and traction (Gephi's heuristic) and moves every node.
/// Returns `false` when nothing moves any more.
#[allow(clippy::too_many_arguments)]
fn step(
    pos: &mut [[f64; 2]],
    force: &[[f64; 2]],
    old: &[[f64; 2]],
    mass: &[f64],
    adjust: bool,
    sizes: &[f64],
    opt: &Fa2Options,
    s: &mut Speed,
) -> bool {
    let n = pos.len() as f64;
    let swing_of = |i: usize| {
        let (a, b) = (old[i][0] - force[i][0], old[i][1] - force[i][1]);
        mass[i] * (a * a + b * b).sqrt()
    };
    let (mut swing, mut traction) = (0.0, 0.0);
    for i in 0..pos.len() {
        swing += swing_of(i);
        let (a, b) = (old[i][0] + force[i][0], old[i][1] + force[i][1]);
        traction += mass[i] * 0.5 * (a * a + b * b).sqrt();
    }
    if !(swing > 0.0 && swing.is_finite() && traction.is_finite()) {
        return false;
    }
    let estimated_jt = 0.05 * n.sqrt();
    let min_jt = estimated_jt.sqrt();
    let max_jt: f64 = 10.0;
    let mut jt = opt.jitter_tolerance * min_jt.max(max_jt.min(estimated_jt * traction / (n * n)));
    let min_efficiency = 0.05;
    if traction > 0.0 && swing / traction > 2.0 {
        if s.efficiency > min_efficiency {
            s.efficiency *= 0.5;
        }
        jt = jt.max(opt.jitter_tolerance);
    }
    let target = jt * s.efficiency * traction / swing;
    if swing > jt * traction {
        if s.efficiency > min_efficiency {
            s.efficiency *= 0.7;
        }
    } else if s.speed < 1000.0 {
        s.efficiency *= 1.3;
    }
    let max_rise = 0.5;
    s.speed += (target - s.speed).min(max_rise * s.speed);
    if !(s.speed > 0.0 && s.speed.is_finite()) {
        return false;
    }
    let cap = if adjust {
        (sizes.iter().sum::<f64>() / n).max(1e-9)
    } else {
        f64::INFINITY
    };
    for (i, p) in pos.iter_mut().enumerate() {
        let f = force[i];
        let sw = swing_of(i);
        let mut factor = s.speed / (1.0 + (s.speed * sw).sqrt());
        if adjust {
            let df = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if df <= 0.0 {
                continue;
            }
            factor = (0.1 * factor * df).min(cap) / df;
        }
        let (nx, ny) = (p[0] + f[0] * factor, p[1] + f[1] * factor);
        if nx.is_finite() && ny.is_finite() {
            *p = [nx, ny];
        }
    }
    true
}
