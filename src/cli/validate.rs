//! `powermap validate`: report every problem of a dataset at once.

use super::{CliError, DatasetArgs};

/// Arguments of `powermap validate`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit code 0 when the dataset is valid (warnings allowed), 2 when it has errors.\n\
Each problem is printed as FILE:LINE[:COLUMN]: error: what is wrong, what was expected, what was found."
)]
pub struct Args {
    #[command(flatten)]
    dataset: DatasetArgs,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    let loaded = args.dataset.load(quiet)?;
    let d = &loaded.dataset;
    if !quiet {
        println!(
            "{}: valid: {} entities, {} relations, {} relation types, {} sources, {} warning(s)",
            d.name,
            d.entities.len(),
            d.relations.len(),
            d.relation_types.len(),
            d.sources.len(),
            loaded.diagnostics.warning_total()
        );
    }
    Ok(())
}
