//! "Top N by metric" horizontal bar charts, one panel per metric side by side (typically
//! PageRank and betweenness), bars coloured by entity type.

use super::axis::format_value;
use super::canvas::render;
use super::frame::{Frame, Legend, Swatch};
use super::hbar::{draw_panel, Row};
use super::theme::EntityKind;
use super::{RenderError, Size};

/// One bar: an entity, its type and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct BarItem {
    /// Entity name (truncated with an ellipsis when too long for the name column).
    pub label: String,
    /// Entity type: decides the colour.
    pub kind: EntityKind,
    /// Metric value (non-negative).
    pub value: f64,
}

/// One panel: a metric and its top entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarPanel {
    /// Panel title, e.g. "Top 20 by PageRank".
    pub title: String,
    /// Value axis title, e.g. "PageRank".
    pub axis_label: String,
    /// The bars; drawn largest first whatever their order here.
    pub items: Vec<BarItem>,
}

/// Input of [`render_bars`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarsChart {
    /// Figure title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Foot note (may be empty).
    pub note: String,
    /// Panels, drawn left to right.
    pub panels: Vec<BarPanel>,
}

/// Draws the panels side by side with a shared legend of the entity types present.
/// O(total items).
pub fn render_bars(chart: &BarsChart, size: Size) -> Result<Vec<u8>, RenderError> {
    let (png, ()) = render(size, |p| {
        let f = Frame::draw(p, &chart.title, &chart.subtitle, &chart.note)?;
        let s = f.s;
        let legend = Legend::entity_types(
            chart
                .panels
                .iter()
                .flat_map(|pn| pn.items.iter().map(|i| i.kind)),
            Swatch::Square,
        );
        let (x0, x1) = (f.body.0, f.body.2);
        let lh = legend.draw_rows(p, s, x0, f.body.1 - 8.0 * s, x1 - x0)?;
        let top = f.body.1 + lh + 18.0 * s;
        let k = chart.panels.len().max(1) as f64;
        let gap = 56.0 * s;
        let w = (x1 - x0 - gap * (k - 1.0)) / k;
        for (i, panel) in chart.panels.iter().enumerate() {
            let px0 = x0 + i as f64 * (w + gap);
            let mut items: Vec<&BarItem> = panel.items.iter().collect();
            let key = |v: f64| if v.is_finite() { v } else { f64::NEG_INFINITY };
            items.sort_by(|a, b| key(b.value).total_cmp(&key(a.value)));
            let rows: Vec<Row> = items
                .iter()
                .map(|it| Row {
                    label: it.label.clone(),
                    segments: vec![(it.kind.color(), it.value)],
                    value_text: format_value(it.value),
                })
                .collect();
            draw_panel(
                p,
                s,
                (px0, top, px0 + w, f.body.3),
                &panel.title,
                &panel.axis_label,
                &rows,
            )?;
        }
        Ok(())
    })?;
    Ok(png)
}
