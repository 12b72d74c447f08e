//! `powermap centrality` end to end (CSV loading, metric graph, every metric) against the NetworkX
//! golden files of `tests/golden/centrality/`, for every fixture and the bundled dataset.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const COLUMNS: &str = "id,name,type,in_degree,out_degree,degree,in_strength,out_strength,pagerank,\
betweenness,closeness,harmonic,eigenvector,katz,hub,authority,coreness";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_csv(args: &[&str]) -> String {
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .args(args)
        .args(["--format", "csv", "-q"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Rows keyed by their first column.
fn read(text: &str) -> (Vec<String>, BTreeMap<String, BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let mut rows = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let key = header
            .iter()
            .take(2)
            .map(|h| rec[header.iter().position(|x| x == h).unwrap()].to_string());
        let key = if header[0] == "source" {
            key.collect::<Vec<_>>().join("->")
        } else {
            rec[0].to_string()
        };
        rows.insert(
            key,
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect(),
        );
    }
    (header, rows)
}

fn close(ours: &str, golden: &str) -> bool {
    match (ours.parse::<f64>(), golden.parse::<f64>()) {
        (Ok(a), Ok(b)) => (a - b).abs() <= 1e-9 + 1e-6 * b.abs(),
        _ => ours == golden,
    }
}

/// Eigenvector on these acyclic fixtures creeps to its limit polynomially; the golden value is
/// NetworkX's default-tolerance iterate (see tests/golden/notes.json), which powermap reports too.
fn compare(name: &str, ours: &str, golden: &Path) {
    let (_, ours) = read(ours);
    let (gh, golden) = read(&std::fs::read_to_string(golden).unwrap());
    assert_eq!(ours.len(), golden.len(), "{name}: row count");
    for (key, grow) in &golden {
        let orow = ours
            .get(key)
            .unwrap_or_else(|| panic!("{name}: missing row {key}"));
        for col in gh.iter().skip(1) {
            let (o, g) = (&orow[col], &grow[col]);
            assert!(close(o, g), "{name} {key} {col}: ours {o}, NetworkX {g}");
        }
    }
}

fn fixtures() -> Vec<(String, PathBuf)> {
    let mut v: Vec<(String, PathBuf)> = std::fs::read_dir(root().join("tests/fixtures/graphs"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), p)
        })
        .collect();
    v.sort();
    v.push((
        "fr-election-2017".into(),
        root().join("data/fr-election-2017"),
    ));
    v
}

#[test]
fn node_metrics_match_networkx_on_every_fixture() {
    let golden = root().join("tests/golden/centrality");
    for (name, dir) in fixtures() {
        let text = run_csv(&["centrality", dir.to_str().unwrap()]);
        assert_eq!(text.lines().next(), Some(COLUMNS), "{name}: header");
        compare(&name, &text, &golden.join(format!("{name}.csv")));
    }
}

#[test]
fn edge_betweenness_matches_networkx() {
    let golden = root().join("tests/golden/centrality");
    for (name, dir) in fixtures() {
        let path = golden.join(format!("{name}.edges.csv"));
        if !path.exists() {
            continue;
        }
        let text = run_csv(&["centrality", dir.to_str().unwrap(), "--edges"]);
        assert!(text.starts_with("source,target,betweenness\n"));
        compare(&format!("{name} edges"), &text, &path);
    }
}

#[test]
fn variants_match_networkx() {
    let golden = root().join("tests/golden/centrality");
    for (name, dir) in fixtures() {
        let path = golden.join(format!("{name}.variants.csv"));
        if !path.exists() {
            continue;
        }
        let (_, g) = read(&std::fs::read_to_string(&path).unwrap());
        let ids: Vec<&String> = g.keys().collect();
        let d = dir.to_str().unwrap();
        let personal = format!("{},{}", ids[0], ids[1]);
        let cases: Vec<(&str, Vec<&str>, &str)> = vec![
            ("pagerank_d50", vec!["--damping", "0.5"], "pagerank"),
            (
                "pagerank_personalized",
                vec!["--personalize", &personal],
                "pagerank",
            ),
            (
                "betweenness_weight",
                vec!["--distance", "weight"],
                "betweenness",
            ),
            (
                "betweenness_inverse_weight",
                vec!["--distance", "inverse-weight"],
                "betweenness",
            ),
            (
                "closeness_weight",
                vec!["--distance", "weight"],
                "closeness",
            ),
            (
                "closeness_inverse_weight",
                vec!["--distance", "inverse-weight"],
                "closeness",
            ),
            ("harmonic_weight", vec!["--distance", "weight"], "harmonic"),
            (
                "harmonic_inverse_weight",
                vec!["--distance", "inverse-weight"],
                "harmonic",
            ),
        ];
        for (golden_col, extra, metric) in cases {
            let mut args = vec!["centrality", d, "--metrics", metric];
            args.extend(extra);
            let (_, ours) = read(&run_csv(&args));
            for (id, row) in &g {
                let (o, w) = (&ours[id][metric], &row[golden_col]);
                assert!(
                    close(o, w),
                    "{name} {id} {golden_col}: ours {o}, NetworkX {w}"
                );
            }
        }
    }
}

#[test]
fn table_format_ranks_by_pagerank_and_sampled_betweenness_is_seeded() {
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .args(["centrality", "--top", "3", "-q"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2 + 3 + 1, "{text}");
    let a = run_csv(&[
        "centrality",
        "--betweenness-samples",
        "5",
        "--seed",
        "7",
        "--metrics",
        "betweenness",
    ]);
    let b = run_csv(&[
        "centrality",
        "--betweenness-samples",
        "5",
        "--seed",
        "7",
        "--metrics",
        "betweenness",
    ]);
    assert_eq!(a, b);
    Command::cargo_bin("powermap")
        .unwrap()
        .args(["centrality", "--personalize", "nobody"])
        .assert()
        .code(2);
    Command::cargo_bin("powermap")
        .unwrap()
        .args(["centrality", "--damping", "1.5"])
        .assert()
        .code(2);
}
