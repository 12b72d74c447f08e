//! relations.csv: `source,target,type[,weight,sign,date,confidence,directed,source_ref,evidence,note,...]`.

use super::diagnostics::{shown, Diagnostic, Diagnostics};
use super::table::{Header, Row, Table};
use crate::model::{
    Confidence, Dataset, Entity, IdIndex, PartialDate, Relation, Sign, UNKNOWN_TYPE,
};
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

const REQUIRED: [&str; 3] = ["source", "target", "type"];
const KNOWN: [&str; 11] = [
    "source",
    "target",
    "type",
    "weight",
    "sign",
    "date",
    "confidence",
    "directed",
    "source_ref",
    "evidence",
    "note",
];

/// Column positions of relations.csv, resolved once from the header.
struct Cols {
    source: Option<usize>,
    target: Option<usize>,
    kind: Option<usize>,
    weight: Option<usize>,
    sign: Option<usize>,
    date: Option<usize>,
    confidence: Option<usize>,
    directed: Option<usize>,
    source_ref: Option<usize>,
    evidence: Option<usize>,
    note: Option<usize>,
    extras: Vec<usize>,
}

/// Opens relations.csv with its column rules.
pub(crate) fn open(file: &str, input: &super::Input, diags: &mut Diagnostics) -> Option<Table> {
    Table::open(file, input, &REQUIRED, &KNOWN, diags)
}

