//! Community detection benchmark on a seeded planted-partition graph (LFR-like block sizes).
//!
//! ```text
//! cargo run --release --example bench_community -- [--nodes 100000] [--degree 20] [--mixing 0.3]
//!     [--seed 42] [--runs 1] [--write-edges FILE] [--write-blocks FILE] [--no-lpa]
//! ```
//!
//! Prints, for Leiden, Louvain and label propagation: wall and CPU time per run (`--runs` seeds
//! 42, 43, ...), best and mean modularity, and for the best run the number of communities and the
//! NMI against the planted blocks; then the process's peak resident memory.
//! `--write-edges` dumps the graph as `u v weight` lines (and `--write-blocks` the planted block
//! of each node, one per line) for `bench/community_vs_igraph.py`, which runs python-igraph on the
//! same graph.

#[path = "../tests/support/planted.rs"]
mod planted;

use powermap::analysis::community::label_propagation::label_propagation;
use powermap::analysis::community::leiden::leiden;
use powermap::analysis::community::louvain::{louvain, DEFAULT_THRESHOLD};
use powermap::analysis::community::quality::{modularity, nmi};
use powermap::analysis::community::{Partition, Quality};
use powermap::graph::Csr;
use powermap::util::rng::SeededRng;
use std::io::{BufWriter, Write};
use std::time::Instant;

struct Args {
    nodes: usize,
    degree: f64,
    mixing: f64,
    seed: u64,
    runs: usize,
    write_edges: Option<String>,
    write_blocks: Option<String>,
    lpa: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        nodes: 100_000,
        degree: 20.0,
        mixing: 0.3,
        seed: 42,
        runs: 1,
        write_edges: None,
        write_blocks: None,
        lpa: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let bad = |e: &dyn std::fmt::Display| format!("{flag}: {e}");
        match flag.as_str() {
            "--nodes" => a.nodes = value()?.parse().map_err(|e| bad(&e))?,
            "--degree" => a.degree = value()?.parse().map_err(|e| bad(&e))?,
            "--mixing" => a.mixing = value()?.parse().map_err(|e| bad(&e))?,
            "--seed" => a.seed = value()?.parse().map_err(|e| bad(&e))?,
            "--runs" => a.runs = value()?.parse().map_err(|e| bad(&e))?,
            "--write-edges" => a.write_edges = Some(value()?),
            "--write-blocks" => a.write_blocks = Some(value()?),
            "--no-lpa" => a.lpa = false,
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    Ok(a)
}

fn write_lines(path: &str, lines: impl Iterator<Item = String>) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for line in lines {
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// Peak resident set size of this process in MiB (Linux `VmHWM`), if available.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time of the calling thread in seconds (Linux `schedstat`), the fair measure when other
/// processes compete for the cores; wall time is reported too.
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e9)
}

fn report(name: &str, g: &Csr, planted: &[u32], runs: usize, run: impl Fn(u64) -> Partition) {
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut best: Option<(f64, Partition)> = None;
    let mut q_sum = 0.0;
    for r in 0..runs {
        let start = Instant::now();
        let cpu_start = thread_cpu_seconds();
        let p = run(42 + r as u64);
        cpu.push(thread_cpu_seconds() - cpu_start);
        times.push(start.elapsed().as_secs_f64());
        let q = modularity(g, p.membership(), 1.0);
        q_sum += q;
        if best.as_ref().is_none_or(|(bq, _)| q > *bq) {
            best = Some((q, p));
        }
    }
    let Some((q, p)) = best else { return };
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    let cpu_mean = cpu.iter().sum::<f64>() / cpu.len() as f64;
    let cpu_min = cpu.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "{name:<18} wall mean {mean:7.3}s min {min:7.3}s  cpu mean {cpu_mean:7.3}s min {cpu_min:7.3}s  \
         modularity best {q:.6} mean {:.6}  communities {:6}  NMI {:.4}",
        q_sum / runs as f64,
        p.count(),
        nmi(p.membership(), planted)
    );
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench_community: {e}");
            std::process::exit(2);
        }
    };
    let mut rng = SeededRng::new(args.seed);
    let sizes = planted::power_law_sizes(args.nodes, 20, 1000, 1.5, &mut rng);
    let start = Instant::now();
    let (g, planted) = planted::planted_partition(&sizes, args.degree, args.mixing, args.seed);
    println!(
        "graph: {} nodes, {} edges, {} planted blocks, mixing {} (generated in {:.2}s)",
        g.node_count(),
        g.arc_count(),
        sizes.len(),
        args.mixing,
        start.elapsed().as_secs_f64()
    );
    println!(
        "planted partition modularity {:.6}",
        modularity(&g, &planted, 1.0)
    );
    if let Some(path) = &args.write_edges {
        let lines = g.arcs().map(|(u, v, w)| format!("{u} {v} {w}"));
        if let Err(e) = write_lines(path, lines) {
            eprintln!("bench_community: cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
    if let Some(path) = &args.write_blocks {
        if let Err(e) = write_lines(path, planted.iter().map(|b| b.to_string())) {
            eprintln!("bench_community: cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
    let q = Quality::Modularity { resolution: 1.0 };
    report("leiden", &g, &planted, args.runs, |s| {
        leiden(&g, q, s, None)
    });
    report("louvain", &g, &planted, args.runs, |s| {
        louvain(&g, q, DEFAULT_THRESHOLD, s)
    });
    if args.lpa {
        report("label propagation", &g, &planted, 1, |_| {
            label_propagation(&g)
        });
    }
    if let Some(mib) = peak_rss_mib() {
        println!("peak resident memory {mib:.0} MiB");
    }
}
