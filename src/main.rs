//! The `powermap` binary: parses the command line and hands it to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    powermap::cli::run(powermap::cli::Cli::parse())
}
