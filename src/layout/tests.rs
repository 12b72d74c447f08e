//! Tests of the layout algorithms.

use super::*;
use crate::graph::Csr;

/// Two `k`-cliques, nodes `0..k` and `k..2k`, with no edge between them.
fn two_cliques(k: u32) -> Csr {
    let mut arcs = Vec::new();
    for base in [0, k] {
        for a in 0..k {
            for b in a + 1..k {
                arcs.push((base + a, base + b, 1.0));
            }
        }
    }
    Csr::from_arcs(2 * k as usize, false, &arcs)
}

fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

#[test]
fn bounding_box_of_points() {
    assert_eq!(bounding_box(&[]), None);
    assert_eq!(
        bounding_box(&[[1.0, 2.0], [-1.0, 5.0]]),
        Some((-1.0, 2.0, 1.0, 5.0))
    );
    assert_eq!(bounding_box(&[[f64::NAN, 0.0]]), None);
}

#[test]
fn same_seed_same_positions() {
    let g = two_cliques(6);
    let opt = Fa2Options::for_graph(g.node_count());
    let a = forceatlas2(&g, &opt);
    let b = forceatlas2(&g, &opt);
    assert_eq!(a, b);
    let other = forceatlas2(&g, &Fa2Options { seed: 7, ..opt });
    assert_ne!(a, other);
}

#[test]
fn thread_count_does_not_change_the_result() {
    // A ring with chords, large enough for Barnes–Hut.
    let n = 1500u32;
    let pairs: std::collections::BTreeSet<(u32, u32)> = (0..n)
        .flat_map(|i| [(i, (i + 1) % n), (i, (i * 7 + 3) % n)])
        .filter(|&(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect();
    let arcs: Vec<(u32, u32, f64)> = pairs.into_iter().map(|(a, b)| (a, b, 1.0)).collect();
    let g = Csr::from_arcs(n as usize, false, &arcs);
    let opt = Fa2Options {
        iterations: 30,
        ..Fa2Options::for_graph(n as usize)
    };
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map(|pool| pool.install(|| forceatlas2(&g, &opt)))
            .ok()
    };
    let one = run(1);
    assert!(one.is_some());
    assert_eq!(one, run(2));
    assert_eq!(one, run(3));
}

#[test]
fn disconnected_cliques_are_separated() {
    let k = 8;
    let g = two_cliques(k);
    let pos = forceatlas2(&g, &Fa2Options::for_graph(g.node_count()));
    assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    let k = k as usize;
    let mut max_within: f64 = 0.0;
    let mut min_between = f64::INFINITY;
    for i in 0..2 * k {
        for j in i + 1..2 * k {
            let d = dist(pos[i], pos[j]);
            if (i < k) == (j < k) {
                max_within = max_within.max(d);
            } else {
                min_between = min_between.min(d);
            }
        }
    }
    assert!(
        min_between > max_within,
        "cliques overlap: closest pair across {min_between}, widest within {max_within}"
    );
}

#[test]
fn degenerate_graphs() {
    assert!(forceatlas2(&Csr::from_arcs(0, false, &[]), &Fa2Options::default()).is_empty());
    let one = forceatlas2(&Csr::from_arcs(1, true, &[]), &Fa2Options::default());
    assert_eq!(one.len(), 1);
    // Isolated nodes and odd weights still give finite coordinates.
    let g = Csr::from_arcs(
        5,
        true,
        &[
            (0, 1, f64::NAN),
            (1, 2, -3.0),
            (2, 0, 0.0),
            (3, 2, f64::INFINITY),
        ],
    );
    let pos = forceatlas2(&g, &Fa2Options::for_graph(5));
    assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
}

#[test]
fn prevent_overlap_separates_circles() {
    // A star: leaves crowd around the hub without overlap prevention.
    let n = 40;
    let arcs: Vec<(u32, u32, f64)> = (1..n).map(|i| (0, i, 1.0)).collect();
    let g = Csr::from_arcs(n as usize, false, &arcs);
    let sizes = vec![0.03; n as usize];
    let opt = Fa2Options {
        node_sizes: Some(&sizes),
        ..Fa2Options::for_graph(n as usize)
    };
    let pos = forceatlas2(&g, &opt);
    let (x0, y0, x1, y1) = bounding_box(&pos).unwrap_or((0.0, 0.0, 0.0, 0.0));
    let r = 0.03 * (x1 - x0).max(y1 - y0);
    let mut overlaps = 0;
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            if dist(pos[i], pos[j]) < 2.0 * r * 0.9 {
                overlaps += 1;
            }
        }
    }
    assert_eq!(overlaps, 0);
}
