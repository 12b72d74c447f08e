//! The influence map: nodes at their layout positions sized by PageRank, signed arcs, labels for
//! the most central nodes, and legends.

use super::canvas::{render, BoxF, Font, HAlign, Painter, VAlign};
use super::frame::{thousands, Frame, Legend, Swatch};
use super::theme::{self, font, EntityKind, Rgb, Sign};
use super::{labels, RenderError, Size};

/// One node of the influence map.
#[derive(Debug, Clone, PartialEq)]
pub struct NetNode {
    /// Name shown when the node is among the labelled ones.
    pub label: String,
    /// Layout position (any scale; the chart fits the layout to the canvas).
    pub x: f64,
    /// Layout position.
    pub y: f64,
    /// PageRank (or any non-negative importance): the circle's area is proportional to it.
    pub pagerank: f64,
    /// Index into [`NetworkChart::groups`]: decides the colour.
    pub group: usize,
}

/// One arc (or edge) of the influence map.
#[derive(Debug, Clone, PartialEq)]
pub struct NetArc {
    /// Index of the source node in [`NetworkChart::nodes`].
    pub source: usize,
    /// Index of the target node.
    pub target: usize,
    /// Weight: the stroke width grows with its square root.
    pub weight: f64,
    /// Sign: decides the colour.
    pub sign: Sign,
}

/// A colour group of nodes with its legend label (an entity type or a community).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeGroup {
    /// Legend label.
    pub label: String,
    /// Fill colour of its nodes.
    pub color: Rgb,
}

impl NodeGroup {
    /// The group of one entity type, in the house colour of that type.
    pub fn kind(kind: EntityKind) -> NodeGroup {
        NodeGroup {
            label: kind.label().to_string(),
            color: kind.color(),
        }
    }

    /// The `i`-th community, in the categorical palette.
    pub fn community(i: usize, label: impl Into<String>) -> NodeGroup {
        NodeGroup {
            label: label.into(),
            color: theme::community_color(i),
        }
    }
}

/// Input of [`render_network`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkChart {
    /// Title: dataset name and filters.
    pub title: String,
    /// Subtitle, e.g. the period and what sizes and colours mean.
    pub subtitle: String,
    /// Extra note at the foot of the figure (may be empty).
    pub note: String,
    /// When the drawing shows only part of a larger graph: the node count of the whole graph.
    /// Adds "Showing the top n of N nodes by PageRank." to the note.
    pub truncated_from: Option<usize>,
    /// Whether arcs have a direction (drawn with arrowheads).
    pub directed: bool,
    /// Draw arcs as gentle clockwise curves (so reciprocal arcs do not overlap) instead of
    /// straight lines.
    pub curved: bool,
    /// Header of the node colour legend, e.g. "Entity type" or "Community".
    pub group_title: String,
    /// Colour groups; nodes refer to them by index.
    pub groups: Vec<NodeGroup>,
    /// The nodes.
    pub nodes: Vec<NetNode>,
    /// The arcs; arcs with an out-of-range endpoint or a self-loop are ignored.
    pub arcs: Vec<NetArc>,
    /// How many of the highest-PageRank nodes get a label.
    pub label_top: usize,
}

/// The rendered influence map.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkImage {
    /// The PNG file contents.
    pub png: Vec<u8>,
    /// Number of labels drawn.
    pub labels_drawn: usize,
    /// Labels of top nodes that were skipped because no position around the node was free.
    pub labels_skipped: Vec<String>,
}

/// Radii in pixels: area proportional to PageRank, the largest at most `max_r`, none below
/// `min_r` (so the smallest nodes stay visible; below it area is no longer proportional).
fn radii(pr: &[f64], area: f64, min_r: f64, max_r: f64) -> Vec<f64> {
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let total: f64 = pr.iter().map(|&v| clean(v)).sum();
    let top = pr.iter().map(|&v| clean(v)).fold(0.0, f64::max);
    if total <= 0.0 {
        return vec![min_r.max(max_r / 6.0); pr.len()];
    }
    // Nodes cover about 9% of the plot, unless that makes the largest exceed max_r.
    let k = (0.09 * area / (std::f64::consts::PI * total))
        .sqrt()
        .min(max_r / top.sqrt());
    pr.iter()
        .map(|&v| (k * clean(v).sqrt()).max(min_r))
        .collect()
}

