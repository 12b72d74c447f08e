//! Brandes against a brute-force enumeration of every shortest path.

use super::*;
use crate::analysis::centrality::testutil::{assert_close, random_graph};

/// Every simple path from `s`, with its length summed from `s` outward (the order Dijkstra
/// sums in), as node sequences.
fn paths_from(g: &Csr, distance: Distance, s: usize) -> Vec<(f64, Vec<usize>)> {
    fn walk(
        g: &Csr,
        distance: Distance,
        path: &mut Vec<usize>,
        len: f64,
        out: &mut Vec<(f64, Vec<usize>)>,
    ) {
        out.push((len, path.clone()));
        let v = *path.last().expect("non-empty path");
        for (&w, &wt) in g.out_neighbors(v).iter().zip(g.out_weights(v)) {
            if !path.contains(&(w as usize)) {
                path.push(w as usize);
                walk(g, distance, path, len + distance.length(wt), out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(g, distance, &mut vec![s], 0.0, &mut out);
    out
}

/// Unnormalised node and ordered-arc betweenness by enumeration.
fn brute(g: &Csr, distance: Distance) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = g.node_count();
    let mut nodes = vec![0.0; n];
    let mut arcs = vec![vec![0.0; n]; n];
    for s in 0..n {
        let all = paths_from(g, distance, s);
        for t in 0..n {
            if t == s {
                continue;
            }
            let to_t: Vec<_> = all.iter().filter(|(_, p)| p.last() == Some(&t)).collect();
            let Some(best) = to_t.iter().map(|(l, _)| *l).reduce(f64::min) else {
                continue;
            };
            let shortest: Vec<_> = to_t.iter().filter(|(l, _)| *l == best).collect();
            let count = shortest.len() as f64;
            for (_, p) in shortest {
                for &v in &p[1..p.len() - 1] {
                    nodes[v] += 1.0 / count;
                }
                for pair in p.windows(2) {
                    arcs[pair[0]][pair[1]] += 1.0 / count;
                }
            }
        }
    }
    (nodes, arcs)
}

fn check(g: &Csr, distance: Distance) {
    let n = g.node_count();
    let (raw, raw_arcs) = brute(g, distance);
    let node_scale = if n > 2 {
        1.0 / ((n - 1) * (n - 2)) as f64
    } else {
        1.0
    };
    let expect: Vec<f64> = raw.iter().map(|x| x * node_scale).collect();
    let got = betweenness(g, distance).expect("valid lengths");
    assert_close(&got, &expect, "node betweenness");
    let edge_scale = 1.0 / (n * (n - 1)) as f64;
    let edges = edge_betweenness(g, distance).expect("valid lengths");
    assert_eq!(edges.len(), g.arc_count());
    for e in edges {
        let mut raw = raw_arcs[e.source][e.target];
        if !g.is_directed() {
            raw += raw_arcs[e.target][e.source];
        }
        assert_close(&[e.value], &[raw * edge_scale], "edge betweenness");
    }
}

#[test]
fn brandes_matches_brute_force() {
    for seed in 0..40 {
        let directed = seed % 2 == 0;
        let n = 3 + (seed as usize % 5);
        let g = random_graph(n, 0.45, directed, &[1.0, 2.0, 4.0], seed);
        check(&g, Distance::Hops);
        check(&g, Distance::Weight);
        check(&g, Distance::InverseWeight);
    }
}

#[test]
fn path_graph_values() {
    // Undirected path 0-1-2: the middle node lies on the only 0..2 path.
    let g = Csr::from_arcs(3, false, &[(0, 1, 1.0), (1, 2, 1.0)]);
    assert_eq!(
        betweenness(&g, Distance::Hops).expect("ok"),
        vec![0.0, 1.0, 0.0]
    );
    let e = edge_betweenness(&g, Distance::Hops).expect("ok");
    // Each edge carries 2 of the 3 unordered pairs: 2 * 2 / (3 * 2).
    assert!((e[0].value - 2.0 / 3.0).abs() < 1e-15);
}

#[test]
fn tiny_graphs_are_zero() {
    let g = Csr::from_arcs(2, true, &[(0, 1, 1.0)]);
    assert_eq!(betweenness(&g, Distance::Hops).expect("ok"), vec![0.0, 0.0]);
    let empty = Csr::from_arcs(0, false, &[]);
    assert!(betweenness(&empty, Distance::Hops).expect("ok").is_empty());
}

#[test]
fn sampling_all_nodes_is_exact_and_sampling_is_seeded() {
    let g = random_graph(30, 0.1, true, &[1.0], 3);
    let exact = betweenness(&g, Distance::Hops).expect("ok");
    assert_eq!(
        betweenness_sampled(&g, Distance::Hops, 30, 1).expect("ok"),
        exact
    );
    let a = betweenness_sampled(&g, Distance::Hops, 10, 7).expect("ok");
    let b = betweenness_sampled(&g, Distance::Hops, 10, 7).expect("ok");
    assert_eq!(a, b);
    assert!(betweenness_sampled(&g, Distance::Hops, 1, 7).is_err());
}

#[test]
fn rejects_non_positive_lengths() {
    let g = Csr::from_arcs(2, true, &[(0, 1, 0.0)]);
    assert!(betweenness(&g, Distance::Weight).is_err());
    assert!(betweenness(&g, Distance::Hops).is_ok());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    #[test]
    fn brandes_matches_brute_force_on_arbitrary_graphs(
        n in 2usize..8,
        directed in proptest::prelude::any::<bool>(),
        p in 0.1f64..0.9,
        seed in proptest::prelude::any::<u64>(),
    ) {
        // Weights 1, 2, 4 keep every path length (and inverse length) exact in f64, so ties
        // are real ties for both the brute force and Dijkstra.
        let g = random_graph(n, p, directed, &[1.0, 2.0, 4.0], seed);
        for d in [Distance::Hops, Distance::Weight, Distance::InverseWeight] {
            check(&g, d);
        }
    }
}
