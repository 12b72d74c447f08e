//! A result table rendered as aligned text, CSV or JSON.

use super::Format;

/// One value of a result table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A real number (written in full precision in CSV/JSON, rounded in text tables).
    Float(f64),
    /// No value (an empty CSV cell, JSON null).
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        Cell::Int(v as i64)
    }
}
impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Float(v)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, Into::into)
    }
}

impl Cell {
    fn exact(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            // `{}` on f64 prints the shortest text that reads back to the same number.
            Cell::Float(f) => format!("{f}"),
            Cell::Empty => String::new(),
        }
    }

    fn human(&self) -> String {
        match self {
            Cell::Float(f) if *f != 0.0 && f.abs() < 1e-3 => format!("{f:.3e}"),
            Cell::Float(f) => format!("{f:.4}"),
            Cell::Empty => "-".to_string(),
            other => other.exact(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Int(i) => serde_json::Value::from(*i),
            Cell::Float(f) => serde_json::Number::from_f64(*f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Cell::Empty => serde_json::Value::Null,
        }
    }
}

/// Named columns and rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Table {
        Table {
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// Renders in `format`; `limit` caps the rows of the text table only (CSV and JSON hold all).
    pub fn render(&self, format: Format, limit: Option<usize>) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Json => {
                let rows: Vec<serde_json::Value> = self
                    .rows
                    .iter()
                    .map(|r| {
                        serde_json::Value::Object(
                            self.columns
                                .iter()
                                .cloned()
                                .zip(r.iter().map(Cell::json))
                                .collect(),
                        )
                    })
                    .collect();
                let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
                s.push('\n');
                s
            }
            Format::Table => self.text(limit),
        }
    }

    fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(&self.columns);
        for r in &self.rows {
            let _ = w.write_record(r.iter().map(Cell::exact));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    fn text(&self, limit: Option<usize>) -> String {
        let shown = limit.unwrap_or(self.rows.len()).min(self.rows.len());
        let cells: Vec<Vec<String>> = self.rows[..shown]
            .iter()
            .map(|r| r.iter().map(Cell::human).collect())
            .collect();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for r in &cells {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let numeric: Vec<bool> = (0..self.columns.len())
            .map(|j| {
                self.rows
                    .iter()
                    .all(|r| matches!(r[j], Cell::Int(_) | Cell::Float(_) | Cell::Empty))
            })
            .collect();
        let line = |r: &[String]| {
            let parts: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let pad = widths[j] - c.chars().count();
                    if numeric[j] {
                        format!("{}{c}", " ".repeat(pad))
                    } else {
                        format!("{c}{}", " ".repeat(pad))
                    }
                })
                .collect();
            parts.join("  ").trim_end().to_string() + "\n"
        };
        let mut out = line(&self.columns);
        out.push_str(&line(
            &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
        ));
        for r in &cells {
            out.push_str(&line(r));
        }
        if shown < self.rows.len() {
            out.push_str(&format!("({} of {} rows shown)\n", shown, self.rows.len()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_all_formats() {
        let mut t = Table::new(["id", "score"]);
        t.push(vec!["a,b".into(), 0.5.into()]);
        t.push(vec!["c".into(), Cell::Empty]);
        assert_eq!(t.render(Format::Csv, None), "id,score\n\"a,b\",0.5\nc,\n");
        assert!(t.render(Format::Json, None).contains("\"score\": null"));
        let text = t.render(Format::Table, Some(1));
        assert!(text.starts_with("id    score\n"), "{text}");
        assert!(text.ends_with("(1 of 2 rows shown)\n"));
    }
}
