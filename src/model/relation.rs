//! A relation between two entities, with its sign and confidence.

use super::PartialDate;
use std::fmt;

/// The stance a relation expresses: hostile (-1), neutral (0) or supportive (+1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// -1: accuses, warns, attacks, smears...
    Hostile,
    /// 0: a factual tie with no stance.
    Neutral,
    /// +1: supports, owns, advises, member of...
    Supportive,
}

impl Sign {
    /// Parses `-1`/`0`/`+1` (also `1`) or `hostile`/`neutral`/`supportive` (any case).
    pub fn parse(s: &str) -> Option<Sign> {
        let is = |w: &str| s.eq_ignore_ascii_case(w);
        match s {
            "-1" => Some(Sign::Hostile),
            "0" => Some(Sign::Neutral),
            "+1" | "1" => Some(Sign::Supportive),
            _ if is("hostile") => Some(Sign::Hostile),
            _ if is("neutral") => Some(Sign::Neutral),
            _ if is("supportive") => Some(Sign::Supportive),
            _ => None,
        }
    }

    /// -1, 0 or +1.
    pub fn value(self) -> i8 {
        match self {
            Sign::Hostile => -1,
            Sign::Neutral => 0,
            Sign::Supportive => 1,
        }
    }

    /// The three signs, hostile first.
    pub const ALL: [Sign; 3] = [Sign::Hostile, Sign::Neutral, Sign::Supportive];
}

impl fmt::Display for Sign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sign::Hostile => "hostile",
            Sign::Neutral => "neutral",
            Sign::Supportive => "supportive",
        })
    }
}

/// How sure the curation is that a relation holds, as a number in [0, 1].
///
/// The vocabulary maps the wording of sources: `confirmed` = 1.0, `reported` = 0.7,
/// `alleged` = 0.4. A number in [0, 1] may be given instead.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, serde::Serialize)]
pub struct Confidence(f64);

impl Confidence {
    /// `confirmed`: the source states the fact itself.
    pub const CONFIRMED: Confidence = Confidence(1.0);
    /// `reported`: the source reports it second-hand.
    pub const REPORTED: Confidence = Confidence(0.7);
    /// `alleged`: the source relays an accusation or claim.
    pub const ALLEGED: Confidence = Confidence(0.4);

    /// Parses a vocabulary word (any case) or a number in [0, 1].
    pub fn parse(s: &str) -> Option<Confidence> {
        let is = |w: &str| s.eq_ignore_ascii_case(w);
        match s {
            _ if is("confirmed") => Some(Self::CONFIRMED),
            _ if is("reported") => Some(Self::REPORTED),
            _ if is("alleged") => Some(Self::ALLEGED),
            other => other
                .parse::<f64>()
                .ok()
                .filter(|x| (0.0..=1.0).contains(x))
                .map(Confidence),
        }
    }

    /// The confidence as a number in [0, 1].
    pub fn value(self) -> f64 {
        self.0
    }

    /// The vocabulary word when the value is exactly one of them.
    pub fn label(self) -> Option<&'static str> {
        [
            (Self::CONFIRMED, "confirmed"),
            (Self::REPORTED, "reported"),
            (Self::ALLEGED, "alleged"),
        ]
        .into_iter()
        .find(|(c, _)| c.0 == self.0)
        .map(|(_, l)| l)
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label() {
            Some(l) => f.write_str(l),
            None => write!(f, "{}", self.0),
        }
    }
}

/// One curated relation: `source` does `kind` to `target`.
///
/// Endpoints are entity indices into [`super::Dataset::entities`]; `kind` indexes
/// [`super::Dataset::relation_types`]. Optional columns stay `None` when the cell was empty, so an
/// analysis can tell "neutral" from "not said".
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Entity index of the actor.
    pub source: u32,
    /// Entity index of the one acted upon.
    pub target: u32,
    /// Index of the relation type in the dataset's type table.
    pub kind: u32,
    /// Finite and > 0; 1 when the cell was empty.
    pub weight: f64,
    /// The sign, if given.
    pub sign: Option<Sign>,
    /// The date, if given.
    pub date: Option<PartialDate>,
    /// The confidence, if given.
    pub confidence: Option<Confidence>,
    /// Whether the relation has a direction (default true).
    pub directed: bool,
    /// An id of `sources.csv` or a URL.
    pub source_ref: Option<Box<str>>,
    /// A short quote from the source.
    pub evidence: Option<Box<str>>,
    /// A free note.
    pub note: Option<Box<str>>,
    /// Values of the extra columns, aligned with [`super::Dataset::relation_extra_columns`].
    pub extra: Box<[Box<str>]>,
    /// 1-based line of the row in relations.csv (0 for relations built in code).
    pub line: u32,
}

impl Relation {
    /// The sign, neutral when not given.
    pub fn sign(&self) -> Sign {
        self.sign.unwrap_or(Sign::Neutral)
    }

    /// The confidence, confirmed (1.0) when not given.
    pub fn confidence(&self) -> f64 {
        self.confidence.map_or(1.0, Confidence::value)
    }

    /// Whether the relation is a self-loop (kept in the dataset, dropped from the metric graph).
    pub fn is_self_loop(&self) -> bool {
        self.source == self.target
    }
}
