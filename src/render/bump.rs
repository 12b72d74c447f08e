//! Rank trajectories over time windows (a "bump chart"): who rose and who fell in the ranking
//! from one window to the next.

use super::canvas::{render, Font, HAlign, Painter, VAlign};
use super::frame::{Frame, Legend, Swatch};
use super::theme::{self, font, EntityKind};
use super::{RenderError, Size};

/// One entity's ranks, one per window (`None` when absent or unranked in that window).
#[derive(Debug, Clone, PartialEq)]
pub struct BumpSeries {
    /// Entity name.
    pub label: String,
    /// Entity type: decides the colour.
    pub kind: EntityKind,
    /// Rank per window (1 = top), in the order of [`BumpChart::windows`].
    pub ranks: Vec<Option<u32>>,
}

/// Input of [`render_bump`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BumpChart {
    /// Figure title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Foot note (may be empty).
    pub note: String,
    /// Window labels, e.g. "2025 Q1".
    pub windows: Vec<String>,
    /// The entities to trace.
    pub series: Vec<BumpSeries>,
    /// Ranks below this are not drawn (a line leaving the chart ends there).
    pub max_rank: u32,
}

/// Draws one smooth line per entity through its rank markers (rank numbers inside), names at
/// the left of the first window and the right of the last, and a legend of entity types.
/// O(series x windows).
pub fn render_bump(chart: &BumpChart, size: Size) -> Result<Vec<u8>, RenderError> {
    let (png, ()) = render(size, |p| draw(p, chart))?;
    Ok(png)
}

fn draw(p: &Painter, c: &BumpChart) -> Result<(), RenderError> {
    let f = Frame::draw(p, &c.title, &c.subtitle, &c.note)?;
    let s = f.s;
    let legend = Legend::entity_types(c.series.iter().map(|sr| sr.kind), Swatch::Circle);
    let lh = legend.draw_rows(p, s, f.body.0, f.body.1 - 8.0 * s, f.body.2 - f.body.0)?;
    let nw = c.windows.len();
    let max_rank = c.max_rank.max(1);
    let shown = |r: Option<u32>| r.filter(|&r| r >= 1 && r <= max_rank);
    let wf = Font::new(font::LABEL * s, theme::INK)
        .bold()
        .align(HAlign::Center, VAlign::Top);
    let top = f.body.1 + lh + 16.0 * s;
    let y_top = top + wf.line_height() + 22.0 * s;
    let y_bottom = f.body.3 - 10.0 * s;
    let row = (y_bottom - y_top) / max_rank as f64;
    let lf = Font::new((font::LABEL * s).min(row * 0.62), theme::INK);
    let first = |sr: &BumpSeries| sr.ranks.first().copied().and_then(shown);
    let last = |sr: &BumpSeries| sr.ranks.get(nw.saturating_sub(1)).copied().and_then(shown);
    let cap = 0.2 * p.w;
    let width_of = |pick: &dyn Fn(&BumpSeries) -> Option<u32>| {
        c.series
            .iter()
            .filter(|sr| pick(sr).is_some())
            .map(|sr| p.text_width(&sr.label, &lf))
            .fold(0.0, f64::max)
            .min(cap)
    };
    let r = (row * 0.36).min(11.0 * s);
    let left_w = width_of(&first);
    let right_w = width_of(&last);
    let x0 = f.body.0 + left_w + r + 14.0 * s;
    let x1 = f.body.2 - right_w - r - 14.0 * s;
    let xs = |i: usize| {
        if nw <= 1 {
            (x0 + x1) / 2.0
        } else {
            x0 + (x1 - x0) * i as f64 / (nw - 1) as f64
        }
    };
    let ys = |rank: u32| y_top + (rank as f64 - 0.5) * row;
    for (i, w) in c.windows.iter().enumerate() {
        p.line(
            &[(xs(i), y_top - 6.0 * s), (xs(i), y_bottom)],
            theme::GRID,
            1.0,
            1.0,
        )?;
        let slot = if nw > 1 {
            (x1 - x0) / (nw - 1) as f64
        } else {
            x1 - x0
        };
        p.text(&p.fit_text(w, &wf, slot - 8.0 * s), xs(i), top, &wf)?;
    }
    // Lines first (smooth S-curves between consecutive windows), then markers on top.
    for sr in &c.series {
        let color = sr.kind.color();
        for i in 1..nw {
            let (Some(a), Some(b)) = (
                sr.ranks.get(i - 1).copied().and_then(shown),
                sr.ranks.get(i).copied().and_then(shown),
            ) else {
                continue;
            };
            let (xa, xb, ya, yb) = (xs(i - 1), xs(i), ys(a), ys(b));
            let pts: Vec<(f64, f64)> = (0..=20)
                .map(|k| {
                    let t = k as f64 / 20.0;
                    let e = t * t * (3.0 - 2.0 * t);
                    (xa + (xb - xa) * t, ya + (yb - ya) * e)
                })
                .collect();
            p.line(&pts, color, 0.9, (3.0 * s).min(r * 0.6))?;
        }
    }
    let nf_size = (r * 1.05).min(font::SMALL * s);
    for sr in &c.series {
        let color = sr.kind.color();
        let ink = theme::text_on(color);
        let nf = Font::new(nf_size, ink)
            .bold()
            .align(HAlign::Center, VAlign::Middle);
        for (i, rank) in sr.ranks.iter().enumerate().take(nw) {
            if let Some(rank) = shown(*rank) {
                let (x, y) = (xs(i), ys(rank));
                p.circle((x, y), r, color, 1.0, Some((theme::BACKGROUND, 1.2 * s)))?;
                if nf_size >= 7.0 {
                    p.text(&rank.to_string(), x, y, &nf)?;
                }
            }
        }
        if let Some(rank) = first(sr) {
            let font = lf.align(HAlign::Right, VAlign::Middle);
            p.text(
                &p.fit_text(&sr.label, &font, cap),
                xs(0) - r - 8.0 * s,
                ys(rank),
                &font,
            )?;
        }
        if nw > 1 {
            if let Some(rank) = last(sr) {
                let font = lf.align(HAlign::Left, VAlign::Middle);
                p.text(
                    &p.fit_text(&sr.label, &font, cap),
                    xs(nw - 1) + r + 8.0 * s,
                    ys(rank),
                    &font,
                )?;
            }
        }
    }
    Ok(())
}
