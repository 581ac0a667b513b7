//! When the vault locks by itself, what a new passphrase must be, and how
//! long a wrong one makes the next try wait. Times are milliseconds of the
//! wall clock, passed in, so a tablet that slept through the limit is locked
//! when it wakes.

mod strength;
mod words;

pub use strength::{MIN_GUESSES_LOG10, Weakness, estimate};
pub use words::{SUGGESTED_WORDS, suggest_passphrase};

use super::input::InputError;
use serde::{Deserialize, Serialize};

pub const MIN_PASSPHRASE_CHARS: usize = 10;
pub const DEFAULT_LOCK_MINUTES: u32 = 15;
/// How long before an idle lock the warning shows.
pub const WARNING_MS: i64 = 60_000;
/// Hidden (another app, the screen off) for longer than this locks.
pub const HIDDEN_LIMIT_MS: i64 = 5 * 60_000;
/// Wrong passphrases allowed before each new try has to wait.
pub const FREE_TRIES: u32 = 5;

/// A new passphrase, its repeat, and the box saying the clinician knows a
/// lost passphrase and recovery key mean lost notes. A passphrase guessed
/// in fewer than 10¹⁰ tries is refused with the reason.
pub fn check_new_passphrase(
    passphrase: &str,
    repeat: &str,
    understood: bool,
) -> Result<(), InputError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(InputError::ShortPassphrase)
    } else if let (_, Some(weak)) = estimate(passphrase) {
        Err(InputError::WeakPassphrase {
            warning: weak.warning,
            suggestion: weak.suggestion,
        })
    } else if passphrase != repeat {
        Err(InputError::PassphrasesDiffer)
    } else if !understood {
        Err(InputError::NotUnderstood)
    } else {
        Ok(())
    }
}

/// Minutes of inactivity before locking: a whole number from 1 to 60.
pub fn parse_lock_minutes(input: &str) -> Result<u32, InputError> {
    match input.trim().parse::<u32>() {
        Ok(minutes @ 1..=60) => Ok(minutes),
        _ => Err(InputError::LockMinutes),
    }
}

/// How long the next try waits after `failures` wrong passphrases: nothing
/// for the first five, then 5 s, doubling, up to 10 minutes.
pub fn retry_wait_ms(failures: u32) -> i64 {
    match failures.checked_sub(FREE_TRIES) {
        None => 0,
        Some(extra) => (5_000_i64 << extra.min(7)).min(600_000),
    }
}

/// Wrong passphrases (or recovery keys) typed in a row on this device, and
/// when the last one was, kept through a reload so the wait holds. More
/// tries order after fewer, so of two counts the larger is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct WrongTries {
    pub count: u32,
    pub last_at: i64,
}

impl WrongTries {
    /// One more wrong try, at `now`.
    pub fn after_another(self, now: i64) -> Self {
        Self {
            count: self.count.saturating_add(1),
            last_at: now,
        }
    }

    /// How long the next try must still wait at `now`: the schedule's wait
    /// from the last wrong try, and never more than that wait, so a clock
    /// set back cannot lock the clinician out for longer.
    pub fn wait_ms(&self, now: i64) -> i64 {
        let wait = retry_wait_ms(self.count);
        (self.last_at.saturating_add(wait).saturating_sub(now)).clamp(0, wait)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockCheck {
    Open,
    /// The idle limit is this close: "Locking in 60 s".
    Warn {
        seconds_left: u32,
    },
    Lock,
}

/// Watches for the idle limit and long absences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdleLock {
    limit_ms: i64,
    last_activity: i64,
    hidden_since: Option<i64>,
}

impl IdleLock {
    pub fn new(minutes: u32, now: i64) -> Self {
        Self {
            limit_ms: i64::from(minutes.clamp(1, 60)) * 60_000,
            last_activity: now,
            hidden_since: None,
        }
    }

    /// The clinician did something: the idle time starts again.
    pub fn touched(&mut self, now: i64) {
        self.last_activity = now;
    }

    pub fn hidden(&mut self, now: i64) {
        self.hidden_since.get_or_insert(now);
    }

    /// Shown again: locks if it was away too long, else counts as activity.
    pub fn shown(&mut self, now: i64) -> LockCheck {
        let away = self.hidden_since.take().map_or(0, |since| now - since);
        if away > HIDDEN_LIMIT_MS {
            return LockCheck::Lock;
        }
        let check = self.check(now);
        if check != LockCheck::Lock {
            self.touched(now);
        }
        check
    }

