//! The learner's preferences that the core acts on: scheduling and card
//! writing. They live in the library itself (`app_meta`), so backups, the JSON
//! export and the CLI see the same values; this type is the one way in.
//! (Preferences only the window uses — theme, reader font size — stay in the
//! window's settings file.)

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backup::KeepPolicy;
use crate::error::{Error, Result};
use crate::generate::GenerateOptions;
use crate::schedule::SchedulerConfig;
use crate::store::Store;

const META_KEY: &str = "preferences";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Preferences {
    /// The share of reviews the schedule aims to have remembered (0.70–0.99).
    pub desired_retention: f32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Minutes; each step under a day.
    pub learning_steps: Vec<f32>,
    pub relearning_steps: Vec<f32>,
    pub maximum_interval_days: u32,
    /// Lapses that make a card a leech (tagged `leech`); 0: never.
    pub leech_threshold: u32,
    /// Suspend a leech as well as tagging it.
    pub leech_suspend: bool,
    /// Which kinds of cards the generator suggests (questions always).
    pub cloze_cards: bool,
    pub multiple_choice_cards: bool,
    pub true_false_cards: bool,
    /// Put a new text's suggestions straight into the deck.
    pub auto_accept_suggestions: bool,
    /// Minutes of use between the window's automatic backups.
    pub backup_interval_minutes: u32,
    /// How long backups are kept at each spacing (see `crate::backup`).
    pub daily_backup_days: u32,
    pub weekly_backup_weeks: u32,
    pub monthly_backup_months: u32,
}

/// How often the window backs up while it is used, unless the learner chose otherwise.
pub const DEFAULT_BACKUP_INTERVAL_MINUTES: u32 = 30;
/// How long backups are kept unless the learner chose otherwise: every day's
/// for 30 days, every week's for 52 weeks, every month's for 120 months.
pub const DEFAULT_KEEP_POLICY: KeepPolicy = KeepPolicy {
    daily_days: 30,
    weekly_weeks: 52,
    monthly_months: 120,
};

/// The allowed ranges of the backup preferences, as (least, most).
pub const BACKUP_INTERVAL_RANGE: (u32, u32) = (5, 24 * 60);
pub const DAILY_BACKUP_RANGE: (u32, u32) = (2, 365);
pub const WEEKLY_BACKUP_RANGE: (u32, u32) = (0, 520);
pub const MONTHLY_BACKUP_RANGE: (u32, u32) = (0, 1200);

impl Default for Preferences {
    fn default() -> Self {
        let s = SchedulerConfig::default();
        Preferences {
            desired_retention: s.desired_retention,
            new_per_day: s.new_per_day,
            reviews_per_day: s.reviews_per_day,
            learning_steps: s.learning_steps,
            relearning_steps: s.relearning_steps,
            maximum_interval_days: s.maximum_interval_days,
            leech_threshold: s.leech_threshold,
            leech_suspend: s.leech_suspend,
            cloze_cards: true,
            multiple_choice_cards: true,
            true_false_cards: true,
            auto_accept_suggestions: false,
            backup_interval_minutes: DEFAULT_BACKUP_INTERVAL_MINUTES,
            daily_backup_days: DEFAULT_KEEP_POLICY.daily_days,
            weekly_backup_weeks: DEFAULT_KEEP_POLICY.weekly_weeks,
            monthly_backup_months: DEFAULT_KEEP_POLICY.monthly_months,
        }
    }
}

impl Preferences {
    /// The scheduler's settings with these preferences and `parameters` (the
    /// learner's fitted FSRS weights; empty for the defaults).
    pub fn scheduler_config(&self, parameters: Vec<f32>) -> SchedulerConfig {
        SchedulerConfig {
            desired_retention: self.desired_retention,
            new_per_day: self.new_per_day,
            reviews_per_day: self.reviews_per_day,
            learning_steps: self.learning_steps.clone(),
            relearning_steps: self.relearning_steps.clone(),
            maximum_interval_days: self.maximum_interval_days,
            leech_threshold: self.leech_threshold,
            leech_suspend: self.leech_suspend,
            parameters,
            ..SchedulerConfig::default()
        }
    }

    pub fn generate_options(&self) -> GenerateOptions {
        GenerateOptions {
            cloze: self.cloze_cards,
            multiple_choice: self.multiple_choice_cards,
            true_false: self.true_false_cards,
            ..GenerateOptions::default()
        }
    }

    pub fn backup_policy(&self) -> KeepPolicy {
        KeepPolicy {
            daily_days: self.daily_backup_days,
            weekly_weeks: self.weekly_backup_weeks,
            monthly_months: self.monthly_backup_months,
        }
    }

