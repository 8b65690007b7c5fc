//! `clio due` and `clio review`: the day's reviews from a terminal, for power
//! users and scripts. The loop reads lines, so it also works from a pipe.

use std::io::{self, BufRead, Write};

use clap::{Args, ValueEnum};
use clio_core::review::{self, ReviewMode, ReviewSession, ReviewStatus};
use clio_core::schedule::{check_typed, Rating};
use clio_core::time::now_ms;
use clio_core::{CardId, Store};
use serde::Serialize;

#[derive(Debug, Args)]
pub struct DueArgs {
    /// How many of the next cards to list
    #[arg(long, default_value_t = 5)]
    pub next: usize,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CliMode {
    /// Press Enter to see the answer, then grade yourself
    Reveal,
    /// Type the answer; Clio checks it and suggests a grade
    Typed,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[arg(long, value_enum, default_value_t = CliMode::Reveal)]
    pub mode: CliMode,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DueReport {
    #[serde(flatten)]
    summary: review::DueSummary,
    next: Vec<NextCard>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NextCard {
    id: i64,
    prompt: String,
    document_title: Option<String>,
}

pub fn due(store: &Store, args: DueArgs) -> clio_core::Result<()> {
    let now = now_ms();
    let config = review::scheduler_config(store)?;
    let session = ReviewSession::start(store, config, now)?;
    let summary = review::summary_of(store, &session, now)?;
    let mut next = Vec::new();
    for id in session.upcoming(args.next) {
        let card = store.deck_card(CardId(id))?;
        next.push(NextCard {
            id,
            prompt: card.card.prompt,
            document_title: card.document_title,
        });
    }
    let report = DueReport { summary, next };
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("plain data serialises")
        );
        return Ok(());
    }
    let t = report.summary.today;
    println!(
        "today:    {} new · {} learning · {} to review",
        t.new, t.learning, t.review
    );
    if report.summary.overdue > 0 {
        println!(
            "overdue:  {} from before today (spread them out in the app)",
            report.summary.overdue
        );
    }
    for card in &report.next {
        println!("  {:>6}  {}", card.id, card.prompt);
    }
    Ok(())
}

/// The terminal review loop. Each answer is saved before the next card is
/// printed, and "answered N" confirms it.
pub fn review(store: &mut Store, args: ReviewArgs) -> clio_core::Result<()> {
    let mode = match args.mode {
        CliMode::Reveal => ReviewMode::Reveal,
        CliMode::Typed => ReviewMode::Typed,
    };
    let mut session = ReviewSession::start(store, review::scheduler_config(store)?, now_ms())?;
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let mut out = io::stdout();
    loop {
        let status = session.status(store, now_ms(), mode)?;
        let Some(card) = status.card.as_ref() else {
            finish(&status);
            return Ok(());
        };
        let c = &card.card.card;
        let counts = status.counts;
        println!(
            "\n[{} new · {} learning · {} to review]",
            counts.new, counts.learning, counts.review
        );
        println!("{}", c.prompt);
        let shown_at = now_ms();
        let suggested = match mode {
            ReviewMode::Typed => {
                print!("your answer> ");
                out.flush().ok();
                let Some(given) = next_line(&mut lines) else {
                    return Ok(());
                };
                let check = check_typed(&c.answer, &given);
                println!("{} {}", if check.correct { "✓" } else { "✗" }, c.answer);
                Some(check.suggested)
            }
            _ => {
                print!("(Enter shows the answer, u undoes the last answer, q quits) ");
                out.flush().ok();
                match next_line(&mut lines).as_deref() {
                    None | Some("q") => return Ok(()),
                    Some("u") => {
                        if session.undo(store)? {
                            println!("undone");
                        }
                        continue;
                    }
                    _ => {}
                }
                println!("→ {}", c.answer);
                None
            }
        };
        let buttons: Vec<String> = card
            .buttons
            .iter()
            .map(|b| format!("{} {:?} ({})", b.rating.as_u8(), b.rating, b.interval))
            .collect();
        loop {
            print!(
                "{}  u undo  q quit{}> ",
                buttons.join("  "),
                suggested.map_or(String::new(), |s| format!("  [Enter: {s:?}]"))
            );
            out.flush().ok();
            let Some(line) = next_line(&mut lines) else {
                return Ok(());
            };
            let rating = match line.as_str() {
                "q" => return Ok(()),
                "u" => {
                    if session.undo(store)? {
                        println!("undone");
                    }
                    break;
                }
                "" => suggested,
                digits => digits.parse().ok().and_then(Rating::from_u8),
            };
            let Some(rating) = rating else {
                println!("type 1, 2, 3 or 4");
                continue;
            };
            session.answer(
                store,
                c.id.0,
                rating,
                now_ms(),
                Some(now_ms() - shown_at),
                mode,
            )?;
            println!(
                "answered {}",
                session.status(store, now_ms(), mode)?.answered
            );
            break;
        }
    }
}

fn next_line(lines: &mut impl Iterator<Item = io::Result<String>>) -> Option<String> {
    lines
        .next()
        .and_then(Result::ok)
        .map(|l| l.trim().to_owned())
}

fn finish(status: &ReviewStatus) {
    match status.next_due_at {
        Some(at) => {
            let minutes = ((at - now_ms()).max(0) + 59_999) / 60_000;
            println!(
                "Done for now: a learning card comes back in {minutes} min. ({} answered)",
                status.answered
            )
        }
        None => println!("Done for today. ({} answered)", status.answered),
    }
}
