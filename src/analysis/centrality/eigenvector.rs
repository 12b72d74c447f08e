//! Eigenvector and Katz centrality (power iterations on the transposed weight matrix).

use super::iterate::{power_iterate, IterOptions, PowerResult};
use super::pagerank::ROWS_PER_TASK;
use super::CentralityError;
use crate::graph::Csr;
use rayon::prelude::*;

/// Eigenvector centrality (Bonacich 1972) on incoming weighted arcs, as
/// `nx.eigenvector_centrality(G, weight="weight")` at its converged fixed point.
///
/// NetworkX's iteration, reproduced step for step: start from `1/n` everywhere, then
/// `x ← (Aᵀ + I) x / ‖(Aᵀ + I) x‖₂` where `A[u][v]` is the weight of `u → v`, i.e. each node
/// adds the weights of its in-arcs times its predecessors' scores to its own score. The shift by
/// `I` makes the iteration converge on bipartite graphs; it still fails (no unique positive
/// eigenvector, or too slow) on e.g. acyclic digraphs, and then this returns
/// [`CentralityError::NotConverged`] exactly when NetworkX would raise — judged with
/// `opts.reference_tol`/`reference_max_iter` (default 1e-6 and 1000, the golden files' call;
/// NetworkX's own default budget is 100) — while a converging run is refined to `opts.tol`.
/// Where the dominant eigenvalue is defective (acyclic parts) the iterates approach their limit
/// only like 1/k, no tight tolerance is reachable, and the value returned is NetworkX's
/// default-tolerance answer, reproduced exactly ([`PowerResult::refined`] false). Values are non-negative with unit Euclidean norm.
/// O(iterations · (n + m)), parallel over nodes, deterministic. Errors on the null graph, as
/// NetworkX does.
pub fn eigenvector(g: &Csr, opts: &IterOptions) -> Result<PowerResult, CentralityError> {
    let n = g.node_count();
    if n == 0 {
        return Err(CentralityError::Undefined {
            algorithm: "eigenvector",
            reason: "the graph has no nodes",
        });
    }
    power_iterate(
        "eigenvector",
        vec![1.0 / n as f64; n],
        opts,
        true,
        |x, next| {
            pull(g, x, next, |v, inflow| x[v] + inflow);
            let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
            // NetworkX divides by `hypot(...) or 1`.
            let norm = if norm == 0.0 { 1.0 } else { norm };
            next.iter_mut().for_each(|v| *v /= norm);
        },
    )
}

/// Katz centrality (Katz 1953) on incoming weighted arcs, as `nx.katz_centrality(G,
/// alpha, beta, weight="weight", normalized=True)` at its converged fixed point.
///
/// Iterates `x ← α Aᵀ x + β` from 0 (`A[u][v]` the weight of `u → v`), the NetworkX scheme;
/// it converges iff `α` is below `1/λ_max(A)`, and otherwise this returns
/// [`CentralityError::NotConverged`] when NetworkX would raise (reference criterion, NetworkX
/// defaults: `tol=1e-6`, `max_iter=1000`). The converged vector is divided by its Euclidean
/// norm (left as is when that is 0). O(iterations · (n + m)), parallel, deterministic.
pub fn katz(
    g: &Csr,
    alpha: f64,
    beta: f64,
    opts: &IterOptions,
) -> Result<PowerResult, CentralityError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(PowerResult::empty());
    }
    let mut r = power_iterate("katz", vec![0.0; n], opts, true, |x, next| {
        pull(g, x, next, |_, inflow| alpha * inflow + beta);
    })?;
    let norm = r.values.iter().map(|v| v * v).sum::<f64>().sqrt();
    if norm != 0.0 {
        r.values.iter_mut().for_each(|v| *v /= norm);
    }
    Ok(r)
}

/// `next[v] = combine(v, Σ_{u → v} x[u] · w(u, v))`, in parallel over blocks of nodes with a
/// sequential sum per node.
pub(crate) fn pull(
    g: &Csr,
    x: &[f64],
    next: &mut [f64],
    combine: impl Fn(usize, f64) -> f64 + Sync,
) {
    next.par_chunks_mut(ROWS_PER_TASK)
        .enumerate()
        .for_each(|(b, rows)| {
            for (k, slot) in rows.iter_mut().enumerate() {
                let v = b * ROWS_PER_TASK + k;
                let mut inflow = 0.0;
                for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                    inflow += x[u as usize] * w;
                }
                *slot = combine(v, inflow);
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::centrality::testutil::assert_close;

    #[test]
    fn star_eigenvector() {
        // Undirected star with 3 leaves: λ = √3, centre/leaf ratio √3.
        let g = Csr::from_arcs(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let r = eigenvector(&g, &IterOptions::default()).expect("converges");
        let c = 3f64.sqrt();
        let norm = (c * c + 3.0).sqrt();
        assert_close(
            &r.values,
            &[c / norm, 1.0 / norm, 1.0 / norm, 1.0 / norm],
            "star",
        );
    }

    #[test]
    fn acyclic_digraph_gives_networkx_default_answer() {
        // Polynomial convergence: the refinement cannot finish, so the value is NetworkX's
        // `eigenvector_centrality(G, max_iter=1000)` output, reproduced to the last bits.
        let g = Csr::from_arcs(3, true, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let opts = IterOptions {
            max_iter: 3000,
            ..IterOptions::default()
        };
        let r = eigenvector(&g, &opts).expect("NetworkX converges");
        assert!(!r.refined);
        let nx = [
            2.9780340102584615e-06,
            0.0024419878884119326,
            0.999997018338697,
        ];
        assert_close(&r.values, &nx, "path");
        // A budget NetworkX cannot meet.
        let strict = IterOptions {
            reference_max_iter: 50,
            ..opts
        };
        let e = eigenvector(&g, &strict);
        assert!(matches!(e, Err(CentralityError::NotConverged { .. })));
    }

    #[test]
    fn katz_path_and_divergence() {
        let g = Csr::from_arcs(2, true, &[(0, 1, 1.0)]);
        let r = katz(&g, 0.1, 1.0, &IterOptions::default()).expect("converges");
        // x = (1, 1.1) normalised.
        let norm = (1.0f64 + 1.21).sqrt();
        assert_close(&r.values, &[1.0 / norm, 1.1 / norm], "katz");
        let k4 = Csr::from_arcs(
            4,
            false,
            &[
                (0, 1, 1.0),
                (0, 2, 1.0),
                (0, 3, 1.0),
                (1, 2, 1.0),
                (1, 3, 1.0),
                (2, 3, 1.0),
            ],
        );
        // λ_max = 3, so α = 0.5 diverges.
        assert!(katz(&k4, 0.5, 1.0, &IterOptions::default()).is_err());
    }
}
