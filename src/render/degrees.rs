//! Complementary cumulative degree distributions, P(K >= k), on log-log axes: the standard way
//! to show heavy-tailed degrees (Clauset, Shalizi & Newman 2009, SIAM Review 51(4)), where a
//! histogram would be dominated by noise in the tail.

use super::axis::Log10;
use super::canvas::{render, Font, HAlign, Painter, VAlign};
use super::frame::{thousands, Frame, Legend, Swatch};
use super::theme::{self, font};
use super::{RenderError, Size};

/// One distribution, e.g. the in-degrees of all nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct DegreeSeries {
    /// Legend label, e.g. "In-degree".
    pub label: String,
    /// The degree of every node (zeros included: they count in the total but cannot be drawn
    /// on a log axis).
    pub degrees: Vec<u64>,
}

/// Input of [`render_degrees`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DegreesChart {
    /// Figure title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Foot note; the chart appends how many zero degrees each series has.
    pub note: String,
    /// Series, coloured in the categorical palette order (in-degree blue, out-degree orange
    /// when given in that order).
    pub series: Vec<DegreeSeries>,
}

/// The CCDF points `(k, P(K >= k))` for each distinct degree `k >= 1`. O(n log n).
pub fn ccdf(degrees: &[u64]) -> Vec<(u64, f64)> {
    let n = degrees.len();
    let mut d: Vec<u64> = degrees.iter().copied().filter(|&k| k > 0).collect();
    d.sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let k = d[i];
        // Nodes with degree >= k: all from position i on.
        out.push((k, (d.len() - i) as f64 / n as f64));
        while i < d.len() && d[i] == k {
            i += 1;
        }
    }
    out
}

/// Draws each series as a line through its markers (one per distinct degree), on decade-gridded log-log axes.
/// O(n log n) per series.
pub fn render_degrees(chart: &DegreesChart, size: Size) -> Result<Vec<u8>, RenderError> {
    let (png, ()) = render(size, |p| draw(p, chart))?;
    Ok(png)
}

/// `10^e` as a label: plain numbers from 0.001 to 10,000, powers of ten beyond.
fn decade_label(e: i32) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    match e {
        0..=4 => thousands(10u64.pow(e as u32)),
        -3..=-1 => format!("{:.*}", (-e) as usize, 10f64.powi(e)),
        _ => {
            let digits: String = e
                .unsigned_abs()
                .to_string()
                .chars()
                .map(|c| SUP[c as usize - '0' as usize])
                .collect();
            format!("10{}{}", if e < 0 { "⁻" } else { "" }, digits)
        }
    }
}

