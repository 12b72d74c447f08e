#!/usr/bin/env python3
"""Runs python-igraph's Leiden and multilevel (Louvain) on the graph dumped by
`cargo run --release --example bench_community -- --write-edges EDGES [--write-blocks BLOCKS]`,
so the Rust timings and modularities can be read side by side with igraph's.

    python3 bench/community_vs_igraph.py EDGES [BLOCKS] [--seeds 10]

Leiden: community_leiden(objective_function="modularity", weights="weight", n_iterations=-1),
one run per seed (igraph draws from Python's `random`, seeded with `random.seed`); the best
modularity over the seeds is igraph's reference value. Multilevel: community_multilevel with
the same weights, one run per seed. Reports per-run wall and CPU time (mean and min; CPU time
is the fair measure on a loaded machine), best and mean
modularity, the number of communities and the NMI against BLOCKS when given.
"""

import argparse
import random
import time

import igraph as ig


def load_edges(path):
    sources, targets, weights = [], [], []
    with open(path) as f:
        for line in f:
            u, v, w = line.split()
            sources.append(int(u))
            targets.append(int(v))
            weights.append(float(w))
    n = max(max(sources), max(targets)) + 1 if sources else 0
    g = ig.Graph(n=n, edges=list(zip(sources, targets)), directed=False)
    g.es["weight"] = weights
    return g


def bench(name, g, seeds, blocks, run):
    times, cpu, results = [], [], []
    for seed in seeds:
        random.seed(seed)
        start = time.perf_counter()
        cpu_start = time.thread_time()
        clustering = run(g)
        cpu.append(time.thread_time() - cpu_start)
        times.append(time.perf_counter() - start)
        q = g.modularity(clustering.membership, weights="weight")
        results.append((q, clustering))
    best_q, best = max(results, key=lambda r: r[0])
    mean_q = sum(q for q, _ in results) / len(results)
    line = (
        f"{name:<18} wall mean {sum(times) / len(times):7.3f}s min {min(times):7.3f}s  "
        f"cpu mean {sum(cpu) / len(cpu):7.3f}s min {min(cpu):7.3f}s  "
        f"modularity best {best_q:.6f} mean {mean_q:.6f}  communities {len(best):6d}"
    )
    if blocks is not None:
        nmi = ig.compare_communities(best.membership, blocks, method="nmi")
        line += f"  NMI {nmi:.4f}"
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edges")
    parser.add_argument("blocks", nargs="?")
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    g = load_edges(args.edges)
    blocks = None
    if args.blocks:
        with open(args.blocks) as f:
            blocks = [int(line) for line in f]
    print(f"igraph {ig.__version__}: {g.vcount()} nodes, {g.ecount()} edges")
    seeds = range(args.seeds)
    bench(
        "igraph leiden",
        g,
        seeds,
        blocks,
        lambda g: g.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1
        ),
    )
    bench(
        "igraph multilevel",
        g,
        seeds,
        blocks,
        lambda g: g.community_multilevel(weights="weight"),
    )


if __name__ == "__main__":
    main()
