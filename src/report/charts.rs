//! The report's charts: the analysis mapped onto the render layer's plain chart inputs.

use super::{Analysis, ColorBy, ReportError, ReportOptions};
use crate::graph::{Csr, Filter};
use crate::layout::{forceatlas2, Fa2Options};
use crate::model::{Dataset, PartialDate, Sign};
use crate::render::network::node_size_fractions;
use crate::render::theme::{self, EntityKind};
use crate::render::{self, Size};
use std::collections::BTreeMap;

/// Most nodes drawn on the influence map; larger graphs show their top nodes by PageRank.
pub const MAP_LIMIT: usize = 2000;
/// Communities given their own colour; smaller ones share the "other blocs" grey.
const COLOURED_BLOCS: usize = 10;
/// Relation types given their own series on the timeline.
const TIMELINE_SERIES: usize = 8;

fn chart_err(chart: &str) -> impl Fn(render::RenderError) -> ReportError + '_ {
    move |e| ReportError::Chart {
        chart: chart.to_string(),
        reason: e.to_string(),
    }
}

fn render_sign(s: Sign) -> theme::Sign {
    match s {
        Sign::Hostile => theme::Sign::Hostile,
        Sign::Neutral => theme::Sign::Neutral,
        Sign::Supportive => theme::Sign::Supportive,
    }
}

/// What the charts need besides the analysis.
pub struct ChartContext<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// The filters in force.
    pub filter: &'a Filter,
    /// The analysis.
    pub analysis: &'a Analysis,
    /// The options.
    pub opts: &'a ReportOptions,
}

impl ChartContext<'_> {
    fn size(&self) -> Size {
        Size::new(self.opts.width, self.opts.height)
    }

    fn kind(&self, node: usize) -> EntityKind {
        EntityKind::parse(&self.entity(node).kind)
    }

    fn entity(&self, node: usize) -> &crate::model::Entity {
        &self.dataset.entities[self.analysis.graph.entity_indices()[node] as usize]
    }

    fn subtitle(&self, what: &str) -> String {
        // The title names the dataset; the subtitle adds the filters when there are any.
        let f = &self.analysis.stats.filters;
        if f.is_empty() {
            what.to_string()
        } else {
            format!("{what} ({f})")
        }
    }

    /// Bloc of each community for colouring: its index when coloured, else the overflow group.
    fn bloc_group(&self, community: u32) -> usize {
        (community as usize).min(COLOURED_BLOCS)
    }

    fn bloc_groups(&self) -> Vec<render::NodeGroup> {
        let labels = &self.analysis.community_labels;
        let mut groups: Vec<render::NodeGroup> = labels
            .iter()
            .take(COLOURED_BLOCS)
            .enumerate()
            .map(|(i, l)| render::NodeGroup::community(i, format!("Bloc of {l}")))
            .collect();
        if labels.len() > COLOURED_BLOCS {
            groups.push(render::NodeGroup {
                label: format!("{} smaller blocs", labels.len() - COLOURED_BLOCS),
                color: theme::OVERFLOW,
            });
        }
        groups
    }
}

/// Every chart as (file name, PNG bytes); the timeline only when relations are dated to the
/// month or day.
pub fn charts(ctx: &ChartContext<'_>) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    charts_with_progress(ctx, &mut |_| {})
}

/// [`charts`], calling `progress` with each file name before drawing it.
pub fn charts_with_progress(
    ctx: &ChartContext<'_>,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    type Draw = fn(&ChartContext<'_>) -> Result<Option<Vec<u8>>, ReportError>;
    let steps: [(&str, Draw); 6] = [
        ("network.png", |c| network(c).map(Some)),
        ("centrality.png", |c| centrality(c).map(Some)),
        ("communities.png", |c| communities(c).map(Some)),
        ("blocs.png", |c| blocs(c).map(Some)),
        ("timeline.png", timeline),
        ("degree-distribution.png", |c| degrees(c).map(Some)),
    ];
    let mut out = Vec::new();
    for (name, draw) in steps {
        progress(name);
        if let Some(png) = draw(ctx)? {
            out.push((name.to_string(), png));
        }
    }
    Ok(out)
}