fn draw(p: &Painter, c: &DegreesChart) -> Result<(), RenderError> {
    let zeros: Vec<String> = c
        .series
        .iter()
        .map(|sr| {
            let z = sr.degrees.iter().filter(|&&k| k == 0).count();
            format!(
                "{}: {} of {} nodes have degree 0",
                sr.label,
                thousands(z as u64),
                thousands(sr.degrees.len() as u64)
            )
        })
        .collect();
    let mut note = c.note.clone();
    if !zeros.is_empty() {
        let z = format!("Not drawn on log axes — {}.", zeros.join("; "));
        note = if note.is_empty() {
            z
        } else {
            format!("{note} {z}")
        };
    }
    let f = Frame::draw(p, &c.title, &c.subtitle, &note)?;
    let s = f.s;
    let curves: Vec<Vec<(u64, f64)>> = c.series.iter().map(|sr| ccdf(&sr.degrees)).collect();
    let legend = Legend {
        header: String::new(),
        entries: c
            .series
            .iter()
            .enumerate()
            .map(|(i, sr)| {
                (
                    Swatch::Line {
                        color: theme::community_color(i),
                        width: 2.5,
                        arrow: false,
                    },
                    sr.label.clone(),
                )
            })
            .collect(),
    };
    let kmax = curves
        .iter()
        .flatten()
        .map(|&(k, _)| k)
        .max()
        .unwrap_or(10)
        .max(10);
    let pmin = curves
        .iter()
        .flatten()
        .map(|&(_, q)| q)
        .fold(1.0, f64::min)
        .min(0.1);
    let (ex0, ex1) = (0, (kmax as f64).log10().ceil() as i32);
    let (ey0, ey1) = (pmin.log10().floor() as i32, 0);
    let lf = Font::new(font::LABEL * s, theme::MUTED);
    let af = Font::new(font::AXIS_TITLE * s, theme::INK);
    let tick_w = (ey0..=ey1)
        .map(|e| p.text_width(&decade_label(e), &lf))
        .fold(0.0, f64::max);
    let x0 = f.body.0 + af.line_height() + 12.0 * s + tick_w + 10.0 * s;
    let x1 = f.body.2 - 20.0 * s;
    let y_top = f.body.1 + 10.0 * s;
    let y0 = f.body.3 - (8.0 * s + lf.line_height() + 10.0 * s + af.line_height());
    let sx = Log10 {
        d0: 10f64.powi(ex0),
        d1: 10f64.powi(ex1),
        r0: x0,
        r1: x1,
    };
    let sy = Log10 {
        d0: 10f64.powi(ey0),
        d1: 10f64.powi(ey1),
        r0: y0,
        r1: y_top,
    };
    // Grid: decades solid, 2..9 minor lines fainter.
    for e in ex0..=ex1 {
        for m in 1..10 {
            let v = m as f64 * 10f64.powi(e);
            if v > sx.d1 * 1.0001 {
                break;
            }
            let x = sx.map(v);
            let color = if m == 1 {
                theme::GRID
            } else {
                theme::GRID.mix(theme::BACKGROUND, 0.55)
            };
            p.line(&[(x, y_top), (x, y0)], color, 1.0, 1.0)?;
        }
        let x = sx.map(10f64.powi(e));
        p.text(
            &decade_label(e),
            x,
            y0 + 8.0 * s,
            &lf.align(HAlign::Center, VAlign::Top),
        )?;
    }
    for e in ey0..=ey1 {
        for m in 1..10 {
            let v = m as f64 * 10f64.powi(e);
            if v > sy.d1 * 1.0001 {
                break;
            }
            let y = sy.map(v);
            let color = if m == 1 {
                theme::GRID
            } else {
                theme::GRID.mix(theme::BACKGROUND, 0.55)
            };
            p.line(&[(x0, y), (x1, y)], color, 1.0, 1.0)?;
        }
        let y = sy.map(10f64.powi(e));
        p.text(
            &decade_label(e),
            x0 - 8.0 * s,
            y,
            &lf.align(HAlign::Right, VAlign::Middle),
        )?;
    }
    p.line(&[(x0, y_top), (x0, y0), (x1, y0)], theme::AXIS, 1.0, 1.0)?;
    let xt = y0 + 8.0 * s + lf.line_height() + 10.0 * s;
    p.text(
        "Degree k",
        (x0 + x1) / 2.0,
        xt,
        &af.align(HAlign::Center, VAlign::Top),
    )?;
    p.text_up(
        "P(K ≥ k)",
        f.body.0,
        (y0 + y_top) / 2.0,
        &af.align(HAlign::Center, VAlign::Top),
    )?;
    for (i, pts) in curves.iter().enumerate() {
        let color = theme::community_color(i);
        let line: Vec<(f64, f64)> = pts
            .iter()
            .map(|&(k, q)| (sx.map(k as f64), sy.map(q)))
            .collect();
        p.line(&line, color, 0.9, 2.0 * s)?;
        for &(k, q) in pts {
            p.circle(
                (sx.map(k as f64), sy.map(q)),
                3.2 * s,
                color,
                1.0,
                Some((theme::BACKGROUND, 0.8 * s)),
            )?;
        }
    }
    // Legend in the top-right corner of the plot, on a white box.
    let lw = legend.column_width(p, s);
    let lx = x1 - lw - 16.0 * s;
    let lh = c.series.len() as f64 * 24.0 * s;
    p.rect(
        (
            lx - 10.0 * s,
            y_top + 6.0 * s,
            x1 - 6.0 * s,
            y_top + 16.0 * s + lh,
        ),
        theme::BACKGROUND,
        0.92,
    )?;
    legend.draw_column(p, s, lx, y_top + 10.0 * s, lw, lh + 4.0 * s)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ccdf_counts_at_least_k() {
        let pts = ccdf(&[0, 1, 1, 2, 5]);
        assert_eq!(pts, vec![(1, 0.8), (2, 0.4), (5, 0.2)]);
        assert!(ccdf(&[]).is_empty());
    }

    #[test]
    fn decade_labels() {
        assert_eq!(decade_label(0), "1");
        assert_eq!(decade_label(3), "1,000");
        assert_eq!(decade_label(-2), "0.01");
        assert_eq!(decade_label(-4), "10⁻⁴");
        assert_eq!(decade_label(6), "10⁶");
    }
}
