//! The scheduler's columns of a `card_schedule` row, bound in one place: an
//! answer's update (`reviews`) and an imported card's insert (`interchange`)
//! write the same eight values, so a new scheduler column is added once.

use rusqlite::CachedStatement;

use crate::error::Result;
use crate::schedule::Schedule;

/// Binds `s` to the parameters `first..first + 8` of `stmt`, in the order of
/// `SCHEDULE_COLUMNS` (as `reviews` reads them); the caller binds the rest
/// and runs it.
pub(super) fn bind_schedule(
    stmt: &mut CachedStatement<'_>,
    first: usize,
    s: &Schedule,
) -> Result<()> {
    stmt.raw_bind_parameter(first, s.state.as_str())?;
    stmt.raw_bind_parameter(first + 1, s.due)?;
    stmt.raw_bind_parameter(first + 2, s.stability.map(f64::from))?;
    stmt.raw_bind_parameter(first + 3, s.difficulty.map(f64::from))?;
    stmt.raw_bind_parameter(first + 4, s.step)?;
    stmt.raw_bind_parameter(first + 5, s.reps)?;
    stmt.raw_bind_parameter(first + 6, s.lapses)?;
    stmt.raw_bind_parameter(first + 7, s.last_review_at)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::reviews::{schedule_at, SCHEDULE_COLUMNS};
    use super::*;
    use crate::schedule::QueueState;
    use crate::Store;

    #[test]
    fn an_imported_schedule_and_an_answered_one_are_the_same_columns() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.connection();
        conn.execute_batch(
            "CREATE TEMP TABLE t (id INTEGER, state, due, stability, difficulty, step, reps, lapses, last_review_at)",
        )
        .unwrap();
        let s = Schedule {
            state: QueueState::Review,
            due: Some(86_400_000),
            stability: Some(12.5),
            difficulty: Some(4.25),
            step: 0,
            reps: 7,
            lapses: 2,
            last_review_at: Some(1_000),
        };
        let mut stmt = conn
            .prepare_cached(&format!(
                "INSERT INTO t (id, {}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                SCHEDULE_COLUMNS.replace("s.", "")
            ))
            .unwrap();
        stmt.raw_bind_parameter(1, 5).unwrap();
        bind_schedule(&mut stmt, 2, &s).unwrap();
        assert_eq!(stmt.raw_execute().unwrap(), 1);
        let row = conn
            .query_row(
                &format!("SELECT {SCHEDULE_COLUMNS} FROM t s WHERE s.id = 5"),
                [],
                |r| schedule_at(r, 0),
            )
            .unwrap();
        assert_eq!(row, s);
    }
}
