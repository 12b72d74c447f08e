//! Seeded planted-partition graphs (a stochastic-block-model flavour of the LFR benchmark) for
//! tests and the community benchmark, which includes this file with `#[path]`.

use powermap::graph::Csr;
use powermap::util::rng::SeededRng;

/// Block sizes drawn from a power law `P(s) ~ s^-exponent` on `[min, max]` (LFR uses exponent 1
/// to 2) until they cover `n` nodes; the last block absorbs the remainder.
#[allow(dead_code)]
pub fn power_law_sizes(
    n: usize,
    min: usize,
    max: usize,
    exponent: f64,
    rng: &mut SeededRng,
) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut covered = 0;
    let (a, b) = (min as f64, max as f64 + 1.0);
    let e = 1.0 - exponent;
    while covered < n {
        // Inverse-CDF sampling of the continuous power law, floored.
        let u = rng.next_f64();
        let s = if e.abs() < 1e-12 {
            a * (b / a).powf(u)
        } else {
            (a.powf(e) + u * (b.powf(e) - a.powf(e))).powf(1.0 / e)
        };
        let s = (s as usize).clamp(min, max).min(n - covered);
        sizes.push(s);
        covered += s;
    }
    sizes
}

/// A planted partition: blocks of the given sizes (nodes numbered block by block),
/// `n * avg_degree / 2` distinct edges, each drawn from a uniformly random node `u` to a uniformly random
/// other member of `u`'s block with probability `1 - mixing`, or to any random node otherwise.
/// Duplicates and self-loops are dropped. Returns the undirected graph (unit weights) and the
/// planted block of every node.
#[allow(dead_code)]
pub fn planted_partition(
    sizes: &[usize],
    avg_degree: f64,
    mixing: f64,
    seed: u64,
) -> (Csr, Vec<u32>) {
    let n: usize = sizes.iter().sum();
    let mut rng = SeededRng::new(seed);
    let mut block = Vec::with_capacity(n);
    let mut start = Vec::with_capacity(n);
    let mut first = 0;
    for (b, &s) in sizes.iter().enumerate() {
        for _ in 0..s {
            block.push(b as u32);
            start.push(first);
        }
        first += s;
    }
    let target = (n as f64 * avg_degree / 2.0) as usize;
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(target);
    // Draw the missing edges again after each deduplication, so the graph has exactly `target`
    // edges (as long as the blocks can hold them).
    for _ in 0..8 {
        let missing = target - edges.len();
        if missing == 0 {
            break;
        }
        for _ in 0..missing {
            let u = rng.below(n);
            let s = sizes[block[u] as usize];
            let v = if rng.next_f64() >= mixing && s > 1 {
                start[u] + rng.below(s)
            } else {
                rng.below(n)
            };
            if u != v {
                edges.push((u.min(v) as u32, u.max(v) as u32));
            }
        }
        edges.sort_unstable();
        edges.dedup();
    }
    let arcs: Vec<(u32, u32, f64)> = edges.into_iter().map(|(u, v)| (u, v, 1.0)).collect();
    (Csr::from_arcs(n, false, &arcs), block)
}
