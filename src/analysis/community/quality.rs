//! Scores of a partition: modularity, CPM, and normalised mutual information between partitions.
//!
//! Scores are computed on the undirected projection of the graph without materialising it: in a
//! directed [`Csr`] every arc `u -> v` contributes its weight to the projected edge `{u, v}`, so
//! internal weights, degrees and the total weight can be summed over arcs directly.

use super::Quality;
use crate::graph::Csr;

/// Modularity of `membership` on the undirected projection of `g`, exactly as
/// `networkx.community.modularity(G, parts, weight="weight", resolution=resolution)`:
///
/// `Q = sum_c [ L_c / m - resolution * (d_c / 2m)^2 ]`
///
/// where `L_c` is the total weight of the edges inside community `c`, `d_c` the sum of the
/// weighted degrees of its members and `m` the total edge weight (Newman & Girvan 2004, with the
/// resolution of Reichardt & Bornholdt 2006). Matches NetworkX to rounding (1e-12 on the test
/// graphs). For resolution 1 the value lies in `[-1/2, 1)`.
///
/// A graph without edges (or whose weights sum to 0) has no community structure to measure:
/// NetworkX raises `ZeroDivisionError` there; this returns `0.0`, the modularity of a partition
/// that is no better than chance, so reports and JSON never carry a NaN.
///
/// `membership[i]` is the community label of node `i` (any `u32` values). O(n + m).
///
/// # Panics
/// If `membership.len() != g.node_count()`.
pub fn modularity(g: &Csr, membership: &[u32], resolution: f64) -> f64 {
    let s = Sums::new(g, membership);
    if s.m <= 0.0 {
        return 0.0;
    }
    let two_m = 2.0 * s.m;
    s.internal
        .iter()
        .zip(&s.degree)
        .map(|(&l, &d)| l / s.m - resolution * (d / two_m) * (d / two_m))
        .sum()
}

/// Constant Potts Model quality of `membership` on the undirected projection of `g` (Traag, Van
/// Dooren & Nesterov 2011, "Narrow scope for resolution-limit-free community detection", Phys.
/// Rev. E 84:016114), with unit node weights:
///
/// `H = sum_c [ L_c - resolution * n_c (n_c - 1) / 2 ]`
///
/// where `L_c` is the internal edge weight and `n_c` the number of members. Unlike modularity it is
/// not normalised: it is in units of edge weight, and 0 for all-singletons. O(n + m).
///
/// # Panics
/// If `membership.len() != g.node_count()`.
pub fn cpm(g: &Csr, membership: &[u32], resolution: f64) -> f64 {
    let s = Sums::new(g, membership);
    s.internal
        .iter()
        .zip(&s.size)
        .map(|(&l, &n)| l - resolution * n * (n - 1.0) / 2.0)
        .sum()
}

/// The value of `quality` ([`modularity`] or [`cpm`]) for `membership`. O(n + m).
///
/// # Panics
/// If `membership.len() != g.node_count()`.
pub fn quality(g: &Csr, membership: &[u32], quality: Quality) -> f64 {
    match quality {
        Quality::Modularity { resolution } => modularity(g, membership, resolution),
        Quality::Cpm { resolution } => cpm(g, membership, resolution),
    }
}