/// Reads every relation into `dataset`.
///
/// With an entity file, endpoints must name its ids; without one, entities are implied (type
/// `unknown`). With a sources file, `source_ref` must name one of its ids or be a URL.
/// Identical rows and self-loops are kept and reported as warnings.
///
/// Cell parsing and id resolution run on a worker thread ([`Table::for_each_row_prepared`]);
/// only interning, implied entities and duplicate detection, which depend on row order, run here.
pub(crate) fn read(
    table: &mut Table,
    dataset: &mut Dataset,
    check_sources: bool,
    diags: &mut Diagnostics,
) {
    let h = &table.header;
    let cols = Cols {
        source: h.col("source"),
        target: h.col("target"),
        kind: h.col("type"),
        weight: h.col("weight"),
        sign: h.col("sign"),
        date: h.col("date"),
        confidence: h.col("confidence"),
        directed: h.col("directed"),
        source_ref: h.col("source_ref"),
        evidence: h.col("evidence"),
        note: h.col("note"),
        extras: h.extras().to_vec(),
    };
    dataset.relation_extra_columns = h.extra_names();
    let source_ids: FxHashSet<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    // With an entity file the index is complete and read-only: workers may resolve ids.
    let index = dataset.has_entity_file.then(|| dataset.take_index());
    let checks = Checks {
        cols: &cols,
        index: index.as_ref(),
        check_sources,
        source_ids: &source_ids,
    };
    // Row content hash -> index of the first relation with it, to flag identical rows.
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    table.for_each_row_prepared(
        diags,
        |header, row| checks.prepare(header, row),
        |_, row, prepared, diags| {
            if !prepared.errors.is_empty() {
                prepared.errors.into_iter().for_each(|d| diags.push(d));
                return;
            }
            let rel = finish(&row, &cols, prepared.fields, dataset);
            if rel.is_self_loop() {
                diags.push(Diagnostic::warning(
                    row.file,
                    Some(row.line),
                    format!(
                        "self-loop {} -> itself ({}): kept in the dataset, dropped from the metric graph",
                        shown(&dataset.entities[rel.source as usize].id),
                        dataset.relation_types[rel.kind as usize]
                    ),
                ));
            }
            let idx = dataset.relations.len() as u32;
            match seen.get(&prepared.hash) {
                Some(&first) if same_content(&dataset.relations[first as usize], &rel) => {
                    diags.push(Diagnostic::warning(
                        row.file,
                        Some(row.line),
                        format!(
                            "duplicate of the relation on line {} (identical row): both are kept, their weights add up in the metric graph",
                            dataset.relations[first as usize].line
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(prepared.hash, idx);
                }
            }
            dataset.relations.push(rel);
        },
    );
    if let Some(index) = index {
        dataset.restore_index(index);
    }
}

fn same_content(a: &Relation, b: &Relation) -> bool {
    Relation {
        line: 0,
        ..a.clone()
    } == Relation {
        line: 0,
        ..b.clone()
    }
}

/// An endpoint after the worker's look-up.
#[derive(Clone, Copy)]
enum Endpoint {
    /// Resolved to this entity index.
    Known(u32),
    /// To be resolved (or implied) in row order: the dataset has no entity file.
    Implied,
}

/// The order-free part of a relation, parsed by a worker.
struct Fields {
    source: Endpoint,
    target: Endpoint,
    weight: f64,
    sign: Option<Sign>,
    date: Option<PartialDate>,
    confidence: Option<Confidence>,
    directed: bool,
}

/// A row as a worker leaves it: its fields, or every problem found in it.
struct Prepared {
    fields: Fields,
    errors: Vec<Diagnostic>,
    hash: u64,
}

/// What a worker needs to check a row; shared read-only between threads.
struct Checks<'a> {
    cols: &'a Cols,
    index: Option<&'a IdIndex>,
    check_sources: bool,
    source_ids: &'a FxHashSet<String>,
}

impl Checks<'_> {
    /// Parses and checks every cell of a row, collecting all its problems (a row with three bad
    /// cells reports three errors, in column order).
    fn prepare(&self, h: &Header, row: &Row<'_>) -> Prepared {
        let c = self.cols;
        let mut errors = Vec::new();
        let col = |o: Option<usize>| o.unwrap_or(0);
        let endpoint = |column: Option<usize>, which: &str, errors: &mut Vec<Diagnostic>| {
            let id = row.text(column);
            if id.is_empty() {
                errors.push(row.bad_value(
                    h,
                    col(column),
                    &format!("empty {which}"),
                    "an entity id",
                    id,
                ));
                return Endpoint::Implied;
            }
            match self.index {
                None => Endpoint::Implied,
                Some(index) => index.get(id).map(Endpoint::Known).unwrap_or_else(|| {
                    errors.push(row.bad_value(
                        h,
                        col(column),
                        &format!("unknown entity {} as {which}", shown(id)),
                        "an id defined in entities.csv",
                        id,
                    ));
                    Endpoint::Implied
                }),
            }
        };
        let source = endpoint(c.source, "source", &mut errors);
        let target = endpoint(c.target, "target", &mut errors);
        let kind = row.text(c.kind);
        if kind.is_empty() {
            errors.push(row.bad_value(
                h,
                col(c.kind),
                "empty relation type",
                "a token such as accuses, warns or supports",
                kind,
            ));
        }
        let e = &mut errors;
        let weight = optional(
            row,
            h,
            c.weight,
            row.text(c.weight),
            "invalid weight",
            "a finite number > 0",
            e,
            |w| {
                w.parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite() && *w > 0.0)
                    .ok_or(None)
            },
        )
        .map(|w| w.unwrap_or(1.0));
        let sign = optional(
            row,
            h,
            c.sign,
            row.text(c.sign),
            "invalid sign",
            "-1, 0, +1, hostile, neutral or supportive",
            e,
            |s| Sign::parse(s).ok_or(None),
        );
        let date = optional(
            row,
            h,
            c.date,
            row.text(c.date),
            "invalid date",
            "a real date YYYY, YYYY-MM or YYYY-MM-DD",
            e,
            |d| d.parse::<PartialDate>().map_err(|e| Some(e.to_string())),
        );
        let confidence = optional(
            row,
            h,
            c.confidence,
            row.text(c.confidence),
            "invalid confidence",
            "confirmed, reported, alleged or a number in [0, 1]",
            e,
            |x| Confidence::parse(x).ok_or(None),
        );
        let directed_text = row.text(c.directed);
        let directed = parse_flag(directed_text);
        if directed.is_none() {
            errors.push(row.bad_value(
                h,
                col(c.directed),
                "invalid directed flag",
                "true/false, 1/0 or yes/no",
                directed_text,
            ));
        }
        let sref = row.text(c.source_ref);
        if self.check_sources
            && !sref.is_empty()
            && !is_url(sref)
            && !self.source_ids.contains(sref)
        {
            errors.push(row.bad_value(
                h,
                col(c.source_ref),
                &format!("unknown source {}", shown(sref)),
                "an id of sources.csv or a URL",
                sref,
            ));
        }
        let mut hasher = FxHasher::default();
        row.record.as_slice().hash(&mut hasher);
        (0..row.record.len()).for_each(|i| row.record.range(i).map(|r| r.end).hash(&mut hasher));
        Prepared {
            fields: Fields {
                source,
                target,
                weight: weight.unwrap_or(1.0),
                sign: sign.flatten(),
                date: date.flatten(),
                confidence: confidence.flatten(),
                directed: directed.unwrap_or(true),
            },
            errors,
            hash: hasher.finish(),
        }
    }
}

