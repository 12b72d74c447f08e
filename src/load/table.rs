//! Strict reading of one CSV table: header resolution, field counts, UTF-8, trimming.
//!
//! Built on the `csv` crate's records because they report each record's real starting line
//! (quoted newlines included) and let reading go on after a bad row, so every problem of a file
//! can be reported in one run.

use super::diagnostics::{shown, Diagnostic, Diagnostics};
use super::Input;
use csv::{ByteRecord, ReaderBuilder, StringRecord, Trim};
use std::io::Read;

/// The resolved header of a table: where each known column is, and the extra columns.
pub(crate) struct Header {
    names: Vec<String>,
    extras: Vec<usize>,
}

impl Header {
    /// Index of a known column, if present.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// Names of the columns not in `known`, in file order.
    pub fn extra_names(&self) -> Vec<String> {
        self.extras.iter().map(|&i| self.names[i].clone()).collect()
    }

    /// Indices of the extra columns.
    pub fn extras(&self) -> &[usize] {
        &self.extras
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// A CSV table being read row by row.
pub(crate) struct Table {
    pub file: String,
    pub header: Header,
    reader: csv::Reader<Box<dyn Read + Send>>,
}

/// One data row, its real line, and UTF-8 checked access to its cells.
pub(crate) struct Row<'a> {
    pub file: &'a str,
    pub line: u64,
    pub record: &'a StringRecord,
}

impl<'a> Row<'a> {
    /// The trimmed text of column `col` (empty when the column is absent).
    pub fn text(&self, col: Option<usize>) -> &'a str {
        col.and_then(|c| self.record.get(c))
            .unwrap_or("")
            .trim_ascii()
    }

    /// An error in column `col` (0-based) of this row.
    pub fn error(&self, col: usize, message: String) -> Diagnostic {
        Diagnostic::error(self.file, Some(self.line), Some(col + 1), message)
    }

    /// An error about column `col` that names it: "`what` in column 'name': expected ..., found ...".
    pub fn bad_value(
        &self,
        header: &Header,
        col: usize,
        what: &str,
        expected: &str,
        found: &str,
    ) -> Diagnostic {
        self.error(
            col,
            format!(
                "{what} in column '{}': expected {expected}, found {}",
                header.names[col],
                shown(found)
            ),
        )
    }
}

