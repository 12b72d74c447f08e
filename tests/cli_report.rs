//! `powermap report`: the files it writes, determinism, and never touching a user's files.

use assert_cmd::Command;

fn report(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("powermap")
        .unwrap()
        .args(["report", "-q", "--out"])
        .arg(dir)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn writes_every_file_and_is_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(report(&a, &[]).status.code(), Some(0));
    assert_eq!(report(&b, &[]).status.code(), Some(0));
    for name in [
        "report.md",
        "report.json",
        "centrality.csv",
        "communities.csv",
    ] {
        let (x, y) = (
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
        );
        assert!(!x.is_empty(), "{name} empty");
        assert_eq!(x, y, "{name} differs between runs");
    }
    let md = std::fs::read_to_string(a.join("report.md")).unwrap();
    assert!(md.contains("ranks first by PageRank"));
    assert!(md.contains("Sources: `thelocal-2017-02-15`"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(a.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["stats"]["entities"], 22);
    assert!(!json["findings"].as_array().unwrap().is_empty());
    // Running again into its own folder is allowed.
    assert_eq!(report(&a, &[]).status.code(), Some(0));
}

#[test]
fn refuses_a_folder_with_foreign_files_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let mine = tmp.path().join("notes.txt");
    std::fs::write(&mine, "my notes").unwrap();
    let out = report(tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt"));
    assert!(!tmp.path().join("report.md").exists());
    assert_eq!(report(tmp.path(), &["--force"]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my notes");
    assert!(tmp.path().join("report.md").exists());
}

#[test]
fn invalid_dataset_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("r");
    let out = Command::cargo_bin("powermap")
        .unwrap()
        .args(["report", "tests/fixtures/bad/bad_weight", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!out_dir.exists());
}

/// Decodes a PNG into (width, height, RGB pixels).
fn decode(path: &std::path::Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, pixels)
}

#[test]
fn charts_have_their_size_content_and_type_colours() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("r");
    assert_eq!(
        report(
            &dir,
            &["--width", "1200", "--height", "900", "--color-by", "type"]
        )
        .status
        .code(),
        Some(0)
    );
    for name in [
        "network.png",
        "centrality.png",
        "communities.png",
        "blocs.png",
        "timeline.png",
        "degree-distribution.png",
    ] {
        let (w, h, px) = decode(&dir.join(name));
        assert_eq!((w, h), (1200, 900), "{name}");
        let distinct: std::collections::HashSet<[u8; 3]> = px.iter().copied().collect();
        assert!(
            distinct.len() > 50,
            "{name} looks blank ({} colours)",
            distinct.len()
        );
    }
    // The legend colour of every entity type of the bundled case appears on the map and the bars.
    use powermap::render::theme::EntityKind;
    for name in ["network.png", "centrality.png"] {
        let (_, _, px) = decode(&dir.join(name));
        for kind in [
            "state",
            "outlet",
            "candidate",
            "official",
            "agency",
            "party",
            "campaign",
            "group",
        ] {
            let c = EntityKind::parse(kind).color();
            assert!(
                px.contains(&[c.0, c.1, c.2]),
                "{name}: no pixel of the {kind} colour"
            );
        }
    }
}

#[test]
fn report_runs_on_a_generated_ten_thousand_entity_graph() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    Command::cargo_bin("powermap")
        .unwrap()
        .args([
            "generate",
            "--entities",
            "10000",
            "--relations",
            "30000",
            "--seed",
            "5",
            "-q",
            "--out",
        ])
        .arg(&data)
        .assert()
        .success();
    let out = tmp.path().join("r");
    let res = Command::cargo_bin("powermap")
        .unwrap()
        .args(["report", "-q", "--top", "10", "--out"])
        .arg(&out)
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(
        res.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let (w, h, px) = decode(&out.join("network.png"));
    assert_eq!((w, h), (1600, 1200));
    assert!(px.iter().collect::<std::collections::HashSet<_>>().len() > 50);
    let rows = std::fs::read_to_string(out.join("centrality.csv"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(rows, 10_001);
}

#[test]
fn plot_writes_one_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("blocs.png");
    Command::cargo_bin("powermap")
        .unwrap()
        .args(["plot", "blocs", "-q", "--out"])
        .arg(&f)
        .assert()
        .success();
    assert_eq!(decode(&f).0, 1600);
    Command::cargo_bin("powermap")
        .unwrap()
        .args([
            "plot",
            "timeline",
            "tests/fixtures/graphs/karate",
            "-q",
            "--out",
        ])
        .arg(tmp.path().join("t.png"))
        .assert()
        .code(2);
}
