//! Graphs built from a dataset: the compact adjacency every analysis runs on.

pub mod csr;

pub use csr::Csr;
