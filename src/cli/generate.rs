//! `powermap generate`: write a seeded synthetic dataset.

use super::CliError;
use crate::output::write_atomic;
use crate::synth::{write_entities, write_relations, SynthSpec};
use std::path::PathBuf;

/// Arguments of `powermap generate`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes DIR/entities.csv and DIR/relations.csv; the same --seed gives identical files.\n\
Refuses to overwrite an existing dataset unless --force."
)]
pub struct Args {
    /// Directory to write the dataset into (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Number of entities.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(2..))]
    entities: u64,
    /// Number of relations.
    #[arg(long, default_value_t = 10000)]
    relations: u64,
    /// Random seed.
    #[arg(long, default_value_t = crate::util::rng::DEFAULT_SEED)]
    seed: u64,
    /// Overwrite the files of an existing dataset in DIR.
    #[arg(long)]
    force: bool,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), CliError> {
    let rel_path = args.out.join("relations.csv");
    let ent_path = args.out.join("entities.csv");
    if !args.force && (rel_path.exists() || ent_path.exists()) {
        return Err(CliError::Usage(format!(
            "{} already holds a dataset; use --force to overwrite it",
            args.out.display()
        )));
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| CliError::Failure(format!("cannot create {}: {e}", args.out.display())))?;
    let spec = SynthSpec {
        entities: args.entities as usize,
        relations: args.relations as usize,
        seed: args.seed,
    };
    let mut buf = Vec::new();
    write_entities(&spec, &mut buf).map_err(|e| CliError::Failure(e.to_string()))?;
    write_atomic(&ent_path, &buf)?;
    buf.clear();
    write_relations(&spec, &mut buf).map_err(|e| CliError::Failure(e.to_string()))?;
    write_atomic(&rel_path, &buf)?;
    if !quiet {
        eprintln!(
            "wrote {} entities and {} relations to {}",
            spec.entities,
            spec.relations,
            args.out.display()
        );
    }
    Ok(())
}
