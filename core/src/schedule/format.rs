//! Intervals as the answer buttons show them.

use super::{DAY_MS, HOUR_MS, MINUTE_MS};

const MONTH_DAYS: f64 = 30.0;
const YEAR_DAYS: f64 = 365.0;

/// "45s", "1m", "10m", "1h", "1.5h", "3d", "1.5mo", "2.1y". Seconds, minutes
/// and days are whole (days rounded, as intervals are whole days); hours,
/// months and years keep one decimal when it is not zero, as Anki shows them.
pub fn format_interval(ms: i64) -> String {
    let ms = ms.max(0);
    if ms < MINUTE_MS {
        return format!("{}s", (ms as f64 / 1000.0).round() as i64);
    }
    if ms < HOUR_MS {
        // 59.7 minutes still reads "59m": the hour starts at 60 whole minutes.
        let minutes = (ms as f64 / MINUTE_MS as f64).round() as i64;
        return format!("{}m", minutes.clamp(1, 59));
    }
    if ms < DAY_MS {
        let hours = ms as f64 / HOUR_MS as f64;
        return if hours >= 23.95 {
            "1d".into()
        } else {
            with_decimal(hours, "h")
        };
    }
    let days = ms as f64 / DAY_MS as f64;
    if days < MONTH_DAYS {
        return format!("{}d", days.round() as i64);
    }
    if days < YEAR_DAYS {
        let months = days / MONTH_DAYS;
        return if months >= 11.95 {
            "1y".into()
        } else {
            with_decimal(months, "mo")
        };
    }
    with_decimal(days / YEAR_DAYS, "y")
}

fn with_decimal(value: f64, unit: &str) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}{unit}", rounded as i64)
    } else {
        format!("{rounded:.1}{unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(format_interval(30_000), "30s");
        assert_eq!(format_interval(MINUTE_MS), "1m");
        assert_eq!(format_interval(330_000), "6m"); // Hard on the first step: 5.5 minutes
        assert_eq!(format_interval(10 * MINUTE_MS), "10m");
        assert_eq!(format_interval(59 * MINUTE_MS + 40_000), "59m");
        assert_eq!(format_interval(HOUR_MS), "1h");
        assert_eq!(format_interval(90 * MINUTE_MS), "1.5h");
        assert_eq!(format_interval(3 * DAY_MS), "3d");
        assert_eq!(format_interval(45 * DAY_MS), "1.5mo");
        assert_eq!(format_interval(60 * DAY_MS), "2mo");
        assert_eq!(format_interval(767 * DAY_MS), "2.1y");
        assert_eq!(format_interval(365 * DAY_MS), "1y");
        assert_eq!(format_interval(-5), "0s");
    }
}
