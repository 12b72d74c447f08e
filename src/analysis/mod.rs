//! Analyses of the metric graph: centralities, communities and influence analytics.

pub mod community;