/// Normalised mutual information between two partitions of the same nodes (Danon, Díaz-Guilera,
/// Duch & Arenas 2005): `NMI = 2 I(A;B) / (H(A) + H(B))`, natural logarithms. Equals
/// scikit-learn's `normalized_mutual_info_score` (arithmetic normalisation). 1 means identical
/// groupings, 0 independent ones. When both partitions have a single community (both entropies 0)
/// they are identical and the result is 1, as in scikit-learn. O(n log n).
///
/// ```
/// use powermap::analysis::community::quality::nmi;
/// assert!((nmi(&[0, 0, 1, 1], &[5, 5, 2, 2]) - 1.0).abs() < 1e-12);
/// assert!(nmi(&[0, 0, 1, 1], &[0, 1, 0, 1]).abs() < 1e-12);
/// ```
///
/// # Panics
/// If the slices have different lengths.
pub fn nmi(a: &[u32], b: &[u32]) -> f64 {
    assert_eq!(a.len(), b.len(), "nmi: partitions of different sizes");
    let n = a.len();
    if n == 0 {
        return 1.0;
    }
    let (a, ka) = dense_labels(a);
    let (b, kb) = dense_labels(b);
    let entropy = |counts: &[usize]| -> f64 {
        counts
            .iter()
            .filter(|&&c| c > 0)
            .map(|&c| {
                let p = c as f64 / n as f64;
                -p * p.ln()
            })
            .sum()
    };
    let mut ca = vec![0usize; ka];
    let mut cb = vec![0usize; kb];
    for (&x, &y) in a.iter().zip(&b) {
        ca[x as usize] += 1;
        cb[y as usize] += 1;
    }
    let (ha, hb) = (entropy(&ca), entropy(&cb));
    if ha + hb == 0.0 {
        return 1.0;
    }
    // The contingency table is sparse (at most n cells): sort the label pairs and count runs
    // instead of allocating ka * kb cells.
    let mut pairs: Vec<u64> = a
        .iter()
        .zip(&b)
        .map(|(&x, &y)| ((x as u64) << 32) | y as u64)
        .collect();
    pairs.sort_unstable();
    let mut mutual = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && pairs[j] == pairs[i] {
            j += 1;
        }
        let (x, y) = ((pairs[i] >> 32) as usize, (pairs[i] & 0xffff_ffff) as usize);
        let nxy = (j - i) as f64;
        mutual += nxy / n as f64 * (nxy * n as f64 / (ca[x] as f64 * cb[y] as f64)).ln();
        i = j;
    }
    (2.0 * mutual / (ha + hb)).clamp(0.0, 1.0)
}

/// Per-community sums over the undirected projection: internal weight `L_c`, degree sum `d_c`,
/// member count `n_c`, and the total weight `m`.
struct Sums {
    internal: Vec<f64>,
    degree: Vec<f64>,
    size: Vec<f64>,
    m: f64,
}

impl Sums {
    fn new(g: &Csr, membership: &[u32]) -> Sums {
        let n = g.node_count();
        assert_eq!(
            membership.len(),
            n,
            "membership must have one label per node"
        );
        let (labels, k) = dense_labels(membership);
        let mut s = Sums {
            internal: vec![0.0; k],
            degree: vec![0.0; k],
            size: vec![0.0; k],
            m: 0.0,
        };
        // An undirected Csr lists each edge twice (once per endpoint), a directed one once: halve
        // the arc sums in the first case so both give the projection's edge weights.
        let arc_share = if g.is_directed() { 1.0 } else { 0.5 };
        for u in 0..n {
            let cu = labels[u] as usize;
            s.size[cu] += 1.0;
            let mut inside = 0.0;
            let mut out = 0.0;
            for (&v, &w) in g.out_neighbors(u).iter().zip(g.out_weights(u)) {
                out += w;
                if labels[v as usize] as usize == cu {
                    inside += w;
                }
            }
            s.internal[cu] += inside * arc_share;
            s.m += out * arc_share;
            // Projected degree: out-weight plus in-weight for a directed graph, the plain
            // weighted degree otherwise.
            s.degree[cu] += if g.is_directed() {
                out + g.in_weights(u).iter().sum::<f64>()
            } else {
                out
            };
        }
        s
    }
}

