//! Every chart decodes as a PNG of the requested size, is not blank, shows the legend colour of
//! each entity type it uses, and is byte-identical when drawn twice.

use powermap::graph::Csr;
use powermap::layout::{forceatlas2, Fa2Options};
use powermap::render::theme::{EntityKind, Rgb, Sign};
use powermap::render::*;
use std::collections::HashSet;

/// Decodes `png` into (width, height, RGB pixels).
fn decode(png: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().expect("valid PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("valid PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let px = buf[..info.buffer_size()]
        .chunks_exact(3)
        .map(|c| [c[0], c[1], c[2]])
        .collect();
    (info.width, info.height, px)
}

/// Checks size, variety of colours and the presence of each colour in `must_have`. With
/// `POWERMAP_DUMP_DIR` set, also writes the PNG there (named after `name`) for a look.
fn check(name: &str, png: &[u8], size: Size, must_have: &[(Rgb, &str)]) {
    if let Some(dir) = std::env::var_os("POWERMAP_DUMP_DIR") {
        let path =
            std::path::Path::new(&dir).join(format!("{name}_{}x{}.png", size.width, size.height));
        std::fs::write(path, png).expect("dump directory is writable");
    }
    let (w, h, px) = decode(png);
    assert_eq!((w, h), (size.width, size.height));
    let distinct: HashSet<[u8; 3]> = px.iter().copied().collect();
    assert!(
        distinct.len() > 50,
        "only {} colours: blank chart?",
        distinct.len()
    );
    for (c, what) in must_have {
        assert!(
            distinct.contains(&[c.0, c.1, c.2]),
            "colour of {what} ({}) not found",
            c.to_hex_string()
        );
    }
}

const SMALL: Size = Size {
    width: 900,
    height: 700,
};

fn kinds() -> [EntityKind; 6] {
    [
        EntityKind::State,
        EntityKind::Outlet,
        EntityKind::Candidate,
        EntityKind::Official,
        EntityKind::Agency,
        EntityKind::Campaign,
    ]
}

fn network_chart() -> NetworkChart {
    let names = [
        "Republic of Veloria",
        "Veloria Today",
        "Maria Delgado",
        "Interior Minister Hale",
        "State Security Service",
        "Operation Lighthouse",
        "Kingdom of Astoria",
        "The Astorian Herald",
        "Tomas Reyes",
        "Ambassador Ito",
        "Election Commission",
        "#SaveTheVote",
    ];
    let arcs: Vec<(u32, u32, f64)> = vec![
        (0, 1, 3.0),
        (0, 4, 2.0),
        (4, 5, 2.0),
        (5, 2, 1.0),
        (1, 8, 2.0),
        (6, 7, 3.0),
        (7, 2, 2.0),
        (6, 10, 1.0),
        (9, 0, 1.0),
        (3, 4, 2.0),
        (11, 2, 1.0),
        (8, 2, 4.0),
        (2, 8, 4.0),
        (10, 11, 1.0),
    ];
    let g = Csr::from_arcs(names.len(), true, &arcs);
    let pos = forceatlas2(&g, &Fa2Options::for_graph(names.len()));
    let signs = [Sign::Supportive, Sign::Hostile, Sign::Neutral];
    NetworkChart {
        title: "Test network".to_string(),
        subtitle: "12 nodes".to_string(),
        note: String::new(),
        truncated_from: Some(40),
        directed: true,
        curved: true,
        group_title: "Entity type".to_string(),
        groups: kinds().iter().map(|&k| NodeGroup::kind(k)).collect(),
        nodes: names
            .iter()
            .enumerate()
            .map(|(i, n)| NetNode {
                label: n.to_string(),
                x: pos[i][0],
                y: pos[i][1],
                pagerank: 1.0 + (g.in_degree(i) as f64),
                group: i % 6,
            })
            .collect(),
        arcs: arcs
            .iter()
            .enumerate()
            .map(|(i, &(u, v, w))| NetArc {
                source: u as usize,
                target: v as usize,
                weight: w,
                sign: signs[i % 3],
            })
            .collect(),
        label_top: 12,
    }
}

fn kind_colours() -> Vec<(Rgb, &'static str)> {
    kinds().iter().map(|k| (k.color(), k.label())).collect()
}

#[test]
fn network_png() {
    let chart = network_chart();
    let img = render_network(&chart, SMALL).expect("renders");
    check("network", &img.png, SMALL, &kind_colours());
    assert_eq!(img.labels_drawn + img.labels_skipped.len(), 12);
    assert!(img.labels_drawn >= 10, "skipped {:?}", img.labels_skipped);
    let again = render_network(&chart, SMALL).expect("renders");
    assert_eq!(img.png, again.png);
    let default = render_network(&chart, Size::default()).expect("renders");
    check("network", &default.png, Size::default(), &kind_colours());
    assert!(default.labels_skipped.is_empty());
}

#[test]
fn network_tolerates_bad_input() {
    let mut chart = network_chart();
    chart.nodes[0].x = f64::NAN;
    chart.nodes[1].pagerank = f64::INFINITY;
    chart.nodes[2].group = 99;
    chart.arcs.push(NetArc {
        source: 3,
        target: 500,
        weight: f64::NAN,
        sign: Sign::Hostile,
    });
    chart.arcs.push(NetArc {
        source: 4,
        target: 4,
        weight: -2.0,
        sign: Sign::Neutral,
    });
    assert!(render_network(&chart, SMALL).is_ok());
    let empty = NetworkChart::default();
    assert!(render_network(&empty, SMALL).is_ok());
}

#[test]
fn bars_png() {
    let items = |scale: f64| -> Vec<BarItem> {
        kinds()
            .iter()
            .enumerate()
            .map(|(i, &kind)| BarItem {
                label: format!("Entity number {i} with a rather long name that needs cutting"),
                kind,
                value: scale * (6 - i) as f64,
            })
            .collect()
    };
    let chart = BarsChart {
        title: "Top entities".to_string(),
        subtitle: "By PageRank and betweenness".to_string(),
        note: "Test data.".to_string(),
        panels: vec![
            BarPanel {
                title: "Top 6 by PageRank".to_string(),
                axis_label: "PageRank".to_string(),
                items: items(0.01),
            },
            BarPanel {
                title: "Top 6 by betweenness".to_string(),
                axis_label: "Betweenness".to_string(),
                items: items(1200.0),
            },
        ],
    };
    let png = render_bars(&chart, SMALL).expect("renders");
    check("bars", &png, SMALL, &kind_colours());
    assert_eq!(png, render_bars(&chart, SMALL).expect("renders"));
    assert!(render_bars(&BarsChart::default(), SMALL).is_ok());
}

#[test]
fn communities_png() {
    let chart = CommunitiesChart {
        title: "Communities".to_string(),
        subtitle: String::new(),
        note: String::new(),
        axis_label: String::new(),
        communities: (0..5)
            .map(|c| CommunityBar {
                name: format!("C{}", c + 1),
                top_member: format!("Top member {c}"),
                counts: kinds().iter().map(|&k| (k, 10.0 + c as f64)).collect(),
            })
            .collect(),
    };
    let png = render_communities(&chart, SMALL).expect("renders");
    check("communities", &png, SMALL, &kind_colours());
    assert_eq!(png, render_communities(&chart, SMALL).expect("renders"));
}

#[test]
fn heatmap_png() {
    let groups: Vec<String> = (0..5).map(|i| format!("Group {i}")).collect();
    let m = |k: f64| -> Vec<Vec<f64>> {
        (0..5)
            .map(|i| (0..5).map(|j| ((i * 3 + j) % 7) as f64 * k).collect())
            .collect()
    };
    let chart = HeatmapChart {
        title: "Blocs".to_string(),
        subtitle: String::new(),
        note: String::new(),
        groups,
        hostile: m(1.0),
        supportive: m(2.0),
        value_label: "relations".to_string(),
        row_title: String::new(),
        col_title: String::new(),
    };
    let png = render_heatmap(&chart, SMALL).expect("renders");
    let strongest = |s: Sign| (theme::ramp(s, 1.0), s.label());
    let colours = [strongest(Sign::Hostile), strongest(Sign::Supportive)];
    check("heatmap", &png, SMALL, &colours);
    assert_eq!(png, render_heatmap(&chart, SMALL).expect("renders"));
}

#[test]
fn timeline_png() {
    let chart = TimelineChart {
        title: "Timeline".to_string(),
        subtitle: String::new(),
        note: String::new(),
        granularity: Granularity::Month,
        series: vec!["Coverage".to_string(), "Attack".to_string()],
        periods: (1..=12)
            .map(|m| Period {
                start: Date::new(2025, m, 1),
                counts: vec![m as f64, 12.0 - m as f64],
            })
            .collect(),
        events: vec![
            TimelineEvent {
                date: Date::new(2025, 3, 15),
                label: "Leak".to_string(),
            },
            TimelineEvent {
                date: Date::new(2025, 3, 18),
                label: "Sanctions".to_string(),
            },
            TimelineEvent {
                date: Date::new(2030, 1, 1),
                label: "Outside".to_string(),
            },
        ],
        y_label: "Relations per month".to_string(),
    };
    let png = render_timeline(&chart, SMALL).expect("renders");
    let series = |i| (theme::community_color(i), "series");
    check("timeline", &png, SMALL, &[series(0), series(1)]);
    assert_eq!(png, render_timeline(&chart, SMALL).expect("renders"));
}

#[test]
fn degrees_png() {
    let degrees: Vec<u64> = (0..500u64).map(|i| 1000 / (i + 1)).collect();
    let chart = DegreesChart {
        title: "Degrees".to_string(),
        subtitle: String::new(),
        note: String::new(),
        series: vec![
            DegreeSeries {
                label: "In-degree".to_string(),
                degrees: degrees.clone(),
            },
            DegreeSeries {
                label: "Out-degree".to_string(),
                degrees: degrees.iter().map(|d| d / 2).collect(),
            },
        ],
    };
    let png = render_degrees(&chart, SMALL).expect("renders");
    let series = |i| (theme::community_color(i), "series");
    check("degrees", &png, SMALL, &[series(0), series(1)]);
    assert_eq!(png, render_degrees(&chart, SMALL).expect("renders"));
}

#[test]
fn bump_png() {
    let chart = BumpChart {
        title: "Ranks".to_string(),
        subtitle: String::new(),
        note: String::new(),
        windows: vec!["Q1".to_string(), "Q2".to_string(), "Q3".to_string()],
        series: kinds()
            .iter()
            .enumerate()
            .map(|(i, &kind)| BumpSeries {
                label: kind.label().to_string(),
                kind,
                ranks: vec![Some(i as u32 + 1), Some(6 - i as u32), None],
            })
            .collect(),
        max_rank: 6,
    };
    let png = render_bump(&chart, SMALL).expect("renders");
    check("bump", &png, SMALL, &kind_colours());
    assert_eq!(png, render_bump(&chart, SMALL).expect("renders"));
}

#[test]
fn invalid_sizes_are_errors() {
    let bad = Size::new(10, 10);
    assert!(matches!(
        render_bars(&BarsChart::default(), bad),
        Err(RenderError::InvalidSize { .. })
    ));
    assert!(render_network(&NetworkChart::default(), Size::new(8000, 8000)).is_err());
    assert!(register_fonts().is_ok());
}

#[test]
fn empty_inputs_render() {
    assert!(render_network(&NetworkChart::default(), SMALL).is_ok());
    assert!(render_bars(&BarsChart::default(), SMALL).is_ok());
    assert!(render_communities(&CommunitiesChart::default(), SMALL).is_ok());
    assert!(render_heatmap(&HeatmapChart::default(), SMALL).is_ok());
    assert!(render_degrees(&DegreesChart::default(), SMALL).is_ok());
    assert!(render_bump(&BumpChart::default(), SMALL).is_ok());
    let timeline = TimelineChart {
        title: String::new(),
        subtitle: String::new(),
        note: String::new(),
        granularity: Granularity::Day,
        series: Vec::new(),
        periods: Vec::new(),
        events: vec![TimelineEvent {
            date: Date::new(2026, 1, 1),
            label: "Nothing".to_string(),
        }],
        y_label: String::new(),
    };
    assert!(render_timeline(&timeline, SMALL).is_ok());
}
