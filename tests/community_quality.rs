//! Quality of the community detection algorithms on reference graphs, checked against independent
//! computations and published optima.

mod support;

use powermap::analysis::community::label_propagation::label_propagation;
use powermap::analysis::community::leiden::leiden;
use powermap::analysis::community::louvain::{louvain, DEFAULT_THRESHOLD};
use powermap::analysis::community::quality::{cpm, modularity, nmi};
use powermap::analysis::community::{Partition, Quality};
use powermap::graph::Csr;
use powermap::util::rng::DEFAULT_SEED;
use proptest::prelude::*;
use std::sync::OnceLock;
use support::planted::planted_partition;

const MODULARITY: Quality = Quality::Modularity { resolution: 1.0 };

/// Zachary's karate club (Zachary 1977), 0-based, as in `networkx.karate_club_graph()`.
const KARATE: [(u32, u32); 78] = [
    (0, 1),
    (0, 2),
    (0, 3),
    (0, 4),
    (0, 5),
    (0, 6),
    (0, 7),
    (0, 8),
    (0, 10),
    (0, 11),
    (0, 12),
    (0, 13),
    (0, 17),
    (0, 19),
    (0, 21),
    (0, 31),
    (1, 2),
    (1, 3),
    (1, 7),
    (1, 13),
    (1, 17),
    (1, 19),
    (1, 21),
    (1, 30),
    (2, 3),
    (2, 7),
    (2, 8),
    (2, 9),
    (2, 13),
    (2, 27),
    (2, 28),
    (2, 32),
    (3, 7),
    (3, 12),
    (3, 13),
    (4, 6),
    (4, 10),
    (5, 6),
    (5, 10),
    (5, 16),
    (6, 16),
    (8, 30),
    (8, 32),
    (8, 33),
    (9, 33),
    (13, 33),
    (14, 32),
    (14, 33),
    (15, 32),
    (15, 33),
    (18, 32),
    (18, 33),
    (19, 33),
    (20, 32),
    (20, 33),
    (22, 32),
    (22, 33),
    (23, 25),
    (23, 27),
    (23, 29),
    (23, 32),
    (23, 33),
    (24, 25),
    (24, 27),
    (24, 31),
    (25, 31),
    (26, 29),
    (26, 33),
    (27, 33),
    (28, 31),
    (28, 33),
    (29, 32),
    (29, 33),
    (30, 32),
    (30, 33),
    (31, 32),
    (31, 33),
    (32, 33),
];

fn karate() -> Csr {
    let arcs: Vec<(u32, u32, f64)> = KARATE.iter().map(|&(u, v)| (u, v, 1.0)).collect();
    Csr::from_arcs(34, false, &arcs)
}

/// `networkx.ring_of_cliques(cliques, size)`: cliques of consecutive nodes, clique `i` joined to
/// the next by the edge `(i*size + 1, ((i+1)*size) mod n)`.
fn ring_of_cliques(cliques: u32, size: u32) -> Csr {
    let n = cliques * size;
    let mut arcs = Vec::new();
    for i in 0..cliques {
        for a in i * size..(i + 1) * size {
            for b in a + 1..(i + 1) * size {
                arcs.push((a, b, 1.0));
            }
        }
        arcs.push((i * size + 1, ((i + 1) * size) % n, 1.0));
    }
    Csr::from_arcs(n as usize, false, &arcs)
}

/// Modularity straight from its definition, `1/2m sum_ij [A_ij - gamma k_i k_j / 2m] delta(c_i, c_j)`,
/// over all node pairs: O(n^2), independent of the per-community sums in `quality.rs`.
fn naive_modularity(g: &Csr, membership: &[u32], gamma: f64) -> f64 {
    let n = g.node_count();
    let k: Vec<f64> = (0..n).map(|i| g.out_weights(i).iter().sum()).collect();
    let two_m: f64 = k.iter().sum();
    let mut q = 0.0;
    for i in 0..n {
        for j in 0..n {
            if membership[i] == membership[j] {
                q += g.weight(i, j).unwrap_or(0.0) - gamma * k[i] * k[j] / two_m;
            }
        }
    }
    q / two_m
}

