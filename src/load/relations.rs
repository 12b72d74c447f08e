//! relations.csv: `source,target,type[,weight,sign,date,confidence,directed,source_ref,evidence,note,...]`.

use super::diagnostics::{shown, Diagnostic, Diagnostics};
use super::table::{Header, Row, Table};
use crate::model::{Confidence, Dataset, Entity, PartialDate, Relation, Sign, UNKNOWN_TYPE};
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
    let implied = !dataset.has_entity_file;
    // Row content hash -> index of the first relation with it, to flag identical rows.
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    table.for_each_row(diags, |header, row, diags| {
        let mut errors = Vec::new();
        let rel = parse_row(header, &row, &cols, dataset, implied, check_sources, &source_ids, &mut errors);
        if !errors.is_empty() {
            errors.into_iter().for_each(|d| diags.push(d));
            return;
        }
        let Some(rel) = rel else { return };
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
        let mut hasher = FxHasher::default();
        row.record.as_slice().hash(&mut hasher);
        row.record.len().hash(&mut hasher);
        (0..row.record.len()).for_each(|i| row.record.range(i).map(|r| r.end).hash(&mut hasher));
        let idx = dataset.relations.len() as u32;
        match seen.get(&hasher.finish()) {
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
                seen.insert(hasher.finish(), idx);
            }
        }
        dataset.relations.push(rel);
    });
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

/// Parses one row; pushes every problem of the row into `errors` (so a row with three bad cells
/// reports three errors) and returns the relation when there is none.
#[allow(clippy::too_many_arguments)]
fn parse_row(
    h: &Header,
    row: &Row<'_>,
    c: &Cols,
    dataset: &mut Dataset,
    implied: bool,
    check_sources: bool,
    source_ids: &FxHashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Relation> {
    let text = |col: Option<usize>| row.text(col);
    let [src, tgt, kind, weight, sign, date, conf, directed, sref, evidence, note] = [
        c.source,
        c.target,
        c.kind,
        c.weight,
        c.sign,
        c.date,
        c.confidence,
        c.directed,
        c.source_ref,
        c.evidence,
        c.note,
    ]
    .map(text);
    let col = |o: Option<usize>| o.unwrap_or(0);
    let mut endpoint = |id: &str,
                        which: &str,
                        column: Option<usize>,
                        errors: &mut Vec<Diagnostic>|
     -> Option<u32> {
        if id.is_empty() {
            errors.push(row.bad_value(
                h,
                col(column),
                &format!("empty {which}"),
                "an entity id",
                id,
            ));
            return None;
        }
        match dataset.entity_index(id) {
            Some(i) => Some(i),
            None if implied => Some(dataset.add_entity(Entity {
                id: id.to_string(),
                kind: UNKNOWN_TYPE.to_string(),
                name: id.to_string(),
                ..Entity::default()
            })),
            None => {
                errors.push(row.bad_value(
                    h,
                    col(column),
                    &format!("unknown entity {} as {which}", shown(id)),
                    "an id defined in entities.csv",
                    id,
                ));
                None
            }
        }
    };
    let source = endpoint(src, "source", c.source, errors);
    let target = endpoint(tgt, "target", c.target, errors);
    if kind.is_empty() {
        errors.push(row.bad_value(
            h,
            col(c.kind),
            "empty relation type",
            "a token such as accuses, warns or supports",
            kind,
        ));
    }
    let weight = optional(
        row,
        h,
        c.weight,
        weight,
        "invalid weight",
        "a finite number > 0",
        errors,
        |w| {
            w.parse::<f64>()
                .ok()
                .filter(|w| w.is_finite() && *w > 0.0)
                .ok_or(None)
        },
    )
    .map(|w| w.unwrap_or(1.0));
    let sign_v = optional(
        row,
        h,
        c.sign,
        sign,
        "invalid sign",
        "-1, 0, +1, hostile, neutral or supportive",
        errors,
        |s| Sign::parse(s).ok_or(None),
    );
    let date_v = optional(
        row,
        h,
        c.date,
        date,
        "invalid date",
        "a real date YYYY, YYYY-MM or YYYY-MM-DD",
        errors,
        |d| d.parse::<PartialDate>().map_err(|e| Some(e.to_string())),
    );
    let conf_v = optional(
        row,
        h,
        c.confidence,
        conf,
        "invalid confidence",
        "confirmed, reported, alleged or a number in [0, 1]",
        errors,
        |x| Confidence::parse(x).ok_or(None),
    );
    let directed_v = parse_flag(directed);
    if directed_v.is_none() {
        errors.push(row.bad_value(
            h,
            col(c.directed),
            "invalid directed flag",
            "true/false, 1/0 or yes/no",
            directed,
        ));
    }
    if check_sources && !sref.is_empty() && !is_url(sref) && !source_ids.contains(sref) {
        errors.push(row.bad_value(
            h,
            col(c.source_ref),
            &format!("unknown source {}", shown(sref)),
            "an id of sources.csv or a URL",
            sref,
        ));
    }
    if !errors.is_empty() {
        return None;
    }
    let opt = |s: &str| (!s.is_empty()).then(|| Box::<str>::from(s));
    // Types are stored lowercase; most files already are, so avoid an allocation per row.
    let kind = if kind.bytes().any(|b| b.is_ascii_uppercase()) {
        dataset.intern_relation_type(&kind.to_ascii_lowercase())
    } else {
        dataset.intern_relation_type(kind)
    };
    Some(Relation {
        source: source?,
        target: target?,
        kind,
        weight: weight?,
        sign: sign_v?,
        date: date_v?,
        confidence: conf_v?,
        directed: directed_v?,
        source_ref: opt(sref),
        evidence: opt(evidence),
        note: opt(note),
        extra: c
            .extras
            .iter()
            .map(|&e| Box::<str>::from(text(Some(e))))
            .collect(),
        line: row.line as u32,
    })
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
