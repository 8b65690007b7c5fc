use super::*;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

/// 2026-03-02 00:00:00 UTC, a Monday.
const MONDAY: i64 = 1_772_409_600_000;

fn kept(times: &[i64], now: i64) -> Vec<i64> {
    let gone = backups_to_delete(times, now, &crate::prefs::DEFAULT_KEEP_POLICY);
    times
        .iter()
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .map(|(_, &t)| t)
        .collect()
}

#[test]
fn names_carry_the_utc_time_and_parse_back() {
    let at = MONDAY + 13 * HOUR + 5 * 60_000 + 9_000;
    assert_eq!(backup_file_name(at, 1), "clio-20260302-130509.sqlite3");
    assert_eq!(backup_file_name(at, 3), "clio-20260302-130509-3.sqlite3");
    assert_eq!(parse_backup_name("clio-20260302-130509.sqlite3"), Some(at));
    assert_eq!(
        parse_backup_name("clio-20260302-130509-3.sqlite3"),
        Some(at)
    );
    for other in [
        "clio.sqlite3",
        "clio-2026-03-02.sqlite3",
        "clio-20260302-130509.sqlite3-wal",
        ".clio-20260302-130509.sqlite3.partial",
        "clio-20260302-130509-.sqlite3",
        "clio-20261302-130509.sqlite3",
    ] {
        assert_eq!(parse_backup_name(other), None, "{other}");
    }
    assert_eq!(
        backup_dir(Path::new("/data/clio.sqlite3")),
        Path::new("/data/backups")
    );
    let db = Path::new("/data/clio.sqlite3");
    assert!(is_backup_of(
        db,
        Path::new("/data/backups/clio-20260302-130509-3.sqlite3")
    ));
    assert!(!is_backup_of(
        db,
        Path::new("/elsewhere/backups/clio-20260302-130509.sqlite3")
    ));
    assert!(!is_backup_of(db, Path::new("/data/backups/notes.sqlite3")));
    assert!(!is_backup_of(db, db));
}

#[test]
fn everything_under_two_days_old_is_kept() {
    let now = MONDAY + 10 * DAY;
    let times: Vec<i64> = (0..96).map(|i| now - i * 30 * 60_000).collect();
    assert!(backups_to_delete(&times, now, &crate::prefs::DEFAULT_KEEP_POLICY).is_empty());
    // and a backup stamped in the future (the clock was set back) is kept too
    assert!(backups_to_delete(
        &[now + DAY, now + DAY - 1],
        now,
        &crate::prefs::DEFAULT_KEEP_POLICY
    )
    .is_empty());
}

#[test]
fn from_two_to_thirty_days_the_newest_of_each_day_is_kept() {
    let now = MONDAY + 40 * DAY;
    let day = now - 5 * DAY - 12 * HOUR; // some day 5 days ago
    let day_start = day - day.rem_euclid(DAY);
    let times = [
        day_start + HOUR,
        day_start + 9 * HOUR,
        day_start + 23 * HOUR,
        day_start + DAY + HOUR,
    ];
    assert_eq!(
        kept(&times, now),
        vec![day_start + 23 * HOUR, day_start + DAY + HOUR]
    );
}

#[test]
fn from_thirty_days_to_a_year_the_newest_of_each_week_is_kept() {
    let now = MONDAY + 300 * DAY;
    let monday = MONDAY + 100 * DAY - (100 % 7) * DAY; // a Monday about 200 days before now
    assert_eq!((monday - MONDAY).rem_euclid(7 * DAY), 0);
    let times = [
        monday,
        monday + 3 * DAY,
        monday + 6 * DAY + 23 * HOUR,
        monday + 7 * DAY,
    ];
    // Monday to Sunday is one week; the next Monday starts another.
    assert_eq!(
        kept(&times, now),
        vec![monday + 6 * DAY + 23 * HOUR, monday + 7 * DAY]
    );
}

#[test]
fn after_a_year_the_newest_of_each_month_is_kept() {
    let now = MONDAY + 800 * DAY;
    // 2026-03-02 and 2026-03-31 are one month; 2026-04-01 another.
    let march_31 = MONDAY + 29 * DAY;
    let april_1 = MONDAY + 30 * DAY;
    let times = [MONDAY, march_31, april_1, april_1 + 5 * DAY];
    assert_eq!(kept(&times, now), vec![march_31, april_1 + 5 * DAY]);
}

