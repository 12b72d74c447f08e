//! Community sizes as horizontal bars stacked by entity type, each labelled by its most central
//! member, so a reader sees at a glance which blocs exist and what they are made of.

use super::axis::format_value;
use super::canvas::render;
use super::frame::{thousands, Frame, Legend, Swatch};
use super::hbar::{draw_panel, Row};
use super::theme::EntityKind;
use super::{RenderError, Size};

/// One community.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityBar {
    /// Short name, e.g. "C1".
    pub name: String,
    /// Its top member (highest PageRank), shown after the name.
    pub top_member: String,
    /// Number of members (or total weight) per entity type.
    pub counts: Vec<(EntityKind, f64)>,
}

/// Input of [`render_communities`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommunitiesChart {
    /// Figure title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// Foot note, e.g. how many small communities were left out.
    pub note: String,
    /// Value axis title; "Members" when empty.
    pub axis_label: String,
    /// Communities, drawn top to bottom in this order (largest first is customary).
    pub communities: Vec<CommunityBar>,
}

/// Draws one stacked bar per community (segments in legend order of entity types) with its
/// total at the end. O(communities x types).
pub fn render_communities(chart: &CommunitiesChart, size: Size) -> Result<Vec<u8>, RenderError> {
    let (png, ()) = render(size, |p| {
        let f = Frame::draw(p, &chart.title, &chart.subtitle, &chart.note)?;
        let s = f.s;
        let legend = Legend::entity_types(
            chart
                .communities
                .iter()
                .flat_map(|c| c.counts.iter().filter(|(_, v)| *v > 0.0).map(|(k, _)| *k)),
            Swatch::Square,
        );
        let lh = legend.draw_rows(p, s, f.body.0, f.body.1 - 8.0 * s, f.body.2 - f.body.0)?;
        let rows: Vec<Row> = chart
            .communities
            .iter()
            .map(|c| {
                let mut segs: Vec<(EntityKind, f64)> = c.counts.clone();
                segs.sort_by_key(|&(k, _)| k);
                let total: f64 = segs
                    .iter()
                    .map(|&(_, v)| v.max(0.0))
                    .filter(|v| v.is_finite())
                    .sum();
                let label = match (c.name.is_empty(), c.top_member.is_empty()) {
                    (false, false) => format!("{} · {}", c.name, c.top_member),
                    (true, _) => c.top_member.clone(),
                    (false, true) => c.name.clone(),
                };
                let value_text = if total.fract() == 0.0 && total < 1e15 {
                    thousands(total as u64)
                } else {
                    format_value(total)
                };
                Row {
                    label,
                    segments: segs.iter().map(|&(k, v)| (k.color(), v)).collect(),
                    value_text,
                }
            })
            .collect();
        let axis = if chart.axis_label.is_empty() {
            "Members"
        } else {
            &chart.axis_label
        };
        let area = (f.body.0, f.body.1 + lh + 18.0 * s, f.body.2, f.body.3);
        draw_panel(p, s, area, "", axis, &rows)
    })?;
    Ok(png)
}
