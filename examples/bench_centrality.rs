//! Times every centrality on a seeded random directed graph.
//!
//! ```sh
//! cargo run --release --example bench_centrality -- --nodes 100000 --arcs 1000000 --threads 2
//! ```
//!
//! Options: `--nodes N` (default 100000), `--arcs M` (default 1000000), `--threads T` (default:
//! all cores), `--seed S` (default 42), `--skip-all-pairs` (omit betweenness, closeness and
//! harmonic, which are O(n·m)), `--only NAME` (time only the metrics whose name contains NAME,
//! e.g. `betweenness`), `--distance hops|weight|inverse` (arc length for the all-pairs metrics,
//! default hops), `--pivots K` (also time betweenness from K sampled sources),
//! `--write-edges FILE` (write the graph as `source target weight` lines, for
//! `bench/centrality_vs_igraph.py`). The graph has M distinct arcs drawn uniformly without
//! self-loops, with weights uniform in (0, 1]; it is built directly as a CSR.

use powermap::analysis::centrality::{
    betweenness, betweenness_sampled, closeness_harmonic, coreness, degrees, eigenvector, hits,
    katz, pagerank, CentralityError, Distance, IterOptions, PowerResult,
};
use powermap::graph::Csr;
use powermap::util::rng::SeededRng;
use std::io::Write;
use std::time::Instant;

struct Args {
    nodes: usize,
    arcs: usize,
    threads: Option<usize>,
    seed: u64,
    skip_all_pairs: bool,
    pivots: Option<usize>,
    write_edges: Option<String>,
    only: Option<String>,
    distance: Distance,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        nodes: 100_000,
        arcs: 1_000_000,
        threads: None,
        seed: 42,
        skip_all_pairs: false,
        pivots: None,
        write_edges: None,
        only: None,
        distance: Distance::Hops,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |s: String| s.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--nodes" => a.nodes = number(value()?)?,
            "--arcs" => a.arcs = number(value()?)?,
            "--threads" => a.threads = Some(number(value()?)?),
            "--seed" => a.seed = number(value()?)? as u64,
            "--pivots" => a.pivots = Some(number(value()?)?),
            "--write-edges" => a.write_edges = Some(value()?),
            "--only" => a.only = Some(value()?),
            "--distance" => {
                a.distance = match value()?.as_str() {
                    "hops" => Distance::Hops,
                    "weight" => Distance::Weight,
                    "inverse" => Distance::InverseWeight,
                    other => return Err(format!("unknown distance {other}")),
                }
            }
            "--skip-all-pairs" => a.skip_all_pairs = true,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let max_arcs = a.nodes.saturating_mul(a.nodes.saturating_sub(1));
    if a.arcs > max_arcs / 2 {
        return Err(format!(
            "at most {} arcs for {} nodes",
            max_arcs / 2,
            a.nodes
        ));
    }
    Ok(a)
}

