//! Benchmark: CSV to metric graph (load, validate, build) on a generated dataset.
//!
//! Usage: `cargo run --release --example bench_load -- [ENTITIES] [RELATIONS] [SEED]`
//! (default 100000 1000000 42). The dataset is generated once into the system temp directory and
//! reused. Prints wall time for each phase and the peak resident memory of the process.

use powermap::graph::{Filter, MetricGraph};
use powermap::synth::{write_entities, write_relations, SynthSpec};
use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let spec = SynthSpec {
        entities: *args.first().unwrap_or(&100_000) as usize,
        relations: *args.get(1).unwrap_or(&1_000_000) as usize,
        seed: *args.get(2).unwrap_or(&42),
    };
    let dir = std::env::temp_dir().join(format!(
        "powermap-bench-{}-{}-{}",
        spec.entities, spec.relations, spec.seed
    ));
    if !dir.join("relations.csv").exists() {
        std::fs::create_dir_all(&dir)?;
        let mut e = std::io::BufWriter::new(std::fs::File::create(dir.join("entities.csv"))?);
        write_entities(&spec, &mut e)?;
        let mut r = std::io::BufWriter::new(std::fs::File::create(dir.join("relations.csv"))?);
        write_relations(&spec, &mut r)?;
    }
    let size = std::fs::metadata(dir.join("relations.csv"))?.len() as f64 / 1e6;
    let t0 = Instant::now();
    let loaded = powermap::load::load_dir(&dir).map_err(|e| e.0.render())?;
    let t1 = Instant::now();
    let graph = MetricGraph::build(&loaded.dataset, &Filter::default());
    let t2 = Instant::now();
    println!(
        "{} entities, {} relations ({size:.0} MB) -> {} arcs",
        loaded.dataset.entities.len(),
        loaded.dataset.relations.len(),
        graph.csr().arc_count()
    );
    println!("load+validate  {:>8.3} s", (t1 - t0).as_secs_f64());
    println!("metric graph   {:>8.3} s", (t2 - t1).as_secs_f64());
    println!("total          {:>8.3} s", (t2 - t0).as_secs_f64());
    if let Some(mb) = peak_rss_mb() {
        println!("peak memory    {mb:>8.0} MB");
    }
    Ok(())
}
