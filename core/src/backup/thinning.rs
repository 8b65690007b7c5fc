//! Which backups are kept, as a pure function of their times, `now` and the
//! learner's [`KeepPolicy`] (the rules are in the module docs of [`crate::backup`]).

use chrono::{DateTime, Datelike, TimeZone, Utc};

use super::KeepPolicy;

const DAY_MS: i64 = 86_400_000;

/// The thinning policy (see the module docs) as a pure function: given the
/// backups' times and `now`, the indices of the backups to delete, ascending.
pub fn backups_to_delete(times: &[i64], now: i64, policy: &KeepPolicy) -> Vec<usize> {
    use std::collections::HashMap;
    // (tier, period) -> the index of the newest backup in it
    let mut newest: HashMap<(u8, i64), usize> = HashMap::new();
    let mut bucket_of = Vec::with_capacity(times.len());
    for (i, &t) in times.iter().enumerate() {
        let bucket = bucket(t, now, policy);
        bucket_of.push(bucket);
        if let Some(key) = bucket.filter(|(tier, _)| *tier != EXPIRED) {
            let entry = newest.entry(key).or_insert(i);
            if (times[i], i) > (times[*entry], *entry) {
                *entry = i;
            }
        }
    }
    bucket_of
        .iter()
        .enumerate()
        .filter(|(i, b)| matches!(b, Some(key) if key.0 == EXPIRED || newest[key] != *i))
        .map(|(i, _)| i)
        .collect()
}

/// The tier of backups older than every period the policy keeps.
const EXPIRED: u8 = 4;

/// The period a backup made at `t` is thinned within; `None` when it is kept
/// whatever (under 2 days old).
fn bucket(t: i64, now: i64, policy: &KeepPolicy) -> Option<(u8, i64)> {
    let age = now - t;
    let day = t.div_euclid(DAY_MS);
    if age < 2 * DAY_MS {
        None
    } else if age < i64::from(policy.daily_days) * DAY_MS {
        Some((1, day))
    } else if age < i64::from(policy.weekly_weeks) * 7 * DAY_MS {
        // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
        Some((2, (day + 3).div_euclid(7)))
    } else if age >= i64::from(policy.monthly_months) * 30 * DAY_MS {
        Some((EXPIRED, 0))
    } else {
        let date = Utc
            .timestamp_millis_opt(t)
            .single()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
        Some((3, i64::from(date.year()) * 12 + i64::from(date.month0())))
    }
}
