//! sources.csv (`id,title,publisher,date,url`) and events.csv (`date,label`).

use super::diagnostics::{shown, Diagnostics};
use super::table::Table;
use super::Input;
use crate::model::{Dataset, Event, PartialDate, Source};
use rustc_hash::FxHashMap;

/// Reads sources.csv into `dataset.sources`, reporting empty and duplicate ids.
pub(crate) fn read_sources(
    file: &str,
    input: &Input,
    dataset: &mut Dataset,
    diags: &mut Diagnostics,
) {
    let Some(mut table) = Table::open(
        file,
        input,
        &["id"],
        &["id", "title", "publisher", "date", "url"],
        diags,
    ) else {
        return;
    };
    let h = &table.header;
    let cols = [
        h.col("id"),
        h.col("title"),
        h.col("publisher"),
        h.col("date"),
        h.col("url"),
    ];
    let mut seen: FxHashMap<String, u64> = FxHashMap::default();
    table.for_each_row(diags, |_, row, diags| {
        let v = cols.map(|c| row.text(c));
        let id_col = cols[0].unwrap_or(0);
        if v[0].is_empty() {
            return diags.push(row.error(
                id_col,
                "empty id: expected a non-empty identifier, found an empty cell".into(),
            ));
        }
        if let Some(first) = seen.get(v[0]) {
            return diags.push(row.error(
                id_col,
                format!(
                    "duplicate id {}: expected each id once, found it already on line {first}",
                    shown(v[0])
                ),
            ));
        }
        seen.insert(v[0].to_string(), row.line);
        dataset.sources.push(Source {
            id: v[0].into(),
            title: v[1].into(),
            publisher: v[2].into(),
            date: v[3].into(),
            url: v[4].into(),
        });
    });
}

/// Reads events.csv into `dataset.events`, reporting impossible dates and empty labels.
pub(crate) fn read_events(
    file: &str,
    input: &Input,
    dataset: &mut Dataset,
    diags: &mut Diagnostics,
) {
    let Some(mut table) = Table::open(file, input, &["date", "label"], &["date", "label"], diags)
    else {
        return;
    };
    let (c_date, c_label) = (table.header.col("date"), table.header.col("label"));
    table.for_each_row(diags, |header, row, diags| {
        let (date, label) = (row.text(c_date), row.text(c_label));
        let date = match date.parse::<PartialDate>() {
            Ok(d) => d,
            Err(e) => {
                let what = format!("invalid date ({e})");
                return diags.push(row.bad_value(
                    header,
                    c_date.unwrap_or(0),
                    &what,
                    "a real date YYYY, YYYY-MM or YYYY-MM-DD",
                    date,
                ));
            }
        };
        if label.is_empty() {
            return diags.push(row.bad_value(
                header,
                c_label.unwrap_or(0),
                "empty label",
                "a short text",
                label,
            ));
        }
        dataset.events.push(Event {
            date,
            label: label.to_string(),
        });
    });
}
