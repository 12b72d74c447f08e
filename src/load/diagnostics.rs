//! Problems found while loading: where they are, what was expected, what was found.

use std::fmt;

/// How serious a problem is: errors stop a run (exit code 2), warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is invalid; no command produces output from it.
    Error,
    /// Suspicious but usable (a self-loop, an entity with no relation, a duplicated row).
    Warning,
}

/// One problem at a place in a file, printed as `FILE:LINE[:COLUMN]: error: MESSAGE`.
///
/// `line` is the 1-based line of the file (the header is line 1; a quoted field spanning lines
/// counts its real lines); `column` is the 1-based field number in the row, as a spreadsheet
/// would show it. The message says what is wrong, what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<u64>,
    /// 1-based field number, when the problem is in one field.
    pub column: Option<usize>,
    /// What is wrong, what was expected, what was found.
    pub message: String,
}

impl Diagnostic {
    /// An error at `file:line:column`.
    pub fn error(file: &str, line: Option<u64>, column: Option<usize>, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            message,
        }
    }

    /// A warning at `file:line`.
    pub fn warning(file: &str, line: Option<u64>, message: String) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            file: file.to_string(),
            line,
            column: None,
            message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {level}: {}", self.message)
    }
}

/// How many errors (and, separately, warnings) are kept for display; the rest are only counted.
pub const DIAGNOSTIC_CAP: usize = 100;

/// All the problems of a run, errors and warnings apart, each list capped at [`DIAGNOSTIC_CAP`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    error_total: usize,
    warning_total: usize,
}

impl Diagnostics {
    /// Records a problem (kept if under the cap, counted always).
    pub fn push(&mut self, d: Diagnostic) {
        let (list, total) = match d.severity {
            Severity::Error => (&mut self.errors, &mut self.error_total),
            Severity::Warning => (&mut self.warnings, &mut self.warning_total),
        };
        *total += 1;
        if list.len() < DIAGNOSTIC_CAP {
            list.push(d);
        }
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.error_total > 0
    }

    /// The errors kept (at most [`DIAGNOSTIC_CAP`]).
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// The warnings kept (at most [`DIAGNOSTIC_CAP`]).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Errors recorded, including those past the cap.
    pub fn error_total(&self) -> usize {
        self.error_total
    }

    /// Warnings recorded, including those past the cap.
    pub fn warning_total(&self) -> usize {
        self.warning_total
    }

    /// Every kept line, errors first, each list followed by `... and N more` past the cap.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (list, total, what) in [
            (&self.errors, self.error_total, "errors"),
            (&self.warnings, self.warning_total, "warnings"),
        ] {
            for d in list {
                out.push_str(&d.to_string());
                out.push('\n');
            }
            if total > list.len() {
                out.push_str(&format!("... and {} more {what}\n", total - list.len()));
            }
        }
        out
    }
}

/// Shows a cell's value in a message: quoted, shortened past 40 characters.
pub(crate) fn shown(value: &str) -> String {
    if value.is_empty() {
        return "an empty cell".to_string();
    }
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("'{head}...'")
    } else {
        format!("'{head}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_but_counts() {
        let mut ds = Diagnostics::default();
        for i in 0..(DIAGNOSTIC_CAP + 5) {
            ds.push(Diagnostic::error(
                "r.csv",
                Some(i as u64 + 2),
                Some(1),
                "bad".into(),
            ));
        }
        assert_eq!(ds.errors().len(), DIAGNOSTIC_CAP);
        assert_eq!(ds.error_total(), DIAGNOSTIC_CAP + 5);
        assert!(ds.render().ends_with("... and 5 more errors\n"));
        assert_eq!(ds.errors()[0].to_string(), "r.csv:2:1: error: bad");
    }
}
