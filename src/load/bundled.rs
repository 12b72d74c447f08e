//! The bundled dataset, compiled into the binary so that commands work from any directory.

/// Display name of the bundled dataset.
pub const NAME: &str = "fr-election-2017";

const RELATIONS: &str = include_str!("../../data/fr-election-2017/relations.csv");
const ENTITIES: &str = include_str!("../../data/fr-election-2017/entities.csv");
const SOURCES: &str = include_str!("../../data/fr-election-2017/sources.csv");
const EVENTS: &str = include_str!("../../data/fr-election-2017/events.csv");

/// The bundled tables as (label, bytes): relations, entities, sources, events.
pub fn parts() -> [Option<(&'static str, &'static [u8])>; 4] {
    [
        Some(("data/fr-election-2017/relations.csv", RELATIONS.as_bytes())),
        Some(("data/fr-election-2017/entities.csv", ENTITIES.as_bytes())),
        Some(("data/fr-election-2017/sources.csv", SOURCES.as_bytes())),
        Some(("data/fr-election-2017/events.csv", EVENTS.as_bytes())),
    ]
}
