//! The dataset: entities, relations, sources and key events, with an O(1) id index.

use super::{IdIndex, PartialDate, Relation};
use std::collections::HashMap;

/// String-keyed maps use foldhash: ids such as `e000123` differ in a few bytes, which FxHash
/// spreads poorly (long probe chains), while foldhash stays fast and well distributed.
type IdMap = HashMap<String, u32, foldhash::fast::FixedState>;

/// An actor: a state, an outlet, a candidate, an official, an agency...
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// Unique, non-empty identifier.
    pub id: String,
    /// Lowercase type token (`state`, `outlet`...; `unknown` when implied by relations).
    pub kind: String,
    /// Display name; defaults to the id.
    pub name: String,
    /// Country, if given.
    pub country: Option<String>,
    /// Other names (the `;`-separated `aliases` column).
    pub aliases: Vec<String>,
    /// A short description, if given.
    pub description: Option<String>,
    /// Values of the extra columns, aligned with [`Dataset::entity_extra_columns`].
    pub extra: Vec<String>,
    /// 1-based line in entities.csv (0 when implied or built in code).
    pub line: u32,
}

/// A row of `sources.csv`: where relations come from.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Source {
    /// Unique identifier cited by relations' `source_ref`.
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date as written.
    pub date: String,
    /// Address, if any.
    pub url: String,
}

/// A key event of `events.csv` (`date,label`), marked on timelines.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    /// When it happened.
    pub date: PartialDate,
    /// A short label.
    pub label: String,
}

/// A curated influence dataset, kept whole: every relation with every attribute.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// A display name (the directory name, or `bundled fr-election-2017`).
    pub name: String,
    /// Entities in file order (or first-seen order when implied by relations).
    pub entities: Vec<Entity>,
    /// Relations in file order.
    pub relations: Vec<Relation>,
    /// Relation type names, indexed by [`Relation::kind`], in first-seen order.
    pub relation_types: Vec<String>,
    /// Rows of sources.csv.
    pub sources: Vec<Source>,
    /// Rows of events.csv.
    pub events: Vec<Event>,
    /// Names of entities.csv columns beyond the known ones.
    pub entity_extra_columns: Vec<String>,
    /// Names of relations.csv columns beyond the known ones.
    pub relation_extra_columns: Vec<String>,
    /// Whether entities came from an entities.csv (rather than implied by relations).
    pub has_entity_file: bool,
    index: IdIndex,
    type_index: IdMap,
}

impl Dataset {
    /// An empty dataset with a display name.
    pub fn new(name: impl Into<String>) -> Dataset {
        Dataset {
            name: name.into(),
            ..Dataset::default()
        }
    }

    /// Index of the entity with this id. O(1).
    pub fn entity_index(&self, id: &str) -> Option<u32> {
        self.index.get(id)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index(id).map(|i| &self.entities[i as usize])
    }

    /// Adds an entity and returns its index, or the index of the existing entity with that id
    /// (the dataset is left unchanged then).
    pub fn add_entity(&mut self, entity: Entity) -> u32 {
        if let Some(i) = self.entity_index(&entity.id) {
            return i;
        }
        let i = self.index.insert(&entity.id);
        self.entities.push(entity);
        i
    }

    /// Index of a relation type, interned on first use.
    pub fn intern_relation_type(&mut self, kind: &str) -> u32 {
        if let Some(&i) = self.type_index.get(kind) {
            return i;
        }
        let i = self.relation_types.len() as u32;
        self.type_index.insert(kind.to_string(), i);
        self.relation_types.push(kind.to_string());
        i
    }

    /// Index of a relation type, if the dataset uses it.
    pub fn relation_type_index(&self, kind: &str) -> Option<u32> {
        self.type_index.get(kind).copied()
    }

    /// The type name of a relation.
    pub fn relation_type(&self, relation: &Relation) -> &str {
        &self.relation_types[relation.kind as usize]
    }

    /// Adds a relation between two existing entities (by id), with weight 1 and no other
    /// attribute; returns it for further editing. `None` when an id is unknown.
    ///
    /// ```
    /// use powermap::model::{Dataset, Entity, Sign};
    /// let mut d = Dataset::new("demo");
    /// for id in ["fr", "ru"] {
    ///     d.add_entity(Entity { id: id.into(), kind: "state".into(), name: id.into(), ..Default::default() });
    /// }
    /// d.add_relation("fr", "ru", "warns").unwrap().sign = Some(Sign::Hostile);
    /// assert_eq!(d.relations.len(), 1);
    /// ```
    pub fn add_relation(
        &mut self,
        source: &str,
        target: &str,
        kind: &str,
    ) -> Option<&mut Relation> {
        let (s, t) = (self.entity_index(source)?, self.entity_index(target)?);
        let kind = self.intern_relation_type(kind);
        self.relations.push(Relation {
            source: s,
            target: t,
            kind,
            weight: 1.0,
            sign: None,
            date: None,
            confidence: None,
            directed: true,
            source_ref: None,
            evidence: None,
            note: None,
            extra: Box::new([]),
            line: 0,
        });
        self.relations.last_mut()
    }

    /// The earliest and latest dates among relations (by first and last possible day).
    pub fn date_range(&self) -> Option<(PartialDate, PartialDate)> {
        let mut dates = self.relations.iter().filter_map(|r| r.date);
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| {
            (
                if d.first_day() < lo.first_day() {
                    d
                } else {
                    lo
                },
                if d.last_day() > hi.last_day() { d } else { hi },
            )
        }))
    }

    /// Moves the id index out, so that other threads can resolve ids (read-only) while relations
    /// are appended; [`Dataset::restore_index`] puts it back. Entity lookups fail meanwhile.
    pub(crate) fn take_index(&mut self) -> IdIndex {
        std::mem::take(&mut self.index)
    }

    /// Puts back an index taken by [`Dataset::take_index`].
    pub(crate) fn restore_index(&mut self, index: IdIndex) {
        self.index = index;
    }

    /// The source row with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