/// The influence map: ForceAtlas2 layout of the top [`MAP_LIMIT`] nodes by PageRank.
pub fn network(ctx: &ChartContext<'_>) -> Result<Vec<u8>, ReportError> {
    let a = ctx.analysis;
    let n = a.graph.node_count();
    let pr = &a.centrality.pagerank;
    let mut shown: Vec<usize> = (0..n).collect();
    if n > MAP_LIMIT {
        shown.sort_by(|&x, &y| pr[y].total_cmp(&pr[x]).then(x.cmp(&y)));
        shown.truncate(MAP_LIMIT);
        shown.sort_unstable();
    }
    let mut slot = vec![usize::MAX; n];
    for (i, &v) in shown.iter().enumerate() {
        slot[v] = i;
    }
    // Arcs by sign between shown nodes, from the relations (the metric graph has no sign).
    let mut merged: BTreeMap<(usize, usize, Sign), f64> = BTreeMap::new();
    for r in ctx.filter.relations(ctx.dataset) {
        let (Some(s), Some(t)) = (
            node_slot(ctx, r.source, &slot),
            node_slot(ctx, r.target, &slot),
        ) else {
            continue;
        };
        if s != t {
            *merged.entry((s, t, r.sign())).or_insert(0.0) += r.weight;
        }
    }
    let sub: Vec<(u32, u32, f64)> = {
        let mut pairs: BTreeMap<(u32, u32), f64> = BTreeMap::new();
        for (&(s, t, _), &w) in &merged {
            *pairs
                .entry((s.min(t) as u32, s.max(t) as u32))
                .or_insert(0.0) += w;
        }
        pairs.into_iter().map(|((s, t), w)| (s, t, w)).collect()
    };
    let g = Csr::from_arcs(shown.len(), false, &sub);
    let sub_pr: Vec<f64> = shown.iter().map(|&v| pr[v]).collect();
    let sizes = node_size_fractions(&sub_pr, ctx.size());
    let mut pos = forceatlas2(
        &g,
        &Fa2Options {
            seed: ctx.opts.seed,
            node_sizes: Some(&sizes),
            ..Fa2Options::for_graph(shown.len())
        },
    );
    rein_in_outliers(&mut pos);
    let (groups, group_of): (Vec<render::NodeGroup>, Vec<usize>) = match ctx.opts.color_by {
        ColorBy::Community => (
            ctx.bloc_groups(),
            shown
                .iter()
                .map(|&v| ctx.bloc_group(a.community[v]))
                .collect(),
        ),
        ColorBy::Type => {
            let mut kinds: Vec<EntityKind> = shown.iter().map(|&v| ctx.kind(v)).collect();
            kinds.sort();
            kinds.dedup();
            let groups = kinds.iter().map(|&k| render::NodeGroup::kind(k)).collect();
            let group_of = shown
                .iter()
                .map(|&v| kinds.binary_search(&ctx.kind(v)).unwrap_or(0))
                .collect();
            (groups, group_of)
        }
    };
    let chart = render::NetworkChart {
        title: format!("Who influences whom — {}", ctx.dataset.name),
        subtitle: ctx.subtitle(&format!(
            "{} entities, {} relations; node area ∝ PageRank, colour by {}",
            render::thousands(n as u64),
            render::thousands(a.stats.relations as u64),
            match ctx.opts.color_by {
                ColorBy::Community => "bloc (Leiden)",
                ColorBy::Type => "entity type",
            }
        )),
        note: format!(
            "ForceAtlas2 layout, seed {}. Arrows point from actor to target.",
            ctx.opts.seed
        ),
        truncated_from: (n > MAP_LIMIT).then_some(n),
        directed: a.stats.directed,
        curved: true,
        group_title: match ctx.opts.color_by {
            ColorBy::Community => "Blocs".to_string(),
            ColorBy::Type => "Entity types".to_string(),
        },
        groups,
        nodes: shown
            .iter()
            .enumerate()
            .map(|(i, &v)| render::NetNode {
                label: ctx.entity(v).name.clone(),
                x: pos[i][0],
                y: pos[i][1],
                pagerank: pr[v],
                group: group_of[i],
            })
            .collect(),
        arcs: merged
            .into_iter()
            .map(|((source, target, sign), weight)| render::NetArc {
                source,
                target,
                weight,
                sign: render_sign(sign),
            })
            .collect(),
        // Small maps can name every actor; larger ones name the top ones.
        label_top: if shown.len() <= 40 {
            shown.len()
        } else {
            ctx.opts.top
        },
    };
    Ok(render::render_network(&chart, ctx.size())
        .map_err(chart_err("network.png"))?
        .png)
}

