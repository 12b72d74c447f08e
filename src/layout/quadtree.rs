//! Barnes–Hut quadtree used by ForceAtlas2 to approximate node-to-node repulsion.
//!
//! Barnes & Hut (1986), "A hierarchical O(N log N) force-calculation algorithm", Nature 324: a
//! group of far-away nodes repels like one node of their summed mass placed at their centre of
//! mass. The tree is rebuilt every iteration (O(n log n)) and queried once per node.

/// Leaves hold at most this many nodes; the nodes of a leaf interact exactly.
const LEAF_SIZE: usize = 8;
/// Beyond this depth a cell becomes a leaf whatever its size (coincident points).
const MAX_DEPTH: usize = 40;
const NONE: u32 = u32::MAX;

/// One square region of the plane.
#[derive(Debug, Clone)]
struct Cell {
    mass: f64,
    /// Centre of mass.
    cx: f64,
    cy: f64,
    /// Largest side of the bounding box of the nodes inside: the `s` of the `s / d < theta` test.
    size: f64,
    /// Range of `Quadtree::order` holding the nodes inside.
    start: u32,
    end: u32,
    children: [u32; 4],
}

/// A quadtree over node positions with per-cell mass and centre of mass.
#[derive(Debug, Default)]
pub(crate) struct Quadtree {
    cells: Vec<Cell>,
    order: Vec<u32>,
    /// `rank[i]`: position of node `i` in `order`, to tell whether a cell contains it.
    rank: Vec<u32>,
}

impl Quadtree {
    /// Builds the tree of `pos` weighted by `mass`. O(n log n).
    pub(crate) fn build(pos: &[[f64; 2]], mass: &[f64]) -> Quadtree {
        let mut tree = Quadtree {
            cells: Vec::with_capacity(pos.len() / 2 + 1),
            order: (0..pos.len() as u32).collect(),
            rank: vec![0; pos.len()],
        };
        if !pos.is_empty() {
            let mut order = std::mem::take(&mut tree.order);
            tree.build_cell(pos, mass, &mut order, 0, 0);
            for (k, &i) in order.iter().enumerate() {
                tree.rank[i as usize] = k as u32;
            }
            tree.order = order;
        }
        tree
    }

