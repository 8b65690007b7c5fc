//! The learner's day: it starts at 4 am local time, as in Anki, so a late
//! evening session still counts as today.

use chrono::{Duration, Local, TimeZone};

/// The hour (local time) at which a new learner day begins.
pub const ROLLOVER_HOUR: u32 = 4;

/// When the learner day containing `now` (Unix ms) began, in Unix ms.
pub fn learner_day_start(now: i64) -> i64 {
    day_start_in(&Local, now)
}

fn day_start_in<Tz: TimeZone>(zone: &Tz, now: i64) -> i64 {
    let Some(local) = zone.timestamp_millis_opt(now).earliest() else {
        return now - now.rem_euclid(86_400_000);
    };
    let shifted = local - Duration::hours(i64::from(ROLLOVER_HOUR));
    let start = shifted
        .date_naive()
        .and_hms_opt(ROLLOVER_HOUR, 0, 0)
        .expect("4:00 is a valid time");
    // On a daylight-saving change 4:00 exists (changes happen at 1–3 am); fall back to UTC arithmetic if not.
    zone.from_local_datetime(&start)
        .earliest()
        .map_or(now - now.rem_euclid(86_400_000), |t| t.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone};

    use super::day_start_in;

    #[test]
    fn the_day_starts_at_four_in_the_morning_local_time() {
        let berlin = FixedOffset::east_opt(3600).unwrap();
        let at = |d, h, m| {
            berlin
                .with_ymd_and_hms(2026, 3, d, h, m, 0)
                .unwrap()
                .timestamp_millis()
        };
        assert_eq!(day_start_in(&berlin, at(10, 15, 0)), at(10, 4, 0));
        assert_eq!(day_start_in(&berlin, at(10, 4, 0)), at(10, 4, 0));
        // Half past midnight still belongs to yesterday's day.
        assert_eq!(day_start_in(&berlin, at(11, 0, 30)), at(10, 4, 0));
    }
}