/// A learner who studies two hours every evening for three years, with a backup
/// every 30 minutes of use and at quit, and thinning after each backup: the
/// clock is the simulation's, never the machine's.
#[test]
fn three_years_of_use_keep_a_bounded_well_spread_set() {
    let start = MONDAY;
    let mut backups: Vec<i64> = Vec::new();
    let mut now = start;
    for day in 0..(3 * 365) {
        for slot in 0..5 {
            now = start + day * DAY + 19 * HOUR + slot * 30 * 60_000;
            backups.push(now);
            let gone = backups_to_delete(&backups, now, &crate::prefs::DEFAULT_KEEP_POLICY);
            backups = backups
                .iter()
                .enumerate()
                .filter(|(i, _)| !gone.contains(i))
                .map(|(_, &t)| t)
                .collect();
        }
    }
    let age = |t: i64| now - t;
    let recent = backups.iter().filter(|&&t| age(t) < 2 * DAY).count();
    let daily = backups
        .iter()
        .filter(|&&t| (2 * DAY..30 * DAY).contains(&age(t)))
        .count();
    let weekly = backups
        .iter()
        .filter(|&&t| (30 * DAY..365 * DAY).contains(&age(t)))
        .count();
    let monthly = backups.iter().filter(|&&t| age(t) >= 365 * DAY).count();
    assert_eq!(recent, 10, "two evenings of five backups");
    assert!((27..=28).contains(&daily), "one a day: {daily}");
    assert!((47..=49).contains(&weekly), "one a week: {weekly}");
    assert!(
        (24..=26).contains(&monthly),
        "one a month for two years: {monthly}"
    );
    assert_eq!(backups.last(), Some(&now), "the newest is kept");
    assert!(backups.len() < 120, "{} backups", backups.len());
    // at most one per day beyond two days, one per week beyond a month
    let mut days: Vec<i64> = backups
        .iter()
        .filter(|&&t| age(t) >= 2 * DAY)
        .map(|t| t.div_euclid(DAY))
        .collect();
    let n = days.len();
    days.dedup();
    assert_eq!(days.len(), n);
}

#[test]
fn thinning_is_stable_once_applied() {
    let now = MONDAY + 500 * DAY;
    let times: Vec<i64> = (0..2000)
        .map(|i| MONDAY + i * 6 * HOUR)
        .filter(|&t| t <= now)
        .collect();
    let once = kept(&times, now);
    assert_eq!(kept(&once, now), once, "a second pass deletes nothing more");
}

#[test]
fn a_shorter_policy_keeps_fewer_and_drops_what_is_older_than_every_period() {
    let now = MONDAY + 400 * DAY;
    // one backup every evening for 400 days
    let times: Vec<i64> = (0..400)
        .map(|d| MONDAY + d * DAY + 20 * HOUR)
        .filter(|&t| t <= now)
        .collect();
    let policy = KeepPolicy {
        daily_days: 7,
        weekly_weeks: 4,
        monthly_months: 3,
    };
    let left = kept_with(&times, now, &policy);
    let age = |t: i64| now - t;
    assert_eq!(
        left.iter().filter(|&&t| age(t) < 2 * DAY).count(),
        2,
        "the last two evenings"
    );
    assert_eq!(
        left.iter()
            .filter(|&&t| (2 * DAY..7 * DAY).contains(&age(t)))
            .count(),
        5,
        "one a day to a week"
    );
    let weekly = left
        .iter()
        .filter(|&&t| (7 * DAY..28 * DAY).contains(&age(t)))
        .count();
    assert!(
        (3..=4).contains(&weekly),
        "one a week to four weeks: {weekly}"
    );
    let monthly = left
        .iter()
        .filter(|&&t| (28 * DAY..90 * DAY).contains(&age(t)))
        .count();
    assert!(
        (2..=3).contains(&monthly),
        "one a month to three months: {monthly}"
    );
    assert!(
        left.iter().all(|&t| age(t) < 90 * DAY),
        "nothing older than three months"
    );
    // the default policy keeps more of the same backups
    assert!(kept(&times, now).len() > left.len() + 40);
}

fn kept_with(times: &[i64], now: i64, policy: &KeepPolicy) -> Vec<i64> {
    let gone = backups_to_delete(times, now, policy);
    times
        .iter()
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .map(|(_, &t)| t)
        .collect()
}

#[test]
fn the_store_finds_a_file_fault_and_backup_words_it() {
    use crate::store::{check_file, FileFault};
    let dir = tempfile::tempdir().unwrap();

    let empty = dir.path().join("empty.sqlite3");
    fs::write(&empty, b"").unwrap();
    assert_eq!(check_file(&empty), Err(FileFault::EmptyOrMissing));
    assert_eq!(
        check_file(&dir.path().join("missing.sqlite3")),
        Err(FileFault::EmptyOrMissing)
    );

    let foreign = dir.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    let fault = check_file(&foreign).unwrap_err();
    assert_eq!(fault, FileFault::NotClio);
    assert_eq!(fault.to_string(), "it is not a Clio library");

    let good = dir.path().join("good.sqlite3");
    drop(crate::Store::open(&good).unwrap());
    assert_eq!(check_file(&good), Ok(crate::store::LATEST_VERSION));

    let newer = FileFault::Newer { version: 99 };
    assert_eq!(
        newer.to_string(),
        "it was written by a newer Clio (schema version 99)"
    );
    let damaged = FileFault::Damaged {
        findings: (1..=5).map(|i| format!("page {i} is bad")).collect(),
    };
    assert_eq!(
        damaged.to_string(),
        "it is damaged: page 1 is bad; page 2 is bad; page 3 is bad (and 2 more problems)"
    );
}
