//! Closeness and harmonic centrality (one shortest-path search per node).

use super::parallel::fill_with;
use super::search::Scratch;
use super::{CentralityError, Distance};
use crate::graph::Csr;

/// Closeness and harmonic centrality together, from one search per node.
///
/// Both are computed from the distances `d(u, v)` *to* each node `v` — for a directed graph that
/// is along incoming paths, because NetworkX runs `closeness_centrality` on `G.reverse()` and
/// `harmonic_centrality` adds `1/d(source, u)` to the *target* `u`. Then, with `r` the number
/// of nodes that reach `v` (including `v`) and `S` the sum of their distances to `v`:
///
/// * closeness (Wasserman–Faust improved form): `(r-1)/S · (r-1)/(n-1)`, and 0 when `S = 0` or
///   `n = 1`, matching `nx.closeness_centrality(G, distance=…, wf_improved=True)`;
/// * harmonic (Marchiori & Latora 2000): `Σ_{u≠v reaching v} 1/d(u, v)`, matching
///   `nx.harmonic_centrality(G, distance=…)` (not normalised).
///
/// `distance` picks hops (BFS, O(n·m)) or weighted lengths (Dijkstra, O(n·m·log n)). Runs in
/// parallel over nodes; every value is computed independently, so the result does not depend on
/// the thread count. Memory O(n) per worker.
pub fn closeness_harmonic(
    g: &Csr,
    distance: Distance,
) -> Result<(Vec<f64>, Vec<f64>), CentralityError> {
    distance.validate(g)?;
    let n = g.node_count();
    let mut pairs = vec![(0.0, 0.0); n];
    fill_with(
        &mut pairs,
        || Scratch::new(n),
        |scratch, v| node_scores(g, distance, scratch, v),
    );
    Ok(pairs.into_iter().unzip())
}

/// Closeness centrality alone; see [`closeness_harmonic`] for the definition.
pub fn closeness(g: &Csr, distance: Distance) -> Result<Vec<f64>, CentralityError> {
    Ok(closeness_harmonic(g, distance)?.0)
}

/// Harmonic centrality alone; see [`closeness_harmonic`] for the definition.
pub fn harmonic(g: &Csr, distance: Distance) -> Result<Vec<f64>, CentralityError> {
    Ok(closeness_harmonic(g, distance)?.1)
}

/// (closeness, harmonic) of node `v`.
fn node_scores(g: &Csr, distance: Distance, scratch: &mut Scratch, v: usize) -> (f64, f64) {
    let (total, inverse) = if distance == Distance::Hops {
        scratch.bfs(g, v);
        // `order` is sorted by level: sum level by level, one division per level.
        let (mut total, mut inverse) = (0u64, 0.0);
        let (mut level, mut count) = (0u32, 0u64);
        for &u in &scratch.order[1..] {
            let l = scratch.level[u as usize];
            if l != level {
                if count > 0 {
                    inverse += count as f64 / f64::from(level);
                }
                (level, count) = (l, 0);
            }
            count += 1;
            total += u64::from(l);
        }
        if count > 0 {
            inverse += count as f64 / f64::from(level);
        }
        (total as f64, inverse)
    } else {
        scratch.dijkstra(g, distance, v);
        // Sorted by distance with `v` first: NetworkX's own summation order.
        let (mut total, mut inverse) = (0.0, 0.0);
        for &u in &scratch.order[1..] {
            let d = scratch.dist[u as usize];
            total += d;
            inverse += 1.0 / d;
        }
        (total, inverse)
    };
    let n = g.node_count();
    let reached = scratch.order.len() as f64;
    let closeness = if total > 0.0 && n > 1 {
        (reached - 1.0) / total * ((reached - 1.0) / (n as f64 - 1.0))
    } else {
        0.0
    };
    (closeness, inverse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_path_uses_incoming_distances() {
        // 0 -> 1 -> 2: node 2 is reached by 0 (d=2) and 1 (d=1).
        let g = Csr::from_arcs(3, true, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let (c, h) = closeness_harmonic(&g, Distance::Hops).expect("valid");
        assert_eq!(c[0], 0.0);
        assert!((c[1] - 0.5).abs() < 1e-15); // r=2, S=1: 1 * 1/2
        assert!((c[2] - 2.0 / 3.0).abs() < 1e-15); // r=3, S=3: 2/3 * 1
        assert_eq!(h, vec![0.0, 1.0, 1.5]);
    }

    #[test]
    fn weighted_lengths() {
        let g = Csr::from_arcs(3, false, &[(0, 1, 2.0), (1, 2, 4.0)]);
        let c = closeness(&g, Distance::Weight).expect("valid");
        assert!((c[0] - 2.0 / 8.0).abs() < 1e-15);
        let h = harmonic(&g, Distance::InverseWeight).expect("valid");
        // Lengths 0.5 and 0.25: node 1 is at 0.5 and 0.25 from its neighbours.
        assert!((h[1] - 6.0).abs() < 1e-12);
    }
}