/// Radius of each node as a fraction of the plot width, as [`render_network`] would draw them
/// on a canvas of `size` (estimated plot area: the legend panel width is not known before
/// drawing). Pass it as [`crate::layout::Fa2Options::node_sizes`] to prevent overlaps.
pub fn node_size_fractions(pageranks: &[f64], size: Size) -> Vec<f64> {
    let s = theme::scale_for(size.width, size.height);
    let (w, h) = (size.width as f64 * 0.76, size.height as f64 * 0.8);
    radii(pageranks, w * h, 2.0 * s, 0.055 * w.min(h))
        .into_iter()
        .map(|r| r / w)
        .collect()
}

/// Draws the influence map. O((n + m) + L * C * n) for L labels and C candidate positions.
///
/// The layout is rotated so its longest extent follows the longer side of the plot, then scaled
/// uniformly to fit. Arcs are drawn first (lightest weights first), then nodes from largest to
/// smallest, then labels with a white halo, placed greedily in PageRank order at the cheapest
/// free position around their node (see `labels`).
pub fn render_network(chart: &NetworkChart, size: Size) -> Result<NetworkImage, RenderError> {
    let (png, (drawn, skipped)) = render(size, |p| draw(p, chart))?;
    Ok(NetworkImage {
        png,
        labels_drawn: drawn,
        labels_skipped: skipped,
    })
}

