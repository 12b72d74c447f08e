//! `powermap communities` end to end: quality on Zachary's karate club, modularity recomputed
//! independently from the CSV, determinism, row-order invariance, summaries.

use assert_cmd::Command;
use std::collections::HashMap;

fn json(args: &[&str]) -> serde_json::Value {
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .arg("communities")
        .args(args)
        .args(["--format", "json", "-q"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Modularity by its definition, summing over all ordered node pairs of the undirected
/// projection: Q = 1/2m sum_ij (A_ij - R k_i k_j / 2m) [c_i = c_j].
fn naive_modularity(dir: &str, membership: &HashMap<String, u64>, resolution: f64) -> f64 {
    let mut r = csv::Reader::from_path(format!("{dir}/relations.csv")).unwrap();
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n);
    let mut a: HashMap<(String, String), f64> = HashMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let (s, t) = (
            rec[col("source").unwrap()].to_string(),
            rec[col("target").unwrap()].to_string(),
        );
        if s == t {
            continue;
        }
        let w: f64 = col("weight").map_or(1.0, |c| rec[c].parse().unwrap_or(1.0));
        *a.entry((s.clone(), t.clone())).or_default() += w;
        *a.entry((t, s)).or_default() += w;
    }
    let nodes: Vec<&String> = membership.keys().collect();
    let k: HashMap<&String, f64> = nodes
        .iter()
        .map(|&n| {
            (
                n,
                a.iter().filter(|((s, _), _)| s == n).map(|(_, w)| w).sum(),
            )
        })
        .collect();
    let two_m: f64 = k.values().sum();
    let mut q = 0.0;
    for &i in &nodes {
        for &j in &nodes {
            if membership[i] == membership[j] {
                let aij = a.get(&(i.clone(), j.clone())).copied().unwrap_or(0.0);
                q += aij - resolution * k[i] * k[j] / two_m;
            }
        }
    }
    q / two_m
}

fn membership(v: &serde_json::Value) -> HashMap<String, u64> {
    v["membership"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_string(),
                m["community"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn leiden_reaches_the_karate_optimum_and_modularity_is_exact() {
    let dir = "tests/fixtures/graphs/karate";
    let v = json(&[dir]);
    let q = v["modularity"].as_f64().unwrap();
    assert!(q >= 0.4197, "karate modularity {q}");
    assert!((q - naive_modularity(dir, &membership(&v), 1.0)).abs() < 1e-9);
    for algo in ["louvain", "label-propagation"] {
        let v = json(&[dir, "--algorithm", algo, "--resolution", "0.9"]);
        let q = v["modularity"].as_f64().unwrap();
        assert!(
            (q - naive_modularity(dir, &membership(&v), 0.9)).abs() < 1e-9,
            "{algo}"
        );
    }
}

#[test]
fn same_seed_same_partition_and_row_order_does_not_matter() {
    let a = json(&["tests/fixtures/graphs/lesmis", "--seed", "3"]);
    let b = json(&["tests/fixtures/graphs/lesmis", "--seed", "3"]);
    assert_eq!(a, b);
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/fixtures/graphs/lesmis/relations.csv").unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    std::fs::write(tmp.path().join("relations.csv"), lines.join("\n") + "\n").unwrap();
    std::fs::copy(
        "tests/fixtures/graphs/lesmis/entities.csv",
        tmp.path().join("entities.csv"),
    )
    .unwrap();
    let c = json(&[tmp.path().to_str().unwrap(), "--seed", "3"]);
    assert_eq!(a["membership"], c["membership"]);
}

#[test]
fn summaries_cover_every_member_and_relation() {
    let v = json(&["--summary", "--blocs"]);
    let sizes: u64 = v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["size"].as_u64().unwrap())
        .sum();
    assert_eq!(sizes, 22);
    let relations: u64 = v["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["relations"].as_u64().unwrap())
        .sum();
    assert_eq!(relations, 36);
    let contributions: f64 = v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["modularity_contribution"].as_f64().unwrap())
        .sum();
    assert!((contributions - v["modularity"].as_f64().unwrap()).abs() < 1e-12);
}

#[test]
fn csv_is_id_and_community() {
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .args(["communities", "--format", "csv", "-q"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("id,community\n"));
    assert_eq!(text.lines().count(), 23);
}
