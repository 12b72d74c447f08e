//! The bloc heatmap: hostile and supportive relations between groups (blocs, communities or
//! entity types) as two matrices side by side, each cell shaded by its value and annotated.

use super::axis::format_value;
use super::canvas::{render, Font, HAlign, Painter, VAlign};
use super::frame::Frame;
use super::theme::{self, font, Sign};
use super::{RenderError, Size};

/// Input of [`render_heatmap`]. Row `i` is the source group `groups[i]`, column `j` the target
/// group `groups[j]`; missing cells of ragged matrices count as zero.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeatmapChart {
    /// Figure title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Foot note (may be empty).
    pub note: String,
    /// Group names, for rows and columns.
    pub groups: Vec<String>,
    /// Hostile relation counts (or weights) from row group to column group.
    pub hostile: Vec<Vec<f64>>,
    /// Supportive relation counts (or weights).
    pub supportive: Vec<Vec<f64>>,
    /// What the values are, e.g. "relations" or "total weight"; used in the colour scale
    /// captions ("Hostile relations").
    pub value_label: String,
    /// Row axis title; "From" when empty.
    pub row_title: String,
    /// Column axis title; "To" when empty.
    pub col_title: String,
}

/// Draws the two matrices with shared row labels, column labels under each (rotated when they do
/// not fit the cell width) and a colour scale under each. O(groups^2).
pub fn render_heatmap(chart: &HeatmapChart, size: Size) -> Result<Vec<u8>, RenderError> {
    let (png, ()) = render(size, |p| draw(p, chart))?;
    Ok(png)
}

fn cell(m: &[Vec<f64>], i: usize, j: usize) -> f64 {
    match m.get(i).and_then(|r| r.get(j)) {
        Some(&v) if v.is_finite() && v > 0.0 => v,
        _ => 0.0,
    }
}

