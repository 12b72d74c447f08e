//! Single-source shortest-path searches with reusable scratch space.
//!
//! The all-pairs centralities run one search per node; allocating per search would dominate on
//! sparse graphs, so each worker keeps one [`Scratch`] and resets only the entries a search
//! touched (O(reached) instead of O(n)).

use super::Distance;
use crate::graph::Csr;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Marks an unreached node in BFS levels.
pub(crate) const UNREACHED: u32 = u32::MAX;

/// A Dijkstra heap entry, ordered so that `BinaryHeap` pops the *smallest* distance first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeapItem {
    pub(crate) d: f64,
    pub(crate) v: u32,
}

impl PartialEq for HeapItem {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for HeapItem {}
impl PartialOrd for HeapItem {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapItem {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed for a min-heap; the node index breaks ties so the pop order is canonical.
        other
            .d
            .total_cmp(&self.d)
            .then_with(|| other.v.cmp(&self.v))
    }
}

/// Per-worker buffers for one search at a time.
pub(crate) struct Scratch {
    /// Hop distance of each node reached by [`Scratch::bfs`].
    pub(crate) level: Vec<u32>,
    /// Distance of each node reached by [`Scratch::dijkstra`].
    pub(crate) dist: Vec<f64>,
    /// Nodes in the order they were settled (non-decreasing distance).
    pub(crate) order: Vec<u32>,
    heap: BinaryHeap<HeapItem>,
    /// Whether the last search was weighted (wrote `dist`) rather than BFS (wrote `level`).
    weighted: bool,
}

impl Scratch {
    /// Buffers for a graph of `n` nodes.
    pub(crate) fn new(n: usize) -> Scratch {
        Scratch {
            level: vec![UNREACHED; n],
            dist: vec![f64::INFINITY; n],
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
            weighted: false,
        }
    }

    /// Clears what the previous search wrote.
    fn reset(&mut self) {
        if self.weighted {
            for &v in &self.order {
                self.dist[v as usize] = f64::INFINITY;
            }
        } else {
            for &v in &self.order {
                self.level[v as usize] = UNREACHED;
            }
        }
        self.order.clear();
        self.heap.clear();
    }

    /// Breadth-first search from `s` against the arcs: fills `level` (not `dist`) and `order`.
    /// O(reached arcs).
    pub(crate) fn bfs(&mut self, g: &Csr, s: usize) {
        self.reset();
        // Branch-free queue append (whether a neighbour is new is unpredictable); the spare
        // slot takes the write once every node is queued.
        self.order.resize(self.level.len() + 1, 0);
        // Local slices keep the buffer pointers in registers: the compiler cannot otherwise
        // tell that the stores below do not modify the vectors themselves.
        let (level, order) = (&mut self.level[..], &mut self.order[..]);
        level[s] = 0;
        order[0] = s as u32;
        let (mut head, mut tail) = (0, 1);
        while head < tail {
            let v = order[head] as usize;
            head += 1;
            let next = level[v] + 1;
            for &w in g.in_neighbors(v) {
                let slot = &mut level[w as usize];
                let unseen = *slot == UNREACHED;
                *slot = if unseen { next } else { *slot };
                order[tail] = w;
                tail += usize::from(unseen);
            }
        }
        self.order.truncate(tail);
        self.weighted = false;
    }

    /// Dijkstra from `s` against the arcs, with arc lengths `distance.length(weight)`: fills
    /// `dist` and `order`. O(reached arcs · log). Lengths must be positive (see
    /// [`Distance::validate`]).
    ///
    /// A node is pushed only when its distance strictly improves, so the heap entry carrying
    /// its final distance is unique and any other entry is stale (`d > dist`): no settled flag.
    pub(crate) fn dijkstra(&mut self, g: &Csr, distance: Distance, s: usize) {
        self.reset();
        self.weighted = true;
        self.dist[s] = 0.0;
        self.heap.push(HeapItem {
            d: 0.0,
            v: s as u32,
        });
        while let Some(HeapItem { d, v }) = self.heap.pop() {
            let v = v as usize;
            if d > self.dist[v] {
                continue;
            }
            self.order.push(v as u32);
            for (&w, &wt) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                let nd = d + distance.length(wt);
                if nd < self.dist[w as usize] {
                    self.dist[w as usize] = nd;
                    self.heap.push(HeapItem { d: nd, v: w });
                }
            }
        }
    }
}
