//! Small shared helpers: seeded randomness.

pub mod rng;
