//! The card browser's queries: a filtered, sorted page of the deck, one card's
//! history, and the actions on a selection (each recorded for undo).

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, OptionalExtension, Row, Transaction};

use super::undo::{Rows, Touch};
use super::Store;
use crate::browse::{
    BrowserCard, BrowserPage, BrowserQuery, BrowserSort, CardAction, DueFilter, HistoryEntry,
    StateFilter,
};
use crate::cards::CardKind;
use crate::error::{Error, OrNotFound, Result};
use crate::ids::CardId;
use crate::schedule::QueueState;

const DAY_MS: i64 = 86_400_000;

const BROWSER_COLUMNS: &str =
    "c.id, c.document_id, d.title, c.kind, c.prompt, c.answer, c.source_text,
     c.span_start, c.span_end, s.state, s.suspended, s.buried_until, c.flagged,
     (' ' || c.tags || ' ') LIKE '% leech %', c.needs_check, s.due, s.difficulty, s.stability,
     s.reps, s.lapses, c.created_at";

/// Without the documents: only the category filter needs them.
const BROWSER_FROM_NO_DOCUMENT: &str = "FROM card_schedule s JOIN cards c ON c.id = s.card_id";

const BROWSER_FROM: &str = "FROM cards c
     JOIN card_schedule s ON s.card_id = c.id
     LEFT JOIN documents d ON d.id = c.document_id";

fn browser_card(row: &Row<'_>, now: i64) -> rusqlite::Result<BrowserCard> {
    let kind: String = row.get(3)?;
    let state: String = row.get(9)?;
    let buried: Option<i64> = row.get(11)?;
    Ok(BrowserCard {
        id: row.get(0)?,
        document_id: row.get(1)?,
        document_title: row.get(2)?,
        kind: CardKind::from_db(&kind),
        prompt: row.get(4)?,
        answer: row.get(5)?,
        source_text: row.get(6)?,
        span_start: row.get::<_, Option<i64>>(7)?.map(|v| v as usize),
        span_end: row.get::<_, Option<i64>>(8)?.map(|v| v as usize),
        state: QueueState::from_db(&state).unwrap_or(QueueState::New),
        suspended: row.get(10)?,
        buried_until: buried.filter(|&until| until > now),
        flagged: row.get(12)?,
        leech: row.get(13)?,
        needs_check: row.get(14)?,
        due: row.get(15)?,
        difficulty: row.get(16)?,
        stability: row.get(17)?,
        reps: row.get(18)?,
        lapses: row.get(19)?,
        created_at: row.get(20)?,
    })
}

/// The WHERE clause of a query and its parameters.
fn conditions(
    store: &Store,
    query: &BrowserQuery,
    fts: Option<&str>,
    now: i64,
    day_start: i64,
    status_indexed: bool,
) -> Result<(String, Vec<SqlValue>)> {
    // `+c.status` keeps SQLite from walking the status index (nearly every
    // card is accepted) instead of the search hits or the sort's index; a
    // count without a search walks it (it covers the query). `+s.state`
    // likewise: looking up 70,000 review cards through the state index costs
    // more than reading the narrow schedule table.
    let status = if status_indexed {
        "c.status = 'accepted'"
    } else {
        "+c.status = 'accepted'"
    };
    let mut sql = vec![status.to_owned()];
    let mut values: Vec<SqlValue> = Vec::new();
    let bind = |values: &mut Vec<SqlValue>, value: SqlValue| {
        values.push(value);
        format!("?{}", values.len())
    };
    if let Some(fts) = fts {
        let p = bind(&mut values, SqlValue::Text(fts.to_owned()));
        sql.push(format!(
            "c.id IN (SELECT rowid FROM cards_fts WHERE cards_fts MATCH {p})"
        ));
    } else if !query.search.trim().is_empty() {
        // Only punctuation: nothing can match.
        sql.push("0".into());
    }
    if let Some(id) = query.document_id {
        let p = bind(&mut values, SqlValue::Integer(id.0));
        sql.push(format!("c.document_id = {p}"));
    }
    if !query.category.is_empty() {
        let ids = store.category_subtree(&query.category)?;
        let p = bind(
            &mut values,
            SqlValue::Text(serde_json::to_string(&ids).expect("ids serialise")),
        );
        sql.push(format!(
            "d.category_id IN (SELECT value FROM json_each({p}))"
        ));
    }
    if let Some(kind) = query.kind {
        let p = bind(&mut values, SqlValue::Text(kind.as_str().into()));
        sql.push(format!("c.kind = {p}"));
    }
    if let Some(state) = query.state {
        sql.push(match state {
            StateFilter::New => "+s.state = 'new' AND s.suspended = 0".into(),
            StateFilter::Learning => {
                "+s.state IN ('learning', 'relearning') AND s.suspended = 0".into()
            }
            StateFilter::Review => "+s.state = 'review' AND s.suspended = 0".into(),
            StateFilter::Suspended => "s.suspended = 1".into(),
            StateFilter::Buried => {
                let p = bind(&mut values, SqlValue::Integer(now));
                format!("s.buried_until > {p}")
            }
            StateFilter::Flagged => "c.flagged = 1".into(),
            StateFilter::Leech => "(' ' || c.tags || ' ') LIKE '% leech %'".into(),
        });
    }
    if let Some(due) = query.due {
        let before = match due {
            DueFilter::Overdue => day_start,
            DueFilter::Today => day_start + DAY_MS,
            DueFilter::Week => day_start + 7 * DAY_MS,
        };
        let p = bind(&mut values, SqlValue::Integer(before));
        sql.push(format!(
            "+s.state <> 'new' AND s.suspended = 0 AND s.due < {p}"
        ));
    }
    Ok((sql.join(" AND "), values))
}

