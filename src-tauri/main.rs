// Hide the console window on Windows release builds; the CLI still prints.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    clio_app::main()
}
