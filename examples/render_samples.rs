//! Writes every chart of the render module, drawn from plausible made-up inputs, to a directory.
//!
//! Usage: `cargo run --release --example render_samples -- OUT_DIR [WIDTHxHEIGHT]`
//!
//! The inputs are fictional: a 25-node influence network of states, outlets, candidates,
//! officials, agencies and campaigns with signed arcs, and a 2,000-node random network with
//! planted communities.

use powermap::graph::Csr;
use powermap::layout::{forceatlas2, Fa2Options};
use powermap::render::network::node_size_fractions;
use powermap::render::theme::{EntityKind, Sign};
use powermap::render::{self, NetArc, NetNode, NetworkChart, NodeGroup, Size};
use powermap::util::rng::SeededRng;
use std::path::{Path, PathBuf};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: render_samples OUT_DIR");
        std::process::exit(2);
    };
    let size = std::env::args()
        .nth(2)
        .and_then(|a| {
            let (w, h) = a.split_once('x')?;
            Some(Size::new(w.parse().ok()?, h.parse().ok()?))
        })
        .unwrap_or_default();
    if let Err(e) = run(&dir, size) {
        eprintln!("render_samples: {e}");
        std::process::exit(1);
    }
}

fn run(dir: &Path, size: Size) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let small = small_network();
    let img = render::render_network(&small, size)?;
    report(dir, "network_small.png", &img.png, &img.labels_skipped)?;
    let big = big_network();
    let img = render::render_network(&big, size)?;
    report(dir, "network_2000.png", &img.png, &img.labels_skipped)?;
    report(dir, "bars.png", &render::render_bars(&bars(), size)?, &[])?;
    report(
        dir,
        "communities.png",
        &render::render_communities(&communities(), size)?,
        &[],
    )?;
    report(
        dir,
        "heatmap.png",
        &render::render_heatmap(&heatmap(), size)?,
        &[],
    )?;
    let degrees = render::DegreesChart {
        title: "Degree distribution — synthetic network".to_string(),
        subtitle: "Complementary cumulative distribution of in- and out-degrees, 2,000 nodes"
            .to_string(),
        note: String::new(),
        series: degree_series(&big),
    };
    report(
        dir,
        "degrees.png",
        &render::render_degrees(&degrees, size)?,
        &[],
    )?;
    report(dir, "bump.png", &render::render_bump(&bump(), size)?, &[])?;
    let monthly = timeline(render::Granularity::Month);
    report(
        dir,
        "timeline_monthly.png",
        &render::render_timeline(&monthly, size)?,
        &[],
    )?;
    let daily = timeline(render::Granularity::Day);
    report(
        dir,
        "timeline_daily.png",
        &render::render_timeline(&daily, size)?,
        &[],
    )?;
    Ok(())
}

/// Unweighted betweenness (Brandes 2001) of a small directed graph.
fn betweenness(g: &Csr) -> Vec<f64> {
    let n = g.node_count();
    let mut bc = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::new();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0; n];
        let mut dist = vec![-1i64; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in g.out_neighbors(v) {
                let w = w as usize;
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
    }
    bc
}

fn bars() -> render::BarsChart {
    let arcs: Vec<(u32, u32, f64)> = ARCS
        .iter()
        .map(|&(u, v, w, _)| (u as u32, v as u32, w))
        .collect();
    let g = Csr::from_arcs(ENTITIES.len(), true, &arcs);
    let pr = pagerank(&g);
    let bc = betweenness(&g);
    let panel = |title: &str, axis: &str, values: &[f64]| {
        let mut items: Vec<render::BarItem> = ENTITIES
            .iter()
            .zip(values)
            .map(|(&(name, kind), &value)| render::BarItem {
                label: name.to_string(),
                kind,
                value,
            })
            .collect();
        items.sort_by(|a, b| b.value.total_cmp(&a.value));
        items.truncate(15);
        render::BarPanel {
            title: title.to_string(),
            axis_label: axis.to_string(),
            items,
        }
    };
    render::BarsChart {
        title: "Most influential entities — Veloria election 2026".to_string(),
        subtitle: "Top 15 by weighted PageRank and by betweenness centrality".to_string(),
        note: "Fictional data generated for illustration.".to_string(),
        panels: vec![
            panel("Top 15 by PageRank", "PageRank", &pr),
            panel("Top 15 by betweenness", "Betweenness (shortest paths)", &bc),
        ],
    }
}

