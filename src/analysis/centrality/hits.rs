//! HITS hubs and authorities.

use super::eigenvector::pull;
use super::iterate::{power_iterate, IterOptions};
use super::pagerank::ROWS_PER_TASK;
use super::CentralityError;
use crate::graph::Csr;
use rayon::prelude::*;

/// Hub and authority scores, each summing to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Hits {
    /// Hub score per node: how much a node points to good authorities.
    pub hubs: Vec<f64>,
    /// Authority score per node: how much good hubs point to it.
    pub authorities: Vec<f64>,
    /// Power iterations performed.
    pub iterations: usize,
    /// Whether the tolerance was reached (false: the iteration budget ran out first).
    pub refined: bool,
}

/// HITS (Kleinberg 1999) with arc weights, as `nx.hits(G, normalized=True)`.
///
/// NetworkX 3.x takes the leading right singular vector `a` of the weight matrix `A`
/// (`A[u][v]` = weight of `u → v`) from ARPACK, sets `h = A a`, and divides each by its sum.
/// powermap computes the same vector by power iteration on `AᵀA` from the uniform vector
/// (renormalised to sum 1 each step, stopped when the L1 change is below `opts.tol ·
/// max(n, 1)`), then `h = A a`. An undirected graph is used with its symmetric matrix.
///
/// When the leading singular value is simple the answer is unique and equals NetworkX's. When it
/// is not (e.g. several components with the same leading singular value, or some symmetric
/// bipartite patterns) any vector of the leading singular subspace is a valid answer and
/// NetworkX returns whichever ARPACK lands on. powermap then returns the limit of the power
/// iteration from the uniform vector: the normalised orthogonal projection of the uniform vector
/// onto that subspace (it is non-zero because the subspace contains a non-negative vector), a
/// deterministic, symmetric choice.
///
/// No value exists for a graph without arcs (`A = 0`, NetworkX divides 0 by 0):
/// [`CentralityError::Undefined`]. The null graph gives empty vectors. O(iterations · (n + m)),
/// parallel over nodes, deterministic.
pub fn hits(g: &Csr, opts: &IterOptions) -> Result<Hits, CentralityError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Hits {
            hubs: Vec::new(),
            authorities: Vec::new(),
            iterations: 0,
            refined: true,
        });
    }
    if g.arc_count() == 0 {
        return Err(CentralityError::Undefined {
            algorithm: "hits",
            reason: "the graph has no arcs",
        });
    }
    let mut hub = vec![0.0; n];
    let r = power_iterate("hits", vec![1.0 / n as f64; n], opts, false, |a, next| {
        push_hubs(g, a, &mut hub);
        pull(g, &hub, next, |_, inflow| inflow);
        let total: f64 = next.iter().sum();
        next.iter_mut().for_each(|x| *x /= total);
    })?;
    push_hubs(g, &r.values, &mut hub);
    let total: f64 = hub.iter().sum();
    hub.iter_mut().for_each(|x| *x /= total);
    Ok(Hits {
        hubs: hub,
        authorities: r.values,
        iterations: r.iterations,
        refined: r.refined,
    })
}

/// `hub = A a`: each node sums the weighted scores of its successors.
fn push_hubs(g: &Csr, a: &[f64], hub: &mut [f64]) {
    hub.par_chunks_mut(ROWS_PER_TASK)
        .enumerate()
        .for_each(|(b, rows)| {
            for (k, slot) in rows.iter_mut().enumerate() {
                let u = b * ROWS_PER_TASK + k;
                let mut s = 0.0;
                for (&v, &w) in g.out_neighbors(u).iter().zip(g.out_weights(u)) {
                    s += a[v as usize] * w;
                }
                *slot = s;
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::centrality::testutil::assert_close;

    #[test]
    fn star_out() {
        // 0 -> 1, 0 -> 2 (weight 2): 0 is the only hub; authorities follow the weights.
        let g = Csr::from_arcs(3, true, &[(0, 1, 1.0), (0, 2, 2.0)]);
        let h = hits(&g, &IterOptions::default()).expect("defined");
        assert_close(&h.hubs, &[1.0, 0.0, 0.0], "hubs");
        assert_close(&h.authorities, &[0.0, 1.0 / 3.0, 2.0 / 3.0], "authorities");
    }

    #[test]
    fn degenerate_leading_value_projects_uniform() {
        // Two disjoint equal arcs: singular value 1 twice; the uniform start splits evenly.
        let g = Csr::from_arcs(4, true, &[(0, 1, 1.0), (2, 3, 1.0)]);
        let h = hits(&g, &IterOptions::default()).expect("defined");
        assert_close(&h.authorities, &[0.0, 0.5, 0.0, 0.5], "authorities");
        assert_close(&h.hubs, &[0.5, 0.0, 0.5, 0.0], "hubs");
        assert!(hits(&Csr::from_arcs(2, true, &[]), &IterOptions::default()).is_err());
    }
}
