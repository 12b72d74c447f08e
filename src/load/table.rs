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
    reader: csv::Reader<Box<dyn Read>>,
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
        let source: Box<dyn Read> = match input {
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
        let mut record = ByteRecord::new();
        loop {
            match self.reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map(|p| p.line());
                    diags.push(Diagnostic::error(
                        &self.file,
                        line,
                        None,
                        format!("cannot read the row: {e}"),
                    ));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        break;
                    }
                    continue;
                }
            }
            let line = record.position().map_or(0, |p| p.line());
            if record.len() != self.header.len() {
                // A lone empty field is a blank line made of spaces; skip it like a blank line.
                if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty()) {
                    continue;
                }
                diags.push(Diagnostic::error(
                    &self.file,
                    Some(line),
                    None,
                    format!(
                        "wrong number of fields: expected {} (as in the header), found {}",
                        self.header.len(),
                        record.len()
                    ),
                ));
                continue;
            }
            // One UTF-8 check per row (not per cell); the buffer is handed back afterwards.
            let text = match StringRecord::from_byte_record(record) {
                Ok(text) => text,
                Err(e) => {
                    let (field, valid) = (e.utf8_error().field(), e.utf8_error().valid_up_to());
                    let back = e.into_byte_record();
                    let bytes = back.get(field).unwrap_or(b"");
                    // Cells are trimmed on access, so count from the first non-blank byte.
                    let lead = bytes.len() - bytes.trim_ascii_start().len();
                    let (valid, bad) = (
                        valid - lead.min(valid),
                        bytes.get(valid).copied().unwrap_or(0),
                    );
                    diags.push(Diagnostic::error(
                        &self.file,
                        Some(line),
                        Some(field + 1),
                        format!(
                            "invalid UTF-8 in column '{}': expected UTF-8 text, found byte 0x{:02x} at byte {} of the cell",
                            self.header.names.get(field).map_or("?", String::as_str),
                            bad,
                            valid + 1
                        ),
                    ));
                    record = back;
                    continue;
                }
            };
            let row = Row {
                file: &self.file,
                line,
                record: &text,
            };
            f(&self.header, row, diags);
            record = text.into_byte_record();
        }
    }
}
