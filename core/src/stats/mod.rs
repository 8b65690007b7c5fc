//! The progress dashboard: today's work, the streak, a year of reviews by day,
//! the next 30 days' load, true retention, cards by state, quiz scores,
//! mastery per document and category, and the hardest cards.
//!
//! Every figure is computed here (one file per family); the SQL is in
//! `store::stats`, and the window and `clio stats` only print what
//! `dashboard` returns.
//!
//! Days are learner days: a day starts at 4 am local time
//! (`review::ROLLOVER_HOUR`), and each date's start is found in the local
//! time zone, so days stay right across daylight-saving changes.

mod forecast;
mod hardest;
mod heatmap;
mod mastery;
mod quiz;
mod retention;
mod states;
mod today;

#[cfg(test)]
mod tests;

use chrono::{Duration, Local, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::review::{scheduler_config, ROLLOVER_HOUR};
use crate::schedule::Scheduler;
use crate::store::{DayTotals, StatsCard, Store};

pub use forecast::{Forecast, ForecastDay, FORECAST_DAYS};
pub use hardest::{HardCard, HARDEST_COUNT};
pub use heatmap::{Heatmap, HeatmapDay};
pub use mastery::{CategoryMastery, DocumentMastery, Mastery};
pub use quiz::{QuizScore, QUIZ_SCORES_SHOWN};
pub use retention::{RetentionCell, RetentionPeriod, MATURE_DAYS, RETENTION_PERIODS};
pub use states::CardStates;
pub use today::Today;

/// Everything the Progress screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// When the figures were computed (Unix ms).
    #[ts(type = "number")]
    pub generated_at: i64,
    /// Today's learner date, YYYY-MM-DD.
    pub today_date: String,
    /// Nothing to show yet: no cards in the deck and no answers in the past year.
    pub is_empty: bool,
    pub today: Today,
    pub heatmap: Heatmap,
    pub forecast: Forecast,
    /// The last 7, 30 and 365 learner days (today included).
    pub retention: Vec<RetentionPeriod>,
    pub states: CardStates,
    /// The latest finished quizzes, oldest first.
    pub quiz_scores: Vec<QuizScore>,
    /// Documents with cards in the deck, by id.
    pub documents: Vec<DocumentMastery>,
    /// Categories with cards in the deck (their subcategories' included), by path.
    pub categories: Vec<CategoryMastery>,
    /// The most-lapsed cards, hardest first.
    pub hardest: Vec<HardCard>,
}

/// The dashboard at `now`, in the local time zone.
pub fn dashboard(store: &Store, now: i64) -> Result<Dashboard> {
    dashboard_in(store, now, &Local)
}

/// Mastery per document only (the library's bars): no need to read the log.
pub fn document_mastery(store: &Store, now: i64) -> Result<Vec<DocumentMastery>> {
    let scheduler = Scheduler::new(scheduler_config(store)?)?;
    if !store.refresh_kept_deck()? {
        let version = store.deck_version()?;
        store.keep_deck(store.stats_cards()?, version);
    }
    let cards = store.kept_deck();
    let recall = retrievabilities(&scheduler, &cards, now)?;
    Ok(mastery::documents(
        &cards,
        &recall,
        &store.document_titles()?,
    ))
}

/// Learner dates in one time zone.
pub(crate) struct Calendar<'a> {
    pub today: NaiveDate,
    start_of: Box<dyn Fn(NaiveDate) -> i64 + 'a>,
}

