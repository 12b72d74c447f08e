#!/usr/bin/env python3
"""Reference ("golden") values for powermap's centrality and graph statistics.

Run from the repository root:

    python3 tests/golden/generate_centrality.py [DATASET_DIR ...]

Without arguments it (re)writes the fixture datasets under tests/fixtures/graphs/ and the golden
files under tests/golden/ for each of them. Every extra DATASET_DIR (a powermap dataset: a folder
with relations.csv and optionally entities.csv) is analysed too, without writing a fixture for it.

Golden values are always computed from the CSV files read back from disk, through the same
"metric graph" rules powermap applies, so they describe the data exactly as powermap sees it.
See tests/golden/README.md for the definitions of every column.
"""

from __future__ import annotations

import csv
import json
import math
import os
import random
import sys
from pathlib import Path

# Python randomises string hashing per process, and some NetworkX routines (harmonic centrality,
# for one) iterate over sets of node ids, so the order of floating-point sums -- and hence the
# last bits of the output -- would change from run to run. A fixed hash seed makes reruns
# byte-identical; it has to be set before the interpreter starts, hence the re-exec.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "graphs"
GOLDEN = REPO / "tests" / "golden"

CENTRALITY_COLUMNS = [
    "id", "in_degree", "out_degree", "degree", "in_strength", "out_strength", "pagerank",
    "betweenness", "closeness", "harmonic", "eigenvector", "katz", "hub", "authority", "coreness",
]
VARIANT_COLUMNS = [
    "id", "pagerank_d50", "pagerank_personalized", "betweenness_weight",
    "betweenness_inverse_weight", "closeness_weight", "closeness_inverse_weight",
    "harmonic_weight", "harmonic_inverse_weight",
]
ENTITY_COLUMNS = ["id", "type", "name"]
RELATION_COLUMNS = ["source", "target", "type", "weight", "sign", "date", "confidence", "directed"]

# Fixtures that also get the *.variants.csv golden file (extra datasets always get it).
VARIANT_FIXTURES = {"karate", "lesmis", "influence", "random_directed"}

# Tolerances tried, tightest first, for "converged" values of the iterative metrics. NetworkX
# stops when the L1 change between two iterates is below N * tol.
TIGHT_TOLS = (1e-15, 1e-14, 1e-13)
# Relative gap below which the two leading singular values count as equal, leaving HITS to
# depend on the start vector.
SIMPLE_GAP = 1e-9
# Relative difference below which two path lengths count as a "near tie" (see notes.json).
NEAR_TIE = 1e-12
# NetworkX's default tolerance for eigenvector and Katz centrality.
DEFAULT_TOL = 1e-6
# Largest distance from the dense limit for which an iterated value counts as converged.
LIMIT_AGREEMENT = 1e-9


# --------------------------------------------------------------------------------------------
# Fixture datasets
# --------------------------------------------------------------------------------------------

