//! Every centrality column at once.

use super::{
    betweenness, betweenness_sampled, closeness_harmonic, coreness, degrees, eigenvector, hits,
    katz, pagerank, CentralityError, Distance, IterOptions, PowerResult,
};
use crate::graph::Csr;

/// Parameters of [`compute_all`]; the defaults reproduce the golden NetworkX calls.
#[derive(Debug, Clone, PartialEq)]
pub struct CentralityOptions {
    /// PageRank damping factor (NetworkX `alpha`, default 0.85).
    pub pagerank_alpha: f64,
    /// PageRank restart nodes (empty: uniform restart).
    pub personalization: Vec<usize>,
    /// Arc length for betweenness, closeness and harmonic centrality (default hops).
    pub distance: Distance,
    /// Number of betweenness pivots (`None`: exact, all sources).
    pub betweenness_pivots: Option<usize>,
    /// Seed for drawing the betweenness pivots.
    pub seed: u64,
    /// Katz attenuation (NetworkX `alpha`, default 0.1).
    pub katz_alpha: f64,
    /// Katz constant term (NetworkX `beta`, default 1.0).
    pub katz_beta: f64,
    /// Convergence settings shared by the power iterations.
    pub iter: IterOptions,
}

impl Default for CentralityOptions {
    fn default() -> Self {
        CentralityOptions {
            pagerank_alpha: 0.85,
            personalization: Vec::new(),
            distance: Distance::Hops,
            betweenness_pivots: None,
            seed: crate::util::rng::DEFAULT_SEED,
            katz_alpha: 0.1,
            katz_beta: 1.0,
            iter: IterOptions::default(),
        }
    }
}

/// One column per centrality, one row per node (node order). `None` cells are centralities that
/// do not exist for this graph (NetworkX would raise); `warnings` says why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CentralityTable {
    /// Incoming arcs.
    pub in_degree: Vec<f64>,
    /// Outgoing arcs.
    pub out_degree: Vec<f64>,
    /// In + out for directed graphs, neighbours for undirected ones.
    pub degree: Vec<f64>,
    /// Weight of incoming arcs.
    pub in_strength: Vec<f64>,
    /// Weight of outgoing arcs.
    pub out_strength: Vec<f64>,
    /// PageRank.
    pub pagerank: Vec<f64>,
    /// Normalised node betweenness (exact, or estimated from pivots).
    pub betweenness: Vec<f64>,
    /// Closeness on incoming distances (Wasserman–Faust).
    pub closeness: Vec<f64>,
    /// Harmonic centrality on incoming distances.
    pub harmonic: Vec<f64>,
    /// Eigenvector centrality.
    pub eigenvector: Vec<Option<f64>>,
    /// Katz centrality.
    pub katz: Vec<Option<f64>>,
    /// HITS hub score.
    pub hub: Vec<Option<f64>>,
    /// HITS authority score.
    pub authority: Vec<Option<f64>>,
    /// k-core number.
    pub coreness: Vec<f64>,
    /// Human-readable notes: centralities left empty and why, or values that are NetworkX's
    /// default-tolerance answers because the refinement could not converge.
    pub warnings: Vec<String>,
}

/// Which column families to compute; the others stay empty (zero-length) in the table.
///
/// Lets a caller that needs only PageRank skip the O(n·m) all-pairs searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Families {
    /// in/out degree and strength.
    pub degrees: bool,
    /// PageRank.
    pub pagerank: bool,
    /// Betweenness.
    pub betweenness: bool,
    /// Closeness and harmonic (one all-pairs search serves both).
    pub closeness: bool,
    /// Eigenvector.
    pub eigenvector: bool,
    /// Katz.
    pub katz: bool,
    /// Hubs and authorities.
    pub hits: bool,
    /// Coreness.
    pub coreness: bool,
}

impl Families {
    /// Every column.
    pub const ALL: Families = Families {
        degrees: true,
        pagerank: true,
        betweenness: true,
        closeness: true,
        eigenvector: true,
        katz: true,
        hits: true,
        coreness: true,
    };

    /// The families needed for these column names (as in the centrality CSV header).
    pub fn for_columns<S: AsRef<str>>(columns: &[S]) -> Families {
        let has = |names: &[&str]| columns.iter().any(|c| names.contains(&c.as_ref()));
        Families {
            degrees: has(&[
                "in_degree",
                "out_degree",
                "degree",
                "in_strength",
                "out_strength",
            ]),
            pagerank: has(&["pagerank"]),
            betweenness: has(&["betweenness"]),
            closeness: has(&["closeness", "harmonic"]),
            eigenvector: has(&["eigenvector"]),
            katz: has(&["katz"]),
            hits: has(&["hub", "authority"]),
            coreness: has(&["coreness"]),
        }
    }
}

