//! Scales, "nice" tick values, number formatting and axis drawing shared by the charts.

use super::canvas::{Font, HAlign, Painter, VAlign};
use super::frame::thousands;
use super::theme::{self, font};
use super::RenderError;

/// A linear map from data `[d0, d1]` to pixels `[r0, r1]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// A base-10 logarithmic map from positive data `[d0, d1]` to pixels `[r0, r1]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Log10 {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Log10 {
    pub fn map(&self, v: f64) -> f64 {
        let (a, b) = (self.d0.log10(), self.d1.log10());
        if a == b {
            return self.r0;
        }
        self.r0 + (v.max(self.d0).log10() - a) / (b - a) * (self.r1 - self.r0)
    }
}

/// The 1-2-5 step giving about `target` intervals over `span`.
pub(crate) fn nice_step(span: f64, target: usize) -> f64 {
    if !(span > 0.0 && span.is_finite()) {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Ticks from 0 to the first multiple of the step at or above `max`: returns the ticks and the
/// rounded-up maximum, which becomes the end of the axis.
pub(crate) fn ticks_from_zero(max: f64, target: usize) -> (Vec<f64>, f64) {
    let max = if max > 0.0 && max.is_finite() {
        max
    } else {
        1.0
    };
    let step = nice_step(max, target);
    let top = (max / step - 1e-9).ceil() * step;
    let n = (top / step).round() as usize;
    ((0..=n).map(|i| i as f64 * step).collect(), top)
}

/// Formats a tick value knowing the step between ticks (enough decimals to tell them apart).
pub(crate) fn format_tick(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
            + usize::from((step / 10f64.powf(step.log10().floor()) - 2.5).abs() < 1e-9)
    };
    format_fixed(v, decimals)
}

/// Formats a data value for an annotation: three significant digits, thousands separators for
/// large values, scientific notation for tiny ones.
pub(crate) fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let a = v.abs();
    if a == 0.0 {
        "0".to_string()
    } else if a >= 1000.0 {
        format_fixed(v, 0)
    } else if a >= 1e-3 {
        let digits = (2 - a.log10().floor() as i32).max(0) as usize;
        let s = format_fixed(v, digits);
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    } else {
        format!("{v:.1e}")
    }
}

/// Fixed-point formatting with thousands separators in the integer part.
fn format_fixed(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s.clone(), String::new()),
    };
    let int = int.parse::<u64>().map(thousands).unwrap_or(int);
    let neg = v < 0.0 && s.chars().any(|c| c != '0' && c != '.');
    format!("{}{}{}", if neg { "−" } else { "" }, int, frac)
}

/// Draws vertical grid lines and tick labels for a horizontal value axis: labels below `y0`,
/// grid from `y_top` to `y0`, and the axis title centred under the labels. Labels that would
/// collide with the previous one are skipped.
#[allow(clippy::too_many_arguments)]
pub(crate) fn x_value_axis(
    p: &Painter,
    s: f64,
    scale: &Linear,
    ticks: &[f64],
    labels: &[String],
    y_top: f64,
    y0: f64,
    title: &str,
) -> Result<(), RenderError> {
    let tf = Font::new(font::LABEL * s, theme::MUTED).align(HAlign::Center, VAlign::Top);
    let mut last_right = f64::NEG_INFINITY;
    for (t, label) in ticks.iter().zip(labels) {
        let x = scale.map(*t);
        p.line(&[(x, y_top), (x, y0)], theme::GRID, 1.0, 1.0)?;
        let b = p.text_box(label, x, y0 + 8.0 * s, &tf);
        if b.0 > last_right + 6.0 * s && b.2 <= p.w {
            p.text(label, x, y0 + 8.0 * s, &tf)?;
            last_right = b.2;
        }
    }
    p.line(&[(scale.r0, y0), (scale.r1, y0)], theme::AXIS, 1.0, 1.0)?;
    if !title.is_empty() {
        let af = Font::new(font::AXIS_TITLE * s, theme::INK).align(HAlign::Center, VAlign::Top);
        let y = y0 + 8.0 * s + tf.line_height() + 8.0 * s;
        p.text(title, (scale.r0 + scale.r1) / 2.0, y, &af)?;
    }
    Ok(())
}

/// Height below the axis line that [`x_value_axis`] uses for labels and title.
pub(crate) fn x_value_axis_height(s: f64, has_title: bool) -> f64 {
    let tick = 8.0 * s + (0.8 + 0.236) * font::LABEL * s;
    if has_title {
        tick + 8.0 * s + (0.8 + 0.236) * font::AXIS_TITLE * s
    } else {
        tick
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks() {
        assert_eq!(nice_step(10.0, 5), 2.0);
        assert_eq!(nice_step(0.9, 5), 0.2);
        let (t, top) = ticks_from_zero(0.083, 5);
        assert!((top - 0.1).abs() < 1e-12, "{top}");
        assert_eq!(t.len(), 6);
        assert_eq!(ticks_from_zero(0.0, 5).1, 1.0);
    }

    #[test]
    fn formats() {
        assert_eq!(format_tick(0.05, 0.025), "0.050");
        assert_eq!(format_tick(0.4, 0.2), "0.4");
        assert_eq!(format_tick(2000.0, 500.0), "2,000");
        assert_eq!(format_value(0.012345), "0.0123");
        assert_eq!(format_value(1.5), "1.5");
        assert_eq!(format_value(123.4), "123");
        assert_eq!(format_value(45678.9), "45,679");
        assert_eq!(format_value(0.00001234), "1.2e-5");
        assert_eq!(format_value(-2.0), "−2");
    }
}