fn is_connected_within(g: &Csr, members: &[u32]) -> bool {
    let inside: std::collections::HashSet<u32> = members.iter().copied().collect();
    let mut seen = std::collections::HashSet::from([members[0]]);
    let mut stack = vec![members[0]];
    while let Some(v) = stack.pop() {
        for &u in g.out_neighbors(v as usize) {
            if inside.contains(&u) && seen.insert(u) {
                stack.push(u);
            }
        }
    }
    seen.len() == members.len()
}

#[test]
fn karate_club_is_the_published_graph() {
    let g = karate();
    assert_eq!(g.node_count(), 34);
    assert_eq!(g.arc_count(), 78);
    // The club's split after the conflict, modularity from networkx (unit weights).
    let mr_hi = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21];
    let split: Vec<u32> = (0..34).map(|i| u32::from(!mr_hi.contains(&i))).collect();
    for (gamma, expected) in [
        (1.0, 0.3582347140039448),
        (0.5, 0.6086045364891519),
        (2.0, -0.14250493096646943),
    ] {
        assert!((modularity(&g, &split, gamma) - expected).abs() < 1e-12);
        assert!((naive_modularity(&g, &split, gamma) - expected).abs() < 1e-12);
    }
}

#[test]
fn leiden_reaches_the_karate_optimum() {
    let g = karate();
    let q = |seed| modularity(&g, leiden(&g, MODULARITY, seed, None).membership(), 1.0);
    let default = q(DEFAULT_SEED);
    assert!(default >= 0.4197, "seed 42: {default}");
    let all: Vec<f64> = (0..50).map(q).collect();
    let (min, max) = all
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
    println!("karate Leiden modularity over seeds 0..50: min {min:.6} max {max:.6}, seed 42 {default:.6}");
    assert!(min >= 0.4188, "worst seed: {min}");
    assert!(max < 0.41979 + 1e-5, "above the known optimum: {max}");
}

#[test]
fn louvain_on_karate() {
    let g = karate();
    let p = louvain(&g, MODULARITY, DEFAULT_THRESHOLD, DEFAULT_SEED);
    let q = modularity(&g, p.membership(), 1.0);
    println!("karate Louvain modularity (seed 42): {q:.6}");
    assert!(q >= 0.41, "{q}");
}

#[test]
fn label_propagation_matches_networkx_on_karate() {
    // networkx.community.label_propagation_communities(karate_club_graph()), networkx 3.6.1.
    let expected = Partition::from_labels(&{
        let groups: [&[u32]; 3] = [
            &[0, 1, 3, 4, 7, 10, 11, 12, 13, 17, 19, 21, 24, 25, 31],
            &[2, 8, 9, 14, 15, 18, 20, 22, 23, 26, 27, 28, 29, 30, 32, 33],
            &[5, 6, 16],
        ];
        let mut labels = [0u32; 34];
        for (c, members) in groups.iter().enumerate() {
            for &v in *members {
                labels[v as usize] = c as u32;
            }
        }
        labels
    });
    assert_eq!(label_propagation(&karate()), expected);
}

#[test]
fn leiden_cpm_finds_the_ring_of_cliques() {
    let g = ring_of_cliques(30, 5);
    let p = leiden(&g, Quality::Cpm { resolution: 0.5 }, DEFAULT_SEED, None);
    let cliques: Vec<u32> = (0..150).map(|i| i / 5).collect();
    assert_eq!(p, Partition::from_labels(&cliques));
    // Each clique: 10 internal edges minus 0.5 * 10 pairs.
    assert!((cpm(&g, p.membership(), 0.5) - 30.0 * 5.0).abs() < 1e-9);
}

#[test]
fn leiden_recovers_planted_blocks() {
    let (g, planted) = planted_partition(&[50; 20], 16.0, 0.1, 7);
    let found = leiden(&g, MODULARITY, DEFAULT_SEED, None);
    let score = nmi(found.membership(), &planted);
    println!("planted partition (n=1000, mixing 0.1): Leiden NMI {score:.4}");
    assert!(score >= 0.95, "{score}");
    let lv = louvain(&g, MODULARITY, DEFAULT_THRESHOLD, DEFAULT_SEED);
    assert!(nmi(lv.membership(), &planted) >= 0.9);
}

