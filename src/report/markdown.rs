//! report.md and report.json: the numbers and findings for readers and for programs.

use super::{Analysis, ReportOptions};
use crate::model::Dataset;
use std::fmt::Write as _;

/// Nodes ranked by `values`, highest first (ties by id order), at most `k`.
fn top(values: &[f64], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    order.truncate(k);
    order
}

fn entity<'a>(dataset: &'a Dataset, a: &Analysis, node: usize) -> &'a crate::model::Entity {
    &dataset.entities[a.graph.entity_indices()[node] as usize]
}

/// Escapes a cell of a Markdown table.
fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Members named per bloc in report.md; report.json and communities.csv list them all.
const MEMBERS_SHOWN: usize = 12;

/// Each community's members (node indices), highest PageRank first, ties by id order.
fn members_by_pagerank(a: &Analysis) -> Vec<Vec<usize>> {
    let mut lists = vec![Vec::new(); a.communities.len()];
    for v in top(&a.centrality.pagerank, a.graph.node_count()) {
        lists[a.community[v] as usize].push(v);
    }
    lists
}

/// The human report.
pub fn report_md(dataset: &Dataset, a: &Analysis, opts: &ReportOptions) -> String {
    let s = &a.stats;
    let mut out = String::new();
    let _ = writeln!(out, "# Influence report: {}\n", md(&dataset.name));
    if !s.filters.is_empty() {
        let _ = writeln!(out, "Filters: {}.\n", md(&s.filters));
    }
    let _ = writeln!(out, "## Sources\n");
    if dataset.sources.is_empty() {
        let _ = writeln!(out, "The dataset lists no sources.\n");
    }
    for src in &dataset.sources {
        let _ = writeln!(
            out,
            "- `{}`: {}, {}, {}{}",
            src.id,
            md(&src.title),
            md(&src.publisher),
            md(&src.date),
            if src.url.is_empty() {
                String::new()
            } else {
                format!(", <{}>", src.url)
            }
        );
    }
    let _ = writeln!(out, "\n## Findings\n");
    for f in &a.findings {
        let cites = if f.sources.is_empty() {
            " (no source cited by these relations)".to_string()
        } else {
            format!(
                " Sources: {}.",
                f.sources
                    .iter()
                    .map(|x| format!("`{x}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let _ = writeln!(out, "- {}{}", md(&f.text), cites);
    }
    let _ = writeln!(out, "\n## The network\n");
    let _ = writeln!(
        out,
        "{} entities and {} relations ({} arcs in the {} metric graph, density {:.4}); {} weakly and {} strongly connected component(s){}; {} self-loop(s) left out.{}\n",
        s.entities,
        s.relations,
        s.arcs,
        if s.directed { "directed" } else { "undirected" },
        s.density,
        s.weak_components,
        s.strong_components,
        s.reciprocity.map_or(String::new(), |r| format!("; reciprocity {r:.3}")),
        s.self_loops_dropped,
        match (s.date_from, s.date_to) {
            (Some(f), Some(t)) => format!(" Dated relations run from {f} to {t}."),
            _ => String::new(),
        }
    );
    let _ = writeln!(out, "![Influence map](network.png)\n");
    let _ = writeln!(out, "## Who ranks highest\n");
    if a.betweenness_sampled {
        let _ = writeln!(
            out,
            "Betweenness is estimated from {} sampled pivots (Brandes and Pich 2007), and closeness and harmonic centrality are left empty in centrality.csv: the graph has more than {} entities. `powermap centrality` computes them exactly.\n",
            super::BETWEENNESS_PIVOTS,
            super::EXACT_BETWEENNESS_LIMIT
        );
    }
    let _ = writeln!(
        out,
        "| rank | entity | type | PageRank | betweenness | in-degree | out-degree |"
    );
    let _ = writeln!(out, "|---:|---|---|---:|---:|---:|---:|");
    let c = &a.centrality;
    for (rank, node) in top(&c.pagerank, opts.top.min(10)).into_iter().enumerate() {
        let e = entity(dataset, a, node);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.4} | {:.4} | {} | {} |",
            rank + 1,
            md(&e.name),
            md(&e.kind),
            c.pagerank[node],
            c.betweenness[node],
            c.in_degree[node],
            c.out_degree[node]
        );
    }
    let _ = writeln!(out, "\n![Top actors](centrality.png)\n");
    let _ = writeln!(out, "## Blocs\n");
    let _ = writeln!(
        out,
        "Leiden (modularity, resolution 1, seed {}) finds {} bloc(s), modularity {:.4}.\n",
        opts.seed,
        a.communities.len(),
        a.modularity
    );
    let _ = writeln!(out, "| bloc | size | members, by PageRank | types |");
    let _ = writeln!(out, "|---:|---:|---|---|");
    let lists = members_by_pagerank(a);
    for (i, cs) in a.communities.iter().enumerate().take(20) {
        let mut members: Vec<String> = lists[i]
            .iter()
            .take(MEMBERS_SHOWN)
            .map(|&v| md(&entity(dataset, a, v).name))
            .collect();
        if lists[i].len() > MEMBERS_SHOWN {
            members.push(format!("and {} more", lists[i].len() - MEMBERS_SHOWN));
        }
        let types: Vec<String> = cs
            .composition
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} |",
            i,
            md(&a.community_labels[i]),
            cs.size,
            members.join(", "),
            types.join(", ")
        );
    }
    if a.communities.len() > 20 {
        let _ = writeln!(
            out,
            "\n{} smaller blocs are listed in communities.csv.",
            a.communities.len() - 20
        );
    }
    let _ = writeln!(
        out,
        "\n![Blocs](communities.png)\n\n![Relations between blocs](blocs.png)\n"
    );
    let _ = writeln!(out, "## Files\n");
    let _ = writeln!(
        out,
        "`centrality.csv` (every metric for every entity), `communities.csv` (`id,community`), `report.json` (this report for programs), and the charts."
    );
    out
}

/// The machine-readable report.
pub fn report_json(dataset: &Dataset, a: &Analysis, opts: &ReportOptions) -> serde_json::Value {
    let c = &a.centrality;
    let ranking = |values: &[f64]| -> Vec<serde_json::Value> {
        top(values, 10)
            .into_iter()
            .map(|n| serde_json::json!({"id": a.graph.ids()[n], "name": entity(dataset, a, n).name, "value": values[n]}))
            .collect()
    };
    serde_json::json!({
        "dataset": dataset.name,
        "sources": dataset.sources,
        "stats": a.stats,
        "seed": opts.seed,
        "betweenness_sampled": a.betweenness_sampled,
        "top_pagerank": ranking(&c.pagerank),
        "top_betweenness": ranking(&c.betweenness),
        "modularity": a.modularity,
        "communities": a.communities,
        "community_labels": a.community_labels,
        "community_members": members_by_pagerank(a)
            .into_iter()
            .map(|m| m.into_iter().map(|v| a.graph.ids()[v].clone()).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        "blocs": a.blocs,
        "findings": a.findings,
    })
}
