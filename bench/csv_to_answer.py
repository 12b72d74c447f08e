#!/usr/bin/env python3
"""Side-by-side timings, from CSV to answer: powermap vs python-igraph vs NetworKit.

Each tool starts from the same generated relations.csv / entities.csv and builds the same metric
graph (parallel relations summed, self-loops dropped, undirected relations both ways), then
computes the task. powermap is timed as a whole command (process start, CSV parsing, validation,
graph, analysis, output); igraph and NetworKit are timed in-process from `pandas.read_csv` to the
result (their interpreter start and imports are not counted, which favours them).

Usage (from the repository root, after `cargo build --release`):
    python3 bench/csv_to_answer.py --entities 100000 --relations 1000000
    python3 bench/csv_to_answer.py --entities 10000 --relations 100000 --tasks betweenness

Needs: pandas, python-igraph, networkit (pip); NetworkX with --networkx. A tool that is not
importable is skipped.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

BIN = os.path.join("target", "release", "powermap")

# powermap --metrics for each task; the peers compute the same columns.
TASKS = {
    "load": None,
    "pagerank": "pagerank",
    "fast": "in_degree,out_degree,degree,in_strength,out_strength,pagerank,eigenvector,katz,hub,authority,coreness",
    "betweenness": "betweenness",
}


def best_of(repeats, fn):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run_powermap(dataset, task, threads):
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    if task == "load":
        cmd = [BIN, "stats", dataset, "-q", "--format", "json"]
    else:
        cmd = [BIN, "centrality", dataset, "-q", "--format", "csv", "--metrics", TASKS[task], "--out", os.devnull]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)


def read_edges(dataset):
    """The metric graph's arcs as integer arrays, built the way powermap builds it."""
    import pandas as pd

    rel = pd.read_csv(os.path.join(dataset, "relations.csv"), usecols=["source", "target", "weight", "directed"])
    ent = pd.read_csv(os.path.join(dataset, "entities.csv"), usecols=["id"])
    ids = pd.Index(sorted(ent["id"]))
    rel = rel[rel["source"] != rel["target"]]
    undirected = rel[rel["directed"].astype(str).str.lower().isin(["false", "0", "no"])]
    back = undirected.rename(columns={"source": "target", "target": "source"})
    rel = pd.concat([rel, back], ignore_index=True)
    rel = rel.groupby(["source", "target"], sort=False, as_index=False)["weight"].sum()
    return len(ids), ids.get_indexer(rel["source"]), ids.get_indexer(rel["target"]), rel["weight"].to_numpy()


def run_igraph(dataset, task):
    import igraph as ig

    n, s, t, w = read_edges(dataset)
    g = ig.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=True)
    g.es["weight"] = w
    if task == "pagerank":
        g.pagerank(weights="weight", damping=0.85)
    elif task == "fast":
        g.degree(mode="in"), g.degree(mode="out"), g.degree()
        g.strength(mode="in", weights="weight"), g.strength(mode="out", weights="weight")
        g.pagerank(weights="weight", damping=0.85)
        g.eigenvector_centrality(directed=True, weights="weight")
        g.hub_score(weights="weight"), g.authority_score(weights="weight")
        g.coreness()
    elif task == "betweenness":
        g.betweenness(directed=True)


def run_networkit(dataset, task):
    import networkit as nk

    n, s, t, w = read_edges(dataset)
    g = nk.Graph(n, weighted=True, directed=True)
    g.addEdges((w.astype("float64"), (s.astype("uint64"), t.astype("uint64"))))
    if task == "pagerank":
        nk.centrality.PageRank(g, damp=0.85, tol=1e-12).run()
    elif task == "fast":
        nk.centrality.DegreeCentrality(g).run()
        nk.centrality.PageRank(g, damp=0.85, tol=1e-12).run()
        nk.centrality.EigenvectorCentrality(g, tol=1e-12).run()
        nk.centrality.KatzCentrality(g, alpha=0.1, beta=1.0, tol=1e-12).run()
        nk.centrality.CoreDecomposition(nk.graphtools.toUndirected(g)).run()
    elif task == "betweenness":
        nk.centrality.Betweenness(g, normalized=True).run()


def run_networkx(dataset, task):
    import networkx as nx

    n, s, t, w = read_edges(dataset)
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(zip(s.tolist(), t.tolist(), w.tolist()))
    if task == "pagerank":
        nx.pagerank(g, alpha=0.85, weight="weight")
    elif task == "fast":
        dict(g.in_degree()), dict(g.out_degree()), dict(g.in_degree(weight="weight"))
        nx.pagerank(g, alpha=0.85, weight="weight")
        nx.eigenvector_centrality(g, weight="weight", max_iter=1000)
        nx.hits(g, max_iter=1000)
        nx.core_number(g)
    elif task == "betweenness":
        nx.betweenness_centrality(g, normalized=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--tasks", default="load,pagerank,fast")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--networkx", action="store_true", help="also time NetworkX (slow: small graphs only)")
    args = ap.parse_args()
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    dataset = os.path.join(tempfile.gettempdir(), f"powermap-cmp-{args.entities}-{args.relations}-{args.seed}")
    if not os.path.exists(os.path.join(dataset, "relations.csv")):
        subprocess.run([BIN, "generate", "--out", dataset, "--entities", str(args.entities),
                        "--relations", str(args.relations), "--seed", str(args.seed), "-q"], check=True)
    peers = {}
    candidates = [("igraph", run_igraph), ("networkit", run_networkit)]
    if args.networkx:
        candidates.append(("networkx", run_networkx))
    for name, fn in candidates:
        try:
            __import__(name)
            peers[name] = fn
        except ImportError:
            print(f"({name} not importable: skipped)")
    print(f"dataset: {args.entities} entities, {args.relations} relations; best of {args.repeats}; "
          f"powermap with {args.threads} threads")
    print(f"{'task':<12} {'powermap':>10} " + " ".join(f"{p:>10}" for p in peers) + "   ratio (peer / powermap)")
    for task in args.tasks.split(","):
        ours = best_of(args.repeats, lambda: run_powermap(dataset, task, args.threads))
        theirs = {p: best_of(args.repeats, lambda f=f: f(dataset, task)) for p, f in peers.items()}
        ratios = ", ".join(f"{p} {theirs[p] / ours:.2f}x" for p in peers)
        print(f"{task:<12} {ours:>9.3f}s " + " ".join(f"{theirs[p]:>9.3f}s" for p in peers) + f"   {ratios}")


if __name__ == "__main__":
    main()
