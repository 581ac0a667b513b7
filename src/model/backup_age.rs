//! When the clinician last took the record off the device, and when to remind them.

use super::clock::{DAY_MS, days_ago};

/// Days with unsaved-to-backup changes before the roster offers a backup.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// "Last backup: 3 days ago", "Last backup: today", or "Never backed up".
pub fn last_backup_label(last_backup_at: Option<i64>, now: i64) -> String {
    match last_backup_at {
        Some(at) => format!("Last backup: {}", days_ago(at, now)),
        None => "Never backed up".into(),
    }
}

/// Whether changes have waited a week or more without a backup.
/// `first_change_since_backup` is when the first edit after the last backup
/// (or ever, before any backup) was saved.
pub fn backup_overdue(first_change_since_backup: Option<i64>, now: i64) -> bool {
    first_change_since_backup.is_some_and(|at| now - at >= REMIND_AFTER_DAYS * DAY_MS)
}

/// "1 client and 14 sessions".
pub fn clients_and_sessions(clients: usize, sessions: usize) -> String {
    let count = |n: usize, one: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    };
    format!(
        "{} and {}",
        count(clients, "client"),
        count(sessions, "session")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_149_400_000; // 2025-11-26T09:30:00Z

    #[test]
    fn the_last_backup_is_told_in_days() {
        assert_eq!(last_backup_label(None, NOW), "Never backed up");
        assert_eq!(
            last_backup_label(Some(NOW - 60_000), NOW),
            "Last backup: today"
        );
        assert_eq!(
            last_backup_label(Some(NOW - DAY_MS - 1), NOW),
            "Last backup: yesterday"
        );
        assert_eq!(
            last_backup_label(Some(NOW - 3 * DAY_MS), NOW),
            "Last backup: 3 days ago"
        );
    }

    #[test]
    fn a_backup_is_due_once_changes_have_waited_a_week() {
        assert!(!backup_overdue(None, NOW));
        assert!(!backup_overdue(Some(NOW - 6 * DAY_MS), NOW));
        assert!(backup_overdue(Some(NOW - 7 * DAY_MS), NOW));
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(clients_and_sessions(1, 14), "1 client and 14 sessions");
        assert_eq!(clients_and_sessions(0, 1), "0 clients and 1 session");
    }
}
