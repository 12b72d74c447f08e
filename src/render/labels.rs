//! Greedy placement of node labels: each label, in priority order, takes the cheapest free
//! position around its node; labels never overlap each other or leave the allowed box.
//!
//! The candidate positions and their preference order follow the classic point-feature
//! labelling convention (Imhof 1975; Christensen, Marks & Shieber 1995: right, left, above,
//! below, then diagonals), tried at two distances; the cost counts the node circles a label
//! would cover, so labels avoid hiding nodes when they can.

use super::canvas::{overlaps, BoxF, Font, HAlign, Painter, VAlign};

/// A label to place next to a circle.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub text: String,
    pub at: (f64, f64),
    pub radius: f64,
    pub font: Font,
}

/// Whether the circle `(c, r)` intersects box `b`.
fn circle_hits(c: (f64, f64), r: f64, b: BoxF) -> bool {
    let qx = c.0.clamp(b.0, b.2);
    let qy = c.1.clamp(b.1, b.3);
    (qx - c.0).powi(2) + (qy - c.1).powi(2) < r * r
}

/// Places `requests` in order. Returns, per request, the anchor and font (with its alignment)
/// to draw it with, or `None` when no candidate position was free. `circles` are obstacles to
/// avoid when possible; `bounds` is the box every label must stay inside. O(L * C * n).
pub(crate) fn place(
    p: &Painter,
    requests: &[Request],
    circles: &[((f64, f64), f64)],
    bounds: BoxF,
    s: f64,
) -> Vec<Option<(f64, f64, Font)>> {
    let halo = 2.5 * s;
    let mut taken: Vec<BoxF> = Vec::new();
    let mut out = Vec::with_capacity(requests.len());
    for req in requests {
        let (cx, cy) = req.at;
        let width = p.text_width(&req.text, &req.font);
        let mut cands: Vec<(f64, f64, HAlign, VAlign, f64)> = Vec::new();
        if width <= 1.7 * req.radius && req.font.line_height() <= 1.2 * req.radius {
            cands.push((cx, cy, HAlign::Center, VAlign::Middle, 0.0));
        }
        for (ring, extra) in [0.0, 10.0 * s].into_iter().enumerate() {
            let d = req.radius + 3.0 * s + extra;
            let q = d * std::f64::consts::FRAC_1_SQRT_2;
            let penalty = ring as f64 * 0.6;
            cands.extend([
                (cx + d, cy, HAlign::Left, VAlign::Middle, penalty),
                (cx - d, cy, HAlign::Right, VAlign::Middle, penalty + 0.01),
                (cx, cy - d, HAlign::Center, VAlign::Bottom, penalty + 0.02),
                (cx, cy + d, HAlign::Center, VAlign::Top, penalty + 0.03),
                (cx + q, cy - q, HAlign::Left, VAlign::Bottom, penalty + 0.04),
                (
                    cx - q,
                    cy - q,
                    HAlign::Right,
                    VAlign::Bottom,
                    penalty + 0.05,
                ),
                (cx + q, cy + q, HAlign::Left, VAlign::Top, penalty + 0.06),
                (cx - q, cy + q, HAlign::Right, VAlign::Top, penalty + 0.07),
            ]);
        }
        let mut best: Option<(f64, f64, f64, Font, BoxF)> = None;
        for (x, y, h, v, penalty) in cands {
            let font = req.font.align(h, v);
            let b = p.text_box(&req.text, x, y, &font);
            let b = (b.0 - halo, b.1 - halo, b.2 + halo, b.3 + halo);
            let inside = b.0 >= bounds.0 && b.1 >= bounds.1 && b.2 <= bounds.2 && b.3 <= bounds.3;
            if !inside || taken.iter().any(|&t| overlaps(t, b)) {
                continue;
            }
            let centred = h == HAlign::Center && v == VAlign::Middle;
            let covered = circles
                .iter()
                .filter(|&&(c, r)| !(centred && c == req.at) && circle_hits(c, r, b))
                .count();
            let cost = covered as f64 + penalty;
            if best.as_ref().is_none_or(|bst| cost < bst.0) {
                best = Some((cost, x, y, font, b));
            }
        }
        match best {
            Some((_, x, y, font, b)) => {
                taken.push(b);
                out.push(Some((x, y, font)));
            }
            None => out.push(None),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::canvas::render;
    use crate::render::theme::INK;
    use crate::render::Size;

    #[test]
    fn crowded_labels_never_overlap_or_leave_bounds() {
        let bounds = (20.0, 20.0, 580.0, 380.0);
        // 60 nodes packed in a grid, the first ones near the edges.
        let circles: Vec<((f64, f64), f64)> = (0..60)
            .map(|i| {
                let (col, row) = ((i % 10) as f64, (i / 10) as f64);
                ((25.0 + col * 61.0, 25.0 + row * 70.0), 6.0)
            })
            .collect();
        let requests: Vec<Request> = circles
            .iter()
            .enumerate()
            .map(|(i, &(at, radius))| Request {
                text: format!("Entity with label {i}"),
                at,
                radius,
                font: Font::new(13.0, INK),
            })
            .collect();
        let (_, (placed, boxes)) = render(Size::new(600, 400), |p| {
            let placed = place(p, &requests, &circles, bounds, 1.0);
            let boxes: Vec<BoxF> = requests
                .iter()
                .zip(&placed)
                .filter_map(|(r, spot)| spot.map(|(x, y, f)| p.text_box(&r.text, x, y, &f)))
                .collect();
            Ok((placed, boxes))
        })
        .expect("renders");
        assert!(placed.iter().any(|s| s.is_some()));
        assert!(
            placed.iter().any(|s| s.is_none()),
            "the grid is too crowded for all"
        );
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.0 >= bounds.0 && a.1 >= bounds.1 && a.2 <= bounds.2 && a.3 <= bounds.3);
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
