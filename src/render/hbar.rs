//! A panel of horizontal (optionally stacked) bars with category names on the left, value labels
//! at the bar ends and a value axis underneath: the body of the bar and community charts.

use super::axis::{self, Linear};
use super::canvas::{BoxF, Font, HAlign, Painter, VAlign};
use super::theme::{self, font, Rgb};
use super::RenderError;

/// One bar: its name, its segments (colour, length) from left to right, and the text shown at
/// its end.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub label: String,
    pub segments: Vec<(Rgb, f64)>,
    pub value_text: String,
}

/// Draws a panel of `rows` (top to bottom) inside `area`. Values must be non-negative; others
/// are drawn as zero. Segments of stacked bars show their own value when it fits inside.
pub(crate) fn draw_panel(
    p: &Painter,
    s: f64,
    area: BoxF,
    title: &str,
    axis_title: &str,
    rows: &[Row],
) -> Result<(), RenderError> {
    let mut top = area.1;
    if !title.is_empty() {
        let tf = Font::new(font::PANEL * s, theme::INK)
            .bold()
            .align(HAlign::Left, VAlign::Top);
        p.text(&p.fit_text(title, &tf, area.2 - area.0), area.0, top, &tf)?;
        top += tf.size * 0.73 + 16.0 * s;
    }
    let axis_h = axis::x_value_axis_height(s, !axis_title.is_empty()) + 6.0 * s;
    let n = rows.len().max(1) as f64;
    let row_h = ((area.3 - axis_h - top) / n).min(60.0 * s).max(1.0);
    let size = (font::LABEL * s).min(row_h * 0.62);
    let nf = Font::new(size, theme::INK).align(HAlign::Right, VAlign::Middle);
    let vf = Font::new(size, theme::MUTED).align(HAlign::Left, VAlign::Middle);
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let total = |r: &Row| r.segments.iter().map(|&(_, v)| clean(v)).sum::<f64>();
    let name_w = rows
        .iter()
        .map(|r| p.text_width(&r.label, &nf))
        .fold(0.0, f64::max)
        .min(0.42 * (area.2 - area.0));
    let value_w = rows
        .iter()
        .map(|r| p.text_width(&r.value_text, &vf))
        .fold(0.0, f64::max);
    let (bx0, bx1) = (area.0 + name_w + 10.0 * s, area.2 - value_w - 10.0 * s);
    let max = rows.iter().map(total).fold(0.0, f64::max);
    let target = (((bx1 - bx0) / (90.0 * s)) as usize).clamp(2, 8);
    let (ticks, end) = axis::ticks_from_zero(max, target);
    let step = ticks.get(1).copied().unwrap_or(1.0);
    let scale = Linear {
        d0: 0.0,
        d1: end,
        r0: bx0,
        r1: bx1,
    };
    let y_axis = top + n * row_h + 4.0 * s;
    let labels: Vec<String> = ticks.iter().map(|&t| axis::format_tick(t, step)).collect();
    axis::x_value_axis(p, s, &scale, &ticks, &labels, top, y_axis, axis_title)?;
    let thick = row_h * 0.7;
    for (i, r) in rows.iter().enumerate() {
        let cy = top + (i as f64 + 0.5) * row_h;
        let mut x = bx0;
        let stacked = r.segments.len() > 1;
        for &(c, v) in &r.segments {
            let w = scale.map(clean(v)) - bx0;
            if w > 0.0 {
                p.rect((x, cy - thick / 2.0, x + w, cy + thick / 2.0), c, 1.0)?;
                if stacked {
                    // The segment's own value, inside it when it fits.
                    let ink = theme::text_on(c);
                    let sf = Font::new(size * 0.9, ink).align(HAlign::Center, VAlign::Middle);
                    let text = axis::format_value(clean(v));
                    if p.text_width(&text, &sf) + 8.0 * s <= w && sf.line_height() <= thick {
                        p.text(&text, x + w / 2.0, cy, &sf)?;
                    }
                }
                if stacked && x > bx0 {
                    // A hairline separates adjacent segments of similar colours.
                    p.rect(
                        (x - 0.5 * s, cy - thick / 2.0, x + 0.5 * s, cy + thick / 2.0),
                        theme::BACKGROUND,
                        1.0,
                    )?;
                }
                x += w;
            }
        }
        p.text(&r.value_text, x + 6.0 * s, cy, &vf)?;
        p.text(&p.fit_text(&r.label, &nf, name_w), bx0 - 10.0 * s, cy, &nf)?;
    }
    p.line(&[(bx0, top), (bx0, y_axis)], theme::AXIS, 1.0, 1.0)?;
    Ok(())
}
