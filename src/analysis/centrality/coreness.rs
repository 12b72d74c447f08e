//! k-core numbers.

use crate::graph::Csr;

/// The core number of every node, as `nx.core_number(G)`: the largest `k` such that the node
/// belongs to a subgraph in which every node has degree at least `k`.
///
/// Batagelj & Zaversnik, "An O(m) algorithm for cores decomposition of networks" (2003): nodes
/// sit in buckets by current degree and are peeled from the lowest bucket, each removal
/// decrementing the neighbours still above it. For a directed graph the degree is in-degree +
/// out-degree and the neighbourhood is the multiset of predecessors and successors, so a
/// reciprocal pair counts twice — exactly NetworkX's `G.degree()` / `all_neighbors`. O(n + m)
/// time and memory; the result does not depend on tie order (core numbers are unique).
pub fn coreness(g: &Csr) -> Vec<f64> {
    let n = g.node_count();
    let neighbours = |v: usize| {
        let back: &[u32] = if g.is_directed() {
            g.in_neighbors(v)
        } else {
            &[]
        };
        g.out_neighbors(v).iter().chain(back)
    };
    let mut deg: Vec<usize> = (0..n).map(|v| neighbours(v).count()).collect();
    let max_deg = deg.iter().copied().max().unwrap_or(0);
    // bin[d] = first position of degree-d nodes in `vert` (counting sort).
    let mut bin = vec![0usize; max_deg + 2];
    for &d in &deg {
        bin[d + 1] += 1;
    }
    for d in 0..=max_deg {
        bin[d + 1] += bin[d];
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    let mut next = bin.clone();
    for v in 0..n {
        pos[v] = next[deg[v]];
        vert[pos[v]] = v;
        next[deg[v]] += 1;
    }
    for i in 0..n {
        let v = vert[i];
        for &u in neighbours(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                // Swap u with the first node of its bucket, then shrink the bucket past it.
                let du = deg[u];
                let (pu, pw) = (pos[u], bin[du]);
                let w = vert[pw];
                if u != w {
                    vert.swap(pu, pw);
                    pos[u] = pw;
                    pos[w] = pu;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg.into_iter().map(|d| d as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_with_tail() {
        let g = Csr::from_arcs(
            4,
            false,
            &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)],
        );
        assert_eq!(coreness(&g), vec![2.0, 2.0, 2.0, 1.0]);
    }

    #[test]
    fn reciprocal_arcs_count_twice() {
        // 0 <-> 1 is a 2-core in NetworkX's directed degree.
        let g = Csr::from_arcs(3, true, &[(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0)]);
        assert_eq!(coreness(&g), vec![2.0, 2.0, 1.0]);
    }
}