def fmt_number(x) -> str:
    """Integral weights are written without a fractional part, the way a curator would."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return repr(x) if isinstance(x, float) else str(x)


def undirected_rows(graph: nx.Graph, ids: dict, rel_type: str, weighted: bool) -> list[dict]:
    """One relation per edge, endpoints in id order, rows sorted, so the files diff cleanly."""
    rows = []
    for u, v, data in graph.edges(data=True):
        a, b = sorted((ids[u], ids[v]))
        rows.append({
            "source": a, "target": b, "type": rel_type,
            "weight": fmt_number(data["weight"]) if weighted else "1",
            "sign": "neutral", "date": "", "confidence": "", "directed": "false",
        })
    rows.sort(key=lambda r: (r["source"], r["target"]))
    return rows


def fixture_karate():
    graph = nx.karate_club_graph()
    # The ids stay "0".."33" as in the literature; their string order (0, 1, 10, 11, ...) is not
    # numeric order, which is part of what this fixture exercises.
    ids = {n: str(n) for n in graph}
    entities = [{"id": ids[n], "type": "person", "name": "", "club": graph.nodes[n]["club"]}
                for n in sorted(graph, key=lambda n: ids[n])]
    # NetworkX ships Zachary's interaction counts as weights; this fixture is the classic
    # unweighted graph, so every relation gets weight 1.
    return entities, undirected_rows(graph, ids, "tie", weighted=False), ["club"]


def fixture_lesmis():
    graph = nx.les_miserables_graph()
    ids = {n: n for n in graph}
    entities = [{"id": n, "type": "person", "name": n} for n in sorted(graph)]
    return entities, undirected_rows(graph, ids, "tie", weighted=True), []


def fixture_florentine():
    graph = nx.florentine_families_graph()
    ids = {n: n for n in graph}
    entities = [{"id": n, "type": "family", "name": n} for n in sorted(graph)]
    return entities, undirected_rows(graph, ids, "marriage", weighted=False), []


def fixture_kite():
    graph = nx.krackhardt_kite_graph()
    # Zero-padded so that string order equals NetworkX's numeric node order.
    names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike",
             "Jane"]
    ids = {n: f"k{n:02d}" for n in graph}
    entities = [{"id": ids[n], "type": "person", "name": names[n]} for n in sorted(graph)]
    return entities, undirected_rows(graph, ids, "tie", weighted=False), []


def fixture_influence():
    """A small fictional influence network that exercises every metric-graph rule.

    Directed and undirected relations mixed (so the graph is directed and each undirected
    relation becomes two arcs), parallel relations merged by summing weights (troll-farm->alba,
    vox-blog->alba, north-state->brun, alba->brun, and minister-lenz->alba, where a directed and
    an undirected relation meet), an empty weight (defaults to 1), a self-loop (dropped), an
    isolated entity and a reciprocal pair of directed relations (north-state <-> brun).
    """
    entities = [
        ("alba", "candidate", "Ana Alba"),
        ("alba-campaign", "campaign", "Alba for President"),
        ("brun", "candidate", "Bruno Brun"),
        ("brun-campaign", "campaign", "Brun 2027"),
        ("cruz", "candidate", "Carla Cruz"),
        ("daily-courier", "outlet", "The Daily Courier"),
        ("intel-agency", "agency", "Northern Intelligence Service"),
        ("judge-pryce", "official", "Judge Pryce"),
        ("mayor-odin", "official", "Mayor Odin"),
        ("media-regulator", "agency", "Media Regulatory Authority"),
        ("minister-lenz", "official", "Minister Lenz"),
        ("north-state", "state", "Northern Republic"),
        ("retired-envoy", "official", "Retired Envoy"),
        ("south-state", "state", "Southern Kingdom"),
        ("troll-farm", "agency", "Web Brigade"),
        ("tv-one", "outlet", "TV One"),
        ("vox-blog", "outlet", "Vox Populi, a blog"),
    ]
    relations = [
        ("north-state", "intel-agency", "funds", "3", "supportive", "2016-11-02", "confirmed", "true"),
        ("intel-agency", "troll-farm", "directs", "2", "supportive", "2016-12-10", "reported", "true"),
        ("troll-farm", "vox-blog", "amplifies", "2", "supportive", "2017-01-15", "0.8", "true"),
        ("troll-farm", "alba", "attacks", "3", "hostile", "2017-02-01", "reported", "true"),
        ("troll-farm", "alba", "accuses", "1", "hostile", "2017-02-14", "alleged", "true"),
        ("troll-farm", "troll-farm", "amplifies", "1", "supportive", "2017-02-20", "0.5", "true"),
        ("vox-blog", "alba", "accuses", "2", "hostile", "2017-02-03", "reported", "true"),
        ("vox-blog", "alba", "accuses", "0.5", "hostile", "2017-03-01", "0.4", "true"),
        ("vox-blog", "brun", "endorses", "", "supportive", "2017-02-05", "reported", "true"),
        ("north-state", "brun", "supports", "1", "supportive", "2017-01-20", "reported", "true"),
        ("north-state", "brun", "funds", "2", "supportive", "2017-03-05", "alleged", "true"),
        ("brun", "north-state", "praises", "1", "supportive", "2017-03-10", "confirmed", "true"),
        ("alba-campaign", "alba", "supports", "3", "supportive", "", "confirmed", "true"),
        ("brun-campaign", "brun", "supports", "3", "supportive", "", "confirmed", "true"),
        ("daily-courier", "alba", "reports", "1", "neutral", "2017-02-10", "confirmed", "true"),
        ("daily-courier", "brun", "reports", "1", "neutral", "2017-02-11", "confirmed", "true"),
        ("tv-one", "brun", "supports", "2", "supportive", "2017-02-12", "reported", "true"),
        ("tv-one", "cruz", "interviews", "1", "neutral", "2017-02-18", "confirmed", "true"),
        ("media-regulator", "tv-one", "sanctions", "1", "hostile", "2017-03-02", "confirmed", "true"),
        ("media-regulator", "vox-blog", "investigates", "2", "hostile", "2017-03-03", "reported", "true"),
        ("minister-lenz", "media-regulator", "directs", "2", "supportive", "", "confirmed", "true"),
        ("minister-lenz", "alba", "appoints", "1", "supportive", "2016-06-01", "confirmed", "true"),
        ("alba", "minister-lenz", "allied", "1.5", "supportive", "2016-06-01", "reported", "false"),
        ("south-state", "north-state", "rivals", "1", "hostile", "", "reported", "false"),
        ("mayor-odin", "cruz", "tie", "1.5", "supportive", "2017-01-05", "0.9", "false"),
        ("judge-pryce", "intel-agency", "investigates", "1", "hostile", "2017-03-20", "confirmed", "true"),
        ("alba", "brun", "accuses", "1", "hostile", "2017-03-12", "confirmed", "true"),
        ("alba", "brun", "debates", "2", "neutral", "2017-03-15", "confirmed", "true"),
        ("cruz", "alba", "endorses", "1", "supportive", "2017-04-01", "reported", "true"),
        ("south-state", "daily-courier", "funds", "0.5", "supportive", "2017-01-30", "alleged", "true"),
        ("alba-campaign", "daily-courier", "advertises", "1", "neutral", "2017-02-20", "confirmed", "true"),
    ]
    return ([dict(zip(ENTITY_COLUMNS, e)) for e in entities],
            [dict(zip(RELATION_COLUMNS, r)) for r in relations], [])


def simple_fixture(nodes, arcs, node_type="person"):
    """Directed fixture from (source, target, weight) triples; all relations typed `tie`."""
    entities = [{"id": n, "type": node_type, "name": n.upper()} for n in nodes]
    relations = [{"source": s, "target": t, "type": "tie", "weight": fmt_number(w),
                  "sign": "neutral", "date": "", "confidence": "", "directed": "true"}
                 for s, t, w in arcs]
    return entities, relations, []


def fixture_single():
    return [{"id": "solo", "type": "person", "name": "Solo"}], [], []


def fixture_isolates():
    # Distinct weights keep the leading singular value simple, so HITS is well defined.
    return simple_fixture(["a", "b", "c", "d", "e"], [("a", "b", 2), ("b", "c", 1)])


def fixture_star_directed():
    return simple_fixture(list("abcdefg"), [("a", leaf, 1) for leaf in "bcdefg"])


def fixture_dag():
    # Four layers: a | b c | d e f | g h. A few weights of 2 make the weighted metrics differ.
    arcs = [("a", "b", 1), ("a", "c", 2), ("b", "d", 1), ("b", "e", 1), ("c", "e", 1),
            ("c", "f", 2), ("d", "g", 1), ("e", "g", 1), ("e", "h", 2), ("f", "h", 1)]
    return simple_fixture(list("abcdefgh"), arcs)


def fixture_two_components():
    arcs = [("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("d", "a", 1),
            ("x", "y", 1), ("y", "z", 1)]
    return simple_fixture(["a", "b", "c", "d", "x", "y", "z"], arcs)


def random_fixture(n, m, seed, directed):
    graph = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rng = random.Random(seed)
    ids = {v: f"v{v:03d}" for v in graph}
    entities = [{"id": ids[v], "type": "person", "name": ""} for v in sorted(graph)]
    relations = []
    # Weights are drawn in sorted edge order, so they do not depend on how the generator
    # happens to order its edges.
    for u, v in sorted(graph.edges()):
        relations.append({"source": ids[u], "target": ids[v], "type": "tie",
                          "weight": str(rng.randint(1, 5)), "sign": "neutral", "date": "",
                          "confidence": "", "directed": "true" if directed else "false"})
    return entities, relations, []


FIXTURE_BUILDERS = {
    "karate": fixture_karate,
    "lesmis": fixture_lesmis,
    "florentine": fixture_florentine,
    "kite": fixture_kite,
    "influence": fixture_influence,
    "single": fixture_single,
    "isolates": fixture_isolates,
    "star_directed": fixture_star_directed,
    "dag": fixture_dag,
    "two_components": fixture_two_components,
    "random_directed": lambda: random_fixture(200, 1000, 7, directed=True),
    "random_undirected": lambda: random_fixture(150, 500, 11, directed=False),
}


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_fixture(name: str) -> Path:
    entities, relations, extra_columns = FIXTURE_BUILDERS[name]()
    folder = FIXTURES / name
    write_csv(folder / "entities.csv", ENTITY_COLUMNS + extra_columns, entities)
    write_csv(folder / "relations.csv", RELATION_COLUMNS, relations)
    return folder


# --------------------------------------------------------------------------------------------
# Reading a dataset into powermap's metric graph
# --------------------------------------------------------------------------------------------

def read_table(path: Path) -> list[dict]:
    """Rows of a CSV file, with header names lowercased and every cell trimmed, as powermap does."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = [name.strip().lower() for name in rows[0]] if rows else []
    return [{name: cell.strip() for name, cell in zip(header, row)} for row in rows[1:]]


