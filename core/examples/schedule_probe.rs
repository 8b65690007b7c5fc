//! Clio's scheduler, driven from the outside: reads review histories as JSON
//! on stdin and prints, for every answer, what Clio would do. Used by
//! `tests/anki/compare_schedule.py`, which answers the same histories with
//! Anki's own backend and compares the two.
//!
//!     cargo run -p clio-core --example schedule_probe < histories.json
//!
//! Input: `{"groups": [{"config": SchedulerConfig, "dayStart": ms,
//!   "cards": [{"cardId": n, "reviews": [{"at": ms, "rating": 1..4,
//!   "anki": Schedule}]}]}]}`, where `anki` is the card as Anki had it before
//! the answer, in Clio's terms.
//! Output: one JSON line per answer: `replay` (the four buttons for Clio's own
//! card, replayed from the start with fuzz off), `fromAnki` (the four buttons
//! for Anki's card, fuzz off) and, when the config has fuzz on, `fuzzed`: the
//! four intervals for Anki's card at a fuzz factor that gives Anki's (Anki
//! draws its factor from its own random generator, so the comparison is
//! whether some factor gives Anki's choice; if none does, the intervals
//! differ).

use std::io::{BufWriter, Read, Write};

use clio_core::schedule::{FuzzPreview, Outcome, Rating, Schedule, Scheduler, SchedulerConfig};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Input {
    groups: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Group {
    config: SchedulerConfig,
    day_start: i64,
    cards: Vec<Card>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Card {
    card_id: i64,
    reviews: Vec<Review>,
}

#[derive(Deserialize)]
struct Review {
    at: i64,
    rating: u8,
    anki: Schedule,
    /// Anki's four buttons (the interval of each is used for the fuzz search).
    #[serde(rename = "ankiButtons", default)]
    anki_buttons: Vec<AnkiButton>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AnkiButton {
    interval_ms: i64,
}

/// Fuzz factors are searched in steps of 2^-24 (the resolution of Clio's own
/// factor).
const FACTOR_STEPS: u32 = 1 << 24;

/// The fuzz factor (if any) that gives Anki's intervals for Hard, Good and
/// Easy. Each button's interval grows with the factor, so the factors giving
/// one button its value form a range; the search finds each range and tries
/// the factor where they meet. Returns the intervals at that factor (or at the
/// lowest factor for Anki's Hard when the ranges do not meet).
fn matching_fuzz(preview: &mut FuzzPreview<'_>, anki: &[i64; 4]) -> [i64; 4] {
    let mut at = |i: u32| {
        preview
            .outcomes(Some(i as f32 / FACTOR_STEPS as f32))
            .map(|o| o.interval_ms)
    };
    // The first factor at which button `b` reaches (or passes) `value`.
    let mut first = |b: usize, value: i64, strictly: bool| {
        let (mut lo, mut hi) = (0u32, FACTOR_STEPS);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let v = at(mid)[b];
            if v > value || (!strictly && v == value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    };
    let (mut from, mut to) = (0u32, FACTOR_STEPS);
    for (b, &interval) in anki.iter().enumerate().skip(1) {
        from = from.max(first(b, interval, false));
        to = to.min(first(b, interval, true));
    }
    let chosen = if from < to {
        from
    } else {
        first(1, anki[1], false).min(FACTOR_STEPS - 1)
    };
    preview
        .outcomes(Some(chosen as f32 / FACTOR_STEPS as f32))
        .map(|o| o.interval_ms)
}

fn buttons(outcomes: &[Outcome; 4]) -> serde_json::Value {
    outcomes
        .iter()
        .map(|o| {
            json!({
                "state": o.schedule.state,
                "intervalMs": o.interval_ms,
                "stability": o.schedule.stability,
                "difficulty": o.schedule.difficulty,
                "lapses": o.schedule.lapses,
            })
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let input: Input = serde_json::from_str(&text)?;
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for group in input.groups {
        let fuzz = group.config.fuzz;
        let plain = Scheduler::new(SchedulerConfig {
            fuzz: false,
            ..group.config.clone()
        })?
        .with_day_start(group.day_start);
        for card in group.cards {
            let mut own = Schedule::new_card();
            for review in card.reviews {
                let rating = Rating::from_u8(review.rating).ok_or("a rating is 1 to 4")?;
                let replay = plain.preview(&own, review.at, card.card_id);
                let from_anki = plain.preview_with_fuzz_factor(&review.anki, review.at, None);
                let fuzzed = match (fuzz, review.anki_buttons.len()) {
                    (true, 4) => {
                        let anki = [0, 1, 2, 3].map(|b| review.anki_buttons[b].interval_ms);
                        Some(matching_fuzz(
                            &mut plain.fuzz_preview(&review.anki, review.at),
                            &anki,
                        ))
                    }
                    _ => None,
                };
                writeln!(
                    out,
                    "{}",
                    json!({
                        "cardId": card.card_id,
                        "at": review.at,
                        "replay": buttons(&replay),
                        "fromAnki": buttons(&from_anki),
                        "fuzzed": fuzzed,
                    })
                )?;
                own = replay[rating.index()].schedule;
            }
        }
    }
    out.flush()?;
    Ok(())
}