/// Relabels arbitrary `u32` labels to `0..k` in order of first appearance; returns the labels and
/// `k`. O(n) when labels are below `2n` (the common case: algorithm output), O(n log n) otherwise.
pub(crate) fn dense_labels(labels: &[u32]) -> (Vec<u32>, usize) {
    let n = labels.len();
    let mut out = Vec::with_capacity(n);
    let mut k = 0u32;
    if labels.iter().all(|&l| (l as usize) < 2 * n) {
        let mut map = vec![u32::MAX; 2 * n];
        for &l in labels {
            let slot = &mut map[l as usize];
            if *slot == u32::MAX {
                *slot = k;
                k += 1;
            }
            out.push(*slot);
        }
    } else {
        let mut sorted: Vec<u32> = labels.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut map = vec![u32::MAX; sorted.len()];
        for &l in labels {
            // `l` comes from `labels`, so the search always succeeds.
            let idx = sorted.binary_search(&l).unwrap_or(0);
            if map[idx] == u32::MAX {
                map[idx] = k;
                k += 1;
            }
            out.push(map[idx]);
        }
    }
    (out, k as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weighted_example() -> Csr {
        Csr::from_arcs(
            9,
            false,
            &[
                (0, 1, 2.5),
                (0, 2, 1.0),
                (1, 2, 0.5),
                (2, 3, 0.25),
                (3, 4, 3.0),
                (3, 5, 1.5),
                (4, 5, 2.0),
                (5, 6, 0.75),
                (6, 7, 1.25),
                (1, 7, 0.1),
            ],
        )
    }

    #[test]
    fn modularity_matches_networkx() {
        // Reference values from networkx 3.6.1 `community.modularity` on the same graph.
        let g = weighted_example();
        let parts = [0, 0, 0, 1, 1, 1, 2, 2, 3];
        for (r, expected) in [
            (1.0, 0.4950945510151554),
            (0.7, 0.6208852518584687),
            (1.9, 0.11772244848521557),
        ] {
            assert!((modularity(&g, &parts, r) - expected).abs() < 1e-12);
        }
        assert!(modularity(&g, &[0; 9], 1.0).abs() < 1e-12);
    }

    #[test]
    fn directed_graph_scored_on_projection() {
        let d = Csr::from_arcs(
            4,
            true,
            &[(0, 1, 1.0), (1, 0, 2.0), (2, 3, 1.5), (1, 2, 0.5)],
        );
        let u = d.to_undirected();
        let parts = [0, 0, 1, 1];
        assert!((modularity(&d, &parts, 1.0) - modularity(&u, &parts, 1.0)).abs() < 1e-15);
        assert!((cpm(&d, &parts, 0.3) - cpm(&u, &parts, 0.3)).abs() < 1e-15);
    }

    #[test]
    fn edgeless_graph_has_zero_modularity() {
        let g = Csr::from_arcs(3, false, &[]);
        assert_eq!(modularity(&g, &[0, 1, 2], 1.0), 0.0);
        assert_eq!(cpm(&g, &[0, 0, 0], 1.0), -3.0);
    }

    #[test]
    fn cpm_counts_pairs() {
        let g = weighted_example();
        let parts = [0, 0, 0, 1, 1, 1, 2, 2, 3];
        // Internal weights 4.0, 6.5, 1.25; pair counts 3, 3, 1, 0.
        let expected = 4.0 + 6.5 + 1.25 - 0.5 * (3.0 + 3.0 + 1.0);
        assert!((cpm(&g, &parts, 0.5) - expected).abs() < 1e-12);
    }

    #[test]
    fn nmi_reference_value() {
        // scikit-learn: normalized_mutual_info_score([0,0,0,1,1,1], [0,0,1,1,2,2])
        let v = nmi(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]);
        assert!((v - 0.5158037429793889).abs() < 1e-12, "{v}");
        assert_eq!(nmi(&[3, 3, 3], &[1, 1, 1]), 1.0);
    }

    #[test]
    fn dense_labels_handles_large_labels() {
        assert_eq!(dense_labels(&[u32::MAX, 4, u32::MAX]), (vec![0, 1, 0], 2));
        assert_eq!(dense_labels(&[1, 0, 1]), (vec![0, 1, 0], 2));
    }
}
