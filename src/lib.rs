//! powermap: map who influences whom.
//!
//! Curated CSV tables of entities and relations flow one way through the crate:
//! [`load`] (read and validate) -> [`model`] (the dataset) -> [`graph`] (the multigraph and the
//! metric graph) -> [`analysis`] (rankings, blocs, paths) -> [`output`] (tables and files).
#![warn(missing_docs)]

pub mod analysis;
pub mod cli;
pub mod graph;
pub mod layout;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod synth;
pub mod util;
