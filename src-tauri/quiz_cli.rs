//! `clio quiz`: a quiz in the terminal. Questions and feedback go to the
//! terminal; with `--json` the result is printed as JSON at the end (the
//! questions then go to standard error), so scripts can read the score.

use std::io::{self, BufRead, Write};

use clap::{Args, ValueEnum};
use clio_core::library::parse_category_path;
use clio_core::quiz::{self, QuizFormat, QuizRequest, QuizScope};
use clio_core::time::now_ms;
use clio_core::{Error, Store};

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// What to quiz on: `all`, `document:ID`, `category:"History -> Cold War"` or `due:DAYS`
    #[arg(long, default_value = "all", value_parser = parse_scope)]
    pub scope: QuizScope,
    /// How many questions (1–100)
    #[arg(long, default_value_t = 10)]
    pub count: u32,
    #[arg(long, value_enum, default_value_t = CliFormat::Mixed)]
    pub format: CliFormat,
    /// Let the answers count as reviews (right: Good, wrong: Again)
    #[arg(long)]
    pub counts_as_review: bool,
    /// Print the result as JSON on standard output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CliFormat {
    Mixed,
    Typed,
    Choice,
    TrueFalse,
}

fn parse_scope(text: &str) -> Result<QuizScope, String> {
    let (kind, rest) = text.split_once(':').unwrap_or((text, ""));
    match kind {
        "all" => Ok(QuizScope::All),
        "document" => rest
            .parse()
            .map(|document_id| QuizScope::Document { document_id })
            .map_err(|_| format!("`{rest}` is not a document id; see `clio list`")),
        "category" => Ok(QuizScope::Category {
            path: parse_category_path(rest),
        }),
        "due" => rest
            .parse()
            .map(|days| QuizScope::DueSoon { days })
            .map_err(|_| format!("`{rest}` is not a number of days")),
        _ => Err(format!(
            "unknown scope `{text}`: use all, document:ID, category:PATH or due:DAYS"
        )),
    }
}

pub fn quiz(store: &mut Store, args: QuizArgs) -> clio_core::Result<()> {
    let formats = match args.format {
        CliFormat::Mixed => vec![],
        CliFormat::Typed => vec![QuizFormat::Typed],
        CliFormat::Choice => vec![QuizFormat::Choice],
        CliFormat::TrueFalse => vec![QuizFormat::TrueFalse],
    };
    let request = QuizRequest {
        scope: args.scope,
        question_count: args.count,
        formats,
        counts_as_review: args.counts_as_review,
    };
    let now = now_ms();
    let session = quiz::start_quiz(store, &request, now, now as u64)?;
    // With --json, standard output carries only the result.
    let mut out: Box<dyn Write> = if args.json {
        Box::new(io::stderr())
    } else {
        Box::new(io::stdout())
    };
    let write_err = |e: io::Error| Error::Invalid(format!("could not write to the terminal: {e}"));
    writeln!(
        out,
        "{}: {} questions",
        session.scope_label,
        session.questions.len()
    )
    .map_err(write_err)?;
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    for q in &session.questions {
        writeln!(out, "\n{}. {}", q.position, q.prompt).map_err(write_err)?;
        if let Some(note) = &q.note {
            writeln!(out, "   ({note})").map_err(write_err)?;
        }
        for (i, choice) in q.choices.iter().enumerate() {
            writeln!(out, "   {}) {choice}", i + 1).map_err(write_err)?;
        }
        write!(out, "> ").map_err(write_err)?;
        out.flush().ok();
        let asked = now_ms();
        let Some(Ok(line)) = lines.next() else { break };
        let line = line.trim();
        // A number picks a choice; anything else is the answer itself.
        let given = match line.parse::<usize>() {
            Ok(n) if (1..=q.choices.len()).contains(&n) => q.choices[n - 1].clone(),
            _ => line.to_owned(),
        };
        let feedback = quiz::answer_question(
            store,
            session.id,
            q.position,
            &given,
            now_ms(),
            now_ms() - asked,
        )?;
        let verdict = if feedback.correct {
            "✓ right"
        } else {
            "✗ the answer is"
        };
        writeln!(out, "{verdict}: {}", feedback.expected).map_err(write_err)?;
    }
    let result = quiz::finish_quiz(store, session.id, now_ms())?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&result).expect("plain data serialises")
        );
    } else {
        if !result.saved {
            println!("\nNo question answered: the quiz was not scored or kept.");
        } else if result.unanswered > 0 {
            println!(
                "\n{} of {} correct ({} not answered)",
                result.correct, result.total, result.unanswered
            );
        } else {
            println!("\n{} of {} correct", result.correct, result.total);
        }
        for missed in &result.missed {
            println!("  missed: {} → {}", missed.prompt, missed.expected);
        }
    }
    Ok(())
}