impl Table {
    /// Opens `input` and resolves its header against the `required` and `known` column names.
    ///
    /// Problems that make the file unreadable as a table (missing file, empty file, a header that is
    /// not UTF-8, missing required or duplicated columns) are reported and `None` is returned.
    pub fn open(
        file: &str,
        input: &Input,
        required: &[&str],
        known: &[&str],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let source: Box<dyn Read + Send> = match input {
            Input::Bytes(b) => Box::new(*b),
            Input::Path(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 20, f)),
                Err(e) => {
                    diags.push(Diagnostic::error(
                        file,
                        None,
                        None,
                        format!("cannot read the file: {e}"),
                    ));
                    return None;
                }
            },
        };
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            // Cells are trimmed on access: the csv crate's own trimming rebuilds every record.
            .trim(Trim::None)
            .buffer_capacity(1 << 20)
            .from_reader(source);
        let mut first = ByteRecord::new();
        match reader.read_byte_record(&mut first) {
            Ok(true) => {}
            Ok(false) => {
                diags.push(Diagnostic::error(
                    file,
                    Some(1),
                    None,
                    "empty file: expected a header row naming the columns, found nothing".into(),
                ));
                return None;
            }
            Err(e) => {
                diags.push(Diagnostic::error(
                    file,
                    Some(1),
                    None,
                    format!("cannot read the header: {e}"),
                ));
                return None;
            }
        }
        let mut names = Vec::with_capacity(first.len());
        for (i, raw) in first.iter().enumerate() {
            let raw = if i == 0 {
                raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
            } else {
                raw
            };
            match std::str::from_utf8(raw) {
                Ok(s) => names.push(s.trim().to_ascii_lowercase()),
                Err(_) => {
                    diags.push(Diagnostic::error(
                        file,
                        Some(1),
                        Some(i + 1),
                        "invalid UTF-8 in the header: expected UTF-8 text, found other bytes"
                            .into(),
                    ));
                    return None;
                }
            }
        }
        let mut ok = true;
        for (i, n) in names.iter().enumerate() {
            if let Some(j) = names[..i].iter().position(|m| m == n) {
                diags.push(Diagnostic::error(
                    file,
                    Some(1),
                    Some(i + 1),
                    format!("duplicate column '{n}': expected each column once, found it also in column {}", j + 1),
                ));
                ok = false;
            }
        }
        for req in required {
            if !names.iter().any(|n| n == req) {
                diags.push(Diagnostic::error(
                    file,
                    Some(1),
                    None,
                    format!(
                        "missing required column '{req}': expected a header with the columns {}, found {}",
                        required.join(", "),
                        if names.iter().all(|n| n.is_empty()) { "no column names".to_string() } else { names.join(", ") }
                    ),
                ));
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let extras = (0..names.len())
            .filter(|&i| !known.contains(&names[i].as_str()))
            .collect();
        Some(Table {
            file: file.to_string(),
            header: Header { names, extras },
            reader,
        })
    }

    /// Calls `f` on every data row whose field count matches the header; reports the others.
    pub fn for_each_row(
        &mut self,
        diags: &mut Diagnostics,
        mut f: impl FnMut(&Header, Row<'_>, &mut Diagnostics),
    ) {
        self.for_each_row_prepared(diags, |_, _| (), |h, row, (), diags| f(h, row, diags));
    }

    /// Like [`Table::for_each_row`], with a pure per-row step `prep` whose result is handed to
    /// `f` alongside the row.
    ///
    /// Reading is a three-stage pipeline: one thread parses CSV and checks UTF-8, a second runs
    /// `prep` (parsing cells, resolving ids: the costly, order-free work), and the calling thread
    /// runs `f` (the order-dependent work) in file order. Batches and their records are recycled,
    /// so steady-state reading allocates nothing for the records themselves.
    pub fn for_each_row_prepared<P: Send>(
        &mut self,
        diags: &mut Diagnostics,
        prep: impl Fn(&Header, &Row<'_>) -> P + Sync,
        mut f: impl FnMut(&Header, Row<'_>, P, &mut Diagnostics),
    ) {
        let (file, header, reader) = (&self.file, &self.header, &mut self.reader);
        let prep = &prep;
        std::thread::scope(|scope| {
            type Read = (Vec<Slot>, usize);
            let (read_tx, read_rx) = std::sync::mpsc::sync_channel::<Read>(2);
            let (prep_tx, prep_rx) = std::sync::mpsc::sync_channel::<(Read, Vec<Option<P>>)>(2);
            let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Vec<Slot>>();
            scope.spawn(move || loop {
                let mut batch = empty_rx.try_recv().unwrap_or_default();
                let (filled, done) = fill(reader, file, header, &mut batch);
                if read_tx.send((batch, filled)).is_err() || done {
                    break;
                }
            });
            scope.spawn(move || {
                for (batch, filled) in read_rx {
                    let prepared = batch[..filled]
                        .iter()
                        .map(|slot| match (&slot.problem, &slot.rec) {
                            (None, Rec::Text(record)) => Some(prep(
                                header,
                                &Row {
                                    file,
                                    line: slot.line,
                                    record,
                                },
                            )),
                            _ => None,
                        })
                        .collect();
                    if prep_tx.send(((batch, filled), prepared)).is_err() {
                        break;
                    }
                }
            });
            for ((batch, filled), prepared) in prep_rx {
                for (slot, p) in batch[..filled].iter().zip(prepared) {
                    if let Some(problem) = &slot.problem {
                        diags.push(problem.clone());
                    } else if let (Rec::Text(record), Some(p)) = (&slot.rec, p) {
                        let row = Row {
                            file,
                            line: slot.line,
                            record,
                        };
                        f(header, row, p, diags);
                    }
                }
                // The reader may have finished already; then the batch is simply dropped.
                let _ = empty_tx.send(batch);
            }
        });
    }
}

/// Rows handed from the reading thread to the processing thread at a time.
const BATCH: usize = 2048;

/// A record in a batch slot: checked text, raw bytes (kept for reuse), or nothing yet.
enum Rec {
    Text(StringRecord),
    Bytes(ByteRecord),
    Vacant,
}

/// One row of a batch, with its line and the problem that keeps it from being processed.
struct Slot {
    rec: Rec,
    line: u64,
    problem: Option<Diagnostic>,
}

/// Reads up to [`BATCH`] rows into `batch`, reusing its records. Returns how many slots hold a row
/// or a problem, and whether the input is exhausted.
fn fill(
    reader: &mut csv::Reader<Box<dyn Read + Send>>,
    file: &str,
    header: &Header,
    batch: &mut Vec<Slot>,
) -> (usize, bool) {
    let mut n = 0;
    while n < BATCH {
        if batch.len() == n {
            batch.push(Slot {
                rec: Rec::Vacant,
                line: 0,
                problem: None,
            });
        }
        let slot = &mut batch[n];
        slot.problem = None;
        let mut record = match std::mem::replace(&mut slot.rec, Rec::Vacant) {
            Rec::Text(t) => t.into_byte_record(),
            Rec::Bytes(b) => b,
            Rec::Vacant => ByteRecord::new(),
        };
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                slot.rec = Rec::Bytes(record);
                return (n, true);
            }
            Err(e) => {
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                let line = e.position().map(|p| p.line());
                slot.problem = Some(Diagnostic::error(
                    file,
                    line,
                    None,
                    format!("cannot read the row: {e}"),
                ));
                slot.rec = Rec::Bytes(record);
                n += 1;
                if fatal {
                    return (n, true);
                }
                continue;
            }
        }
        slot.line = record.position().map_or(0, |p| p.line());
        if record.len() != header.len() {
            // A lone blank field is a line of spaces; skip it like an empty line.
            let blank =
                record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty());
            if !blank {
                slot.problem = Some(Diagnostic::error(
                    file,
                    Some(slot.line),
                    None,
                    format!(
                        "wrong number of fields: expected {} (as in the header), found {}",
                        header.len(),
                        record.len()
                    ),
                ));
                n += 1;
            }
            slot.rec = Rec::Bytes(record);
            continue;
        }
        // One UTF-8 check per row (not per cell).
        match StringRecord::from_byte_record(record) {
            Ok(text) => slot.rec = Rec::Text(text),
            Err(e) => {
                let (field, valid) = (e.utf8_error().field(), e.utf8_error().valid_up_to());
                let back = e.into_byte_record();
                let bytes = back.get(field).unwrap_or(b"");
                // Cells are trimmed on access, so count from the first non-blank byte.
                let lead = bytes.len() - bytes.trim_ascii_start().len();
                let bad = bytes.get(valid).copied().unwrap_or(0);
                slot.problem = Some(Diagnostic::error(
                    file,
                    Some(slot.line),
                    Some(field + 1),
                    format!(
                        "invalid UTF-8 in column '{}': expected UTF-8 text, found byte 0x{bad:02x} at byte {} of the cell",
                        header.names.get(field).map_or("?", String::as_str),
                        valid - lead.min(valid) + 1
                    ),
                ));
                slot.rec = Rec::Bytes(back);
            }
        }
        n += 1;
    }
    (n, false)
}
