//! Prints the cards of a text file as JSON (what `clio cards --json` prints), for
//! measuring the generator without building the app.
//!
//! `cargo run -p clio-core --release --example cards_json -- FILE`

use clio_core::generate::{generate, GenerateOptions};

fn main() {
    let path = std::env::args().nth(1).expect("usage: cards_json FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let cards = generate(&text, &GenerateOptions::default());
    println!(
        "{}",
        serde_json::to_string_pretty(&cards).expect("cards serialise")
    );
}