fn communities() -> render::CommunitiesChart {
    let mut rng = SeededRng::new(5);
    let kinds = [
        EntityKind::State,
        EntityKind::Outlet,
        EntityKind::Candidate,
        EntityKind::Official,
        EntityKind::Agency,
        EntityKind::Campaign,
        EntityKind::Person,
        EntityKind::Other,
    ];
    let tops = [
        "Republic of Veloria",
        "The Astorian Herald",
        "Veloria State Security Service",
        "Operation Lighthouse",
        "Maria Delgado",
        "Federation of Norland",
        "Channel 9 News",
        "Clean Air Coalition",
        "Senator Brandt",
        "Media Oversight Office",
        "Free Voice Radio",
        "Northern Wire",
    ];
    let communities = tops
        .iter()
        .enumerate()
        .map(|(i, top)| {
            let size = 400.0 / (1.0 + i as f64 * 0.45);
            let counts = kinds
                .iter()
                .map(|&k| (k, (size * rng.next_f64() * 0.3).round()))
                .filter(|&(_, v)| v > 0.0)
                .collect();
            render::CommunityBar {
                name: format!("C{}", i + 1),
                top_member: top.to_string(),
                counts,
            }
        })
        .collect();
    render::CommunitiesChart {
        title: "Communities — synthetic network".to_string(),
        subtitle: "Members of the 12 largest communities (Louvain) by entity type; labelled by the member with the highest PageRank".to_string(),
        note: "31 smaller communities (143 members) not shown.".to_string(),
        axis_label: "Members".to_string(),
        communities,
    }
}

fn report(dir: &Path, name: &str, png: &[u8], skipped: &[String]) -> std::io::Result<()> {
    std::fs::write(dir.join(name), png)?;
    if skipped.is_empty() {
        println!("{name}: {} bytes", png.len());
    } else {
        println!(
            "{name}: {} bytes, labels skipped: {}",
            png.len(),
            skipped.join(", ")
        );
    }
    Ok(())
}

/// The fictional entities of the small network.
const ENTITIES: [(&str, EntityKind); 25] = [
    ("Republic of Veloria", EntityKind::State),
    ("Kingdom of Astoria", EntityKind::State),
    ("Federation of Norland", EntityKind::State),
    ("Veloria Today", EntityKind::Outlet),
    ("The Astorian Herald", EntityKind::Outlet),
    ("Channel 9 News", EntityKind::Outlet),
    ("Northern Wire", EntityKind::Outlet),
    ("Free Voice Radio", EntityKind::Outlet),
    ("Maria Delgado", EntityKind::Candidate),
    ("Tomas Reyes", EntityKind::Candidate),
    ("Elena Kovac", EntityKind::Candidate),
    ("Interior Minister Hale", EntityKind::Official),
    ("Ambassador Ito", EntityKind::Official),
    ("Senator Brandt", EntityKind::Official),
    ("Mayor Oduya", EntityKind::Official),
    ("Veloria State Security Service", EntityKind::Agency),
    ("Astoria Election Commission", EntityKind::Agency),
    ("Norland Cyber Directorate", EntityKind::Agency),
    ("Media Oversight Office", EntityKind::Agency),
    ("#SaveTheVote", EntityKind::Campaign),
    ("Operation Lighthouse", EntityKind::Campaign),
    ("Delgado for President", EntityKind::Campaign),
    ("Truth Brigade", EntityKind::Campaign),
    ("Reyes 2026", EntityKind::Campaign),
    ("Clean Air Coalition", EntityKind::Campaign),
];

