//! `clio cards list|accept|reject|suspend|delete`: the stored cards from the
//! command line, by document or by id, so a deck can be built and tended
//! without the window. (`clio cards FILE` writes cards from a file and stores
//! nothing; that stays in `cli.rs`.)

use std::ffi::OsString;
use std::path::Path;

use clap::{Args, Subcommand};
use clio_core::browse::{self, CardAction};
use clio_core::cards::{self, CardStatus, ListedCard};
use clio_core::time::now_ms;
use clio_core::{CardId, DocumentId, Store};

/// The verbs, as typed.
pub const VERBS: &[&str] = &["list", "accept", "reject", "suspend", "delete"];

#[derive(Debug, Subcommand)]
pub enum CardsVerb {
    /// List stored cards (all of them, or a document's), in reading order
    List(ListArgs),
    /// Put suggested cards in the review deck
    Accept(Selection),
    /// Turn cards down (suggestions, or cards in the deck): they are not suggested again
    Reject(Selection),
    /// Suspend cards of the deck (never due until unsuspended), or unsuspend them with --off
    Suspend(SuspendArgs),
    /// Delete cards with their review history
    Delete(Selection),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this document's cards (its suggestions are written first if it has none)
    #[arg(long, value_name = "ID")]
    pub document: Option<i64>,
    /// Only cards of this status: suggested, accepted, rejected, or all
    #[arg(long, default_value = "all")]
    pub status: String,
    /// At most this many cards (0: all)
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct Selection {
    /// The cards' ids
    #[arg(value_name = "ID")]
    pub ids: Vec<CardId>,
    /// Act on a document's cards (with --all)
    #[arg(long, value_name = "ID")]
    pub document: Option<i64>,
    /// Every card of the document that the verb applies to
    #[arg(long, requires = "document")]
    pub all: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SuspendArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Unsuspend instead
    #[arg(long)]
    pub off: bool,
}

/// `clio cards list` where a file named `list` exists: the file is meant, as
/// before the verbs existed. Rewrites it to `./list` before parsing.
pub fn disambiguate(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let mut i = 1;
    // The subcommand: the first word that is not an option (nor --db's value).
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if arg == "--db" {
            i += 2;
        } else if arg.starts_with('-') {
            i += 1;
        } else {
            break;
        }
    }
    if args.get(i).is_none_or(|a| a != "cards") {
        return args;
    }
    i += 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy().into_owned();
        if arg == "--limit" || arg == "--max" || arg == "--db" {
            i += 2;
        } else if arg.starts_with('-') {
            i += 1;
        } else {
            if VERBS.contains(&arg.as_str()) && Path::new(&arg).exists() {
                args[i] = OsString::from(format!("./{arg}"));
            }
            break;
        }
    }
    args
}

pub fn run(store: &mut Store, verb: CardsVerb) -> Result<(), String> {
    let now = now_ms();
    match verb {
        CardsVerb::List(args) => list(store, args, now),
        CardsVerb::Accept(sel) => {
            let ids = select(store, &sel, now, |c| c.card.status == CardStatus::Suggested)?;
            if ids.is_empty() {
                return report(&sel, "accept", &ids, 0, "No suggested cards to accept.");
            }
            let n = cards::accept(store, &ids, now).map_err(|e| e.to_string())?;
            report(
                &sel,
                "accept",
                &ids,
                n,
                &format!("Accepted {n} card(s) into the deck."),
            )
        }
        CardsVerb::Reject(sel) => {
            let ids = select(store, &sel, now, |c| c.card.status != CardStatus::Rejected)?;
            if ids.is_empty() {
                return report(&sel, "reject", &ids, 0, "No cards to reject.");
            }
            let n = cards::reject(store, &ids, now).map_err(|e| e.to_string())?;
            report(&sel, "reject", &ids, n, &format!("Rejected {n} card(s)."))
        }
        CardsVerb::Suspend(args) => {
            let sel = &args.selection;
            let ids = select(store, sel, now, |c| c.card.status == CardStatus::Accepted)?;
            if ids.is_empty() {
                return report(sel, "suspend", &ids, 0, "No cards of the deck to suspend.");
            }
            let (action, verb) = if args.off {
                (CardAction::Unsuspend, "unsuspend")
            } else {
                (CardAction::Suspend, "suspend")
            };
            let n = browse::act(store, action, &ids, now)
                .map_err(|e| e.to_string())?
                .changed as usize;
            let done = if args.off { "Unsuspended" } else { "Suspended" };
            report(sel, verb, &ids, n, &format!("{done} {n} card(s)."))
        }
        CardsVerb::Delete(sel) => {
            let ids = select(store, &sel, now, |_| true)?;
            if ids.is_empty() {
                return report(&sel, "delete", &ids, 0, "No cards to delete.");
            }
            let n = cards::delete(store, &ids, now).map_err(|e| e.to_string())?;
            report(
                &sel,
                "delete",
                &ids,
                n,
                &format!("Deleted {n} card(s) with their review history."),
            )
        }
    }
}

fn list(store: &mut Store, args: ListArgs, now: i64) -> Result<(), String> {
    let status = match args.status.as_str() {
        "all" => None,
        "suggested" => Some(CardStatus::Suggested),
        "accepted" => Some(CardStatus::Accepted),
        "rejected" => Some(CardStatus::Rejected),
        other => {
            return Err(format!(
                "--status {other}: use suggested, accepted, rejected or all"
            ))
        }
    };
    let mut listed =
        cards::list(store, args.document.map(DocumentId), now).map_err(|e| e.to_string())?;
    listed.retain(|c| status.is_none_or(|s| c.card.status == s));
    if args.limit > 0 {
        listed.truncate(args.limit);
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&listed).expect("plain data serialises")
        );
        return Ok(());
    }
    if listed.is_empty() {
        println!("No cards.");
    }
    for c in &listed {
        let state = match (&c.card.status, c.suspended) {
            (CardStatus::Accepted, true) => "suspended".to_owned(),
            (CardStatus::Accepted, false) => c.state.map_or("accepted", |s| s.as_str()).to_owned(),
            (status, _) => status.as_str().to_owned(),
        };
        println!("{:>6}  [{state}]  {}", c.card.id, c.card.prompt);
        println!("        → {}", c.card.answer);
    }
    Ok(())
}

/// The ids given, or with `--document N --all` the document's cards that `applies` to.
fn select(
    store: &mut Store,
    sel: &Selection,
    now: i64,
    applies: impl Fn(&ListedCard) -> bool,
) -> Result<Vec<CardId>, String> {
    match (sel.document, sel.all, sel.ids.is_empty()) {
        (Some(doc), true, true) => Ok(cards::list(store, Some(DocumentId(doc)), now)
            .map_err(|e| e.to_string())?
            .iter()
            .filter(|c| applies(c))
            .map(|c| c.card.id)
            .collect()),
        (None, false, false) => Ok(sel.ids.clone()),
        (Some(_), false, _) => Err(
            "--document needs --all to act on every card of the document \
                                    (or give card ids instead; see `clio cards list --document N`)"
                .into(),
        ),
        (Some(_), true, false) => Err("give card ids or --document N --all, not both".into()),
        _ => Err("give the cards' ids, or --document N --all (see `clio cards list`)".into()),
    }
}

fn report(
    sel: &Selection,
    action: &str,
    ids: &[CardId],
    changed: usize,
    text: &str,
) -> Result<(), String> {
    if sel.json {
        let out = serde_json::json!({ "action": action, "ids": ids, "changed": changed });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("plain data serialises")
        );
    } else {
        println!("{text}");
    }
    Ok(())
}
