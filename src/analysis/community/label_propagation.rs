//! Semi-synchronous label propagation (Cordasco & Gargano 2010, "Community detection via
//! semi-synchronous label propagation algorithms", IEEE BASNA), with the exact semantics of
//! NetworkX's `label_propagation_communities` (networkx 3.x):
//!
//! * the graph is coloured greedily, nodes taken by decreasing degree (ties: smaller index
//!   first, as Python's stable sort keeps NetworkX's node order), each node getting the smallest
//!   colour unused by its neighbours (`greedy_color`, strategy `largest_first`);
//! * every node starts with its own label (its index); rounds update the colour classes in
//!   increasing colour order; a node takes the most frequent label among its neighbours, and on a
//!   tie keeps its own label if it is among the most frequent, else takes the largest one
//!   ("Prec-Max");
//! * rounds repeat until every node with neighbours holds one of its neighbours' most frequent
//!   labels.
//!
//! Frequencies count neighbours, not edge weights: NetworkX's semi-synchronous variant ignores
//! weights (only `asyn_lpa_communities` and `fast_label_propagation_communities` take a `weight`),
//! and matching it makes the result reproducible against the reference. A colour class is an
//! independent set, so updating its nodes in any order gives the same labels: the algorithm is
//! fully deterministic and uses no seed, and it returns NetworkX's partition exactly.
//!
//! Complexity: O(n log n + m) for the colouring, O(m) per round; the number of rounds is small in
//! practice (the method provably converges). Memory O(n).

use super::Partition;
use crate::graph::Csr;

/// Guard on the number of rounds. Cordasco & Gargano prove convergence, so this is only a
/// safety net against an unforeseen cycle; it is far above the handful of rounds real graphs take.
const MAX_ROUNDS: usize = 10_000;

/// Label propagation communities of the undirected projection of `g` (edge weights ignored, see
/// the module documentation). Equals NetworkX's `label_propagation_communities(G)` as a set of
/// communities. Isolated nodes are singletons.
pub fn label_propagation(g: &Csr) -> Partition {
    let owned;
    let g = if g.is_directed() {
        owned = g.to_undirected();
        &owned
    } else {
        g
    };
    let n = g.node_count();
    let classes = colour_classes(g);
    let mut label: Vec<u32> = (0..n as u32).collect();
    let mut counter = LabelCounter::new(n);
    for _ in 0..MAX_ROUNDS {
        if (0..n).all(|v| g.out_degree(v) == 0 || counter.is_most_frequent(g, &label, v)) {
            break;
        }
        for class in &classes {
            for &v in class {
                let v = v as usize;
                if let Some(new) = counter.prec_max(g, &label, v) {
                    label[v] = new;
                }
            }
        }
    }
    Partition::from_labels(&label)
}

/// Greedy colouring in `largest_first` order; returns the nodes of each colour, by colour.
fn colour_classes(g: &Csr) -> Vec<Vec<u32>> {
    let n = g.node_count();
    let mut order: Vec<u32> = (0..n as u32).collect();
    // Stable sort: equal degrees stay in index order, like Python's sorted(..., reverse=True).
    order.sort_by_key(|&v| std::cmp::Reverse(g.out_degree(v as usize)));
    let mut colour = vec![u32::MAX; n];
    // stamp[c] == v + 1 when colour c is used by a neighbour of v.
    let mut stamp: Vec<usize> = Vec::new();
    let mut classes: Vec<Vec<u32>> = Vec::new();
    for &v in &order {
        let v = v as usize;
        for &u in g.out_neighbors(v) {
            let c = colour[u as usize];
            if c != u32::MAX {
                stamp[c as usize] = v + 1;
            }
        }
        let c = (0..stamp.len())
            .find(|&c| stamp[c] != v + 1)
            .unwrap_or(stamp.len());
        if c == stamp.len() {
            stamp.push(0);
            classes.push(Vec::new());
        }
        colour[v] = c as u32;
        classes[c].push(v as u32);
    }
    classes
}

/// Counts neighbour labels in a dense array reset through a touched list (no hashing).
struct LabelCounter {
    count: Vec<u32>,
    touched: Vec<u32>,
}

impl LabelCounter {
    fn new(n: usize) -> LabelCounter {
        LabelCounter {
            count: vec![0; n],
            touched: Vec::new(),
        }
    }

    /// Counts the labels of `v`'s neighbours; returns the largest count.
    fn tally(&mut self, g: &Csr, label: &[u32], v: usize) -> u32 {
        let mut max = 0;
        for &u in g.out_neighbors(v) {
            let l = label[u as usize] as usize;
            if self.count[l] == 0 {
                self.touched.push(l as u32);
            }
            self.count[l] += 1;
            max = max.max(self.count[l]);
        }
        max
    }

    fn clear(&mut self) {
        for &l in &self.touched {
            self.count[l as usize] = 0;
        }
        self.touched.clear();
    }

    /// Whether `v`'s label is among its neighbours' most frequent labels.
    fn is_most_frequent(&mut self, g: &Csr, label: &[u32], v: usize) -> bool {
        let max = self.tally(g, label, v);
        let ok = self.count[label[v] as usize] == max;
        self.clear();
        ok
    }

    /// The new label of `v` under Prec-Max, or `None` when it keeps its label (including isolated
    /// nodes).
    fn prec_max(&mut self, g: &Csr, label: &[u32], v: usize) -> Option<u32> {
        if g.out_degree(v) == 0 {
            return None;
        }
        let max = self.tally(g, label, v);
        let new = if self.count[label[v] as usize] == max {
            None
        } else {
            self.touched
                .iter()
                .copied()
                .filter(|&l| self.count[l as usize] == max)
                .max()
        };
        self.clear();
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colouring_is_proper_and_largest_first() {
        // A star with centre 3 plus the edge 0-1: the centre is coloured first.
        let g = Csr::from_arcs(
            5,
            false,
            &[
                (3, 0, 1.0),
                (3, 1, 1.0),
                (3, 2, 1.0),
                (3, 4, 1.0),
                (0, 1, 1.0),
            ],
        );
        let classes = colour_classes(&g);
        assert_eq!(classes, vec![vec![3], vec![0, 2, 4], vec![1]]);
    }

    #[test]
    fn isolated_nodes_stay_alone() {
        let g = Csr::from_arcs(4, false, &[(0, 1, 1.0)]);
        let p = label_propagation(&g);
        assert_eq!(p.membership(), &[0, 0, 1, 2]);
    }
}
