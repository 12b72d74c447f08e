//! Node placement for drawings of the influence network.
//!
//! [`forceatlas2()`] computes 2-D coordinates for every node of a [`crate::graph::Csr`]; the
//! renderer ([`crate::render::network`]) fits them to the canvas, so the absolute scale of the
//! coordinates carries no meaning, only their relative positions.

pub mod forceatlas2;
mod quadtree;
#[cfg(test)]
mod tests;

pub use forceatlas2::{forceatlas2, Fa2Options};

/// The axis-aligned bounding box `(min_x, min_y, max_x, max_y)` of `points`, or `None` when there
/// are no points or a coordinate is not finite. O(n).
pub fn bounding_box(points: &[[f64; 2]]) -> Option<(f64, f64, f64, f64)> {
    let first = points.first()?;
    let mut b = (first[0], first[1], first[0], first[1]);
    for p in points {
        if !p[0].is_finite() || !p[1].is_finite() {
            return None;
        }
        b.0 = b.0.min(p[0]);
        b.1 = b.1.min(p[1]);
        b.2 = b.2.max(p[0]);
        b.3 = b.3.max(p[1]);
    }
    Some(b)
}