    /// Builds the cell of `idx` (positions `offset..offset + idx.len()` of the order) and returns
    /// its index.
    fn build_cell(
        &mut self,
        pos: &[[f64; 2]],
        mass: &[f64],
        idx: &mut [u32],
        offset: usize,
        depth: usize,
    ) -> u32 {
        let (mut m, mut sx, mut sy) = (0.0, 0.0, 0.0);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &i in idx.iter() {
            let [x, y] = pos[i as usize];
            let w = mass[i as usize];
            m += w;
            sx += w * x;
            sy += w * y;
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let me = self.cells.len() as u32;
        self.cells.push(Cell {
            mass: m,
            cx: sx / m,
            cy: sy / m,
            size: (x1 - x0).max(y1 - y0),
            start: offset as u32,
            end: (offset + idx.len()) as u32,
            children: [NONE; 4],
        });
        let size = (x1 - x0).max(y1 - y0);
        if idx.len() <= LEAF_SIZE || depth >= MAX_DEPTH || size <= 0.0 {
            return me;
        }
        // Split at the centre of the bounding box: first by y, then each half by x.
        let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let split_y = partition(idx, |i| pos[i as usize][1] < my);
        let (low, high) = idx.split_at_mut(split_y);
        let split_low = partition(low, |i| pos[i as usize][0] < mx);
        let split_high = partition(high, |i| pos[i as usize][0] < mx);
        let bounds = [
            (0, split_low),
            (split_low, split_y),
            (split_y, split_y + split_high),
            (split_y + split_high, idx.len()),
        ];
        for (q, &(a, b)) in bounds.iter().enumerate() {
            if a < b {
                let child = self.build_cell(pos, mass, &mut idx[a..b], offset + a, depth + 1);
                self.cells[me as usize].children[q] = child;
            }
        }
        me
    }

    /// The nodes in tree (depth-first, spatially coherent) order.
    pub(crate) fn order(&self) -> &[u32] {
        &self.order
    }

    /// Sum of the repulsion felt by node `i` at `p` with mass `m`, approximating cells with
    /// `size / distance < theta`. `exact(j)` returns the force of an individual node `j != i`;
    /// `approx(cx, cy, mass)` the force of a whole cell.
    pub(crate) fn accumulate(
        &self,
        i: u32,
        p: [f64; 2],
        theta: f64,
        mut exact: impl FnMut(u32) -> [f64; 2],
        mut approx: impl FnMut(f64, f64, f64) -> [f64; 2],
    ) -> [f64; 2] {
        let mut f = [0.0, 0.0];
        if self.cells.is_empty() {
            return f;
        }
        let rank = self.rank[i as usize];
        let theta2 = theta * theta;
        let mut stack = [0u32; 4 * MAX_DEPTH + 8];
        let mut top = 1usize;
        while top > 0 {
            top -= 1;
            let cell = &self.cells[stack[top] as usize];
            let is_leaf = cell.children.iter().all(|&c| c == NONE);
            let (dx, dy) = (p[0] - cell.cx, p[1] - cell.cy);
            let contains_i = cell.start <= rank && rank < cell.end;
            // `d * theta > size`, squared to avoid a square root per visited cell.
            let far = (dx * dx + dy * dy) * theta2 > cell.size * cell.size;
            if cell.end - cell.start > 1 && far && !contains_i {
                let g = approx(cell.cx, cell.cy, cell.mass);
                f[0] += g[0];
                f[1] += g[1];
            } else if is_leaf {
                for &j in &self.order[cell.start as usize..cell.end as usize] {
                    if j != i {
                        let g = exact(j);
                        f[0] += g[0];
                        f[1] += g[1];
                    }
                }
            } else {
                for &c in cell.children.iter().rev() {
                    if c != NONE {
                        stack[top] = c;
                        top += 1;
                    }
                }
            }
        }
        f
    }
}

/// Stable-order-free in-place partition: moves the items satisfying `pred` to the front and
/// returns their count. Deterministic for a given input order.
fn partition(items: &mut [u32], pred: impl Fn(u32) -> bool) -> usize {
    let mut k = 0;
    for i in 0..items.len() {
        if pred(items[i]) {
            items.swap(i, k);
            k += 1;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theta_zero_is_exact() {
        let pos: Vec<[f64; 2]> = (0..100)
            .map(|i| [(i * 37 % 101) as f64, (i * 53 % 97) as f64])
            .collect();
        let mass = vec![1.0; pos.len()];
        let tree = Quadtree::build(&pos, &mass);
        for i in [0usize, 17, 99] {
            let p = pos[i];
            let force = |x: f64, y: f64, m: f64| {
                let (dx, dy) = (p[0] - x, p[1] - y);
                let d2 = dx * dx + dy * dy;
                [dx * m / d2, dy * m / d2]
            };
            let exact = tree.accumulate(
                i as u32,
                p,
                0.0,
                |j| force(pos[j as usize][0], pos[j as usize][1], 1.0),
                force,
            );
            let mut direct = [0.0, 0.0];
            for (j, q) in pos.iter().enumerate() {
                if j != i {
                    let g = force(q[0], q[1], 1.0);
                    direct[0] += g[0];
                    direct[1] += g[1];
                }
            }
            assert!((exact[0] - direct[0]).abs() < 1e-9 && (exact[1] - direct[1]).abs() < 1e-9);
            let approx = tree.accumulate(
                i as u32,
                p,
                1.2,
                |j| force(pos[j as usize][0], pos[j as usize][1], 1.0),
                force,
            );
            let err = ((approx[0] - direct[0]).powi(2) + (approx[1] - direct[1]).powi(2)).sqrt();
            let norm = (direct[0].powi(2) + direct[1].powi(2)).sqrt();
            assert!(err < 0.35 * norm + 0.05, "err {err} norm {norm}");
        }
    }
}