/// Signed, weighted arcs among [`ENTITIES`].
const ARCS: [(usize, usize, f64, Sign); 52] = [
    (0, 3, 5.0, Sign::Supportive),
    (0, 15, 6.0, Sign::Supportive),
    (0, 20, 4.0, Sign::Supportive),
    (0, 9, 3.0, Sign::Supportive),
    (0, 1, 4.0, Sign::Hostile),
    (0, 2, 2.0, Sign::Hostile),
    (15, 20, 5.0, Sign::Supportive),
    (15, 22, 3.0, Sign::Supportive),
    (20, 8, 4.0, Sign::Hostile),
    (20, 16, 3.0, Sign::Hostile),
    (20, 5, 2.0, Sign::Supportive),
    (22, 8, 3.0, Sign::Hostile),
    (22, 7, 2.0, Sign::Hostile),
    (3, 9, 4.0, Sign::Supportive),
    (3, 8, 3.0, Sign::Hostile),
    (3, 1, 2.0, Sign::Hostile),
    (5, 9, 2.0, Sign::Supportive),
    (5, 10, 1.0, Sign::Neutral),
    (1, 4, 4.0, Sign::Supportive),
    (1, 16, 5.0, Sign::Supportive),
    (1, 12, 3.0, Sign::Supportive),
    (1, 0, 3.0, Sign::Hostile),
    (1, 8, 2.0, Sign::Supportive),
    (4, 8, 3.0, Sign::Supportive),
    (4, 9, 2.0, Sign::Hostile),
    (4, 0, 2.0, Sign::Hostile),
    (12, 2, 2.0, Sign::Neutral),
    (12, 0, 1.0, Sign::Neutral),
    (16, 19, 2.0, Sign::Supportive),
    (19, 8, 2.0, Sign::Supportive),
    (19, 22, 2.0, Sign::Hostile),
    (21, 8, 5.0, Sign::Supportive),
    (8, 21, 3.0, Sign::Supportive),
    (8, 9, 4.0, Sign::Hostile),
    (9, 8, 4.0, Sign::Hostile),
    (23, 9, 5.0, Sign::Supportive),
    (9, 23, 2.0, Sign::Supportive),
    (9, 11, 2.0, Sign::Supportive),
    (11, 15, 3.0, Sign::Supportive),
    (11, 18, 3.0, Sign::Supportive),
    (18, 7, 4.0, Sign::Hostile),
    (18, 6, 2.0, Sign::Hostile),
    (2, 6, 4.0, Sign::Supportive),
    (2, 17, 5.0, Sign::Supportive),
    (2, 10, 3.0, Sign::Supportive),
    (17, 0, 3.0, Sign::Hostile),
    (17, 20, 4.0, Sign::Hostile),
    (6, 10, 3.0, Sign::Supportive),
    (13, 10, 2.0, Sign::Supportive),
    (13, 24, 1.0, Sign::Neutral),
    (14, 24, 2.0, Sign::Supportive),
    (7, 14, 1.0, Sign::Neutral),
];

/// Power-iteration PageRank (damping 0.85, dangling mass spread uniformly) on weighted arcs.
fn pagerank(g: &Csr) -> Vec<f64> {
    let n = g.node_count();
    let mut pr = vec![1.0 / n as f64; n];
    let out_w: Vec<f64> = (0..n).map(|u| g.out_weights(u).iter().sum()).collect();
    for _ in 0..100 {
        let dangling: f64 = (0..n).filter(|&u| out_w[u] == 0.0).map(|u| pr[u]).sum();
        let mut next = vec![(0.15 + 0.85 * dangling) / n as f64; n];
        for (u, v, w) in g.arcs() {
            next[v] += 0.85 * pr[u] * w / out_w[u];
            if !g.is_directed() {
                next[u] += 0.85 * pr[v] * w / out_w[v];
            }
        }
        pr = next;
    }
    pr
}

fn small_network() -> NetworkChart {
    let arcs: Vec<(u32, u32, f64)> = ARCS
        .iter()
        .map(|&(u, v, w, _)| (u as u32, v as u32, w))
        .collect();
    let g = Csr::from_arcs(ENTITIES.len(), true, &arcs);
    let pr = pagerank(&g);
    let sizes = node_size_fractions(&pr, Size::default());
    let pos = forceatlas2(
        &g,
        &Fa2Options {
            node_sizes: Some(&sizes),
            ..Fa2Options::for_graph(g.node_count())
        },
    );
    let kinds: Vec<EntityKind> = {
        let mut k: Vec<EntityKind> = ENTITIES.iter().map(|e| e.1).collect();
        k.sort();
        k.dedup();
        k
    };
    NetworkChart {
        title: "Influence map — Veloria election 2026 (all relations)".to_string(),
        subtitle: "25 entities, 52 relations; positions by ForceAtlas2, colour by entity type"
            .to_string(),
        note: "Fictional data generated for illustration.".to_string(),
        truncated_from: None,
        directed: true,
        curved: true,
        group_title: "Entity type".to_string(),
        groups: kinds.iter().map(|&k| NodeGroup::kind(k)).collect(),
        nodes: ENTITIES
            .iter()
            .enumerate()
            .map(|(i, (name, kind))| NetNode {
                label: name.to_string(),
                x: pos[i][0],
                y: pos[i][1],
                pagerank: pr[i],
                group: kinds.iter().position(|k| k == kind).unwrap_or(0),
            })
            .collect(),
        arcs: ARCS
            .iter()
            .map(|&(u, v, w, sign)| NetArc {
                source: u,
                target: v,
                weight: w,
                sign,
            })
            .collect(),
        label_top: 25,
    }
}

