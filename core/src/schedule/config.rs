//! The learner's scheduling settings, with Anki's defaults, and their rules.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// Steps must finish within a day: longer waits are what review intervals are for.
const MINUTES_PER_DAY: f32 = 24.0 * 60.0;

/// Scheduling settings. `desired_retention` and `parameters` are the columns of
/// `scheduler_presets`; the rest are per-collection settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SchedulerConfig {
    /// The share of reviews the learner should get right, 0.70 to 0.99.
    pub desired_retention: f32,
    /// Waits, in minutes, between answers while a new card is learnt.
    pub learning_steps: Vec<f32>,
    /// Waits, in minutes, while a forgotten card is relearnt.
    pub relearning_steps: Vec<f32>,
    /// No review interval is longer than this many days.
    pub maximum_interval_days: u32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// FSRS weights; empty means the fsrs crate's defaults.
    pub parameters: Vec<f32>,
    /// Spread intervals a little so cards learnt together do not stay together.
    pub fuzz: bool,
    /// A card forgotten this many times is a leech (tagged `leech`), and again
    /// every half as many lapses after that, as in Anki; 0: never.
    pub leech_threshold: u32,
    /// Suspend a leech as well as tagging it.
    pub leech_suspend: bool,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            desired_retention: 0.90,
            learning_steps: vec![1.0, 10.0],
            relearning_steps: vec![10.0],
            maximum_interval_days: 36_500,
            new_per_day: 20,
            reviews_per_day: 200,
            parameters: Vec::new(),
            fuzz: true,
            leech_threshold: DEFAULT_LEECH_THRESHOLD,
            leech_suspend: false,
        }
    }
}

pub const MIN_DESIRED_RETENTION: f32 = 0.70;
pub const MAX_DESIRED_RETENTION: f32 = 0.99;
pub const MAX_INTERVAL_DAYS: u32 = 36_500;
pub const MAX_NEW_PER_DAY: u32 = 9_999;
pub const MAX_REVIEWS_PER_DAY: u32 = 99_999;
/// Anki's default: a card forgotten 8 times is a leech.
pub const DEFAULT_LEECH_THRESHOLD: u32 = 8;
pub const MAX_LEECH_THRESHOLD: u32 = 99;

impl SchedulerConfig {
    /// Checks every setting; the error names the first wrong one, its value and
    /// the allowed range.
    pub fn validate(&self) -> Result<()> {
        let r = self.desired_retention;
        // Anki's range: below 0.70 most reviews fail; at 0.99 and above the
        // workload explodes (and 1.0 would mean an interval of zero).
        if !(MIN_DESIRED_RETENTION..=MAX_DESIRED_RETENTION).contains(&r) {
            return Err(invalid(format!(
                "desired retention must be between {MIN_DESIRED_RETENTION:.2} and \
                 {MAX_DESIRED_RETENTION:.2}; got {r}"
            )));
        }
        check_steps("learning steps", &self.learning_steps)?;
        check_steps("relearning steps", &self.relearning_steps)?;
        if !(1..=MAX_INTERVAL_DAYS).contains(&self.maximum_interval_days) {
            return Err(invalid(format!(
                "maximum interval must be between 1 and {MAX_INTERVAL_DAYS} days; got {}",
                self.maximum_interval_days
            )));
        }
        if self.new_per_day > MAX_NEW_PER_DAY {
            return Err(invalid(format!(
                "new cards per day must be between 0 and {MAX_NEW_PER_DAY}; got {}",
                self.new_per_day
            )));
        }
        if self.reviews_per_day > MAX_REVIEWS_PER_DAY {
            return Err(invalid(format!(
                "reviews per day must be between 0 and {MAX_REVIEWS_PER_DAY}; got {}",
                self.reviews_per_day
            )));
        }
        if self.leech_threshold > MAX_LEECH_THRESHOLD {
            return Err(invalid(format!(
                "the leech threshold must be between 0 (off) and {MAX_LEECH_THRESHOLD} lapses; got {}",
                self.leech_threshold
            )));
        }
        check_parameters(&self.parameters)?;
        Ok(())
    }
}

fn invalid(message: String) -> Error {
    Error::Invalid(message)
}

