//! Helpers shared by integration tests (and the community benchmark).

pub mod planted;
