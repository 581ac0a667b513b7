//! When the vault locks by itself, and what a new passphrase must be.
//! Times are milliseconds of the wall clock, passed in, so a tablet that
//! slept through the limit is locked when it wakes.

use super::input::InputError;

pub const MIN_PASSPHRASE_CHARS: usize = 10;
pub const DEFAULT_LOCK_MINUTES: u32 = 15;
/// How long before an idle lock the warning shows.
pub const WARNING_MS: i64 = 60_000;
/// Hidden (another app, the screen off) for longer than this locks.
pub const HIDDEN_LIMIT_MS: i64 = 5 * 60_000;
/// Wrong passphrases allowed before each new try has to wait.
pub const FREE_TRIES: u32 = 5;

/// A new passphrase, its repeat, and the box saying the clinician knows a
/// lost passphrase and recovery key mean lost notes.
pub fn check_new_passphrase(
    passphrase: &str,
    repeat: &str,
    understood: bool,
) -> Result<(), InputError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(InputError::ShortPassphrase)
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
    fn a_new_passphrase_is_long_enough_repeated_and_understood() {
        assert_eq!(
            check_new_passphrase("short", "short", true),
            Err(InputError::ShortPassphrase)
        );
        assert_eq!(
            check_new_passphrase("long enough pass", "long enough pas", true),
            Err(InputError::PassphrasesDiffer)
        );
        assert_eq!(
            check_new_passphrase("long enough pass", "long enough pass", false),
            Err(InputError::NotUnderstood)
        );
        assert_eq!(
            check_new_passphrase("ten chars!", "ten chars!", true),
            Ok(())
        );
        // Ten characters, not ten bytes.
        assert_eq!(
            check_new_passphrase("ééééé", "ééééé", true),
            Err(InputError::ShortPassphrase)
        );
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
}