fn pool(threads: usize) -> &'static rayon::ThreadPool {
    static POOLS: OnceLock<[rayon::ThreadPool; 2]> = OnceLock::new();
    let pools = POOLS.get_or_init(|| {
        [1, 2].map(|t| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .expect("thread pool")
        })
    });
    &pools[threads - 1]
}

/// Small random undirected weighted graphs, possibly disconnected, possibly with isolated nodes.
fn small_graph() -> impl Strategy<Value = Csr> {
    (1usize..40).prop_flat_map(|n| {
        prop::collection::vec((0..n as u32, 0..n as u32, 1u32..5), 0..4 * n).prop_map(move |raw| {
            let mut edges: Vec<(u32, u32, f64)> = raw
                .into_iter()
                .filter(|&(u, v, _)| u != v)
                .map(|(u, v, w)| (u.min(v), u.max(v), f64::from(w) / 2.0))
                .collect();
            edges.sort_by_key(|&(u, v, _)| (u, v));
            edges.dedup_by_key(|&mut (u, v, _)| (u, v));
            Csr::from_arcs(n, false, &edges)
        })
    })
}

fn quality_strategy() -> impl Strategy<Value = Quality> {
    prop_oneof![
        (0.0f64..2.5).prop_map(|resolution| Quality::Modularity { resolution }),
        (0.0f64..1.5).prop_map(|resolution| Quality::Cpm { resolution }),
    ]
}

fn assert_canonical_cover(p: &Partition, n: usize) {
    assert_eq!(p.node_count(), n);
    let mut covered = vec![0u8; n];
    let communities = p.communities();
    assert_eq!(communities.len(), p.count());
    for (c, members) in communities.iter().enumerate() {
        assert!(!members.is_empty());
        for &v in members {
            covered[v as usize] += 1;
            assert_eq!(p.community_of(v as usize), c as u32);
        }
    }
    assert!(covered.iter().all(|&k| k == 1));
    for pair in communities.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.len() > b.len() || (a.len() == b.len() && a[0] < b[0]));
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn modularity_equals_its_definition(g in small_graph(), labels in prop::collection::vec(0u32..5, 40), gamma in 0.0f64..3.0) {
        let labels = &labels[..g.node_count()];
        if g.arc_count() > 0 {
            prop_assert!((modularity(&g, labels, gamma) - naive_modularity(&g, labels, gamma)).abs() < 1e-12);
        } else {
            prop_assert_eq!(modularity(&g, labels, gamma), 0.0);
        }
    }

    #[test]
    fn leiden_partitions_are_sound(g in small_graph(), quality in quality_strategy(), seed in 0u64..1000) {
        let n = g.node_count();
        let p = leiden(&g, quality, seed, None);
        assert_canonical_cover(&p, n);
        let q = modularity(&g, p.membership(), 1.0);
        prop_assert!((-0.5..=1.0).contains(&q), "{}", q);
        for members in p.communities() {
            prop_assert!(is_connected_within(&g, &members), "disconnected community {:?}", members);
        }
        prop_assert_eq!(&leiden(&g, quality, seed, None), &p);
        let one = pool(1).install(|| leiden(&g, quality, seed, None));
        let two = pool(2).install(|| leiden(&g, quality, seed, None));
        prop_assert_eq!(&one, &p);
        prop_assert_eq!(&two, &p);
    }

    #[test]
    fn louvain_and_label_propagation_partitions_are_sound(g in small_graph(), seed in 0u64..1000) {
        let n = g.node_count();
        let lv = louvain(&g, MODULARITY, DEFAULT_THRESHOLD, seed);
        assert_canonical_cover(&lv, n);
        prop_assert!((-0.5..=1.0).contains(&modularity(&g, lv.membership(), 1.0)));
        prop_assert_eq!(&louvain(&g, MODULARITY, DEFAULT_THRESHOLD, seed), &lv);
        let two = pool(2).install(|| louvain(&g, MODULARITY, DEFAULT_THRESHOLD, seed));
        prop_assert_eq!(&two, &lv);
        let lp = label_propagation(&g);
        assert_canonical_cover(&lp, n);
        prop_assert!((-0.5..=1.0).contains(&modularity(&g, lp.membership(), 1.0)));
    }
}
