//! Graphs built from a dataset: the full multigraph, the filtered metric graph, and the compact
//! adjacency every analysis runs on.

pub mod csr;
mod filter;
mod metric;
mod multigraph;
mod visit;

pub use csr::Csr;
pub use filter::Filter;
pub use metric::MetricGraph;
pub use multigraph::multigraph;