def parse_directed(value: str, where: str) -> bool:
    # An empty cell means directed: relations are directed unless the curator says otherwise.
    flag = {"": True, "true": True, "1": True, "yes": True,
            "false": False, "0": False, "no": False}.get(value.lower())
    if flag is None:
        raise ValueError(f"{where}: directed must be true/false, 1/0 or yes/no, got {value!r}")
    return flag


def parse_weight(value: str, where: str) -> float:
    if not value:
        return 1.0
    weight = float(value)
    if not math.isfinite(weight) or weight <= 0:
        raise ValueError(f"{where}: weight must be a finite number > 0, got {value!r}")
    return weight


def read_dataset(folder: Path):
    """Builds the metric graph; returns (graph, number of self-loop rows dropped)."""
    entities_path = folder / "entities.csv"
    declared = None
    if entities_path.exists():
        declared = [row.get("id", "") for row in read_table(entities_path)]
        if any(not i for i in declared) or len(set(declared)) != len(declared):
            raise ValueError(f"{entities_path}: ids must be unique and non-empty")

    arcs = []  # (source, target, weight, directed) in file order
    relations_path = folder / "relations.csv"
    for line, row in enumerate(read_table(relations_path), start=2):
        where = f"{relations_path}:{line}"
        arcs.append((row["source"], row["target"], parse_weight(row.get("weight", ""), where),
                     parse_directed(row.get("directed", ""), where)))

    seen = {i for s, t, _, _ in arcs for i in (s, t)}
    if declared is None:
        nodes = sorted(seen)
    else:
        unknown = seen - set(declared)
        if unknown:
            raise ValueError(f"{folder}: relations name unknown entities {sorted(unknown)[:5]}")
        nodes = sorted(declared)

    self_loops = sum(1 for s, t, _, _ in arcs if s == t)
    arcs = [a for a in arcs if a[0] != a[1]]
    # Undirected only when every relation is; so a dataset without relations is undirected.
    directed = any(d for _, _, _, d in arcs)

    parallel: dict[tuple[str, str], list[float]] = {}

    def add(u, v, w):
        key = (u, v) if directed or u < v else (v, u)
        parallel.setdefault(key, []).append(w)

    for s, t, w, d in arcs:
        add(s, t, w)
        if directed and not d:
            add(t, s, w)

    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(nodes)
    # Arcs are inserted in (source, target) id order so that every adjacency list is sorted,
    # like powermap's CSR; NetworkX then sums floating-point terms in the same order.
    rank = {n: i for i, n in enumerate(nodes)}
    for u, v in sorted(parallel, key=lambda k: (rank[k[0]], rank[k[1]])):
        # Parallel weights are summed in increasing order, as powermap does, so the merged
        # weight is bit-identical whatever the row order.
        weight = sum(sorted(parallel[(u, v)]))
        graph.add_edge(u, v, weight=weight, inv=1.0 / weight)
    return graph, self_loops