fn draw(p: &Painter, c: &NetworkChart) -> Result<(usize, Vec<String>), RenderError> {
    let mut note = c.note.clone();
    if let Some(total) = c.truncated_from {
        let shown = format!(
            "Showing the top {} of {} nodes by PageRank.",
            thousands(c.nodes.len() as u64),
            thousands(total as u64)
        );
        note = if note.is_empty() {
            shown
        } else {
            format!("{shown} {note}")
        };
    }
    let f = Frame::draw(p, &c.title, &c.subtitle, &note)?;
    let s = f.s;
    let (legends, notes) = legends(c);
    let nf = Font::new(font::SMALL * s, theme::MUTED).align(HAlign::Left, VAlign::Middle);
    let legend_w = legends
        .iter()
        .map(|l| l.column_width(p, s))
        .chain(notes.iter().map(|n| p.text_width(n, &nf)))
        .fold(0.0, f64::max)
        .min(0.3 * p.w);
    let plot: BoxF = (f.body.0, f.body.1, f.body.2 - legend_w - 32.0 * s, f.body.3);
    // Legend panel.
    let (lx, mut ly) = (plot.2 + 32.0 * s, plot.1);
    for l in &legends {
        ly += l.draw_column(p, s, lx, ly, legend_w, f.body.3 - ly)? + 18.0 * s;
    }
    for line in notes {
        if ly + 20.0 * s < f.body.3 {
            p.text(&p.fit_text(line, &nf, legend_w), lx, ly + 8.0 * s, &nf)?;
            ly += 22.0 * s;
        }
    }

    // Only nodes with a finite position are drawn.
    let ok: Vec<bool> = c
        .nodes
        .iter()
        .map(|n| n.x.is_finite() && n.y.is_finite())
        .collect();
    let (pw, ph) = (plot.2 - plot.0, plot.3 - plot.1);
    let pr: Vec<f64> = c.nodes.iter().map(|n| n.pagerank).collect();
    let r = radii(&pr, pw * ph, 2.0 * s, 0.055 * pw.min(ph));
    let mut top: Vec<usize> = (0..c.nodes.len()).filter(|&i| ok[i]).collect();
    let prk = |i: usize| if pr[i].is_finite() { pr[i] } else { 0.0 };
    top.sort_by(|&i, &j| prk(j).total_cmp(&prk(i)).then(i.cmp(&j)));
    top.truncate(c.label_top);
    let label_font = |rank: usize| {
        if rank < 3 {
            Font::new(font::LABEL * 1.08 * s, theme::INK).bold()
        } else {
            Font::new(font::SMALL * s, theme::INK)
        }
    };
    // Labelled nodes reserve half their label's width on each side, so that even at the edge
    // of the drawing their label fits above or below them.
    let mut half_w = r.clone();
    for (rank, &i) in top.iter().enumerate() {
        let w = p
            .text_width(&c.nodes[i].label, &label_font(rank))
            .min(0.25 * pw);
        half_w[i] = half_w[i].max(w / 2.0 + 3.0 * s);
    }
    let pos = fit(c, &ok, (&half_w, &r), plot, 6.0 * s);

    // Arcs, lightest first.
    let wmax = c
        .arcs
        .iter()
        .map(|a| a.weight)
        .filter(|w| w.is_finite())
        .fold(0.0, |m: f64, w| m.max(w.abs()));
    // Many arcs: fainter and thinner, so the structure shows instead of a solid hairball.
    let alpha = (0.95 - 0.17 * (c.arcs.len().max(1) as f64).log10()).clamp(0.2, 0.8);
    let thin = if c.arcs.len() > 1000 { 0.6 } else { 1.0 };
    let mut order: Vec<usize> = (0..c.arcs.len()).collect();
    let key = |a: &NetArc| {
        if a.weight.is_finite() {
            a.weight.abs()
        } else {
            0.0
        }
    };
    order.sort_by(|&i, &j| key(&c.arcs[i]).total_cmp(&key(&c.arcs[j])).then(i.cmp(&j)));
    for i in order {
        let a = &c.arcs[i];
        let n = c.nodes.len();
        if a.source >= n || a.target >= n || a.source == a.target || !ok[a.source] || !ok[a.target]
        {
            continue;
        }
        let rel = if wmax > 0.0 {
            (key(a) / wmax).sqrt()
        } else {
            0.5
        };
        let width = s * thin * (0.7 + 3.3 * rel);
        let ends = ((pos[a.source], r[a.source]), (pos[a.target], r[a.target]));
        draw_arc(
            p,
            ends,
            width,
            a.sign.color(),
            alpha,
            c.directed,
            c.curved,
            s,
        )?;
    }

    // Nodes, largest first so small ones stay visible on top.
    let mut by_size: Vec<usize> = (0..c.nodes.len()).filter(|&i| ok[i]).collect();
    by_size.sort_by(|&i, &j| r[j].total_cmp(&r[i]).then(i.cmp(&j)));
    for &i in &by_size {
        let color = c
            .groups
            .get(c.nodes[i].group)
            .map_or(theme::OVERFLOW, |g| g.color);
        let ow = (0.6 * s).max(r[i] * 0.06).min(1.5 * s);
        p.circle(pos[i], r[i], color, 1.0, Some((theme::BACKGROUND, ow)))?;
    }

    // Labels of the top nodes, in PageRank order.
    let circles: Vec<Circle> = (0..c.nodes.len())
        .filter(|&i| ok[i])
        .map(|i| (pos[i], r[i]))
        .collect();
    let requests: Vec<labels::Request> = top
        .iter()
        .enumerate()
        .filter(|(_, &i)| !c.nodes[i].label.trim().is_empty())
        .map(|(rank, &i)| labels::Request {
            text: c.nodes[i].label.clone(),
            at: pos[i],
            radius: r[i],
            font: label_font(rank),
        })
        .collect();
    let bounds = (plot.0, f.body.1 - 4.0 * s, plot.2 + 24.0 * s, plot.3);
    let placed = labels::place(p, &requests, &circles, bounds, s);
    let mut skipped = Vec::new();
    let mut drawn = 0;
    for (req, spot) in requests.iter().zip(&placed) {
        match spot {
            Some((x, y, font)) => {
                p.text_halo(&req.text, *x, *y, font, theme::BACKGROUND, 2.2 * s)?;
                drawn += 1;
            }
            None => skipped.push(req.text.clone()),
        }
    }
    Ok((drawn, skipped))
}