/// Pulls nodes that drifted far from the rest (isolated nodes and tiny components, which
/// ForceAtlas2's repulsion pushes out) back to just outside the bulk of the layout, keeping their
/// direction. Without this the page is fitted to the outliers and the network shrinks to a dot.
fn rein_in_outliers(pos: &mut [[f64; 2]]) {
    if pos.len() < 10 {
        return;
    }
    let n = pos.len() as f64;
    let cx = pos.iter().map(|p| p[0]).sum::<f64>() / n;
    let cy = pos.iter().map(|p| p[1]).sum::<f64>() / n;
    let dist = |p: &[f64; 2]| ((p[0] - cx).powi(2) + (p[1] - cy).powi(2)).sqrt();
    let mut d: Vec<f64> = pos.iter().map(dist).collect();
    d.sort_by(f64::total_cmp);
    let limit = 1.1 * d[(d.len() * 95) / 100];
    if limit.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return;
    }
    for p in pos.iter_mut() {
        let r = dist(p);
        if r > limit {
            let k = limit / r;
            *p = [cx + (p[0] - cx) * k, cy + (p[1] - cy) * k];
        }
    }
}

fn node_slot(ctx: &ChartContext<'_>, entity: u32, slot: &[usize]) -> Option<usize> {
    let node = ctx
        .analysis
        .graph
        .node(&ctx.dataset.entities[entity as usize].id)?;
    Some(slot[node]).filter(|&s| s != usize::MAX)
}

/// Top actors by PageRank and by betweenness, bars coloured by entity type.
pub fn centrality(ctx: &ChartContext<'_>) -> Result<Vec<u8>, ReportError> {
    let c = &ctx.analysis.centrality;
    let panel = |title: &str, axis: &str, values: &[f64]| {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&x, &y| values[y].total_cmp(&values[x]).then(x.cmp(&y)));
        render::BarPanel {
            title: title.to_string(),
            axis_label: axis.to_string(),
            items: order
                .into_iter()
                .take(ctx.opts.top)
                .map(|v| render::BarItem {
                    label: ctx.entity(v).name.clone(),
                    kind: ctx.kind(v),
                    value: values[v],
                })
                .collect(),
        }
    };
    let chart = render::BarsChart {
        title: format!("Top actors — {}", ctx.dataset.name),
        subtitle: ctx.subtitle(&format!(
            "Top {} by PageRank and by betweenness",
            ctx.opts.top
        )),
        note: if ctx.analysis.betweenness_sampled {
            format!(
                "Betweenness estimated from {} sampled pivots.",
                super::BETWEENNESS_PIVOTS
            )
        } else {
            "PageRank: weighted, damping 0.85. Betweenness: exact, normalised, in hops.".to_string()
        },
        panels: vec![
            panel("PageRank", "PageRank (weighted, damping 0.85)", &c.pagerank),
            panel(
                "Betweenness",
                "share of shortest paths through the actor",
                &c.betweenness,
            ),
        ],
    };
    render::render_bars(&chart, ctx.size()).map_err(chart_err("centrality.png"))
}