fn draw(p: &Painter, c: &HeatmapChart) -> Result<(), RenderError> {
    let f = Frame::draw(p, &c.title, &c.subtitle, &c.note)?;
    let s = f.s;
    let n = c.groups.len();
    let lf = Font::new(font::LABEL * s, theme::INK);
    let af = Font::new(font::AXIS_TITLE * s, theme::INK);
    let row_title = if c.row_title.is_empty() {
        "From"
    } else {
        &c.row_title
    };
    let col_title = if c.col_title.is_empty() {
        "To"
    } else {
        &c.col_title
    };
    let max_label = c
        .groups
        .iter()
        .map(|g| p.text_width(g, &lf))
        .fold(0.0, f64::max);
    let row_label_w = max_label.min(0.2 * p.w);
    let left = f.body.0 + af.line_height() + 12.0 * s + row_label_w + 10.0 * s;
    let gap = 56.0 * s;
    let panel_title_h = font::PANEL * s * 0.73 + 14.0 * s;
    let top = f.body.1 + panel_title_h;
    let scale_h = 12.0 * s + 10.0 * s + lf.line_height() * 2.0 + 8.0 * s;
    let col_title_h = af.line_height() + 10.0 * s;
    // Try horizontal column labels; fall back to rotated ones if cells are too narrow.
    let size_for = |label_h: f64| {
        let mh = f.body.3 - top - label_h - col_title_h - scale_h;
        let mw = (f.body.2 - left - gap) / 2.0;
        (mw.min(mh) / n.max(1) as f64).max(1.0)
    };
    let horizontal_h = lf.line_height() + 8.0 * s;
    let rotated_h = max_label.min(0.2 * p.h) + 8.0 * s;
    let mut cell_sz = size_for(horizontal_h);
    let horizontal = max_label <= cell_sz - 6.0 * s;
    let label_h = if horizontal {
        horizontal_h
    } else {
        cell_sz = size_for(rotated_h);
        rotated_h
    };
    let side = cell_sz * n as f64;
    // Row title and labels, shared by both panels.
    let rt = af.align(HAlign::Center, VAlign::Top);
    p.text_up(row_title, f.body.0, top + side / 2.0, &rt)?;
    let rf = Font {
        size: (font::LABEL * s).min(cell_sz * 0.6),
        ..lf.align(HAlign::Right, VAlign::Middle)
    };
    for (i, g) in c.groups.iter().enumerate() {
        let y = top + (i as f64 + 0.5) * cell_sz;
        p.text(&p.fit_text(g, &rf, row_label_w), left - 10.0 * s, y, &rf)?;
    }
    for (k, (sign, m)) in [
        (Sign::Hostile, &c.hostile),
        (Sign::Supportive, &c.supportive),
    ]
    .into_iter()
    .enumerate()
    {
        let x0 = left + k as f64 * (side + gap);
        let max = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .map(|(i, j)| cell(m, i, j))
            .fold(0.0, f64::max);
        let caption = if c.value_label.is_empty() {
            sign.label().to_string()
        } else {
            format!("{} {}", sign.label(), c.value_label)
        };
        let pf = Font::new(font::PANEL * s, theme::INK)
            .bold()
            .align(HAlign::Left, VAlign::Top);
        p.text(&p.fit_text(&caption, &pf, side), x0, f.body.1, &pf)?;
        let vf_size = (font::SMALL * s).min(cell_sz * 0.36);
        for i in 0..n {
            for j in 0..n {
                let v = cell(m, i, j);
                let color = theme::ramp(sign, if max > 0.0 { v / max } else { 0.0 });
                let (cx0, cy0) = (x0 + j as f64 * cell_sz, top + i as f64 * cell_sz);
                let inset = (0.75 * s).min(cell_sz * 0.1);
                p.rect(
                    (
                        cx0 + inset,
                        cy0 + inset,
                        cx0 + cell_sz - inset,
                        cy0 + cell_sz - inset,
                    ),
                    color,
                    1.0,
                )?;
                if vf_size >= 7.0 {
                    let ink = theme::text_on(color);
                    let ink = if v == 0.0 { theme::AXIS } else { ink };
                    let vf = Font::new(vf_size, ink).align(HAlign::Center, VAlign::Middle);
                    let text = format_value(v);
                    if p.text_width(&text, &vf) <= cell_sz - 4.0 * s {
                        p.text(&text, cx0 + cell_sz / 2.0, cy0 + cell_sz / 2.0, &vf)?;
                    }
                }
            }
        }
        // Column labels.
        let cf = Font {
            size: rf.size,
            ..lf
        };
        for (j, g) in c.groups.iter().enumerate() {
            let x = x0 + (j as f64 + 0.5) * cell_sz;
            let y = top + side + 8.0 * s;
            if horizontal {
                let hf = cf.align(HAlign::Center, VAlign::Top);
                p.text(&p.fit_text(g, &hf, cell_sz - 4.0 * s), x, y, &hf)?;
            } else {
                let vf = cf.align(HAlign::Right, VAlign::Middle);
                p.text_up(&p.fit_text(g, &vf, label_h - 8.0 * s), x, y, &vf)?;
            }
        }
        let y = top + side + label_h + 4.0 * s;
        p.text(
            col_title,
            x0 + side / 2.0,
            y,
            &af.align(HAlign::Center, VAlign::Top),
        )?;
        colour_scale(
            p,
            s,
            sign,
            max,
            x0,
            y + col_title_h + 6.0 * s,
            side.min(320.0 * s),
        )?;
    }
    Ok(())
}

/// A horizontal gradient from 0 to `max` with its end values.
fn colour_scale(
    p: &Painter,
    s: f64,
    sign: Sign,
    max: f64,
    x0: f64,
    y: f64,
    w: f64,
) -> Result<(), RenderError> {
    let steps = 64;
    let h = 12.0 * s;
    for k in 0..steps {
        let t = (k as f64 + 0.5) / steps as f64;
        let (a, b) = (
            x0 + w * k as f64 / steps as f64,
            x0 + w * (k + 1) as f64 / steps as f64,
        );
        p.rect((a, y, b + 0.5, y + h), theme::ramp(sign, t), 1.0)?;
    }
    let tf = Font::new(font::SMALL * s, theme::MUTED);
    p.text(
        "0",
        x0,
        y + h + 6.0 * s,
        &tf.align(HAlign::Left, VAlign::Top),
    )?;
    p.text(
        &format_value(max),
        x0 + w,
        y + h + 6.0 * s,
        &tf.align(HAlign::Right, VAlign::Top),
    )
}