/// Builds the relation of a valid row: resolves implied endpoints, interns the type, copies the
/// free-text cells. Runs in row order.
fn finish(row: &Row<'_>, c: &Cols, f: Fields, dataset: &mut Dataset) -> Relation {
    let mut resolve = |e: Endpoint, column: Option<usize>| match e {
        Endpoint::Known(i) => i,
        Endpoint::Implied => {
            let id = row.text(column);
            dataset.entity_index(id).unwrap_or_else(|| {
                dataset.add_entity(Entity {
                    id: id.to_string(),
                    kind: UNKNOWN_TYPE.to_string(),
                    name: id.to_string(),
                    ..Entity::default()
                })
            })
        }
    };
    let source = resolve(f.source, c.source);
    let target = resolve(f.target, c.target);
    let kind = row.text(c.kind);
    // Types are stored lowercase; most files already are, so avoid an allocation per row.
    let kind = if kind.bytes().any(|b| b.is_ascii_uppercase()) {
        dataset.intern_relation_type(&kind.to_ascii_lowercase())
    } else {
        dataset.intern_relation_type(kind)
    };
    let opt = |col: Option<usize>| {
        Some(row.text(col))
            .filter(|s| !s.is_empty())
            .map(Box::<str>::from)
    };
    Relation {
        source,
        target,
        kind,
        weight: f.weight,
        sign: f.sign,
        date: f.date,
        confidence: f.confidence,
        directed: f.directed,
        source_ref: opt(c.source_ref),
        evidence: opt(c.evidence),
        note: opt(c.note),
        extra: c
            .extras
            .iter()
            .map(|&e| Box::<str>::from(row.text(Some(e))))
            .collect(),
        line: row.line as u32,
    }
}

/// Parses an optional cell: `Some(None)` when empty, `Some(Some(v))` when valid; otherwise records
/// "`what` (reason) in column ...: expected ..., found ..." and returns `None`.
#[allow(clippy::too_many_arguments)]
fn optional<T>(
    row: &Row<'_>,
    h: &Header,
    column: Option<usize>,
    value: &str,
    what: &str,
    expected: &str,
    errors: &mut Vec<Diagnostic>,
    parse: impl FnOnce(&str) -> Result<T, Option<String>>,
) -> Option<Option<T>> {
    if value.is_empty() {
        return Some(None);
    }
    match parse(value) {
        Ok(v) => Some(Some(v)),
        Err(reason) => {
            let what = reason.map_or_else(|| what.to_string(), |r| format!("{what} ({r})"));
            errors.push(row.bad_value(h, column.unwrap_or(0), &what, expected, value));
            None
        }
    }
}

/// `true/false`, `1/0`, `yes/no` in any case; empty means true (relations are directed by default).
fn parse_flag(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "" | "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}
