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
        Some(command) => {
            die_quietly_on_a_closed_pipe();
            cli::run(command, &db)
        }
    }
}

/// Rust ignores SIGPIPE, so printing to a reader that has gone (`clio list |
/// head`) fails, and `println!` panics (an abort in release builds). The
/// command line takes the default action instead, as other Unix tools do; the
/// window keeps ignoring it (its web view talks over sockets).
fn die_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start, before any thread is spawned; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Milliseconds since the process started.
pub fn uptime_ms() -> u128 {
    STARTED.get_or_init(Instant::now).elapsed().as_millis()
}