/// A random network: 2,000 nodes in 12 planted communities, heavy-tailed degrees.
fn big_network() -> NetworkChart {
    let n = 2000usize;
    let k = 12usize;
    let mut rng = SeededRng::new(11);
    let community: Vec<usize> = (0..n).map(|i| i * k / n).collect();
    let mut set = std::collections::BTreeSet::new();
    while set.len() < 6000 {
        let c = rng.below(k);
        let span = n / k;
        let r = rng.next_f64();
        let u = c * span + ((r * r * r) * span as f64) as usize;
        let v = if rng.next_f64() < 0.88 {
            let r = rng.next_f64();
            c * span + ((r * r) * span as f64) as usize
        } else {
            rng.below(n)
        };
        if u != v && u < n && v < n {
            set.insert((u as u32, v as u32));
        }
    }
    let arcs: Vec<(u32, u32, f64)> = set
        .iter()
        .map(|&(u, v)| (u, v, 1.0 + rng.below(5) as f64))
        .collect();
    let g = Csr::from_arcs(n, true, &arcs);
    let pr = pagerank(&g);
    let sizes = node_size_fractions(&pr, Size::default());
    let pos = forceatlas2(
        &g,
        &Fa2Options {
            node_sizes: Some(&sizes),
            ..Fa2Options::for_graph(n)
        },
    );
    let signs = [
        Sign::Hostile,
        Sign::Supportive,
        Sign::Supportive,
        Sign::Neutral,
    ];
    NetworkChart {
        title: "Influence map — synthetic network (communities)".to_string(),
        subtitle: "Random graph with 12 planted communities; colour by community".to_string(),
        note: String::new(),
        truncated_from: Some(12_345),
        directed: true,
        curved: true,
        group_title: "Community".to_string(),
        groups: (0..k)
            .map(|c| NodeGroup::community(c, format!("Community {}", c + 1)))
            .collect(),
        nodes: (0..n)
            .map(|i| NetNode {
                label: format!("Entity {i}"),
                x: pos[i][0],
                y: pos[i][1],
                pagerank: pr[i],
                group: community[i],
            })
            .collect(),
        arcs: arcs
            .iter()
            .enumerate()
            .map(|(i, &(u, v, w))| NetArc {
                source: u as usize,
                target: v as usize,
                weight: w,
                sign: signs[i % signs.len()],
            })
            .collect(),
        label_top: 30,
    }
}

fn heatmap() -> render::HeatmapChart {
    let groups = [
        "Veloria government",
        "Astoria government",
        "Norland government",
        "Pro-Delgado media",
        "Pro-Reyes media",
        "Independent media",
        "Delgado camp",
        "Reyes camp",
    ];
    // Two camps: 0, 4, 7 against 1, 3, 6; 2 and 5 in between.
    let side = [1i32, -1, 0, -1, 1, 0, -1, 1];
    let mut rng = SeededRng::new(3);
    let n = groups.len();
    let mut hostile = vec![vec![0.0; n]; n];
    let mut supportive = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..n {
            let same = side[i] * side[j];
            let noise = rng.below(4) as f64;
            hostile[i][j] = match same {
                -1 => 8.0 + 3.0 * noise,
                0 => noise,
                _ => (noise - 2.0).max(0.0),
            };
            supportive[i][j] = match same {
                1 => 6.0 + 4.0 * noise,
                0 => noise,
                _ => (noise - 2.0).max(0.0),
            };
        }
    }
    render::HeatmapChart {
        title: "Blocs — who attacks and who supports whom".to_string(),
        subtitle: "Relations between groups of entities, Veloria election 2026".to_string(),
        note: "Fictional data generated for illustration.".to_string(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
        hostile,
        supportive,
        value_label: "relations".to_string(),
        row_title: "From (source group)".to_string(),
        col_title: "To (target group)".to_string(),
    }
}

