//! Analyses of the metric graph: summary statistics, centralities, communities and influence
//! analytics.

pub mod blocs;
pub mod centrality;
pub mod community;
pub mod stats;