# --------------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------------

def converged(func, graph, **kwargs):
    """Runs an iterative NetworkX metric with the tightest tolerance that converges."""
    for tol in TIGHT_TOLS:
        try:
            return func(graph, tol=tol, **kwargs), tol
        except nx.PowerIterationFailedConvergence:
            continue
    raise RuntimeError(f"{func.__name__} did not converge even with tol={TIGHT_TOLS[-1]}")


def pagerank(graph, **kwargs):
    return converged(nx.pagerank, graph, weight="weight", max_iter=100_000, **kwargs)


def optional_power_iteration(func, graph, reference, **kwargs):
    """Empty when the metric fails with NetworkX's defaults; else the converged value.

    The first call (default tol=1e-6, max_iter=1000) decides whether the metric is reported at
    all; a second, tight call gives the value it converges to. `reference(graph)` returns that
    limit computed densely, and whether the iteration gets within LIMIT_AGREEMENT of it in about
    a million steps. When it does not (the dominant eigenvalue is defective, as on an acyclic
    graph, and the iteration creeps towards its limit polynomially), no tolerance yields a value
    near the limit, so the golden value is NetworkX's default-tolerance output: an
    implementation reproduces it by following the same iteration and stopping rule exactly.
    """
    note = {"converged_default": False}
    try:
        default = func(graph, weight="weight", max_iter=1000, **kwargs)
    except Exception as exc:  # PowerIterationFailedConvergence, null graph, ...
        note["failure"] = type(exc).__name__
        return None, note
    note["converged_default"] = True
    limit, slow = reference(graph)
    limit = dict(zip(graph, limit))
    if slow:
        values, note["tol"] = default, DEFAULT_TOL
        note["slow_convergence"] = True
    else:
        values, note["tol"] = converged(func, graph, weight="weight", max_iter=1_000_000,
                                        **kwargs)
    note["max_abs_diff_vs_dense"] = max_abs_diff(values, limit)
    if not slow and note["max_abs_diff_vs_dense"] > LIMIT_AGREEMENT:
        raise RuntimeError(f"{func.__name__}: converged value disagrees with the dense limit")
    return values, note