fn timeline(granularity: render::Granularity) -> render::TimelineChart {
    use render::{Date, Granularity, Period, TimelineEvent};
    let mut rng = SeededRng::new(9);
    let series = ["Coverage", "Endorsement", "Funding", "Attack", "Sanction"];
    let starts: Vec<Date> = match granularity {
        Granularity::Month => (0..30)
            .map(|i| Date::new(2024 + (i + 6) / 12, ((i + 6) % 12 + 1) as u32, 1))
            .collect(),
        Granularity::Day => {
            let lengths = [31, 28, 31, 30];
            let mut v = Vec::new();
            for (m, &len) in lengths.iter().enumerate() {
                for d in 1..=len {
                    v.push(Date::new(2026, m as u32 + 1, d));
                }
            }
            v
        }
    };
    let election = Date::new(2026, 3, 1).days();
    let periods = starts
        .iter()
        .map(|&start| {
            // Activity rises towards the election and spikes after the leak.
            let to_election = (election - start.days()).abs() as f64;
            let scale: f64 = match granularity {
                Granularity::Month => 30.0,
                Granularity::Day => 1.0,
            };
            let heat = 1.0 + 4.0 * (-to_election / (120.0 * scale.sqrt())).exp();
            let counts = (0..series.len())
                .map(|k| {
                    let base = [6.0, 3.0, 2.0, 4.0, 0.6][k] * heat * scale.sqrt() / 3.0;
                    (base * (0.6 + 0.8 * rng.next_f64())).round()
                })
                .collect();
            Period { start, counts }
        })
        .collect();
    let ev = |y, m, d, label: &str| TimelineEvent {
        date: Date::new(y, m, d),
        label: label.to_string(),
    };
    render::TimelineChart {
        title: "Relations over time — Veloria election 2026".to_string(),
        subtitle: match granularity {
            Granularity::Month => "Relations recorded per month, by relation type",
            Granularity::Day => "Relations recorded per day, January to April 2026",
        }
        .to_string(),
        note: "Fictional data generated for illustration.".to_string(),
        granularity,
        series: series.iter().map(|s| s.to_string()).collect(),
        periods,
        events: vec![
            ev(2025, 2, 10, "Delgado campaign launch"),
            ev(2025, 9, 15, "First debate"),
            ev(2025, 10, 2, "Minister's e-mails leaked"),
            ev(2026, 1, 20, "Norland sanctions Veloria Today"),
            ev(2026, 1, 24, "Troll network exposed"),
            ev(2026, 3, 1, "Election day"),
            ev(2026, 3, 22, "Run-off"),
            ev(2026, 4, 2, "Results certified"),
        ],
        y_label: match granularity {
            Granularity::Month => "Relations per month",
            Granularity::Day => "Relations per day",
        }
        .to_string(),
    }
}

fn degree_series(chart: &NetworkChart) -> Vec<render::DegreeSeries> {
    let n = chart.nodes.len();
    let (mut din, mut dout) = (vec![0u64; n], vec![0u64; n]);
    for a in &chart.arcs {
        dout[a.source] += 1;
        din[a.target] += 1;
    }
    vec![
        render::DegreeSeries {
            label: "In-degree".to_string(),
            degrees: din,
        },
        render::DegreeSeries {
            label: "Out-degree".to_string(),
            degrees: dout,
        },
    ]
}

fn bump() -> render::BumpChart {
    let windows: Vec<String> = [
        "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4", "2026 Q1", "2026 Q2",
    ]
    .iter()
    .map(|w| w.to_string())
    .collect();
    // Scores drift over the windows; the ranking of each window is drawn.
    let mut rng = SeededRng::new(21);
    let picked = [0usize, 1, 3, 4, 8, 9, 10, 11, 15, 19, 20, 21];
    let mut score: Vec<f64> = picked.iter().map(|_| rng.next_f64()).collect();
    let mut ranks = vec![Vec::new(); picked.len()];
    for _ in 0..windows.len() {
        let mut order: Vec<usize> = (0..picked.len()).collect();
        order.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
        for (rank, &i) in order.iter().enumerate() {
            let r = rank as u32 + 1;
            ranks[i].push(if r <= 10 { Some(r) } else { None });
        }
        for v in &mut score {
            *v += (rng.next_f64() - 0.5) * 0.5;
        }
    }
    render::BumpChart {
        title: "Rank trajectories — top 10 by PageRank per quarter".to_string(),
        subtitle: "Veloria election 2026; entities outside the top 10 in a quarter leave the chart"
            .to_string(),
        note: "Fictional data generated for illustration.".to_string(),
        windows,
        series: picked
            .iter()
            .zip(ranks)
            .map(|(&i, ranks)| render::BumpSeries {
                label: ENTITIES[i].0.to_string(),
                kind: ENTITIES[i].1,
                ranks,
            })
            .collect(),
        max_rank: 10,
    }
}
