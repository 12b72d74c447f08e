//! The influence dataset: entities, relations and sources, as curated by an analyst.
//!
//! A [`Dataset`] holds every relation with all its attributes, in file order; nothing is merged or
//! dropped here (that is the metric graph's job, see [`crate::graph::MetricGraph`]).

mod dataset;
mod date;
mod id_index;
mod relation;

pub use dataset::{Dataset, Entity, Event, Source};
pub use date::{DateError, PartialDate};
pub use id_index::IdIndex;
pub use relation::{Confidence, Relation, Sign};

/// The entity types the charts know, each with a fixed colour. Other lowercase tokens are allowed.
pub const KNOWN_ENTITY_TYPES: [&str; 10] = [
    "state",
    "outlet",
    "candidate",
    "official",
    "agency",
    "party",
    "campaign",
    "organization",
    "person",
    "group",
];

/// The type given to entities implied by relations when a dataset has no `entities.csv`.
pub const UNKNOWN_TYPE: &str = "unknown";
