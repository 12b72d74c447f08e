//! Parts every figure shares: title block, foot note and legends.

use super::canvas::{BoxF, Font, HAlign, Painter, VAlign};
use super::theme::{self, font, EntityKind, Rgb};
use super::RenderError;

/// The figure's scale and outer box, computed once per chart.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Font and margin scale (1 at 1600 x 1200).
    pub s: f64,
    /// The area left for the chart body after title and note.
    pub body: BoxF,
}

impl Frame {
    /// Draws title, subtitle and note, and returns the frame with the remaining body box.
    pub fn draw(
        p: &Painter,
        title: &str,
        subtitle: &str,
        note: &str,
    ) -> Result<Frame, RenderError> {
        let s = theme::scale_for(p.w as u32, p.h as u32);
        let m = theme::MARGIN * s;
        let max_w = p.w - 2.0 * m;
        let tf = Font::new(font::TITLE * s, theme::INK)
            .bold()
            .align(HAlign::Left, VAlign::Top);
        let mut y = m;
        if !title.is_empty() {
            p.text(&p.fit_text(title, &tf, max_w), m, y, &tf)?;
            y += tf.size * 0.73 + 12.0 * s;
        }
        if !subtitle.is_empty() {
            let sf = Font::new(font::SUBTITLE * s, theme::MUTED).align(HAlign::Left, VAlign::Top);
            p.text(&p.fit_text(subtitle, &sf, max_w), m, y, &sf)?;
            y += sf.size * 0.73 + 8.0 * s;
        }
        let mut bottom = p.h - m;
        if !note.is_empty() {
            let nf = Font::new(font::NOTE * s, theme::MUTED).align(HAlign::Left, VAlign::Bottom);
            p.text(&p.fit_text(note, &nf, max_w), m, bottom, &nf)?;
            bottom -= nf.line_height() + 10.0 * s;
        }
        Ok(Frame {
            s,
            body: (m, y + 20.0 * s, p.w - m, bottom),
        })
    }
}

/// What a legend entry shows next to its label.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled circle (nodes).
    Circle(Rgb),
    /// A filled square (bars, cells).
    Square(Rgb),
    /// A line segment of the given width, with an arrowhead when `arrow` (arcs).
    Line { color: Rgb, width: f64, arrow: bool },
}

/// A legend: an optional header and entries.
#[derive(Debug, Clone, Default)]
pub(crate) struct Legend {
    pub header: String,
    pub entries: Vec<(Swatch, String)>,
}

impl Legend {
    /// The legend of the entity types present in `kinds` (each once, in the house order), with
    /// the swatch shape of the chart (`Swatch::Circle` for nodes, `Swatch::Square` for bars).
    pub fn entity_types(
        kinds: impl IntoIterator<Item = EntityKind>,
        swatch: fn(Rgb) -> Swatch,
    ) -> Legend {
        let mut kinds: Vec<EntityKind> = kinds.into_iter().collect();
        kinds.sort();
        kinds.dedup();
        Legend {
            header: "Entity type".to_string(),
            entries: kinds
                .iter()
                .map(|k| (swatch(k.color()), k.label().to_string()))
                .collect(),
        }
    }

    fn fonts(s: f64) -> (Font, Font) {
        (
            Font::new(font::AXIS_TITLE * s, theme::INK)
                .bold()
                .align(HAlign::Left, VAlign::Middle),
            Font::new(font::LABEL * s, theme::INK).align(HAlign::Left, VAlign::Middle),
        )
    }

    fn swatch_w(s: f64, sw: &Swatch) -> f64 {
        match sw {
            Swatch::Line { .. } => 30.0 * s,
            _ => 16.0 * s,
        }
    }

    /// Height of one row.
    fn row(s: f64) -> f64 {
        24.0 * s
    }

