//! The `clio` binary: the desktop window, or the command line when given a
//! subcommand. Both are thin layers over `clio-core`.

mod app_state;
mod backup_cli;
mod backup_commands;
mod browser_commands;
mod card_file_commands;
mod cards_cli;
pub mod cli;
pub mod commands;
pub mod gui;
mod quiz_cli;
mod review_cli;
mod stats_cli;

use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

use clap::Parser;

/// When the process started, for the "ready in N ms" start-up figure.
static STARTED: OnceLock<Instant> = OnceLock::new();

pub fn main() -> ExitCode {
    STARTED.get_or_init(Instant::now);
    let cli = cli::Cli::parse_from(cards_cli::disambiguate(std::env::args_os()));
    let db = cli.db_path();
    match cli.command {
        None => gui::run(db),
        Some(command) => cli::run(command, &db),
    }
}

/// Milliseconds since the process started.
pub fn uptime_ms() -> u128 {
    STARTED.get_or_init(Instant::now).elapsed().as_millis()
}
