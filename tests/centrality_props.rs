//! Properties every centrality must have, on arbitrary small graphs.

use powermap::analysis::centrality::{
    betweenness, betweenness_sampled, closeness_harmonic, compute_all, coreness, edge_betweenness,
    eigenvector, hits, katz, pagerank, CentralityOptions, CentralityTable, Distance, IterOptions,
};
use powermap::graph::Csr;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// A simple graph from arbitrary arc candidates: self-loops dropped, duplicates merged.
fn build(n: usize, directed: bool, raw: &[(usize, usize, u8)]) -> Csr {
    let mut arcs = BTreeMap::new();
    for &(u, v, w) in raw {
        let (u, v) = (u % n, v % n);
        if u == v {
            continue;
        }
        let key = if directed || u < v { (u, v) } else { (v, u) };
        arcs.insert(key, f64::from(w % 4 + 1) * 0.5);
    }
    let arcs: Vec<(u32, u32, f64)> = arcs
        .into_iter()
        .map(|((u, v), w)| (u as u32, v as u32, w))
        .collect();
    Csr::from_arcs(n, directed, &arcs)
}

fn graph() -> impl Strategy<Value = Csr> {
    (2usize..40, any::<bool>())
        .prop_flat_map(|(n, directed)| {
            let arcs = proptest::collection::vec((0..n, 0..n, any::<u8>()), 0..(3 * n));
            (Just(n), Just(directed), arcs)
        })
        .prop_map(|(n, directed, arcs)| build(n, directed, &arcs))
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

/// Bit patterns, so that `-0.0 != 0.0` and NaNs compare too.
fn bits(t: &CentralityTable) -> Vec<Vec<Option<u64>>> {
    let plain = |v: &Vec<f64>| v.iter().map(|x| Some(x.to_bits())).collect::<Vec<_>>();
    let opt = |v: &Vec<Option<f64>>| v.iter().map(|x| x.map(f64::to_bits)).collect::<Vec<_>>();
    vec![
        plain(&t.in_degree),
        plain(&t.out_degree),
        plain(&t.degree),
        plain(&t.in_strength),
        plain(&t.out_strength),
        plain(&t.pagerank),
        plain(&t.betweenness),
        plain(&t.closeness),
        plain(&t.harmonic),
        opt(&t.eigenvector),
        opt(&t.katz),
        opt(&t.hub),
        opt(&t.authority),
        plain(&t.coreness),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pagerank_is_a_distribution(g in graph(), alpha in 0.0f64..0.95, restart in any::<bool>()) {
        let pers: Vec<usize> = if restart { vec![0] } else { vec![] };
        let r = pagerank(&g, alpha, &pers, &IterOptions::default()).expect("converges");
        prop_assert!(r.values.iter().all(|&x| x >= 0.0));
        prop_assert!((r.values.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn betweenness_is_a_share(g in graph(), weighted in any::<bool>()) {
        let d = if weighted { Distance::InverseWeight } else { Distance::Hops };
        for x in betweenness(&g, d).expect("positive weights") {
            prop_assert!((0.0..=1.0 + 1e-12).contains(&x), "{x}");
        }
        for e in edge_betweenness(&g, d).expect("positive weights") {
            prop_assert!((0.0..=1.0 + 1e-12).contains(&e.value), "{}", e.value);
        }
        // Closeness is at most 1 in hops (every distance is at least 1); shorter lengths can
        // push it above.
        let (c, _) = closeness_harmonic(&g, Distance::Hops).expect("hops");
        prop_assert!(c.iter().all(|&x| (0.0..=1.0 + 1e-12).contains(&x)));
    }

    #[test]
    fn thread_count_does_not_change_a_bit(g in graph()) {
        let opts = CentralityOptions::default();
        let one = pool(1).install(|| compute_all(&g, &opts)).expect("valid");
        let two = pool(2).install(|| compute_all(&g, &opts)).expect("valid");
        prop_assert_eq!(bits(&one), bits(&two));
        prop_assert_eq!(one.warnings, two.warnings);
        let weighted = |p: &rayon::ThreadPool| p.install(|| {
            let b = betweenness(&g, Distance::Weight).expect("ok");
            let e: Vec<u64> = edge_betweenness(&g, Distance::Weight)
                .expect("ok")
                .iter()
                .map(|e| e.value.to_bits())
                .collect();
            (b.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), e)
        });
        prop_assert_eq!(weighted(&pool(1)), weighted(&pool(3)));
    }
}

fn xorshift_graph(n: usize, arcs: usize, seed: u64) -> Csr {
    let mut state = seed;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let raw: Vec<(usize, usize, u8)> = (0..arcs)
        .map(|_| (next() as usize, next() as usize, next() as u8))
        .collect();
    build(n, true, &raw)
}

/// Large enough that every parallel kernel really splits: several row blocks in the power
/// iterations, many source blocks in the all-pairs ones.
#[test]
fn thread_count_does_not_change_a_bit_on_larger_graphs() {
    let g = xorshift_graph(9000, 36_000, 0x9E37_79B9_7F4A_7C15);
    let opts = IterOptions::default();
    let iterative = |p: &rayon::ThreadPool| {
        p.install(|| {
            let pr = pagerank(&g, 0.85, &[], &opts).expect("converges").values;
            let ev = eigenvector(&g, &opts).map(|r| r.values).ok();
            let kz = katz(&g, 0.1, 1.0, &opts).map(|r| r.values).ok();
            let h = hits(&g, &opts).expect("has arcs");
            (pr, ev, kz, h.hubs, h.authorities, coreness(&g))
        })
    };
    let (one, two) = (iterative(&pool(1)), iterative(&pool(2)));
    assert!(
        one == two,
        "power iterations differ between 1 and 2 threads"
    );

    let g = xorshift_graph(1500, 6000, 7);
    let all_pairs = |p: &rayon::ThreadPool| {
        p.install(|| {
            (
                betweenness(&g, Distance::Hops).expect("ok"),
                betweenness_sampled(&g, Distance::Hops, 200, 9).expect("ok"),
                closeness_harmonic(&g, Distance::InverseWeight).expect("ok"),
            )
        })
    };
    let (one, two) = (all_pairs(&pool(1)), all_pairs(&pool(2)));
    // `==` on f64 vectors: bitwise except for ±0 and NaN, neither of which occurs here.
    assert!(
        one == two,
        "all-pairs results differ between 1 and 2 threads"
    );
}
