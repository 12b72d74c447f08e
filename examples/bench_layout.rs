//! Times ForceAtlas2 on a synthetic influence-like graph.
//!
//! Usage: `cargo run --release --example bench_layout [nodes] [edges] [iterations] [--png FILE]`
//! (defaults 10000 nodes, 50000 edges, the iterations of `Fa2Options::for_graph`). The graph has
//! 40 planted communities and heavy-tailed degrees, like the networks powermap draws. With
//! `--png`, the layout is also drawn (nodes coloured by planted community) for a visual check.

use powermap::graph::Csr;
use powermap::layout::{forceatlas2, Fa2Options};
use powermap::render::theme::Sign;
use powermap::render::{render_network, NetArc, NetNode, NetworkChart, NodeGroup, Size};
use powermap::util::rng::SeededRng;
use std::collections::BTreeSet;
use std::time::Instant;

fn main() {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let png = raw
        .iter()
        .position(|a| a == "--png")
        .and_then(|i| raw.get(i + 1).cloned());
    let args: Vec<usize> = raw.iter().filter_map(|a| a.parse().ok()).collect();
    let n = args.first().copied().unwrap_or(10_000).max(2);
    let m = args.get(1).copied().unwrap_or(50_000);
    let g = synthetic(n, m, 1);
    let mut opt = Fa2Options::for_graph(n);
    if let Some(&it) = args.get(2) {
        opt.iterations = it;
    }
    let t = Instant::now();
    let pos = forceatlas2(&g, &opt);
    let secs = t.elapsed().as_secs_f64();
    let finite = pos.iter().all(|p| p[0].is_finite() && p[1].is_finite());
    println!(
        "forceatlas2: {} nodes, {} edges, {} iterations, {} threads: {:.2} s (all finite: {})",
        g.node_count(),
        g.arc_count(),
        opt.iterations,
        rayon::current_num_threads(),
        secs,
        finite
    );
    if let Some(path) = png {
        if let Err(e) = draw(&g, &pos, &path) {
            eprintln!("bench_layout: {e}");
            std::process::exit(1);
        }
    }
}

/// Draws the layout with nodes coloured by planted community (40 groups, so colours repeat).
fn draw(g: &Csr, pos: &[[f64; 2]], path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let n = g.node_count();
    let groups = 40.min(n);
    let chart = NetworkChart {
        title: format!("ForceAtlas2 layout of a synthetic graph ({n} nodes)"),
        subtitle: format!("{} edges, {groups} planted communities", g.arc_count()),
        group_title: "Planted community".to_string(),
        groups: (0..groups)
            .map(|c| NodeGroup::community(c, format!("Community {}", c + 1)))
            .collect(),
        nodes: (0..n)
            .map(|i| NetNode {
                label: format!("{i}"),
                x: pos[i][0],
                y: pos[i][1],
                pagerank: 1.0 + g.out_degree(i) as f64,
                group: (i / (n / groups).max(1)).min(groups - 1),
            })
            .collect(),
        arcs: g
            .arcs()
            .map(|(u, v, w)| NetArc {
                source: u,
                target: v,
                weight: w,
                sign: Sign::Neutral,
            })
            .collect(),
        label_top: 0,
        ..NetworkChart::default()
    };
    let img = render_network(&chart, Size::default())?;
    std::fs::write(path, img.png)?;
    Ok(())
}

/// `m` distinct edges over `n` nodes: 85% inside one of 40 communities, endpoints drawn with a
/// bias towards low indices (a heavy-tailed degree distribution).
fn synthetic(n: usize, m: usize, seed: u64) -> Csr {
    let mut rng = SeededRng::new(seed);
    let groups = 40.min(n);
    let pick = |rng: &mut SeededRng, lo: usize, len: usize| {
        let r = rng.next_f64();
        lo + ((r * r * r) * len as f64) as usize % len.max(1)
    };
    let mut edges = BTreeSet::new();
    let max_edges = n * (n - 1) / 2;
    while edges.len() < m.min(max_edges) {
        let g = rng.below(groups);
        let size = n / groups;
        let u = pick(&mut rng, g * size, size);
        let v = if rng.next_f64() < 0.85 {
            pick(&mut rng, g * size, size)
        } else {
            rng.below(n)
        };
        if u != v && u < n && v < n {
            edges.insert((u.min(v) as u32, u.max(v) as u32));
        }
    }
    let arcs: Vec<(u32, u32, f64)> = edges.into_iter().map(|(a, b)| (a, b, 1.0)).collect();
    Csr::from_arcs(n, false, &arcs)
}