/// The order of a sort; descending is its exact reverse. Only "added" has an
/// index to walk (migration 0009 says why due, difficulty and lapses do not).
fn order_by(sort: BrowserSort, descending: bool) -> String {
    let keys: &[&str] = match sort {
        BrowserSort::Due => &["s.due IS NULL", "s.due", "s.new_position", "s.card_id"],
        BrowserSort::Added => &["c.created_at", "c.id"],
        BrowserSort::Difficulty => &["s.difficulty IS NULL", "s.difficulty", "s.card_id"],
        BrowserSort::Lapses => &["s.lapses", "s.card_id"],
    };
    let dir = if descending { " DESC" } else { "" };
    keys.iter()
        .map(|k| format!("{k}{dir}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// A page of deck cards matching `query` (`fts`: the search as an FTS5
    /// query, or none), and how many match in all.
    pub fn browse_cards(
        &self,
        query: &BrowserQuery,
        fts: Option<&str>,
        limit: u32,
        now: i64,
        day_start: i64,
    ) -> Result<BrowserPage> {
        let plain = query.state.is_none() && query.due.is_none();
        let (count_filter, count_values) =
            conditions(self, query, fts, now, day_start, fts.is_none())?;
        let (filter, mut values) = conditions(self, query, fts, now, day_start, false)?;
        // Every deck card has its schedule row (it joins the deck with one), so
        // a count that filters on no schedule column need not visit them.
        let from = match (plain, query.category.is_empty()) {
            (true, true) => "FROM cards c",
            (true, false) => "FROM cards c LEFT JOIN documents d ON d.id = c.document_id",
            (false, true) => BROWSER_FROM_NO_DOCUMENT,
            (false, false) => BROWSER_FROM,
        };
        let total: u64 = self.conn.query_row(
            &format!("SELECT count(*) {from} WHERE {count_filter}"),
            params_from_iter(count_values.iter()),
            |r| r.get(0),
        )?;
        // The page's ids first (sort keys only, so an index can serve the
        // order), then their rows: reading every card's text to sort 100,000
        // of them would cost far more.
        let n = values.len();
        values.push(SqlValue::Integer(i64::from(limit)));
        values.push(SqlValue::Integer(i64::from(query.offset)));
        let ids: Vec<CardId> = {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT c.id {from} WHERE {filter} ORDER BY {} LIMIT ?{} OFFSET ?{}",
                order_by(query.sort, query.descending),
                n + 1,
                n + 2,
                from = if query.category.is_empty() {
                    BROWSER_FROM_NO_DOCUMENT
                } else {
                    BROWSER_FROM
                },
            ))?;
            let rows = stmt.query_map(params_from_iter(values.iter()), |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut cards: Vec<BrowserCard> = Vec::with_capacity(ids.len());
        if !ids.is_empty() {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {BROWSER_COLUMNS} {BROWSER_FROM} WHERE c.id IN (SELECT value FROM json_each(?1))"
            ))?;
            let json = serde_json::to_string(&ids).expect("ids serialise");
            let mut by_id: std::collections::HashMap<CardId, BrowserCard> = stmt
                .query_map([json], |row| browser_card(row, now))?
                .map(|r| r.map(|c| (c.id, c)))
                .collect::<rusqlite::Result<_>>()?;
            cards.extend(ids.iter().filter_map(|id| by_id.remove(id)));
        }
        Ok(BrowserPage {
            total,
            offset: query.offset,
            cards,
        })
    }

    /// One deck card as the browser shows it.
    pub fn browser_card(&self, id: CardId) -> Result<BrowserCard> {
        let now = crate::time::now_ms();
        self.conn
            .query_row(
                &format!("SELECT {BROWSER_COLUMNS} {BROWSER_FROM} WHERE c.id = ?1"),
                [id],
                |row| browser_card(row, now),
            )
            .optional()?
            .or_not_found("card in the deck", id)
    }

    /// Every answer given to a card, oldest first.
    pub fn card_reviews(&self, card_id: CardId) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT reviewed_at, rating, state_before, state_after, due_after, stability, difficulty,
                    duration_ms, answer_mode, origin
             FROM review_log WHERE card_id = ?1 ORDER BY reviewed_at, id",
        )?;
        let rows = stmt.query_map([card_id], |r| {
            let before: String = r.get(2)?;
            let after: String = r.get(3)?;
            Ok(HistoryEntry {
                reviewed_at: r.get(0)?,
                rating: r.get(1)?,
                state_before: QueueState::from_db(&before).unwrap_or(QueueState::New),
                state_after: QueueState::from_db(&after).unwrap_or(QueueState::New),
                due_after: r.get(4)?,
                stability: r.get(5)?,
                difficulty: r.get(6)?,
                duration_ms: r.get(7)?,
                answer_mode: r.get(8)?,
                origin: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of a category (a path from the root) and of every category
    /// under it; an unknown path is an error naming it.
    pub fn category_subtree(&self, path: &[String]) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{} SELECT id, path FROM category_paths",
            super::categories::CATEGORY_PATHS
        ))?;
        let all: Vec<(i64, Vec<String>)> = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, super::categories::category_path(r.get(1)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<i64> = all
            .into_iter()
            .filter(|(_, p)| p.len() >= path.len() && p[..path.len()] == *path)
            .map(|(id, _)| id)
            .collect();
        if ids.is_empty() {
            return Err(Error::Invalid(format!(
                "There is no category “{}”. Choose one from the list of categories.",
                path.join(" → ")
            )));
        }
        Ok(ids)
    }

    /// Does `action` to deck cards, all or none, recorded for undo under
    /// `label`. Returns how many cards changed.
    pub fn act_on_cards(
        &mut self,
        action: CardAction,
        ids: &[CardId],
        label: &str,
        now: i64,
        bury_until: i64,
    ) -> Result<usize> {
        let raw = crate::ids::raw(ids);
        let touches = match action {
            CardAction::Delete => vec![Touch::Delete(Rows {
                table: "cards",
                column: "id",
                ids: &raw,
            })],
            _ => Touch::cards_and_schedules(&raw).to_vec(),
        };
        self.undoable(label, now, &touches, |tx| {
            let mut changed = 0;
            for &id in ids {
                if !in_deck(tx, id)? {
                    return Err(Error::not_found("card in the deck", id));
                }
                changed += act_on_card(tx, action, id, now, bury_until)?;
            }
            Ok(changed)
        })
    }
}

fn in_deck(tx: &Transaction<'_>, id: CardId) -> Result<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM cards c JOIN card_schedule s ON s.card_id = c.id WHERE c.id = ?1 AND c.status = 'accepted'",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn act_on_card(
    tx: &Transaction<'_>,
    action: CardAction,
    id: CardId,
    now: i64,
    bury_until: i64,
) -> Result<usize> {
    let changed = match action {
        CardAction::Suspend | CardAction::Unsuspend => tx.execute(
            "UPDATE card_schedule SET suspended = ?2 WHERE card_id = ?1 AND suspended <> ?2",
            params![id, action == CardAction::Suspend],
        )?,
        CardAction::Bury => tx.execute(
            "UPDATE card_schedule SET buried_until = ?2 WHERE card_id = ?1",
            params![id, bury_until],
        )?,
        CardAction::Reset => tx.execute(
            "UPDATE card_schedule SET state = 'new', due = NULL, stability = NULL, difficulty = NULL, step = 0,
                    reps = 0, lapses = 0, last_review_at = NULL, buried_until = NULL,
                    new_position = (SELECT coalesce(max(new_position), 0) + 1 FROM card_schedule)
             WHERE card_id = ?1",
            [id],
        )?,
        CardAction::Flag | CardAction::Unflag => tx.execute(
            "UPDATE cards SET flagged = ?2, updated_at = ?3 WHERE id = ?1 AND flagged <> ?2",
            params![id, action == CardAction::Flag, now],
        )?,
        CardAction::Delete => tx.execute("DELETE FROM cards WHERE id = ?1", [id])?,
    };
    Ok(changed)
}