def max_abs_diff(a: dict, b: dict) -> float:
    return float(max(abs(a[v] - b[v]) for v in a))


def eigenvector_reference(graph):
    """Where x <- (A^T + I) x, normalised, goes from NetworkX's uniform start vector."""
    n = len(graph)
    m = weighted_adjacency(graph).T + np.eye(n)
    start = np.full(n, 1.0 / n)
    directions = {}
    # Repeated squaring: after k rounds m is proportional to (A^T + I) ** (2 ** k).
    for k in range(1, 65):
        m = m @ m
        m /= np.abs(m).max()
        if k in (20, 64):
            x = m @ start
            directions[k] = x / np.linalg.norm(x)
    # 2 ** 20 is about the million iterations the tight call is allowed.
    slow = np.abs(directions[20] - directions[64]).max() > LIMIT_AGREEMENT
    return directions[64], bool(slow)


def katz_reference(graph, alpha=0.1, beta=1.0):
    """The fixed point of x <- alpha A^T x + beta, normalised to unit Euclidean length.

    Once the default call has converged, alpha * spectral radius < 1 and convergence is
    geometric, so the tight call always gets there.
    """
    n = len(graph)
    x = np.linalg.solve(np.eye(n) - alpha * weighted_adjacency(graph).T, np.full(n, beta))
    return x / np.linalg.norm(x), False


def weighted_adjacency(graph) -> np.ndarray:
    return nx.to_numpy_array(graph, nodelist=list(graph), weight="weight")


