//! `powermap stats` on the bundled dataset, asserted exactly, and the dataset filters.

use assert_cmd::Command;

fn stats_json(args: &[&str]) -> serde_json::Value {
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .args(["stats", "--format", "json", "-q"])
        .args(args)
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

#[test]
fn bundled_dataset_stats_are_exact() {
    let v = stats_json(&[]);
    assert_eq!(v["dataset"], "fr-election-2017");
    assert_eq!(v["entities"], 22);
    assert_eq!(v["relations"], 36);
    assert_eq!(v["arcs"], 34);
    assert_eq!(v["directed"], true);
    assert!((v["density"].as_f64().unwrap() - 34.0 / (22.0 * 21.0)).abs() < 1e-15);
    assert_eq!(v["weak_components"], 1);
    assert_eq!(v["strong_components"], 17);
    assert!((v["reciprocity"].as_f64().unwrap() - 4.0 / 34.0).abs() < 1e-15);
    assert_eq!(v["self_loops_dropped"], 0);
    assert_eq!(v["entity_types"]["candidate"], 5);
    assert_eq!(v["entity_types"]["outlet"], 2);
    assert_eq!(v["relation_types"]["accuses"], 6);
    assert_eq!(v["sources"], 1);
}

#[test]
fn bundled_dataset_works_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("powermap")
        .unwrap()
        .current_dir(dir.path())
        .arg("validate")
        .assert()
        .success();
}

#[test]
fn filters_apply_before_the_graph() {
    let hostile = stats_json(&["--sign", "hostile"]);
    assert_eq!(hostile["relation_types"].get("owns"), None);
    assert!(hostile["relations"].as_u64().unwrap() < 36);
    let outlets = stats_json(&["--entity-types", "outlet,state"]);
    assert_eq!(outlets["entities"], 6);
    let dated = stats_json(&["--since", "2017-02-14", "--until", "2017-02-15"]);
    assert!(dated["relations"].as_u64().unwrap() <= dated["dated_relations"].as_u64().unwrap());
    let sure = stats_json(&["--min-confidence", "confirmed"]);
    let all = stats_json(&[]);
    assert!(sure["relations"].as_u64().unwrap() < all["relations"].as_u64().unwrap());
}

#[test]
fn csv_and_table_formats() {
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .args(["stats", "--format", "csv", "-q"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("metric,value\n"));
    assert!(text.contains("\nentities,22\n"));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.txt");
    Command::cargo_bin("powermap")
        .unwrap()
        .args(["stats", "-q", "--out"])
        .arg(&f)
        .assert()
        .success()
        .stdout("");
    assert!(std::fs::read_to_string(&f)
        .unwrap()
        .contains("strong_components"));
}