    /// Draws the legend as a column starting at `(x, y)`, at most `max_w` wide and `max_h`
    /// tall. Entries that do not fit are summarised as "+ k more". Returns the height used.
    pub fn draw_column(
        &self,
        p: &Painter,
        s: f64,
        x: f64,
        y: f64,
        max_w: f64,
        max_h: f64,
    ) -> Result<f64, RenderError> {
        let (hf, lf) = Self::fonts(s);
        let row = Self::row(s);
        let mut cy = y + row / 2.0;
        if !self.header.is_empty() {
            p.text(&p.fit_text(&self.header, &hf, max_w), x, cy, &hf)?;
            cy += row;
        }
        let fit = (((y + max_h - (cy - row / 2.0)) / row + 1e-9)
            .floor()
            .max(0.0) as usize)
            .min(self.entries.len());
        let shown = if fit < self.entries.len() {
            fit.saturating_sub(1)
        } else {
            fit
        };
        for (sw, label) in &self.entries[..shown] {
            let w = Self::swatch_w(s, sw);
            draw_swatch(p, s, sw, x, cy, w)?;
            let lx = x + w + 8.0 * s;
            p.text(&p.fit_text(label, &lf, max_w - (lx - x)), lx, cy, &lf)?;
            cy += row;
        }
        if shown < self.entries.len() && fit > 0 {
            let more = format!("+ {} more", self.entries.len() - shown);
            p.text(&more, x, cy, &lf.color(theme::MUTED))?;
            cy += row;
        }
        Ok(cy - row / 2.0 - y)
    }

    /// Width of the legend drawn as a column (the widest row).
    pub fn column_width(&self, p: &Painter, s: f64) -> f64 {
        let (hf, lf) = Self::fonts(s);
        let mut w = p.text_width(&self.header, &hf);
        for (sw, label) in &self.entries {
            w = w.max(Self::swatch_w(s, sw) + 8.0 * s + p.text_width(label, &lf));
        }
        w
    }

    /// Draws the legend as wrapped rows inside `width`, starting at `(x, y)`, header first on
    /// the same line. Returns the height used.
    pub fn draw_rows(
        &self,
        p: &Painter,
        s: f64,
        x: f64,
        y: f64,
        width: f64,
    ) -> Result<f64, RenderError> {
        self.rows(p, s, x, y, width, true)
    }

    fn rows(
        &self,
        p: &Painter,
        s: f64,
        x: f64,
        y: f64,
        width: f64,
        draw: bool,
    ) -> Result<f64, RenderError> {
        let (hf, lf) = Self::fonts(s);
        let row = Self::row(s);
        let gap = 22.0 * s;
        let (mut cx, mut cy) = (x, y + row / 2.0);
        if !self.header.is_empty() {
            if draw {
                p.text(&self.header, cx, cy, &hf)?;
            }
            cx += p.text_width(&self.header, &hf) + 14.0 * s;
        }
        for (sw, label) in &self.entries {
            let w = Self::swatch_w(s, sw);
            let item = w + 8.0 * s + p.text_width(label, &lf);
            if cx + item > x + width && cx > x {
                cx = x;
                cy += row;
            }
            if draw {
                draw_swatch(p, s, sw, cx, cy, w)?;
                p.text(label, cx + w + 8.0 * s, cy, &lf)?;
            }
            cx += item + gap;
        }
        Ok(cy + row / 2.0 - y)
    }
}

/// Draws a swatch whose left edge is `x`, vertically centred on `cy`.
fn draw_swatch(
    p: &Painter,
    s: f64,
    sw: &Swatch,
    x: f64,
    cy: f64,
    w: f64,
) -> Result<(), RenderError> {
    match *sw {
        Swatch::Circle(c) => p.circle((x + w / 2.0, cy), 7.0 * s, c, 1.0, None),
        Swatch::Square(c) => p.rect(
            (x + 1.0 * s, cy - 7.0 * s, x + 15.0 * s, cy + 7.0 * s),
            c,
            1.0,
        ),
        Swatch::Line {
            color,
            width,
            arrow,
        } => {
            let width = width * s;
            let end = if arrow { x + w - 8.0 * s } else { x + w };
            p.line(&[(x, cy), (end, cy)], color, 1.0, width)?;
            if arrow {
                let (hl, hw) = (9.0 * s, 4.5 * s);
                p.polygon(
                    &[(x + w, cy), (x + w - hl, cy - hw), (x + w - hl, cy + hw)],
                    color,
                    1.0,
                )?;
            }
            Ok(())
        }
    }
}

/// Formats a count with thousands separators: `12345` -> `"12,345"`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2000), "2,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