    /// Checks every value; the message names the value and its allowed range
    /// (the scheduler's own rules, so they are written once).
    pub fn validate(&self) -> Result<()> {
        self.scheduler_config(Vec::new()).validate()?;
        let check = |what: &str, unit: &str, value: u32, (least, most): (u32, u32)| {
            if (least..=most).contains(&value) {
                Ok(())
            } else {
                Err(Error::Invalid(format!(
                    "{what} must be between {least} and {most} {unit}; got {value}"
                )))
            }
        };
        check(
            "the time between backups",
            "minutes",
            self.backup_interval_minutes,
            BACKUP_INTERVAL_RANGE,
        )?;
        check(
            "daily backups",
            "days",
            self.daily_backup_days,
            DAILY_BACKUP_RANGE,
        )?;
        check(
            "weekly backups",
            "weeks",
            self.weekly_backup_weeks,
            WEEKLY_BACKUP_RANGE,
        )?;
        check(
            "monthly backups",
            "months",
            self.monthly_backup_months,
            MONTHLY_BACKUP_RANGE,
        )
    }
}

/// The stored preferences; the defaults for a library that has none (or a
/// value a later Clio wrote that this one cannot read).
pub fn load(store: &Store) -> Result<Preferences> {
    Ok(parse(store.meta(META_KEY)?))
}

/// The preferences of the library at `db_path`, read without opening it for
/// writing (for the window's backup timer, which has no `Store`).
pub fn load_at(db_path: &std::path::Path) -> Result<Preferences> {
    Ok(parse(crate::store::read_meta_at(db_path, META_KEY)?))
}

fn parse(json: Option<String>) -> Preferences {
    json.and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Checks and stores new preferences.
pub fn save(store: &mut Store, prefs: &Preferences) -> Result<()> {
    prefs.validate()?;
    let json = serde_json::to_string(prefs).expect("plain data serialises");
    store.set_meta(META_KEY, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_library_has_the_defaults_and_saved_values_come_back() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(load(&store).unwrap(), Preferences::default());
        let prefs = Preferences {
            desired_retention: 0.85,
            new_per_day: 5,
            cloze_cards: false,
            ..Preferences::default()
        };
        save(&mut store, &prefs).unwrap();
        assert_eq!(load(&store).unwrap(), prefs);
        assert_eq!(prefs.scheduler_config(vec![]).new_per_day, 5);
        assert!(!prefs.generate_options().cloze);
    }

    #[test]
    fn a_value_out_of_range_is_refused_with_the_range_and_nothing_is_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let err = save(
            &mut store,
            &Preferences {
                desired_retention: 1.2,
                ..Preferences::default()
            },
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("0.70") && err.to_string().contains("0.99"),
            "{err}"
        );
        let err = save(
            &mut store,
            &Preferences {
                learning_steps: vec![2000.0],
                ..Preferences::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("step"), "{err}");
        assert_eq!(load(&store).unwrap(), Preferences::default());
    }

    #[test]
    fn backup_preferences_are_checked_and_make_the_keeping_policy() {
        let mut store = Store::open_in_memory().unwrap();
        let err = save(
            &mut store,
            &Preferences {
                backup_interval_minutes: 1,
                ..Preferences::default()
            },
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("between 5 and 1440 minutes"),
            "{err}"
        );
        let err = save(
            &mut store,
            &Preferences {
                daily_backup_days: 0,
                ..Preferences::default()
            },
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("daily backups must be between 2 and 365 days"),
            "{err}"
        );
        let prefs = Preferences {
            daily_backup_days: 7,
            weekly_backup_weeks: 0,
            monthly_backup_months: 6,
            ..Preferences::default()
        };
        save(&mut store, &prefs).unwrap();
        assert_eq!(
            load(&store).unwrap().backup_policy(),
            KeepPolicy {
                daily_days: 7,
                weekly_weeks: 0,
                monthly_months: 6
            }
        );
    }

    #[test]
    fn the_timer_reads_the_preferences_from_the_file_without_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clio.sqlite3");
        assert_eq!(
            load_at(&path).unwrap(),
            Preferences::default(),
            "no library yet: the defaults"
        );
        let mut store = Store::open(&path).unwrap();
        let prefs = Preferences {
            backup_interval_minutes: 15,
            ..Preferences::default()
        };
        save(&mut store, &prefs).unwrap();
        assert_eq!(load_at(&path).unwrap().backup_interval_minutes, 15);
    }

    #[test]
    fn stored_preferences_missing_a_field_take_its_default() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .set_meta(META_KEY, r#"{"desiredRetention":0.8}"#)
            .unwrap();
        let prefs = load(&store).unwrap();
        assert_eq!(prefs.desired_retention, 0.8);
        assert_eq!(prefs.new_per_day, Preferences::default().new_per_day);
    }
}
