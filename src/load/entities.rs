//! entities.csv: `id,type[,name,country,aliases,description,...]`.

use super::diagnostics::{shown, Diagnostics};
use super::table::Table;
use crate::model::{Dataset, Entity};

const REQUIRED: [&str; 2] = ["id", "type"];
const KNOWN: [&str; 6] = ["id", "type", "name", "country", "aliases", "description"];

/// Reads every entity into `dataset`, reporting empty and duplicate ids and empty types.
pub(crate) fn read(table: &mut Option<Table>, dataset: &mut Dataset, diags: &mut Diagnostics) {
    let Some(table) = table else { return };
    dataset.has_entity_file = true;
    dataset.entity_extra_columns = table.header.extra_names();
    let h = &table.header;
    let (c_id, c_type, c_name, c_country, c_aliases, c_desc) = (
        h.col("id"),
        h.col("type"),
        h.col("name"),
        h.col("country"),
        h.col("aliases"),
        h.col("description"),
    );
    let extras = h.extras().to_vec();
    table.for_each_row(diags, |header, row, diags| {
        let texts = [c_id, c_type, c_name, c_country, c_aliases, c_desc].map(|c| row.text(c));
        let extra: Vec<String> = extras
            .iter()
            .map(|&c| row.text(Some(c)).to_string())
            .collect();
        let [id, kind, name, country, aliases, description] = texts;
        let (id_col, type_col) = (c_id.unwrap_or(0), c_type.unwrap_or(0));
        if id.is_empty() {
            diags.push(row.error(
                id_col,
                "empty id: expected a non-empty identifier, found an empty cell".into(),
            ));
            return;
        }
        if kind.is_empty() {
            diags.push(row.bad_value(
                header,
                type_col,
                "empty entity type",
                "a lowercase token such as state, outlet, candidate or official",
                kind,
            ));
        }
        if let Some(first) = dataset.entity(id) {
            diags.push(row.error(
                id_col,
                format!(
                    "duplicate id {}: expected each id once, found it already on line {}",
                    shown(id),
                    first.line
                ),
            ));
            return;
        }
        dataset.add_entity(Entity {
            id: id.to_string(),
            kind: kind.to_ascii_lowercase(),
            name: if name.is_empty() {
                id.to_string()
            } else {
                name.to_string()
            },
            country: (!country.is_empty()).then(|| country.to_string()),
            aliases: if aliases.is_empty() {
                Vec::new()
            } else {
                aliases
                    .split(';')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect()
            },
            description: (!description.is_empty()).then(|| description.to_string()),
            extra,
            line: row.line as u32,
        });
    });
}

/// Opens entities.csv with its column rules.
pub(crate) fn open(file: &str, input: &super::Input, diags: &mut Diagnostics) -> Option<Table> {
    Table::open(file, input, &REQUIRED, &KNOWN, diags)
}