/// `m` distinct non-loop arcs drawn uniformly, weights in (0, 1].
fn random_graph(n: usize, m: usize, seed: u64) -> Csr {
    let mut rng = SeededRng::new(seed);
    let mut keys: Vec<u64> = Vec::with_capacity(m + m / 8);
    while keys.len() < m {
        while keys.len() < m + m / 16 + 16 {
            let (u, v) = (rng.below(n) as u64, rng.below(n) as u64);
            if u != v {
                keys.push(u << 32 | v);
            }
        }
        keys.sort_unstable();
        keys.dedup();
    }
    // Dedup keeps the smallest keys; drop a random surplus instead of the largest ones.
    rng.shuffle(&mut keys);
    keys.truncate(m);
    keys.sort_unstable();
    let arcs: Vec<(u32, u32, f64)> = keys
        .iter()
        .map(|&k| ((k >> 32) as u32, k as u32, 1.0 - rng.next_f64()))
        .collect();
    Csr::from_arcs(n, true, &arcs)
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU seconds (user + system, all threads) used by the process so far, from /proc; `None`
/// off Linux. Compared with wall time it shows whether threads really ran in parallel, which
/// wall time alone cannot on a shared machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Name, wall-clock seconds, CPU seconds and note of each timed metric.
#[derive(Default)]
struct Timings {
    only: Option<String>,
    rows: Vec<(String, f64, Option<f64>, String)>,
}

impl Timings {
    /// Times `f` unless `--only` excludes `name`; returns a note describing the result.
    fn run<T>(&mut self, name: &str, f: impl FnOnce() -> T, note: impl Fn(&T) -> String) {
        if self
            .only
            .as_ref()
            .is_some_and(|o| !name.contains(o.as_str()))
        {
            return;
        }
        let (start, cpu) = (Instant::now(), cpu_seconds());
        let out = f();
        let secs = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
        self.rows.push((name.to_string(), secs, cpu, note(&out)));
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench_centrality: {e}");
            std::process::exit(2);
        }
    };
    if let Some(t) = args.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build_global()
        {
            eprintln!("bench_centrality: {e}");
            std::process::exit(2);
        }
    }
    let start = Instant::now();
    let g = random_graph(args.nodes, args.arcs, args.seed);
    let build = start.elapsed().as_secs_f64();
    if let Some(path) = &args.write_edges {
        let file = std::fs::File::create(path).expect("create edge file");
        let mut w = std::io::BufWriter::new(file);
        writeln!(w, "# {} nodes, directed", g.node_count()).expect("write");
        for (u, v, wt) in g.arcs() {
            writeln!(w, "{u} {v} {wt:?}").expect("write");
        }
    }
    println!(
        "graph: {} nodes, {} arcs, seed {}, {} threads, all-pairs distance {:?} (built in \
         {build:.3} s)",
        g.node_count(),
        g.arc_count(),
        args.seed,
        rayon::current_num_threads(),
        args.distance
    );
    let opts = IterOptions::default();
    let mut t = Timings {
        only: args.only.clone(),
        ..Timings::default()
    };
    let iters = |r: &Result<PowerResult, CentralityError>| match r {
        Ok(r) => format!("{} iterations", r.iterations),
        Err(e) => format!("{e}"),
    };
    let nothing = |_: &_| String::new();
    t.run("degree+strength", || degrees(&g), nothing);
    t.run("pagerank", || pagerank(&g, 0.85, &[], &opts), iters);
    t.run("eigenvector", || eigenvector(&g, &opts), iters);
    t.run("katz", || katz(&g, 0.1, 1.0, &opts), iters);
    t.run(
        "hits",
        || hits(&g, &opts),
        |h| match h {
            Ok(h) => format!("{} iterations", h.iterations),
            Err(e) => format!("{e}"),
        },
    );
    t.run("coreness", || coreness(&g), |_| String::new());
    let fast = t.rows.iter().fold(0.0, |acc, r| acc + r.1);
    let failed = |r: &Result<Vec<f64>, CentralityError>| match r {
        Ok(_) => String::new(),
        Err(e) => format!("{e}"),
    };
    if let Some(k) = args.pivots {
        let name = format!("betweenness ({k} pivots)");
        t.run(
            &name,
            || betweenness_sampled(&g, args.distance, k, args.seed),
            failed,
        );
    }
    if !args.skip_all_pairs {
        t.run(
            "betweenness (exact)",
            || betweenness(&g, Distance::Hops),
            failed,
        );
        t.run(
            "closeness+harmonic",
            || closeness_harmonic(&g, args.distance),
            |r| r.as_ref().err().map(|e| e.to_string()).unwrap_or_default(),
        );
    }
    println!("{:<28} {:>10} {:>8}  note", "metric", "seconds", "cpu s");
    for (name, secs, cpu, note) in &t.rows {
        let cpu = cpu.map(|c| format!("{c:.2}")).unwrap_or_default();
        println!("{name:<28} {secs:>10.3} {cpu:>8}  {note}");
    }
    println!("{:<28} {fast:>10.3}", "all but all-pairs");
    if let Some(mb) = peak_rss_mb() {
        println!("peak memory: {mb:.0} MB");
    }
}
