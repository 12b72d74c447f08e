//! Node and edge centralities of the metric graph, each matching a NetworkX reference.
//!
//! Every algorithm runs on a [`Csr`] and returns one value per node in node (id) order. The
//! definitions follow NetworkX 3.x exactly — including its normalisations and its quirks (for
//! example closeness and harmonic centrality of a directed graph use *incoming* distances) — so
//! that a powermap table can be checked cell by cell against `networkx`:
//!
//! | powermap | NetworkX |
//! | --- | --- |
//! | [`degrees`] | `G.in_degree`, `G.out_degree`, `G.degree`, the same with `weight="weight"` |
//! | [`pagerank`] | `nx.pagerank(G, alpha, personalization, weight="weight")` |
//! | [`betweenness`], [`betweenness_sampled`] | `nx.betweenness_centrality(G, k, normalized=True, weight)` |
//! | [`edge_betweenness`] | `nx.edge_betweenness_centrality(G, normalized=True, weight)` |
//! | [`closeness`] | `nx.closeness_centrality(G, distance, wf_improved=True)` |
//! | [`harmonic`] | `nx.harmonic_centrality(G, distance)` |
//! | [`eigenvector`] | `nx.eigenvector_centrality(G, weight="weight")` |
//! | [`katz`] | `nx.katz_centrality(G, alpha, beta, weight="weight", normalized=True)` |
//! | [`hits`] | `nx.hits(G, normalized=True)` (with the uniform start vector) |
//! | [`coreness`] | `nx.core_number(G)` |
//!
//! Where NetworkX stops a power iteration at a loose tolerance (1e-6), powermap refines to a much
//! tighter fixed point but still reports "did not converge" exactly when the NetworkX call would
//! have raised (see [`IterOptions`]).
//!
//! All-pairs algorithms (betweenness, closeness, harmonic) run in parallel with rayon, split into
//! source blocks whose number never depends on the thread count and whose partial results are
//! combined in block order; the power iterations parallelise over nodes with a sequential sum
//! per node. Results are therefore bitwise identical whatever the pool size.

mod betweenness;
mod closeness;
mod coreness;
mod degree;
mod eigenvector;
mod hits;
mod iterate;
mod pagerank;
mod parallel;
mod search;
mod table;

#[cfg(test)]
pub(crate) mod testutil;

pub use betweenness::{betweenness, betweenness_sampled, edge_betweenness, EdgeScore};
pub use closeness::{closeness, closeness_harmonic, harmonic};
pub use coreness::coreness;
pub use degree::{degrees, Degrees};
pub use eigenvector::{eigenvector, katz};
pub use hits::{hits, Hits};
pub use iterate::{IterOptions, PowerResult};
pub use pagerank::pagerank;
pub use table::{compute, compute_all, CentralityOptions, CentralityTable, Families};

/// How the length of an arc is derived from its (summed) weight for shortest-path centralities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Distance {
    /// Every arc has length 1 (NetworkX `weight=None`): paths are counted in hops.
    #[default]
    Hops,
    /// The arc's weight is its length (NetworkX `weight="weight"`): heavy ties are *long*, which
    /// suits weights that measure cost or distance.
    Weight,
    /// The arc's length is `1 / weight` (NetworkX with an attribute set to `1/weight`): strong
    /// ties are *short*, which suits weights that measure influence or closeness.
    InverseWeight,
}

impl Distance {
    /// The length of an arc of weight `w` under this convention.
    #[inline]
    pub fn length(self, w: f64) -> f64 {
        match self {
            Distance::Hops => 1.0,
            Distance::Weight => w,
            Distance::InverseWeight => 1.0 / w,
        }
    }

    /// Checks that every arc of `g` has a finite, strictly positive length.
    ///
    /// Dijkstra-based Brandes needs it: with zero-length arcs two nodes at the same distance can be
    /// each other's predecessors and path counts are no longer well defined (NetworkX silently
    /// returns order-dependent numbers), and negative lengths make shortest paths meaningless.
    /// O(m).
    pub fn validate(self, g: &Csr) -> Result<(), CentralityError> {
        if self == Distance::Hops {
            return Ok(());
        }
        for (u, v, w) in g.arcs() {
            let length = self.length(w);
            if !(length.is_finite() && length > 0.0) {
                return Err(CentralityError::BadLength {
                    from: u,
                    to: v,
                    length,
                });
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for Distance {
    type Err = CentralityError;

    /// Parses `hops`, `weight` or `inverse-weight` (also `inverse_weight`, `inverse`), the
    /// spellings a command line or a config file would use.
    fn from_str(s: &str) -> Result<Distance, CentralityError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hops" => Ok(Distance::Hops),
            "weight" => Ok(Distance::Weight),
            "inverse-weight" | "inverse_weight" | "inverse" => Ok(Distance::InverseWeight),
            other => Err(CentralityError::InvalidParameter(format!(
                "unknown distance {other:?} (expected hops, weight or inverse-weight)"
            ))),
        }
    }
}

/// Why a centrality could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CentralityError {
    /// The power iteration did not meet the reference (NetworkX) tolerance within the reference
    /// iteration budget, so NetworkX would raise `PowerIterationFailedConvergence`.
    #[error("{algorithm} did not converge within {max_iter} iterations")]
    NotConverged {
        /// Which centrality failed.
        algorithm: &'static str,
        /// The iteration budget that was exhausted.
        max_iter: usize,
    },
    /// The centrality is undefined on this graph (e.g. HITS on a graph without arcs).
    #[error("{algorithm} is undefined: {reason}")]
    Undefined {
        /// Which centrality is undefined.
        algorithm: &'static str,
        /// Why.
        reason: &'static str,
    },
    /// An arc has a zero, negative or non-finite length under the chosen [`Distance`].
    #[error("arc {from} -> {to} has length {length}; shortest paths need finite positive lengths")]
    BadLength {
        /// Source node index of the offending arc.
        from: usize,
        /// Target node index of the offending arc.
        to: usize,
        /// The offending length.
        length: f64,
    },
    /// A parameter is out of its domain (e.g. a personalization node index past the last node).
    #[error("invalid parameter: {0}")]
    InvalidParameter(String),
}

use crate::graph::Csr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_names() {
        assert_eq!("Hops".parse::<Distance>(), Ok(Distance::Hops));
        assert_eq!(
            "inverse-weight".parse::<Distance>(),
            Ok(Distance::InverseWeight)
        );
        assert!("miles".parse::<Distance>().is_err());
        assert_eq!(Distance::InverseWeight.length(4.0), 0.25);
    }
}
