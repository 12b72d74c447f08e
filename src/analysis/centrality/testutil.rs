//! Small random graphs for the unit tests.

use crate::graph::Csr;
use crate::util::rng::SeededRng;

/// A G(n, p) graph (directed or not) whose weights are drawn from `weights`.
pub(crate) fn random_graph(n: usize, p: f64, directed: bool, weights: &[f64], seed: u64) -> Csr {
    let mut rng = SeededRng::new(seed);
    let mut arcs = Vec::new();
    for u in 0..n {
        for v in 0..n {
            if u == v || (!directed && v < u) {
                continue;
            }
            if rng.next_f64() < p {
                let w = weights[rng.below(weights.len())];
                arcs.push((u as u32, v as u32, w));
            }
        }
    }
    Csr::from_arcs(n, directed, &arcs)
}

/// Asserts two vectors agree to `1e-12` absolute plus relative.
pub(crate) fn assert_close(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: lengths");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= 1e-12 * (1.0 + y.abs()),
            "{what}[{i}]: {x} vs {y}"
        );
    }
}