/// Community sizes stacked by entity type, labelled by their top member.
pub fn communities(ctx: &ChartContext<'_>) -> Result<Vec<u8>, ReportError> {
    let a = ctx.analysis;
    let bars = a
        .communities
        .iter()
        .take(15)
        .map(|c| {
            let mut counts: BTreeMap<EntityKind, f64> = BTreeMap::new();
            for (kind, count) in &c.composition {
                *counts.entry(EntityKind::parse(kind)).or_insert(0.0) += *count as f64;
            }
            render::CommunityBar {
                name: format!("Bloc {}", c.community),
                top_member: a.community_labels[c.community as usize].clone(),
                counts: counts.into_iter().collect(),
            }
        })
        .collect();
    let chart = render::CommunitiesChart {
        title: format!("Blocs and their make-up — {}", ctx.dataset.name),
        subtitle: ctx.subtitle(&format!(
            "{} blocs found by Leiden (modularity {:.3}), sized and split by entity type",
            a.communities.len(),
            a.modularity
        )),
        note: if a.communities.len() > 15 {
            format!("The 15 largest of {} blocs.", a.communities.len())
        } else {
            String::new()
        },
        axis_label: "members".to_string(),
        communities: bars,
    };
    render::render_communities(&chart, ctx.size()).map_err(chart_err("communities.png"))
}