/// Legends of node groups and arc signs, plus explanatory lines.
fn legends(c: &NetworkChart) -> (Vec<Legend>, Vec<&'static str>) {
    let mut used = vec![false; c.groups.len()];
    for n in &c.nodes {
        if let Some(u) = used.get_mut(n.group) {
            *u = true;
        }
    }
    let groups = Legend {
        header: if c.group_title.is_empty() {
            "Nodes".to_string()
        } else {
            c.group_title.clone()
        },
        entries: c
            .groups
            .iter()
            .zip(&used)
            .filter(|(_, &u)| u)
            .map(|(g, _)| (Swatch::Circle(g.color), g.label.clone()))
            .collect(),
    };
    let signs = Legend {
        header: "Relation".to_string(),
        entries: Sign::ALL
            .iter()
            .filter(|&&sg| c.arcs.iter().any(|a| a.sign == sg))
            .map(|&sg| {
                let sw = Swatch::Line {
                    color: sg.color(),
                    width: 2.5,
                    arrow: c.directed,
                };
                (sw, sg.label().to_string())
            })
            .collect(),
    };
    let mut out = vec![groups];
    if !signs.entries.is_empty() {
        out.push(signs);
    }
    (out, vec!["Node area ∝ PageRank", "Arc width ∝ √weight"])
}