def hits(graph):
    """HITS hubs/authorities plus a dense check of how well defined they are.

    nx.hits takes the leading right singular vector of A from scipy's svds. With no start
    vector svds draws one from an unseeded random generator, so the result is not reproducible
    bit for bit, and when the leading singular value is repeated any vector of its singular
    space may come out. Starting from the uniform vector makes the result deterministic and
    equal to what power iteration on A^T A from the uniform vector converges to: the projection
    of that vector onto the leading singular space. The dense reference below computes exactly
    that projection, and the notes record how far nx.hits is from it.
    """
    note = {"singular_values": None, "simple": None}
    n = len(graph)
    if n == 0:
        return None, None, note
    adj = weighted_adjacency(graph)
    _, sing, vt = np.linalg.svd(adj)
    note["singular_values"] = [float(s) for s in sing[:2]]
    s1 = sing[0]
    note["simple"] = bool(s1 > 0 and (len(sing) < 2 or (s1 - sing[1]) / s1 > SIMPLE_GAP))
    try:
        h, a = nx.hits(graph, max_iter=1000, normalized=True,
                       nstart={v: 1.0 for v in graph})
    except Exception as exc:  # svds needs at least 2 nodes; ARPACK may not converge
        note["failure"] = type(exc).__name__
        return None, None, note
    if not all(math.isfinite(x) for x in (*h.values(), *a.values())):
        note["failure"] = "non-finite values (no arcs)"
        return None, None, note

    leading = vt[sing >= s1 * (1 - SIMPLE_GAP)]
    ref_a = leading.T @ (leading @ np.ones(n))
    ref_a /= ref_a.sum()
    ref_h = adj @ ref_a
    ref_h /= ref_h.sum()
    nodes = list(graph)
    note["max_abs_diff_vs_dense"] = float(max(
        max(abs(h[v] - ref_h[i]) for i, v in enumerate(nodes)),
        max(abs(a[v] - ref_a[i]) for i, v in enumerate(nodes))))
    return h, a, note


def spectral_radius(graph) -> float:
    if graph.number_of_edges() == 0:
        return 0.0
    return float(max(abs(np.linalg.eigvals(weighted_adjacency(graph)))))


def degrees(graph):
    if graph.is_directed():
        return (dict(graph.in_degree()), dict(graph.out_degree()), dict(graph.degree()),
                dict(graph.in_degree(weight="weight")), dict(graph.out_degree(weight="weight")))
    deg, strength = dict(graph.degree()), dict(graph.degree(weight="weight"))
    return deg, deg, deg, strength, strength


def cell(value):
    """Integers stay integers, every other number is a float written at full precision."""
    if value is None:
        return ""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    value = float(value)
    # HITS can yield -0.0 (hub of a node without out-arcs); it is the same number as 0.0.
    return repr(0.0 if value == 0 else value)


def centrality_table(graph, note):
    in_deg, out_deg, deg, in_str, out_str = degrees(graph)
    pr, note["pagerank_tol"] = pagerank(graph, alpha=0.85)
    eig, note["eigenvector"] = optional_power_iteration(nx.eigenvector_centrality, graph,
                                                        eigenvector_reference)
    katz, note["katz"] = optional_power_iteration(nx.katz_centrality, graph, katz_reference,
                                                  alpha=0.1, beta=1.0, normalized=True)
    note["spectral_radius"] = spectral_radius(graph)
    hub, auth, note["hits"] = hits(graph)
    columns = {
        "in_degree": in_deg, "out_degree": out_deg, "degree": deg,
        "in_strength": {v: float(x) for v, x in in_str.items()},
        "out_strength": {v: float(x) for v, x in out_str.items()},
        "pagerank": pr,
        "betweenness": nx.betweenness_centrality(graph, normalized=True, weight=None),
        "closeness": nx.closeness_centrality(graph),
        "harmonic": {v: float(x) for v, x in nx.harmonic_centrality(graph).items()},
        "eigenvector": eig, "katz": katz, "hub": hub, "authority": auth,
        "coreness": nx.core_number(graph),
    }
    rows = []
    for v in graph:
        row = {"id": v}
        for name, values in columns.items():
            row[name] = cell(None if values is None else values[v])
        rows.append(row)
    return rows


def edge_table(graph):
    values = nx.edge_betweenness_centrality(graph, normalized=True, weight=None)
    rows = []
    for (u, v), b in values.items():
        if not graph.is_directed() and v < u:
            u, v = v, u
        rows.append({"source": u, "target": v, "betweenness": cell(b)})
    rows.sort(key=lambda r: (r["source"], r["target"]))
    return rows


