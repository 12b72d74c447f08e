//! Relations per period (day or month) as stacked bars by relation type, with labelled vertical
//! markers for events (an election, a leak, a sanction) so that spikes can be read against them.

use super::axis::{self, Linear};
use super::canvas::{overlaps, render, BoxF, Font, HAlign, Painter, VAlign};
use super::frame::{Frame, Legend, Swatch};
use super::theme::{self, font};
use super::{RenderError, Size};

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31.
    pub day: u32,
}

impl Date {
    /// The date `year-month-day`.
    pub fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (Hinnant's `days_from_civil`), for any date; out-of-range months
    /// and days are clamped.
    pub fn days(self) -> i64 {
        let m = self.month.clamp(1, 12) as i64;
        let d = self.day.clamp(1, 31) as i64;
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// The length of the periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One bar per day.
    Day,
    /// One bar per calendar month.
    Month,
}

/// One bar: the period's first day and one count per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// First day of the period (for months, day 1).
    pub start: Date,
    /// Count (or weight) per series, in the order of [`TimelineChart::series`].
    pub counts: Vec<f64>,
}

/// A dated event drawn as a labelled vertical marker.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    /// When it happened.
    pub date: Date,
    /// Short label.
    pub label: String,
}

/// Input of [`render_timeline`].
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart {
    /// Figure title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Foot note (may be empty).
    pub note: String,
    /// Period length.
    pub granularity: Granularity,
    /// Series names (relation types), in stacking order from the bottom.
    pub series: Vec<String>,
    /// Consecutive periods in time order (gaps are drawn as empty slots only if given).
    pub periods: Vec<Period>,
    /// Events; those outside the periods are not drawn.
    pub events: Vec<TimelineEvent>,
    /// Value axis title, e.g. "Relations per month".
    pub y_label: String,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(m: u32) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// Draws the stacked bars, a value axis with grid, date labels thinned to avoid overlap, a
/// legend of series and the event markers with labels staggered over up to six rows (an event
/// whose label finds no free place keeps its marker).
/// O(periods x series + events^2).
pub fn render_timeline(chart: &TimelineChart, size: Size) -> Result<Vec<u8>, RenderError> {
    let (png, ()) = render(size, |p| draw(p, chart))?;
    Ok(png)
}

fn draw(p: &Painter, c: &TimelineChart) -> Result<(), RenderError> {
    let f = Frame::draw(p, &c.title, &c.subtitle, &c.note)?;
    let s = f.s;
    let legend = Legend {
        header: "Relation type".to_string(),
        entries: c
            .series
            .iter()
            .enumerate()
            .map(|(i, name)| (Swatch::Square(theme::community_color(i)), name.clone()))
            .collect(),
    };
    let lh = legend.draw_rows(p, s, f.body.0, f.body.1 - 8.0 * s, f.body.2 - f.body.0)?;
    let lf = Font::new(font::LABEL * s, theme::MUTED);
    let af = Font::new(font::AXIS_TITLE * s, theme::INK);
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let totals: Vec<f64> = c
        .periods
        .iter()
        .map(|pd| pd.counts.iter().map(|&v| clean(v)).sum())
        .collect();
    let (ticks, top_v) = axis::ticks_from_zero(totals.iter().copied().fold(0.0, f64::max), 6);
    let step = ticks.get(1).copied().unwrap_or(1.0);
    let tick_labels: Vec<String> = ticks.iter().map(|&t| axis::format_tick(t, step)).collect();
    let tick_w = tick_labels
        .iter()
        .map(|t| p.text_width(t, &lf))
        .fold(0.0, f64::max);
    let x0 = f.body.0 + af.line_height() + 12.0 * s + tick_w + 10.0 * s;
    let x1 = f.body.2 - 10.0 * s;
    let n = c.periods.len().max(1);
    let slot = (x1 - x0) / n as f64;
    let xs = |i: f64| x0 + i * slot;

    // Event labels: staggered rows above the plot.
    let ef = Font::new(font::SMALL * s, theme::INK).align(HAlign::Left, VAlign::Middle);
    let row_h = ef.line_height() + 6.0 * s;
    let mut placed: Vec<(f64, usize, String, BoxF, Font)> = Vec::new();
    let mut events: Vec<(f64, &TimelineEvent)> = c
        .events
        .iter()
        .filter_map(|e| event_x(c, e.date).map(|t| (xs(t), e)))
        .collect();
    events.sort_by(|a, b| a.0.total_cmp(&b.0));
    let rows = 6usize;
    let mut markers: Vec<f64> = Vec::new();
    'events: for (x, e) in &events {
        markers.push(*x);
        let text = p.fit_text(&e.label, &ef, 0.4 * (x1 - x0));
        for row in 0..rows {
            let y = row as f64 * row_h;
            // To the right of the marker, else to its left.
            for (font, tx) in [
                (ef, x + 6.0 * s),
                (ef.align(HAlign::Right, VAlign::Middle), x - 6.0 * s),
            ] {
                let b = p.text_box(&text, tx, y, &font);
                let padded = (b.0 - 6.0 * s, b.1, b.2 + 6.0 * s, b.3);
                let inside = b.0 >= f.body.0 && b.2 <= f.body.2;
                if inside && !placed.iter().any(|q| q.1 == row && overlaps(q.3, padded)) {
                    placed.push((*x, row, text.clone(), padded, font));
                    continue 'events;
                }
            }
        }
    }
    let used_rows = placed.iter().map(|q| q.1 + 1).max().unwrap_or(0);
    let events_top = f.body.1 + lh + 14.0 * s;
    let y_top = events_top + used_rows as f64 * row_h + 8.0 * s;
    let x_axis_h = 8.0 * s + lf.line_height() * 2.0 + 6.0 * s;
    let y0 = f.body.3 - x_axis_h;
    let scale = Linear {
        d0: 0.0,
        d1: top_v,
        r0: y0,
        r1: y_top,
    };

    // Grid and value axis.
    let tf = lf.align(HAlign::Right, VAlign::Middle);
    for (t, label) in ticks.iter().zip(&tick_labels) {
        let y = scale.map(*t);
        p.line(&[(x0, y), (x1, y)], theme::GRID, 1.0, 1.0)?;
        p.text(label, x0 - 8.0 * s, y, &tf)?;
    }
    p.text_up(
        &c.y_label,
        f.body.0,
        (y0 + y_top) / 2.0,
        &af.align(HAlign::Center, VAlign::Top),
    )?;

    // Stacked bars.
    let bw = slot * 0.78;
    for (i, pd) in c.periods.iter().enumerate() {
        let cx = xs(i as f64 + 0.5);
        let mut acc = 0.0;
        for (k, &v) in pd.counts.iter().enumerate().take(c.series.len()) {
            let v = clean(v);
            if v > 0.0 {
                let (ya, yb) = (scale.map(acc), scale.map(acc + v));
                p.rect(
                    (cx - bw / 2.0, yb, cx + bw / 2.0, ya),
                    theme::community_color(k),
                    1.0,
                )?;
                acc += v;
            }
        }
    }
    p.line(&[(x0, y0), (x1, y0)], theme::AXIS, 1.0, 1.0)?;
    date_axis(p, s, c, x0, slot, y0)?;

    // Event markers over the bars (to the plot top, or up to their label), then the labels.
    for &x in &markers {
        if !placed.iter().any(|q| q.0 == x) {
            p.dashed((x, y_top), (x, y0), theme::INK, 1.0 * s, 4.0 * s)?;
        }
    }
    for (x, row, text, _, font) in &placed {
        let ly = events_top + (*row as f64 + 0.5) * row_h;
        p.dashed((*x, ly), (*x, y0), theme::INK, 1.0 * s, 4.0 * s)?;
        p.circle((*x, ly), 2.5 * s, theme::INK, 1.0, None)?;
        let tx = if font.h == HAlign::Left {
            x + 6.0 * s
        } else {
            x - 6.0 * s
        };
        p.text_halo(text, tx, ly, font, theme::BACKGROUND, 2.0 * s)?;
    }
    Ok(())
}

