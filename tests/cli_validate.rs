//! The bad-input corpus: every rejection class gives exit code 2 and exactly the expected
//! `FILE:LINE[:COLUMN]` diagnostics; accepted tricky inputs load; inputs are never modified.

use assert_cmd::Command;
use std::path::Path;

fn powermap() -> Command {
    Command::cargo_bin("powermap").unwrap()
}

const BAD: &str = "tests/fixtures/bad";

#[test]
fn every_bad_input_gives_its_exact_errors_and_exit_2() {
    let mut cases = 0;
    for entry in std::fs::read_dir(BAD).unwrap() {
        let dir = entry.unwrap().path();
        let case = dir.file_name().unwrap().to_str().unwrap().to_string();
        let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
        let out = powermap()
            .current_dir(BAD)
            .args(["validate", &case])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{case}: exit code");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
        let wanted: Vec<&str> = expected.lines().collect();
        assert!(!wanted.is_empty(), "{case}: expected.txt is empty");
        assert_eq!(errors, wanted, "{case}: diagnostics differ");
        cases += 1;
    }
    assert!(cases >= 17, "only {cases} cases found");
}

#[test]
fn errors_past_the_cap_are_counted() {
    let out = powermap()
        .current_dir(BAD)
        .args(["validate", "many_errors"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("... and 50 more errors"), "{stderr}");
    assert!(stderr.contains("150 error(s)"), "{stderr}");
}

#[test]
fn invalid_input_writes_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("stats.json");
    powermap()
        .args([
            "stats",
            &format!("{BAD}/bad_weight"),
            "--format",
            "json",
            "--out",
        ])
        .arg(&out_file)
        .assert()
        .code(2);
    assert!(!out_file.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn tricky_but_valid_input_is_accepted_and_untouched() {
    let dir = Path::new("tests/fixtures/tricky");
    let before = snapshot(dir);
    let out = powermap()
        .args(["stats", "tests/fixtures/tricky", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entities"], 3);
    assert_eq!(v["relations"], 4);
    // fr->ru, ru->fr, ru->lemonde, and lemonde<->fr from the one undirected row.
    assert_eq!(v["arcs"], 5);
    assert_eq!(v["directed"], true);
    assert_eq!(v["reciprocity"], 0.8);
    assert_eq!(v["relation_types"]["accuses"], 1);
    assert_eq!(v["entity_types"]["state"], 2);
    assert_eq!(v["date_from"], "2017");
    assert_eq!(snapshot(dir), before);
}

#[test]
fn warnings_do_not_fail_validation() {
    let out = powermap()
        .args(["validate", "tests/fixtures/warnings"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("relations.csv:3: warning: self-loop 'ru'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("relations.csv:4: warning: duplicate of the relation on line 2"),
        "{stderr}"
    );
    assert!(
        stderr.contains("entities.csv:4: warning: entity 'us' has no relation"),
        "{stderr}"
    );
    let quiet = powermap()
        .args(["-q", "validate", "tests/fixtures/warnings"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
}

#[test]
fn files_can_be_named_one_by_one() {
    let out = powermap()
        .args([
            "stats",
            "--relations",
            "tests/fixtures/warnings/relations.csv",
            "--format",
            "json",
            "-q",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Without entities.csv, entities are implied by relations: fr and ru only.
    assert_eq!(v["entities"], 2);
    assert_eq!(v["self_loops_dropped"], 1);
    assert_eq!(v["entity_types"]["unknown"], 2);
}

#[test]
fn bad_usage_exits_2() {
    powermap()
        .args(["stats", "--since", "2017-13"])
        .assert()
        .code(2);
    powermap()
        .args(["stats", "--min-confidence", "2"])
        .assert()
        .code(2);
    powermap().args(["frobnicate"]).assert().code(2);
    powermap().args(["stats", "no/such/dir"]).assert().code(2);
}
