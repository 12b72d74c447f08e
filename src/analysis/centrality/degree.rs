//! Degree and strength (weighted degree).

use crate::graph::Csr;

/// Per-node degree counts and strengths, as floats so they sit in the same table as the other
/// centralities.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Degrees {
    /// Number of incoming arcs (`G.in_degree()`); the degree when undirected.
    pub in_degree: Vec<f64>,
    /// Number of outgoing arcs (`G.out_degree()`); the degree when undirected.
    pub out_degree: Vec<f64>,
    /// `G.degree()`: in + out for a directed graph (a reciprocal pair counts twice), the number
    /// of neighbours when undirected.
    pub degree: Vec<f64>,
    /// Sum of incoming arc weights (`G.in_degree(weight="weight")`); weighted degree when
    /// undirected.
    pub in_strength: Vec<f64>,
    /// Sum of outgoing arc weights (`G.out_degree(weight="weight")`); weighted degree when
    /// undirected.
    pub out_strength: Vec<f64>,
}

/// Degrees and strengths of every node, as the NetworkX degree views (raw counts, not
/// `degree_centrality`'s division by `n - 1`). O(n + m).
pub fn degrees(g: &Csr) -> Degrees {
    let n = g.node_count();
    let mut d = Degrees {
        in_degree: Vec::with_capacity(n),
        out_degree: Vec::with_capacity(n),
        degree: Vec::with_capacity(n),
        in_strength: Vec::with_capacity(n),
        out_strength: Vec::with_capacity(n),
    };
    for v in 0..n {
        let (din, dout) = (g.in_degree(v) as f64, g.out_degree(v) as f64);
        d.in_degree.push(din);
        d.out_degree.push(dout);
        // Undirected storage lists each edge in both endpoints, so in == out == degree.
        d.degree
            .push(if g.is_directed() { din + dout } else { dout });
        d.in_strength.push(g.in_weights(v).iter().sum());
        d.out_strength.push(g.out_weights(v).iter().sum());
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_and_undirected() {
        let g = Csr::from_arcs(3, true, &[(0, 1, 2.0), (1, 0, 1.0), (1, 2, 0.5)]);
        let d = degrees(&g);
        assert_eq!(d.degree, vec![2.0, 3.0, 1.0]);
        assert_eq!(d.out_strength, vec![2.0, 1.5, 0.0]);
        assert_eq!(d.in_strength, vec![1.0, 2.0, 0.5]);
        let u = degrees(&g.to_undirected());
        assert_eq!(u.degree, vec![1.0, 2.0, 1.0]);
        assert_eq!(u.in_degree, u.out_degree);
        assert_eq!(u.in_strength, vec![3.0, 3.5, 0.5]);
    }
}