/// Rotates the layout so that its principal axis (largest variance) lies along the longer side
/// of the plot: a layout's orientation carries no meaning, and this fills the page best.
fn orient(c: &NetworkChart, idx: &[usize], landscape: bool) -> Vec<(f64, f64)> {
    let mut out = vec![(0.0, 0.0); c.nodes.len()];
    let n = idx.len().max(1) as f64;
    let mx = idx.iter().map(|&i| c.nodes[i].x).sum::<f64>() / n;
    let my = idx.iter().map(|&i| c.nodes[i].y).sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for &i in idx {
        let (dx, dy) = (c.nodes[i].x - mx, c.nodes[i].y - my);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    let major = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let target = if landscape {
        0.0
    } else {
        std::f64::consts::FRAC_PI_2
    };
    let (sin, cos) = (target - major).sin_cos();
    for &i in idx {
        let (dx, dy) = (c.nodes[i].x - mx, c.nodes[i].y - my);
        out[i] = (dx * cos - dy * sin, dx * sin + dy * cos);
    }
    out
}

/// Maps layout positions into `plot` (rotated by [`orient`], uniform scale, centred) so that
/// every node fits, node `i` needing `rx[i]` pixels left and right of its centre and `ry[i]`
/// above and below.
fn fit(
    c: &NetworkChart,
    ok: &[bool],
    (rx, ry): (&[f64], &[f64]),
    plot: BoxF,
    pad: f64,
) -> Vec<(f64, f64)> {
    let idx: Vec<usize> = (0..c.nodes.len()).filter(|&i| ok[i]).collect();
    let (cx, cy) = ((plot.0 + plot.2) / 2.0, (plot.1 + plot.3) / 2.0);
    let mut out = vec![(cx, cy); c.nodes.len()];
    if idx.is_empty() {
        return out;
    }
    let (w, h) = (plot.2 - plot.0 - 2.0 * pad, plot.3 - plot.1 - 2.0 * pad);
    let xy = orient(c, &idx, w >= h);
    // Pixel extent of the drawing at scale k: [min(k x - r), max(k x + r)] per axis.
    let extent = |k: f64| {
        let mut e = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &i in &idx {
            let (x, y) = (xy[i].0 * k, xy[i].1 * k);
            e = (
                e.0.min(x - rx[i]),
                e.1.min(y - ry[i]),
                e.2.max(x + rx[i]),
                e.3.max(y + ry[i]),
            );
        }
        e
    };
    let fits = |k: f64| {
        let e = extent(k);
        e.2 - e.0 <= w && e.3 - e.1 <= h
    };
    let (mut lo, mut hi) = (0.0, 1.0);
    while fits(hi) && hi < 1e12 {
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let e = extent(lo);
    let (ox, oy) = (cx - (e.0 + e.2) / 2.0, cy - (e.1 + e.3) / 2.0);
    for &i in &idx {
        out[i] = (xy[i].0 * lo + ox, xy[i].1 * lo + oy);
    }
    out
}

/// A circle: centre and radius.
type Circle = ((f64, f64), f64);

/// Draws one arc from the border of the source circle to the border of the target circle,
/// with an arrowhead touching the target when directed.
#[allow(clippy::too_many_arguments)]
fn draw_arc(
    p: &Painter,
    ((a, ra), (b, rb)): (Circle, Circle),
    width: f64,
    color: Rgb,
    alpha: f64,
    directed: bool,
    curved: bool,
    s: f64,
) -> Result<(), RenderError> {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    let head = if directed { 5.0 * s + 2.0 * width } else { 0.0 };
    if len <= ra + rb + head + 1.0 * s {
        return Ok(());
    }
    // Quadratic Bézier with the control point to the right of the direction of travel.
    let bend = if curved { 0.12 * len } else { 0.0 };
    let (nx, ny) = (-(b.1 - a.1) / len, (b.0 - a.0) / len);
    let ctrl = ((a.0 + b.0) / 2.0 + nx * bend, (a.1 + b.1) / 2.0 + ny * bend);
    let at = |t: f64| {
        let u = 1.0 - t;
        (
            u * u * a.0 + 2.0 * u * t * ctrl.0 + t * t * b.0,
            u * u * a.1 + 2.0 * u * t * ctrl.1 + t * t * b.1,
        )
    };
    let dist = |q: (f64, f64), c: (f64, f64)| ((q.0 - c.0).powi(2) + (q.1 - c.1).powi(2)).sqrt();
    // Parameter where the curve is at distance `d` from point `c`, searching from the end `t1`
    // (where it is closer) back towards `t0`.
    let cross = |c: (f64, f64), d: f64, t0: f64, t1: f64| {
        let (mut lo, mut hi) = (t0, t1);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if dist(at(mid), c) > d {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo + hi) / 2.0
    };
    let gap = 1.0 * s;
    let t_start = cross(a, ra + gap, 1.0, 0.0);
    let t_tip = cross(b, rb + gap, 0.0, 1.0);
    let tip = at(t_tip);
    let t_end = if directed {
        cross(tip, head * 0.8, t_start, t_tip)
    } else {
        t_tip
    };
    let steps = if curved { 24 } else { 1 };
    let pts: Vec<(f64, f64)> = (0..=steps)
        .map(|k| at(t_start + (t_end - t_start) * k as f64 / steps as f64))
        .collect();
    p.line(&pts, color, alpha, width)?;
    if directed {
        let base = at(cross(tip, head, t_start, t_tip));
        let (dx, dy) = (tip.0 - base.0, tip.1 - base.1);
        let l = (dx * dx + dy * dy).sqrt().max(1e-9);
        let (ux, uy) = (dx / l, dy / l);
        let hw = head * 0.42;
        let back = (tip.0 - ux * head, tip.1 - uy * head);
        p.polygon(
            &[
                tip,
                (back.0 - uy * hw, back.1 + ux * hw),
                (back.0 + uy * hw, back.1 - ux * hw),
            ],
            color,
            (alpha + 0.15).min(1.0),
        )?;
    }
    Ok(())
}