/// Fractional slot position of `date` among the periods, or `None` outside them.
fn event_x(c: &TimelineChart, date: Date) -> Option<f64> {
    let d = date.days();
    let starts: Vec<i64> = c.periods.iter().map(|pd| pd.start.days()).collect();
    let i = starts.iter().rposition(|&st| st <= d)?;
    let end = match starts.get(i + 1) {
        Some(&e) => e,
        None => match c.granularity {
            Granularity::Day => starts[i] + 1,
            Granularity::Month => {
                let st = c.periods[i].start;
                let (y, m) = if st.month >= 12 {
                    (st.year + 1, 1)
                } else {
                    (st.year, st.month + 1)
                };
                Date::new(y, m, 1).days()
            }
        },
    };
    if d >= end {
        return None;
    }
    // A day is drawn at the middle of its bar; within a month, at its day.
    let within = match c.granularity {
        Granularity::Day => 0.5,
        Granularity::Month => (d - starts[i]) as f64 / (end - starts[i]).max(1) as f64,
    };
    Some(i as f64 + within)
}

/// Date labels under the bars: every k-th period so that labels do not touch, with the year
/// (months) or the month (days) on a second line where it changes.
fn date_axis(
    p: &Painter,
    s: f64,
    c: &TimelineChart,
    x0: f64,
    slot: f64,
    y0: f64,
) -> Result<(), RenderError> {
    let lf = Font::new(font::LABEL * s, theme::MUTED).align(HAlign::Center, VAlign::Top);
    let first = |d: Date| match c.granularity {
        Granularity::Month => month_name(d.month).to_string(),
        Granularity::Day => d.day.to_string(),
    };
    let widest = c
        .periods
        .iter()
        .map(|pd| p.text_width(&first(pd.start), &lf))
        .fold(0.0, f64::max);
    let choices: &[usize] = match c.granularity {
        Granularity::Month => &[1, 2, 3, 6, 12, 24, 60, 120],
        Granularity::Day => &[1, 2, 7, 14, 28, 91, 182, 364, 728],
    };
    let every = choices
        .iter()
        .copied()
        .find(|&k| k as f64 * slot >= widest + 10.0 * s)
        .unwrap_or(*choices.last().unwrap_or(&1));
    let mut last_second: Option<(i32, u32)> = None;
    let mut last_right = f64::NEG_INFINITY;
    for (i, pd) in c.periods.iter().enumerate() {
        let x = x0 + (i as f64 + 0.5) * slot;
        let aligned = match c.granularity {
            Granularity::Month => (pd.start.month as usize - 1) % every == 0 || every > 12,
            Granularity::Day => i % every == 0,
        };
        if !aligned {
            continue;
        }
        p.line(&[(x, y0), (x, y0 + 4.0 * s)], theme::AXIS, 1.0, 1.0)?;
        p.text(&first(pd.start), x, y0 + 8.0 * s, &lf)?;
        let (key, second) = match c.granularity {
            Granularity::Month => ((pd.start.year, 0), pd.start.year.to_string()),
            Granularity::Day => (
                (pd.start.year, pd.start.month),
                format!("{} {}", month_name(pd.start.month), pd.start.year),
            ),
        };
        if last_second != Some(key) {
            let b = p.text_box(&second, x, y0 + 10.0 * s + lf.line_height(), &lf);
            if b.0 > last_right + 8.0 * s {
                p.text(
                    &second,
                    x,
                    y0 + 10.0 * s + lf.line_height(),
                    &lf.color(theme::INK),
                )?;
                last_right = b.2;
                last_second = Some(key);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days() {
        assert_eq!(Date::new(1970, 1, 1).days(), 0);
        assert_eq!(Date::new(2000, 3, 1).days(), 11_017);
        assert_eq!(
            Date::new(2024, 3, 1).days() - Date::new(2024, 2, 1).days(),
            29
        );
    }
}