/// Hostile and supportive relations between blocs (or entity types with `--color-by type`).
pub fn blocs(ctx: &ChartContext<'_>) -> Result<Vec<u8>, ReportError> {
    let a = ctx.analysis;
    let (labels, group_of): (Vec<String>, Box<dyn Fn(usize) -> usize + '_>) = match ctx
        .opts
        .color_by
    {
        ColorBy::Community => {
            let k = a.communities.len().min(COLOURED_BLOCS);
            let mut labels: Vec<String> = a.community_labels.iter().take(k).cloned().collect();
            if a.communities.len() > k {
                labels.push("smaller blocs".to_string());
            }
            (
                labels,
                Box::new(move |v: usize| (a.community[v] as usize).min(k)),
            )
        }
        ColorBy::Type => {
            let mut kinds: Vec<String> = (0..a.graph.node_count())
                .map(|v| ctx.entity(v).kind.clone())
                .collect();
            kinds.sort();
            kinds.dedup();
            let lookup = kinds.clone();
            (
                kinds,
                Box::new(move |v: usize| lookup.binary_search(&ctx.entity(v).kind).unwrap_or(0)),
            )
        }
    };
    let k = labels.len();
    let (mut hostile, mut supportive) = (vec![vec![0.0; k]; k], vec![vec![0.0; k]; k]);
    for r in ctx.filter.relations(ctx.dataset) {
        let id = |e: u32| &ctx.dataset.entities[e as usize].id;
        let (Some(s), Some(t)) = (a.graph.node(id(r.source)), a.graph.node(id(r.target))) else {
            continue;
        };
        let (gs, gt) = (group_of(s), group_of(t));
        match r.sign() {
            Sign::Hostile => hostile[gs][gt] += 1.0,
            Sign::Supportive => supportive[gs][gt] += 1.0,
            Sign::Neutral => {}
        }
    }
    let by_type = ctx.opts.color_by == ColorBy::Type;
    let chart = render::HeatmapChart {
        title: format!("How blocs treat each other — {}", ctx.dataset.name),
        subtitle: ctx.subtitle(if by_type {
            "Hostile and supportive relations between entity types"
        } else {
            "Hostile and supportive relations between blocs (named by their top member)"
        }),
        note:
            "Rows: the actor's group; columns: the target's group. Neutral relations are not shown."
                .to_string(),
        groups: labels,
        hostile,
        supportive,
        value_label: "relations".to_string(),
        row_title: "from".to_string(),
        col_title: "to".to_string(),
    };
    render::render_heatmap(&chart, ctx.size()).map_err(chart_err("blocs.png"))
}

/// Relations per month (per day when the dated span is under three months), stacked by type,
/// with the dataset's key events. `None` when no relation is dated to the month or day.
pub fn timeline(ctx: &ChartContext<'_>) -> Result<Option<Vec<u8>>, ReportError> {
    let dated: Vec<(PartialDate, &str)> = ctx
        .filter
        .relations(ctx.dataset)
        .filter_map(|r| r.date.map(|d| (d, ctx.dataset.relation_type(r))))
        .collect();
    let monthly: Vec<&(PartialDate, &str)> =
        dated.iter().filter(|(d, _)| d.month().is_some()).collect();
    let (Some(first), Some(last)) = (
        monthly.iter().map(|(d, _)| d.first_day()).min(),
        monthly.iter().map(|(d, _)| d.last_day()).max(),
    ) else {
        return Ok(None);
    };
    let daily = last.ordinal() - first.ordinal() < 90;
    let binned: Vec<(PartialDate, &str)> = monthly
        .iter()
        .filter(|(d, _)| !daily || d.day().is_some())
        .map(|&&(d, t)| {
            let bin = if daily {
                d
            } else {
                PartialDate::ymd(d.year(), d.month().unwrap_or(1), 1).unwrap_or(d)
            };
            (bin, t)
        })
        .collect();
    let left_out = dated.len() - binned.len();
    let mut type_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, t) in &binned {
        *type_counts.entry(t).or_insert(0) += 1;
    }
    let mut types: Vec<(&str, usize)> = type_counts.into_iter().collect();
    types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut series: Vec<String> = types
        .iter()
        .take(TIMELINE_SERIES)
        .map(|(t, _)| t.to_string())
        .collect();
    if types.len() > TIMELINE_SERIES {
        series.push("other types".to_string());
    }
    let series_of = |t: &str| {
        series
            .iter()
            .position(|s| s == t)
            .unwrap_or(series.len() - 1)
    };
    let mut periods: BTreeMap<PartialDate, Vec<f64>> = BTreeMap::new();
    for (bin, t) in &binned {
        periods
            .entry(*bin)
            .or_insert_with(|| vec![0.0; series.len()])[series_of(t)] += 1.0;
    }
    let to_date = |d: PartialDate| {
        render::Date::new(
            d.year() as i32,
            d.month().unwrap_or(1) as u32,
            d.day().unwrap_or(1) as u32,
        )
    };
    let chart = render::TimelineChart {
        title: format!("How the campaign unfolded — {}", ctx.dataset.name),
        subtitle: ctx.subtitle(&format!(
            "Relations per {} by type, with key events",
            if daily { "day" } else { "month" }
        )),
        note: if left_out > 0 {
            format!(
                "{left_out} dated relation(s) known only to the {} are not shown.",
                if daily { "month or year" } else { "year" }
            )
        } else {
            String::new()
        },
        granularity: if daily {
            render::Granularity::Day
        } else {
            render::Granularity::Month
        },
        series: series.clone(),
        periods: periods
            .into_iter()
            .map(|(d, counts)| render::Period {
                start: to_date(d),
                counts,
            })
            .collect(),
        events: ctx
            .dataset
            .events
            .iter()
            .map(|e| render::TimelineEvent {
                date: to_date(e.date.first_day()),
                label: e.label.clone(),
            })
            .collect(),
        y_label: "relations".to_string(),
    };
    render::render_timeline(&chart, ctx.size())
        .map(Some)
        .map_err(chart_err("timeline.png"))
}

/// Complementary cumulative distribution of in- and out-degree on log–log axes.
pub fn degrees(ctx: &ChartContext<'_>) -> Result<Vec<u8>, ReportError> {
    let c = &ctx.analysis.centrality;
    let as_counts = |v: &[f64]| v.iter().map(|&d| d as u64).collect::<Vec<u64>>();
    let series = if ctx.analysis.stats.directed {
        vec![
            render::DegreeSeries {
                label: "in-degree".to_string(),
                degrees: as_counts(&c.in_degree),
            },
            render::DegreeSeries {
                label: "out-degree".to_string(),
                degrees: as_counts(&c.out_degree),
            },
        ]
    } else {
        vec![render::DegreeSeries {
            label: "degree".to_string(),
            degrees: as_counts(&c.degree),
        }]
    };
    let chart = render::DegreesChart {
        title: format!("Degree distribution — {}", ctx.dataset.name),
        subtitle: ctx.subtitle("Share of entities with at least k ties (log–log)"),
        note: String::new(),
        series,
    };
    render::render_degrees(&chart, ctx.size()).map_err(chart_err("degree-distribution.png"))
}
