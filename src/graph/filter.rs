//! Filters applied to relations and entities before the metric graph is built.

use crate::model::{Dataset, Entity, PartialDate, Relation, Sign};

/// Which entities and relations an analysis looks at. The default keeps everything.
///
/// Semantics (every condition must hold):
/// - `entity_types`: keep entities of these types, and relations whose both ends are kept;
/// - `relation_types`: keep relations of these types;
/// - `since` / `until`: keep relations whose date interval meets `[since, until]` (a relation
///   dated `2017-02` is kept by `--since 2017-02-15`); undated relations are dropped when either
///   bound is set, since they cannot be placed in time;
/// - `min_confidence`: keep relations whose confidence (1.0 when not given) is at least this;
/// - `sign`: keep relations of this sign (neutral when not given).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Entity types to keep (lowercase), or all.
    pub entity_types: Option<Vec<String>>,
    /// Relation types to keep (lowercase), or all.
    pub relation_types: Option<Vec<String>>,
    /// Earliest date.
    pub since: Option<PartialDate>,
    /// Latest date.
    pub until: Option<PartialDate>,
    /// Least confidence.
    pub min_confidence: Option<f64>,
    /// Only this sign.
    pub sign: Option<Sign>,
}

impl Filter {
    /// Whether no condition is set.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether an entity is kept.
    pub fn keeps_entity(&self, e: &Entity) -> bool {
        self.entity_types
            .as_ref()
            .is_none_or(|ts| ts.contains(&e.kind))
    }

    /// Whether a relation is kept, given which entities are kept.
    pub fn keeps_relation(&self, dataset: &Dataset, r: &Relation, kept_entities: &[bool]) -> bool {
        if !kept_entities[r.source as usize] || !kept_entities[r.target as usize] {
            return false;
        }
        if let Some(ts) = &self.relation_types {
            if !ts.iter().any(|t| t == dataset.relation_type(r)) {
                return false;
            }
        }
        if self.since.is_some() || self.until.is_some() {
            let Some(d) = r.date else { return false };
            if self.since.is_some_and(|s| d.last_day() < s.first_day()) {
                return false;
            }
            if self.until.is_some_and(|u| d.first_day() > u.last_day()) {
                return false;
            }
        }
        if self.min_confidence.is_some_and(|m| r.confidence() < m) {
            return false;
        }
        self.sign.is_none_or(|s| r.sign() == s)
    }

    /// The relations of `dataset` this filter keeps, in file order. O(n + r).
    pub fn relations<'a>(
        &'a self,
        dataset: &'a Dataset,
    ) -> impl Iterator<Item = &'a Relation> + 'a {
        let kept: Vec<bool> = dataset
            .entities
            .iter()
            .map(|e| self.keeps_entity(e))
            .collect();
        dataset
            .relations
            .iter()
            .filter(move |r| self.keeps_relation(dataset, r, &kept))
    }

    /// A short human description, e.g. `since 2017-02-01, sign hostile` (empty when no filter).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = &self.entity_types {
            parts.push(format!("entity types {}", t.join(",")));
        }
        if let Some(t) = &self.relation_types {
            parts.push(format!("relation types {}", t.join(",")));
        }
        if let Some(d) = self.since {
            parts.push(format!("since {d}"));
        }
        if let Some(d) = self.until {
            parts.push(format!("until {d}"));
        }
        if let Some(c) = self.min_confidence {
            parts.push(format!("confidence >= {c}"));
        }
        if let Some(s) = self.sign {
            parts.push(format!("sign {s}"));
        }
        parts.join(", ")
    }
}
