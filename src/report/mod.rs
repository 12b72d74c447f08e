//! The one-command report: every analysis of a dataset as files a newsroom or a paper can use.
//!
//! [`build`] computes the statistics, the centralities, the communities, the bloc matrix and the
//! findings, and renders them as named files in memory; [`write`] puts them in a directory, each
//! file atomically, never touching files it did not write.

pub mod charts;
mod findings;
mod markdown;
pub mod tables;

pub use findings::{findings, Evidence, Finding};

use crate::analysis::blocs::{summarize, BlocCell, CommunitySummary};
use crate::analysis::centrality::{
    compute, CentralityError, CentralityOptions, CentralityTable, Families,
};
use crate::analysis::community::{detect, CommunityError, CommunityOptions};
use crate::analysis::stats::{stats, Stats};
use crate::graph::{Filter, MetricGraph};
use crate::model::{Dataset, Source};
use crate::output::{write_atomic, Format, WriteError};
use std::path::Path;

/// How nodes are coloured in the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorBy {
    /// By community (blocs found by Leiden).
    #[default]
    Community,
    /// By entity type.
    Type,
}

/// Settings of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Seed of the community detection and the layout.
    pub seed: u64,
    /// Actors named in rankings and labelled on the map.
    pub top: usize,
    /// Node colouring.
    pub color_by: ColorBy,
    /// Chart width in pixels.
    pub width: u32,
    /// Chart height in pixels.
    pub height: u32,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            seed: crate::util::rng::DEFAULT_SEED,
            top: 15,
            color_by: ColorBy::Community,
            width: 1600,
            height: 1200,
        }
    }
}

/// Above this many nodes exact betweenness (O(n·m)) is replaced by a sampled estimate and
/// closeness and harmonic centrality (also O(n·m)) are left out of the report.
pub const EXACT_BETWEENNESS_LIMIT: usize = 20_000;
/// Pivots of the sampled betweenness estimate on large graphs.
pub const BETWEENNESS_PIVOTS: usize = 256;