/// Computes every column of [`CentralityTable`] with the settings of `opts`.
///
/// Fails only on invalid parameters or arc lengths (see [`Distance::validate`]); centralities
/// that merely do not exist (non-convergent eigenvector or Katz iteration, HITS without arcs)
/// become empty cells plus a warning. Cost: dominated by the all-pairs searches, O(n·m) for hops
/// (betweenness with `k` pivots: O(k·m)); the rest is O((n + m) · iterations).
pub fn compute_all(g: &Csr, opts: &CentralityOptions) -> Result<CentralityTable, CentralityError> {
    compute(g, opts, Families::ALL)
}

/// Computes the columns of the selected `families` (others are left zero-length).
pub fn compute(
    g: &Csr,
    opts: &CentralityOptions,
    families: Families,
) -> Result<CentralityTable, CentralityError> {
    let n = g.node_count();
    let mut warnings = Vec::new();
    let mut t = CentralityTable::default();
    if families.degrees {
        let d = degrees(g);
        t.in_degree = d.in_degree;
        t.out_degree = d.out_degree;
        t.degree = d.degree;
        t.in_strength = d.in_strength;
        t.out_strength = d.out_strength;
    }
    if families.pagerank {
        let pr = pagerank(g, opts.pagerank_alpha, &opts.personalization, &opts.iter)?;
        note_unrefined("pagerank", &pr, &mut warnings);
        t.pagerank = pr.values;
    }
    if families.betweenness {
        t.betweenness = match opts.betweenness_pivots {
            Some(k) if k < n => betweenness_sampled(g, opts.distance, k, opts.seed)?,
            _ => betweenness(g, opts.distance)?,
        };
    }
    if families.closeness {
        (t.closeness, t.harmonic) = closeness_harmonic(g, opts.distance)?;
    }
    if families.eigenvector {
        t.eigenvector = optional(eigenvector(g, &opts.iter), n, "eigenvector", &mut warnings);
    }
    if families.katz {
        t.katz = optional(
            katz(g, opts.katz_alpha, opts.katz_beta, &opts.iter),
            n,
            "katz",
            &mut warnings,
        );
    }
    if families.hits {
        (t.hub, t.authority) = match hits(g, &opts.iter) {
            Ok(h) => {
                if !h.refined {
                    warnings.push(format!(
                        "hits: tolerance not reached in {} iterations; values are the last iterate",
                        h.iterations
                    ));
                }
                (
                    h.hubs.into_iter().map(Some).collect(),
                    h.authorities.into_iter().map(Some).collect(),
                )
            }
            Err(e) => {
                warnings.push(format!("{e}; hub and authority left empty"));
                (vec![None; n], vec![None; n])
            }
        };
    }
    if families.coreness {
        t.coreness = coreness(g);
    }
    t.warnings = warnings;
    Ok(t)
}

/// Turns a power-iteration result into a column, recording why it is empty or approximate.
fn optional(
    result: Result<PowerResult, CentralityError>,
    n: usize,
    name: &str,
    warnings: &mut Vec<String>,
) -> Vec<Option<f64>> {
    match result {
        Ok(r) => {
            note_unrefined(name, &r, warnings);
            r.values.into_iter().map(Some).collect()
        }
        Err(e) => {
            warnings.push(format!("{e}; {name} left empty"));
            vec![None; n]
        }
    }
}

fn note_unrefined(name: &str, r: &PowerResult, warnings: &mut Vec<String>) {
    if !r.refined {
        warnings.push(format!(
            "{name}: converges too slowly to refine; values are the default-tolerance iterate \
             (iteration {})",
            r.iterations
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_single_node_graphs() {
        let empty = compute_all(
            &Csr::from_arcs(0, false, &[]),
            &CentralityOptions::default(),
        );
        let empty = empty.expect("no parameters to reject");
        assert!(empty.pagerank.is_empty() && empty.hub.is_empty());
        let one = compute_all(
            &Csr::from_arcs(1, false, &[]),
            &CentralityOptions::default(),
        );
        let one = one.expect("no parameters to reject");
        // As NetworkX: PageRank 1, eigenvector 1, Katz 1; HITS undefined without arcs.
        assert_eq!(one.pagerank, vec![1.0]);
        assert_eq!(one.eigenvector, vec![Some(1.0)]);
        assert_eq!(one.katz, vec![Some(1.0)]);
        assert_eq!(one.hub, vec![None]);
        assert_eq!(one.warnings.len(), 1, "{:?}", one.warnings);
    }

    #[test]
    fn sampled_betweenness_and_bad_lengths() {
        let g = Csr::from_arcs(4, true, &[(0, 1, 1.0), (1, 2, 0.0), (2, 3, 1.0)]);
        let opts = CentralityOptions {
            betweenness_pivots: Some(2),
            ..CentralityOptions::default()
        };
        assert!(compute_all(&g, &opts).is_ok());
        let weighted = CentralityOptions {
            distance: Distance::Weight,
            ..CentralityOptions::default()
        };
        assert!(matches!(
            compute_all(&g, &weighted),
            Err(CentralityError::BadLength { from: 1, to: 2, .. })
        ));
    }
}
