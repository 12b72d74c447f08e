//! Writing results: tables in text, CSV or JSON, and files that are never left half-written.

mod table;

pub use table::{Cell, Table};

use std::io::Write;
use std::path::Path;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// RFC 4180 CSV with a header row, for pipes and spreadsheets.
    Csv,
    /// JSON, for programs.
    Json,
}

/// Failure to write an output file.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct WriteError {
    /// The destination.
    pub path: String,
    /// The cause.
    #[source]
    pub source: std::io::Error,
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same directory, flushed and
/// synced, then renamed over the destination. A reader never sees a partial file and a failure
/// leaves any previous file untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let err = |source| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".powermap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    // Temporary files are private (0600); a result file gets the usual 0644, or keeps the mode of
    // the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Sends `text` to `out` when given (atomically), else to standard output.
pub fn emit(out: Option<&Path>, text: &str) -> Result<(), WriteError> {
    match out {
        Some(p) => write_atomic(p, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not a failure of the analysis.
            let _ = stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush());
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        write_atomic(&p, b"first").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