/// Everything computed for a report.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Summary statistics.
    pub stats: Stats,
    /// The metric graph.
    pub graph: MetricGraph,
    /// Every centrality column.
    pub centrality: CentralityTable,
    /// Whether betweenness was estimated from sampled pivots.
    pub betweenness_sampled: bool,
    /// Community of each node.
    pub community: Vec<u32>,
    /// Modularity of the partition.
    pub modularity: f64,
    /// Per-community summaries.
    pub communities: Vec<CommunitySummary>,
    /// Label of each community: the name of its top member by PageRank.
    pub community_labels: Vec<String>,
    /// The signed bloc matrix.
    pub blocs: Vec<BlocCell>,
    /// Findings in plain sentences, with their sources.
    pub findings: Vec<Finding>,
    /// The sources cited by the findings (rows of sources.csv).
    pub sources: Vec<Source>,
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A centrality failed.
    #[error(transparent)]
    Centrality(#[from] CentralityError),
    /// Community detection failed.
    #[error(transparent)]
    Community(#[from] CommunityError),
    /// A bloc summary failed.
    #[error(transparent)]
    Blocs(#[from] crate::analysis::blocs::BlocError),
    /// A chart could not be drawn.
    #[error("cannot draw {chart}: {reason}")]
    Chart {
        /// The chart's file name.
        chart: String,
        /// Why.
        reason: String,
    },
    /// The output directory holds files this tool did not write.
    #[error("{dir} already holds files powermap did not write ({examples}); choose another --out or pass --force")]
    ForeignFiles {
        /// The directory.
        dir: String,
        /// A few of the files.
        examples: String,
    },
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Runs every analysis of the report. Cost dominated by betweenness and closeness (O(n·m), or
/// O(k·m) with sampled pivots above [`EXACT_BETWEENNESS_LIMIT`] nodes) and by Leiden.
pub fn analyse(
    dataset: &Dataset,
    filter: &Filter,
    opts: &ReportOptions,
) -> Result<Analysis, ReportError> {
    analyse_with_progress(dataset, filter, opts, &mut |_| {})
}

/// [`analyse`], calling `progress` with the name of each long step as it starts (for a progress
/// display; the steps are: centralities, communities, findings).
pub fn analyse_with_progress(
    dataset: &Dataset,
    filter: &Filter,
    opts: &ReportOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Analysis, ReportError> {
    let graph = MetricGraph::build(dataset, filter);
    let stats = stats(dataset, filter, &graph);
    let sampled = graph.node_count() > EXACT_BETWEENNESS_LIMIT;
    let copts = CentralityOptions {
        betweenness_pivots: sampled.then_some(BETWEENNESS_PIVOTS),
        seed: opts.seed,
        ..CentralityOptions::default()
    };
    // All-pairs closeness has no sampled variant here: above the limit it is left out.
    let families = Families {
        closeness: !sampled,
        ..Families::ALL
    };
    progress("centralities");
    let centrality = compute(graph.csr(), &copts, families)?;
    progress("communities");
    let detected = detect(
        graph.csr(),
        &CommunityOptions {
            seed: opts.seed,
            ..CommunityOptions::default()
        },
    )?;
    let partition = detected.partition;
    let (communities, blocs) = summarize(
        dataset,
        &graph,
        filter,
        &partition,
        &centrality.pagerank,
        1.0,
    )?;
    let community_labels: Vec<String> = communities
        .iter()
        .map(|c| {
            c.top_members
                .first()
                .and_then(|(id, _)| dataset.entity(id))
                .map_or_else(|| format!("bloc {}", c.community), |e| e.name.clone())
        })
        .collect();
    let community = partition.membership().to_vec();
    progress("findings");
    let found = findings(&Evidence {
        dataset,
        filter,
        graph: &graph,
        pagerank: &centrality.pagerank,
        betweenness: &centrality.betweenness,
        community: &community,
        community_labels: &community_labels,
        blocs: &blocs,
    });
    let cited: std::collections::BTreeSet<&str> = found
        .iter()
        .flat_map(|f| f.sources.iter().map(String::as_str))
        .collect();
    let sources = dataset
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .cloned()
        .collect();
    Ok(Analysis {
        stats,
        graph,
        centrality,
        betweenness_sampled: sampled,
        community,
        modularity: detected.modularity,
        communities,
        community_labels,
        blocs,
        findings: found,
        sources,
    })
}

/// The report's files, in memory: (file name, bytes), in writing order.
pub fn render(
    dataset: &Dataset,
    filter: &Filter,
    analysis: &Analysis,
    opts: &ReportOptions,
) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    render_with_progress(dataset, filter, analysis, opts, &mut |_| {})
}

/// [`render`], calling `progress` before each chart (`network.png` includes the layout).
pub fn render_with_progress(
    dataset: &Dataset,
    filter: &Filter,
    analysis: &Analysis,
    opts: &ReportOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    let ctx = charts::ChartContext {
        dataset,
        filter,
        analysis,
        opts,
    };
    let mut files = charts::charts_with_progress(&ctx, progress)?;
    let partition = crate::analysis::community::Partition::from_labels(&analysis.community);
    let cent = tables::centrality_table(
        dataset,
        &analysis.graph,
        &analysis.centrality,
        &tables::METRICS,
    );
    files.push((
        "centrality.csv".to_string(),
        cent.render(Format::Csv, None).into_bytes(),
    ));
    let members = tables::membership_table(&analysis.graph, &partition);
    files.push((
        "communities.csv".to_string(),
        members.render(Format::Csv, None).into_bytes(),
    ));
    files.push((
        "report.md".to_string(),
        markdown::report_md(dataset, analysis, opts).into_bytes(),
    ));
    let json = markdown::report_json(dataset, analysis, opts);
    files.push((
        "report.json".to_string(),
        (serde_json::to_string_pretty(&json).unwrap_or_default() + "\n").into_bytes(),
    ));
    Ok(files)
}

/// Name of the file that lists what powermap wrote into a report directory.
pub const MANIFEST: &str = ".powermap-report";

/// Writes `files` into `dir` (created if needed), each atomically, plus a manifest.
///
/// Refuses, before writing anything, when `dir` holds files that are not in its manifest (files a
/// user put there), unless `force`; even then it only overwrites the files it writes.
pub fn write(dir: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result<(), ReportError> {
    let write_err = |source| WriteError {
        path: dir.display().to_string(),
        source,
    };
    if dir.is_dir() && !force {
        let manifest = std::fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
        let ours: Vec<&str> = manifest.lines().chain([MANIFEST]).collect();
        let foreign: Vec<String> = std::fs::read_dir(dir)
            .map_err(write_err)?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !ours.contains(&name.as_str()))
            .collect();
        if !foreign.is_empty() {
            let mut examples = foreign;
            examples.sort();
            examples.truncate(3);
            return Err(ReportError::ForeignFiles {
                dir: dir.display().to_string(),
                examples: examples.join(", "),
            });
        }
    }
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    write_atomic(&dir.join(MANIFEST), (names.join("\n") + "\n").as_bytes())?;
    for (name, bytes) in files {
        write_atomic(&dir.join(name), bytes)?;
    }
    Ok(())
}