    pub fn check(&self, now: i64) -> LockCheck {
        if self
            .hidden_since
            .is_some_and(|since| now - since > HIDDEN_LIMIT_MS)
        {
            return LockCheck::Lock;
        }
        let left = self.limit_ms - (now - self.last_activity);
        if left <= 0 {
            LockCheck::Lock
        } else if left <= WARNING_MS {
            LockCheck::Warn {
                seconds_left: u32::try_from((left + 999) / 1000).unwrap_or(60),
            }
        } else {
            LockCheck::Open
        }
    }
}

/// How far re-encrypting with a new key has got, as the clinician reads
/// it: "Re-encrypting: 340 of 1,000 records".
pub fn rekeying_progress(done: usize, total: usize) -> String {
    format!(
        "Re-encrypting: {} of {} records",
        grouped(done),
        grouped(total)
    )
}

/// 1000 as "1,000".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    #[test]
    fn an_idle_tablet_is_warned_a_minute_before_and_then_locked() {
        let lock = IdleLock::new(15, 0);
        assert_eq!(lock.check(13 * MIN), LockCheck::Open);
        assert_eq!(lock.check(14 * MIN), LockCheck::Warn { seconds_left: 60 });
        assert_eq!(
            lock.check(14 * MIN + 30_500),
            LockCheck::Warn { seconds_left: 30 }
        );
        assert_eq!(lock.check(15 * MIN), LockCheck::Lock);
    }

    #[test]
    fn any_activity_starts_the_idle_time_again() {
        let mut lock = IdleLock::new(1, 0);
        lock.touched(50_000);
        assert_eq!(lock.check(60_000), LockCheck::Warn { seconds_left: 50 });
        assert_eq!(lock.check(110_000), LockCheck::Lock);
    }

    #[test]
    fn the_limit_is_kept_between_one_and_sixty_minutes() {
        assert_eq!(IdleLock::new(0, 0).check(MIN), LockCheck::Lock);
        assert_eq!(
            IdleLock::new(90, 0).check(59 * MIN),
            LockCheck::Warn { seconds_left: 60 }
        );
    }

    #[test]
    fn hidden_for_more_than_five_minutes_locks_even_when_the_clock_jumped_in_sleep() {
        let mut lock = IdleLock::new(60, 0);
        lock.hidden(MIN);
        // The tablet slept: no timer ran, the wall clock moved on.
        assert_eq!(lock.shown(MIN + HIDDEN_LIMIT_MS + 1), LockCheck::Lock);

        let mut lock = IdleLock::new(60, 0);
        lock.hidden(MIN);
        assert_eq!(lock.shown(3 * MIN), LockCheck::Open);
        assert_eq!(
            lock.check(3 * MIN + 59 * MIN),
            LockCheck::Warn { seconds_left: 60 }
        );
    }

    #[test]
    fn wrong_passphrases_wait_longer_and_longer_after_five() {
        let waits: Vec<i64> = (0..=14).map(retry_wait_ms).collect();
        assert_eq!(&waits[..5], &[0; 5]);
        assert_eq!(&waits[5..9], &[5_000, 10_000, 20_000, 40_000]);
        assert_eq!(waits[14], 600_000);
    }

    #[test]
    fn wrong_tries_kept_on_the_device_wait_from_the_last_one() {
        let mut tries = WrongTries::default();
        for at in 1..=4 {
            tries = tries.after_another(at * 1_000);
            assert_eq!(tries.wait_ms(at * 1_000), 0);
        }
        let fifth = tries.after_another(5_000);
        assert_eq!(fifth.wait_ms(5_000), 5_000);
        let sixth = fifth.after_another(10_000);
        assert_eq!(sixth.count, 6);
        assert_eq!(sixth.wait_ms(10_000), 10_000);
        assert_eq!(sixth.wait_ms(14_000), 6_000);
        assert_eq!(sixth.wait_ms(20_000), 0);
        // Read back after a reload, the wait is where it was.
        let stored = serde_json::to_string(&sixth).unwrap();
        let read: WrongTries = serde_json::from_str(&stored).unwrap();
        assert_eq!(read.wait_ms(14_000), 6_000);
    }

    #[test]
    fn a_clock_set_back_never_makes_the_wait_longer_than_its_step() {
        let tries = WrongTries {
            count: 6,
            last_at: 1_000_000,
        };
        assert_eq!(tries.wait_ms(0), 10_000);
        let many = WrongTries {
            count: u32::MAX,
            last_at: i64::MAX,
        };
        assert_eq!(many.after_another(5).count, u32::MAX);
        assert_eq!(many.wait_ms(i64::MIN), 600_000);
    }

