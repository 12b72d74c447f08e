//! Reading and validating a dataset: CSV files (or the bundled case) to a [`Dataset`].
//!
//! Validation is strict and complete: every problem of every file is reported in one run (up to
//! [`diagnostics::DIAGNOSTIC_CAP`] shown per kind), each with its file, line, column, what was
//! expected and what was found. A dataset with any error is not returned, so no command can
//! produce output from invalid input. Inputs are only ever read.
//!
//! ```
//! let loaded = powermap::load::load(&powermap::load::DatasetSource::Bundled).unwrap();
//! assert!(loaded.dataset.entity("macron").is_some());
//! ```

pub mod bundled;
pub mod diagnostics;
mod entities;
mod relations;
mod sources;
mod table;

use crate::model::Dataset;
pub use diagnostics::{Diagnostic, Diagnostics, Severity};
use std::path::{Path, PathBuf};

/// Where a table's bytes come from: a file, or data embedded in the binary.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Bytes compiled into the binary (the bundled dataset).
    Bytes(&'static [u8]),
}

/// Which dataset to load.
#[derive(Debug, Clone)]
pub enum DatasetSource {
    /// A directory with relations.csv and optionally entities.csv, sources.csv, events.csv.
    Dir(PathBuf),
    /// Files named one by one.
    Files {
        /// relations.csv (required).
        relations: PathBuf,
        /// entities.csv, if any.
        entities: Option<PathBuf>,
        /// sources.csv, if any.
        sources: Option<PathBuf>,
    },
    /// The dataset compiled into the binary: `data/fr-election-2017`.
    Bundled,
}

/// A valid dataset and the warnings found while loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The dataset, whole.
    pub dataset: Dataset,
    /// Warnings only (a dataset with errors is never returned).
    pub diagnostics: Diagnostics,
}

/// The dataset is invalid: every problem found, errors and warnings.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the dataset has {} error(s)", .0.error_total())]
pub struct LoadError(pub Diagnostics);

/// One table of a dataset: the name shown in messages and where to read it.
struct Part {
    label: String,
    input: Input,
}

/// Loads and validates a dataset. O(rows) time; memory proportional to the relations kept.
pub fn load(source: &DatasetSource) -> Result<Loaded, LoadError> {
    let mut diags = Diagnostics::default();
    let (name, parts) = resolve(source, &mut diags);
    let mut dataset = Dataset::new(name);
    let [relations, entities, sources_part, events] = parts;
    if let Some(p) = &sources_part {
        sources::read_sources(&p.label, &p.input, &mut dataset, &mut diags);
    }
    if let Some(p) = &entities {
        let mut table = entities::open(&p.label, &p.input, &mut diags);
        entities::read(&mut table, &mut dataset, &mut diags);
    }
    if let Some(p) = &relations {
        if let Some(mut table) = relations::open(&p.label, &p.input, &mut diags) {
            relations::read(&mut table, &mut dataset, sources_part.is_some(), &mut diags);
        }
    }
    if let Some(p) = &events {
        sources::read_events(&p.label, &p.input, &mut dataset, &mut diags);
    }
    // Isolated entities are only worth a word once the dataset is otherwise valid.
    if let Some(p) = entities.filter(|_| dataset.has_entity_file && !diags.has_errors()) {
        warn_isolated(&dataset, &p.label, &mut diags);
    }
    if diags.has_errors() {
        return Err(LoadError(diags));
    }
    Ok(Loaded {
        dataset,
        diagnostics: diags,
    })
}

/// Loads the dataset in directory `dir`.
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    load(&DatasetSource::Dir(dir.to_path_buf()))
}

/// Finds the files of a dataset: relations, entities, sources, events (in that order).
fn resolve(source: &DatasetSource, diags: &mut Diagnostics) -> (String, [Option<Part>; 4]) {
    let file = |p: &Path| Part {
        label: p.display().to_string(),
        input: Input::Path(p.to_path_buf()),
    };
    match source {
        DatasetSource::Bundled => (
            bundled::NAME.to_string(),
            bundled::parts().map(|o| {
                o.map(|(label, bytes)| Part {
                    label: label.to_string(),
                    input: Input::Bytes(bytes),
                })
            }),
        ),
        DatasetSource::Files {
            relations,
            entities,
            sources,
        } => {
            let name = relations.parent().and_then(|p| p.file_name()).map_or_else(
                || "dataset".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (
                name,
                [
                    Some(file(relations)),
                    entities.as_deref().map(file),
                    sources.as_deref().map(file),
                    None,
                ],
            )
        }
        DatasetSource::Dir(dir) => {
            let name = dir
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| dir.display().to_string());
            if !dir.is_dir() {
                diags.push(Diagnostic::error(
                    &dir.display().to_string(),
                    None,
                    None,
                    "not a dataset directory: expected a directory holding relations.csv".into(),
                ));
                return (name, [None, None, None, None]);
            }
            let rel = dir.join("relations.csv");
            if !rel.is_file() {
                diags.push(Diagnostic::error(
                    &rel.display().to_string(),
                    None,
                    None,
                    "missing file: a dataset directory must hold relations.csv".into(),
                ));
            }
            let optional = |n: &str| Some(dir.join(n)).filter(|p| p.is_file()).map(|p| file(&p));
            let rel = rel.is_file().then(|| file(&rel));
            (
                name,
                [
                    rel,
                    optional("entities.csv"),
                    optional("sources.csv"),
                    optional("events.csv"),
                ],
            )
        }
    }
}

/// Warns about entities that take part in no relation (they stay, as isolated nodes).
fn warn_isolated(dataset: &Dataset, label: &str, diags: &mut Diagnostics) {
    let mut used = vec![false; dataset.entities.len()];
    for r in &dataset.relations {
        used[r.source as usize] = true;
        used[r.target as usize] = true;
    }
    for (e, _) in dataset.entities.iter().zip(&used).filter(|(_, &u)| !u) {
        diags.push(Diagnostic::warning(
            label,
            Some(e.line as u64),
            format!(
                "entity '{}' has no relation: it stays as an isolated node",
                e.id
            ),
        ));
    }
}