fn check_steps(name: &str, steps: &[f32]) -> Result<()> {
    for (i, &step) in steps.iter().enumerate() {
        if !(step.is_finite() && step > 0.0 && step < MINUTES_PER_DAY) {
            return Err(invalid(format!(
                "{name}: step {} must be more than 0 and less than {MINUTES_PER_DAY} minutes \
                 (one day); got {step}",
                i + 1
            )));
        }
    }
    Ok(())
}

/// The fsrs crate accepts 0 (its defaults), 17 (FSRS 4.5), 19 (FSRS 5) or 21
/// (FSRS 6) finite weights.
pub(crate) fn check_parameters(parameters: &[f32]) -> Result<()> {
    if !matches!(parameters.len(), 0 | 17 | 19 | 21) {
        return Err(invalid(format!(
            "FSRS parameters must be empty (the defaults) or 17, 19 or 21 numbers; got {}",
            parameters.len()
        )));
    }
    if let Some(i) = parameters.iter().position(|w| !w.is_finite()) {
        return Err(invalid(format!(
            "FSRS parameter {} must be a finite number; got {}",
            i + 1,
            parameters[i]
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(config: SchedulerConfig) -> String {
        config.validate().unwrap_err().to_string()
    }

    #[test]
    fn defaults_are_anki_s_and_valid() {
        let c = SchedulerConfig::default();
        assert_eq!(c.desired_retention, 0.9);
        assert_eq!(c.learning_steps, vec![1.0, 10.0]);
        assert_eq!(c.relearning_steps, vec![10.0]);
        assert_eq!(c.maximum_interval_days, 36_500);
        assert_eq!((c.new_per_day, c.reviews_per_day), (20, 200));
        assert!(c.parameters.is_empty() && c.fuzz);
        c.validate().unwrap();
    }

    #[test]
    fn retention_out_of_range_names_the_range() {
        for r in [0.5, 1.0, 0.995, f32::NAN] {
            let m = message(SchedulerConfig {
                desired_retention: r,
                ..Default::default()
            });
            assert!(
                m.contains("desired retention must be between 0.70 and 0.99"),
                "{m}"
            );
        }
        for r in [0.70, 0.8, 0.99] {
            SchedulerConfig {
                desired_retention: r,
                ..Default::default()
            }
            .validate()
            .unwrap();
        }
    }

    #[test]
    fn steps_of_a_day_or_more_or_zero_are_refused_naming_the_step() {
        let m = message(SchedulerConfig {
            learning_steps: vec![1.0, 1440.0],
            ..Default::default()
        });
        assert!(m.contains("learning steps: step 2"), "{m}");
        assert!(m.contains("less than 1440 minutes"), "{m}");
        let m = message(SchedulerConfig {
            relearning_steps: vec![0.0],
            ..Default::default()
        });
        assert!(
            m.starts_with("relearning steps: step 1 must be more than 0"),
            "{m}"
        );
        // No steps at all is allowed: FSRS then schedules from the first answer.
        SchedulerConfig {
            learning_steps: vec![],
            relearning_steps: vec![],
            ..Default::default()
        }
        .validate()
        .unwrap();
    }

    #[test]
    fn limits_and_parameters_are_checked() {
        let m = message(SchedulerConfig {
            maximum_interval_days: 0,
            ..Default::default()
        });
        assert!(
            m.contains("maximum interval must be between 1 and 36500 days; got 0"),
            "{m}"
        );
        let m = message(SchedulerConfig {
            new_per_day: 10_000,
            ..Default::default()
        });
        assert!(
            m.contains("new cards per day must be between 0 and 9999"),
            "{m}"
        );
        let m = message(SchedulerConfig {
            reviews_per_day: 100_000,
            ..Default::default()
        });
        assert!(
            m.contains("reviews per day must be between 0 and 99999"),
            "{m}"
        );
        let m = message(SchedulerConfig {
            parameters: vec![1.0; 5],
            ..Default::default()
        });
        assert!(m.contains("17, 19 or 21 numbers; got 5"), "{m}");
        let mut w = fsrs::DEFAULT_PARAMETERS.to_vec();
        w[3] = f32::INFINITY;
        let m = message(SchedulerConfig {
            parameters: w,
            ..Default::default()
        });
        assert!(
            m.contains("FSRS parameter 4 must be a finite number"),
            "{m}"
        );
    }
}