    #[test]
    fn a_new_passphrase_is_long_enough_hard_to_guess_repeated_and_understood() {
        let good = "blue heron at dawn";
        assert_eq!(
            check_new_passphrase("short", "short", true),
            Err(InputError::ShortPassphrase)
        );
        assert_eq!(
            check_new_passphrase(good, "blue heron at dusk", true),
            Err(InputError::PassphrasesDiffer)
        );
        assert_eq!(
            check_new_passphrase(good, good, false),
            Err(InputError::NotUnderstood)
        );
        assert_eq!(check_new_passphrase(good, good, true), Ok(()));
        // Ten characters, not ten bytes.
        assert_eq!(
            check_new_passphrase("ééééé", "ééééé", true),
            Err(InputError::ShortPassphrase)
        );
        let weak = check_new_passphrase("password123", "password123", true).unwrap_err();
        assert!(
            matches!(weak, InputError::WeakPassphrase { .. }),
            "{weak:?}"
        );
        assert!(weak.to_string().ends_with("Or use “Suggest a passphrase”."));
    }

    /// The reason a passphrase is refused, or None when it is taken.
    fn refusal(passphrase: &str) -> Option<&'static str> {
        estimate(passphrase).1.map(|w| w.warning)
    }

    #[test]
    fn common_passwords_are_refused_however_they_are_dressed_up() {
        assert_eq!(
            refusal("qwertyuiop"),
            Some("This is one of the 100 most common passwords.")
        );
        for dressed in ["password123", "P@ssw0rd2024", "iloveyou!!"] {
            assert!(refusal(dressed).is_some(), "{dressed}");
        }
    }

    #[test]
    fn single_words_repeats_sequences_and_years_are_refused_with_their_reason() {
        assert_eq!(
            refusal("Psychology"),
            Some("A single word is easy to guess.")
        );
        assert_eq!(
            refusal("aaaaaaaaaaaa"),
            Some("Repeated characters like “aaa” are easy to guess.")
        );
        assert_eq!(
            refusal("therapytherapy"),
            Some("Repeats like “abcabc” are hardly harder to guess than “abc”.")
        );
        assert_eq!(
            refusal("abcdefghijkl"),
            Some("Sequences like “abc” or “6543” are easy to guess.")
        );
        assert_eq!(
            refusal("london1987"),
            Some("This is very like a commonly used password.")
        );
        assert_eq!(
            refusal("sessionpad2025"),
            Some("Common words are easy to guess.")
        );
        assert_eq!(
            refusal("0123456789"),
            Some("Sequences like “abc” or “6543” are easy to guess.")
        );
    }

    #[test]
    fn several_uncommon_or_unrelated_words_are_taken() {
        for strong in [
            "blue heron at dawn",
            "correct horse battery staple",
            "acid zoom tulip crane",
            "Kx9#mQ2$vL7p",
        ] {
            assert_eq!(refusal(strong), None, "{strong}: {:?}", estimate(strong));
        }
    }

    #[test]
    fn a_long_repetitive_passphrase_is_estimated_at_once() {
        let long = "ab".repeat(200);
        let started = std::time::Instant::now();
        assert!(refusal(&long).is_some());
        assert!(refusal(&"a".repeat(200)).is_some());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn more_words_mean_more_guesses() {
        let guesses = |p: &str| estimate(p).0;
        assert!(guesses("sunshine garden") < guesses("sunshine garden river"));
        assert!(guesses("password") < 1.0);
        assert!(guesses("sunshine") < MIN_GUESSES_LOG10);
    }

    #[test]
    fn the_lock_time_is_a_whole_number_of_minutes_from_one_to_sixty() {
        assert_eq!(parse_lock_minutes(" 15 "), Ok(15));
        assert_eq!(parse_lock_minutes("60"), Ok(60));
        for bad in ["0", "61", "", "5.5", "-1"] {
            assert_eq!(
                parse_lock_minutes(bad),
                Err(InputError::LockMinutes),
                "{bad}"
            );
        }
    }

    #[test]
    fn rekeying_progress_counts_records_in_thousands() {
        assert_eq!(
            rekeying_progress(340, 1000),
            "Re-encrypting: 340 of 1,000 records"
        );
        assert_eq!(rekeying_progress(0, 7), "Re-encrypting: 0 of 7 records");
        assert_eq!(
            rekeying_progress(123_456, 1_234_567),
            "Re-encrypting: 123,456 of 1,234,567 records"
        );
    }
}
