#!/usr/bin/env python3
"""Side-by-side timings of powermap's centralities and python-igraph's on the same graph.

Usage, from the repository root:

    cargo build --release --example bench_centrality
    python3 bench/centrality_vs_igraph.py --nodes 10000 --arcs 100000 [--threads 2] [--seed 42]

The script installs nothing. It runs the Rust example, which generates a seeded random directed
graph and writes it with --write-edges, then loads that edge list into python-igraph (if it is
importable) and times igraph's equivalents (same graph, same definitions up to the scaling
noted below, so the timings compare like with like):

    powermap                       igraph
    betweenness (hops, normalized) Graph.betweenness(directed=True) / ((n-1)(n-2))
    closeness (incoming, WF)       Graph.closeness(mode="in")  (igraph: 1/mean distance to
                                   reachable nodes; powermap multiplies by (r-1)/(n-1))
    harmonic (incoming)            Graph.harmonic_centrality(mode="in", normalized=False)
    pagerank (weighted)            Graph.pagerank(weights="weight")
    hub/authority                  Graph.hub_score / authority_score(weights="weight")
    eigenvector                    Graph.eigenvector_centrality(directed=True, weights=...)
    coreness                       Graph.coreness(mode="all")

igraph is single-threaded; --threads only affects powermap.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import warnings


def run_powermap(args, edge_file: str) -> str:
    cmd = [args.bin, "--nodes", str(args.nodes), "--arcs", str(args.arcs), "--seed",
           str(args.seed), "--write-edges", edge_file]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    if args.skip_all_pairs:
        cmd.append("--skip-all-pairs")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return out


def read_edges(path: str):
    n, edges, weights = 0, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                n = int(line.split()[1])
                continue
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
    return n, edges, weights


def timed(rows, name, func):
    start = time.perf_counter()
    value = func()
    rows.append((name, time.perf_counter() - start))
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--arcs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--skip-all-pairs", action="store_true")
    parser.add_argument("--bin", default=os.path.join("target", "release", "examples",
                                                      "bench_centrality"))
    args = parser.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin} not found: cargo build --release --example bench_centrality")

    with tempfile.TemporaryDirectory() as tmp:
        edge_file = os.path.join(tmp, "edges.txt")
        print("== powermap ==")
        print(run_powermap(args, edge_file), end="")
        try:
            import igraph as ig
        except ImportError:
            print("\npython-igraph is not importable; install it to get the comparison.")
            return
        n, edges, weights = read_edges(edge_file)

    # igraph warns that a random digraph's eigenvector/HITS scores have zeros; expected here.
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    g = ig.Graph(n=n, edges=edges, directed=True)
    g.es["weight"] = weights
    rows = []
    timed(rows, "pagerank", lambda: g.pagerank(weights="weight"))
    timed(rows, "eigenvector", lambda: g.eigenvector_centrality(directed=True, weights="weight"))
    timed(rows, "hits", lambda: (g.hub_score(weights="weight"),
                                 g.authority_score(weights="weight")))
    timed(rows, "coreness", lambda: g.coreness(mode="all"))
    if not args.skip_all_pairs:
        b = timed(rows, "betweenness (exact)", lambda: g.betweenness(directed=True))
        c = timed(rows, "closeness", lambda: g.closeness(mode="in"))
        timed(rows, "harmonic", lambda: g.harmonic_centrality(mode="in", normalized=False))
        scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        print(f"\nigraph betweenness max (normalized like powermap): {max(b) * scale:.6g}")
        finite = [x for x in c if x == x]
        print(f"igraph closeness max (without powermap's (r-1)/(n-1)): "
              f"{max(finite) if finite else 0:.6g}")
    print(f"\n== python-igraph {ig.__version__} (1 thread) ==")
    print(f"{'metric':<28} {'seconds':>10}")
    for name, secs in rows:
        print(f"{name:<28} {secs:>10.3f}")


if __name__ == "__main__":
    main()
