//! Property tests of loading and the metric graph: row order never matters, and the metric graph
//! obeys its construction rules on random datasets.

use powermap::graph::{Filter, MetricGraph};
use powermap::load::load_dir;
use proptest::prelude::*;

/// A random relation row: endpoints among `n` entities, weight, sign, directed flag.
fn rows(n: usize) -> impl Strategy<Value = Vec<(usize, usize, u8, i8, bool)>> {
    prop::collection::vec(
        (0..n, 0..n, 1u8..=4, -1i8..=1, prop::bool::weighted(0.8)),
        0..40,
    )
}

fn write(dir: &std::path::Path, n: usize, rows: &[(usize, usize, u8, i8, bool)], order: &[usize]) {
    let mut e = String::from("id,type\n");
    for i in 0..n {
        e.push_str(&format!("n{i},state\n"));
    }
    let mut r = String::from("source,target,type,weight,sign,directed\n");
    for &k in order {
        let (s, t, w, sign, d) = rows[k];
        // Weights like 0.1 * w make summation order visible in the last bits.
        r.push_str(&format!("n{s},n{t},tie,{},{sign},{d}\n", 0.1 * w as f64));
    }
    std::fs::write(dir.join("entities.csv"), e).unwrap();
    std::fs::write(dir.join("relations.csv"), r).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn shuffled_rows_give_a_bitwise_identical_metric_graph(
        n in 1usize..12,
        seed in any::<u64>(),
        raw in rows(12),
    ) {
        let rows: Vec<_> = raw.into_iter().map(|(s, t, w, g, d)| (s % n, t % n, w, g, d)).collect();
        let forward: Vec<usize> = (0..rows.len()).collect();
        let mut shuffled = forward.clone();
        powermap::util::rng::SeededRng::new(seed).shuffle(&mut shuffled);
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(a.path(), n, &rows, &forward);
        write(b.path(), n, &rows, &shuffled);
        let (da, db) = (load_dir(a.path()).unwrap().dataset, load_dir(b.path()).unwrap().dataset);
        let (ga, gb) = (MetricGraph::build(&da, &Filter::default()), MetricGraph::build(&db, &Filter::default()));
        prop_assert_eq!(ga.ids(), gb.ids());
        let arcs = |g: &MetricGraph| g.csr().arcs().map(|(u, v, w)| (u, v, w.to_bits())).collect::<Vec<_>>();
        prop_assert_eq!(arcs(&ga), arcs(&gb));
        prop_assert_eq!(ga.csr().is_directed(), gb.csr().is_directed());
    }

    #[test]
    fn metric_graph_follows_its_rules(n in 1usize..10, raw in rows(10)) {
        let rows: Vec<_> = raw.into_iter().map(|(s, t, w, g, d)| (s % n, t % n, w, g, d)).collect();
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), n, &rows, &(0..rows.len()).collect::<Vec<_>>());
        let d = load_dir(dir.path()).unwrap().dataset;
        let g = MetricGraph::build(&d, &Filter::default());
        let directed = rows.iter().any(|r| r.4);
        prop_assert_eq!(g.csr().is_directed(), directed);
        prop_assert_eq!(g.node_count(), n);
        // Total weight is conserved: every non-loop relation contributes once (undirected graph)
        // or once per arc it adds (an undirected relation in a directed graph adds two).
        let expected: f64 = rows.iter().filter(|r| r.0 != r.1).map(|r| {
            let w = 0.1 * r.2 as f64;
            if directed && !r.4 { 2.0 * w } else { w }
        }).sum();
        let total: f64 = g.csr().arcs().map(|a| a.2).sum();
        prop_assert!((total - expected).abs() < 1e-9);
        prop_assert_eq!(g.self_loops_dropped(), rows.iter().filter(|r| r.0 == r.1).count());
        for (u, v, _) in g.csr().arcs() {
            prop_assert!(u != v);
        }
    }
}