def near_ties(graph, length: str) -> int:
    """Counts arcs that lie on a shortest path only up to rounding.

    NetworkX's Dijkstra-based betweenness treats two paths as equally short only when their
    floating-point lengths are exactly equal. An arc (v, w) with dist(v) + len(v, w) within
    rounding of dist(w) but not equal to it makes the weighted betweenness depend on the order
    of floating-point additions; a count of 0 means the golden values are robust to that.
    """
    count = 0
    for s in graph:
        dist = nx.single_source_dijkstra_path_length(graph, s, weight=length)
        for v, dv in dist.items():
            for w, data in graph[v].items():
                candidate = dv + data[length]
                if candidate != dist[w] and abs(candidate - dist[w]) <= NEAR_TIE * dist[w]:
                    count += 1
    return count


def variants_table(graph, note):
    personalization = list(graph)[:2]
    note["personalization"] = personalization
    d50, note["pagerank_d50_tol"] = pagerank(graph, alpha=0.5)
    pers, note["pagerank_personalized_tol"] = pagerank(
        graph, alpha=0.85, personalization={p: 1 for p in personalization})
    columns = {"pagerank_d50": d50, "pagerank_personalized": pers}
    for suffix, length in (("weight", "weight"), ("inverse_weight", "inv")):
        columns[f"betweenness_{suffix}"] = nx.betweenness_centrality(graph, normalized=True,
                                                                     weight=length)
        columns[f"closeness_{suffix}"] = nx.closeness_centrality(graph, distance=length)
        columns[f"harmonic_{suffix}"] = nx.harmonic_centrality(graph, distance=length)
        note[f"near_ties_{suffix}"] = near_ties(graph, length)
    return [{"id": v, **{name: cell(float(values[v])) for name, values in columns.items()}}
            for v in graph]


def stats(graph, self_loops):
    directed = graph.is_directed()
    if directed:
        weak = nx.number_weakly_connected_components(graph)
        strong = nx.number_strongly_connected_components(graph)
    else:
        weak = strong = nx.number_connected_components(graph)
    arcs = graph.number_of_edges()
    return {
        "entities": graph.number_of_nodes(),
        "arcs": arcs,
        "directed": directed,
        "density": float(nx.density(graph)),
        "weak_components": weak,
        "strong_components": strong,
        "reciprocity": nx.overall_reciprocity(graph) if directed and arcs else None,
        "self_loops_dropped": self_loops,
    }


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def process(name: str, folder: Path, with_variants: bool) -> dict:
    graph, self_loops = read_dataset(folder)
    note = {"dataset": folder.resolve().relative_to(REPO).as_posix()
            if folder.resolve().is_relative_to(REPO) else str(folder)}
    out = GOLDEN / "centrality"
    write_csv(out / f"{name}.csv", CENTRALITY_COLUMNS, centrality_table(graph, note))
    edges = out / f"{name}.edges.csv"
    if graph.number_of_edges():
        write_csv(edges, ["source", "target", "betweenness"], edge_table(graph))
    elif edges.exists():
        edges.unlink()
    if with_variants:
        write_csv(out / f"{name}.variants.csv", VARIANT_COLUMNS, variants_table(graph, note))
    write_json(GOLDEN / "stats" / f"{name}.json", stats(graph, self_loops))
    return note


def main(argv: list[str]) -> None:
    notes_path = GOLDEN / "notes.json"
    previous = {}
    if notes_path.exists():
        previous = json.loads(notes_path.read_text(encoding="utf-8")).get("datasets", {})

    datasets = {}
    for name in FIXTURE_BUILDERS:
        print(f"fixture {name}", flush=True)
        datasets[name] = process(name, write_fixture(name), name in VARIANT_FIXTURES)

    for arg in argv:
        folder = Path(arg)
        name = folder.resolve().name
        if name in FIXTURE_BUILDERS:
            raise SystemExit(f"{arg}: dataset name {name!r} collides with a fixture")
        print(f"dataset {name}", flush=True)
        datasets[name] = process(name, folder, with_variants=True)

    # Extra datasets analysed by an earlier run keep their notes while their golden file exists.
    for name, note in previous.items():
        if name not in datasets and (GOLDEN / "centrality" / f"{name}.csv").exists():
            datasets[name] = note

    write_json(notes_path, {
        "versions": {"python": sys.version.split()[0], "networkx": nx.__version__,
                     "numpy": np.__version__, "scipy": scipy.__version__},
        "tolerances_tried": list(TIGHT_TOLS),
        "datasets": datasets,
    })


if __name__ == "__main__":
    main(sys.argv[1:])