impl<'a> Calendar<'a> {
    pub fn new<Tz: TimeZone>(zone: &'a Tz, now: i64) -> Calendar<'a> {
        let rollover = Duration::hours(i64::from(ROLLOVER_HOUR));
        let today = match zone.timestamp_millis_opt(now).earliest() {
            Some(local) => (local.naive_local() - rollover).date(),
            None => (chrono::DateTime::from_timestamp_millis(now)
                .unwrap_or_default()
                .naive_utc()
                - rollover)
                .date(),
        };
        let start_of = move |date: NaiveDate| {
            let at = date
                .and_hms_opt(ROLLOVER_HOUR, 0, 0)
                .expect("4:00 is a valid time");
            // 4:00 always exists (clocks change at 1–3 am); if a zone skips it, the next hour.
            zone.from_local_datetime(&at)
                .earliest()
                .or_else(|| {
                    zone.from_local_datetime(&(at + Duration::hours(1)))
                        .earliest()
                })
                .map_or_else(|| at.and_utc().timestamp_millis(), |t| t.timestamp_millis())
        };
        Calendar {
            today,
            start_of: Box::new(start_of),
        }
    }

    /// When the learner day `date` begins (Unix ms).
    pub fn start(&self, date: NaiveDate) -> i64 {
        (self.start_of)(date)
    }

    /// `[start, end)` of the learner day `date`.
    pub fn bounds(&self, date: NaiveDate) -> (i64, i64) {
        (self.start(date), self.start(date + Duration::days(1)))
    }
}

/// Each card's retrievability at `now`, the upper half on a second thread.
fn retrievabilities(
    scheduler: &Scheduler,
    cards: &[StatsCard],
    now: i64,
) -> Result<Vec<Option<f32>>> {
    let curve = scheduler.forgetting_curve();
    let (lower, upper) = cards.split_at(cards.len() / 2);
    std::thread::scope(|scope| {
        let upper = scope.spawn(|| mastery::retrievabilities(curve, upper, now));
        let mut recall = mastery::retrievabilities(curve, lower, now);
        recall.extend(
            upper
                .join()
                .map_err(|_| crate::Error::Invalid("computing recall failed".into()))?,
        );
        Ok(recall)
    })
}

/// YYYY-MM-DD.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The dashboard at `now` with learner days in `zone` (tests use a fixed offset).
pub fn dashboard_in<Tz: TimeZone>(store: &Store, now: i64, zone: &Tz) -> Result<Dashboard> {
    let calendar = Calendar::new(zone, now);
    let scheduler = Scheduler::new(scheduler_config(store)?)?;

    // The deck as kept since the last dashboard, brought up to date when
    // only answers changed it; else read afresh in two halves: the upper on a
    // second connection, alongside the log and then the lower half (a file's
    // store only; an in-memory one reads them all after).
    let version = store.deck_version()?;
    let up_to_date = store.refresh_kept_deck()?;
    let middle = store.card_id_middle()?;
    let card_pass = match up_to_date {
        true => None,
        false => store
            .reader()?
            .map(|reader| std::thread::spawn(move || reader.stats_cards_between(middle, i64::MAX))),
    };

    // One pass over the past year of the log, a learner day at a time.
    let first = heatmap::first_date(calendar.today);
    let dates: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| *d <= calendar.today)
        .collect();
    let starts: Vec<i64> = dates
        .iter()
        .chain([&(calendar.today + Duration::days(1))])
        .map(|&d| calendar.start(d))
        .collect();
    let mut totals = Vec::with_capacity(dates.len());
    for (k, pair) in starts.windows(2).enumerate() {
        totals.push(store.day_totals(pair[0], pair[1], k == dates.len() - 1)?);
    }
    let close = store.close_reviews(starts[0], starts[starts.len() - 1])?;
    retention::drop_repeats(&mut totals, &starts, &close);
    let days: Vec<(NaiveDate, DayTotals)> = dates.into_iter().zip(totals.iter().copied()).collect();
    let counts: Vec<u32> = totals.iter().map(|t| t.answers).collect();
    let streak = heatmap::current_streak(&counts, |back| {
        let (start, end) = calendar.bounds(first - Duration::days(i64::from(back) + 1));
        store.has_answers_between(start, end)
    })?;

    match (up_to_date, card_pass) {
        (true, _) => {}
        (false, Some(pass)) => {
            let mut cards = match middle.checked_sub(1) {
                Some(below) => store.stats_cards_between(i64::MIN, below)?,
                None => Vec::new(),
            };
            cards.extend(
                pass.join()
                    .map_err(|_| crate::Error::Invalid("reading the deck failed".into()))??,
            );
            store.keep_deck(cards, version);
        }
        (false, None) => store.keep_deck(store.stats_cards()?, version),
    }
    let kept = store.kept_deck();
    let cards: &[StatsCard] = &kept;
    let recall = retrievabilities(&scheduler, cards, now)?;
    let today_bounds = calendar.bounds(calendar.today);
    let forecast_starts: Vec<i64> = (0..=FORECAST_DAYS)
        .map(|k| calendar.start(calendar.today + Duration::days(i64::from(k))))
        .collect();

    let heatmap = heatmap::build(&days);
    let states = states::count(cards);
    let today = today::build(
        days.last().map(|(_, t)| *t).unwrap_or_default(),
        cards,
        now,
        today_bounds,
        streak,
        heatmap.longest_streak,
    );
    let forecast = forecast::build(cards, now, &forecast_starts, calendar.today);
    let retention = retention::build(&totals);
    let titles = store.document_titles()?;
    let tallies = mastery::by_document(cards, &recall);
    let documents = mastery::documents_of(&tallies, &titles);
    let categories = mastery::categories_of(&tallies, &titles, &store.category_rows()?);
    let hardest = hardest::find(store, cards, &recall)?;
    let quiz_scores = quiz::scores(&store.finished_quizzes(QUIZ_SCORES_SHOWN)?);
    Ok(Dashboard {
        generated_at: now,
        today_date: iso(calendar.today),
        is_empty: states.total == 0 && heatmap.total == 0,
        today,
        heatmap,
        forecast,
        retention,
        states,
        quiz_scores,
        documents,
        categories,
        hardest,
    })
}
