//! What the status bar says about sync, in the clinician's words.

use super::error::SyncError;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SyncStatus {
    /// Sync is not turned on.
    #[default]
    Off,
    Syncing,
    /// Both ways were up to date at this moment (milliseconds since 1970).
    Synced {
        at_ms: i64,
    },
    /// The browser is offline or the server cannot be reached: every change
    /// stays here and goes when it can.
    Offline,
    Failed(SyncError),
}

impl SyncError {
    /// The reason after "Sync failed: ".
    pub fn short(&self) -> String {
        match self {
            Self::WrongPassword => "wrong password".into(),
            Self::NoSuchDatabase => "no such database".into(),
            Self::NotSessionpad => "not a Sessionpad database".into(),
            Self::Unreachable => "server unreachable".into(),
            Self::Redirected => "the server redirected elsewhere; refused".into(),
            Self::TooLarge => "the server's answer was too large; refused".into(),
            Self::Unexpected { status } => format!("unexpected answer (status {status})"),
            Self::Local(reason) => reason.clone(),
            Self::VaultRefused(_) => "the server's lock settings were refused; stopped".into(),
            Self::NewKeyElsewhere => "re-encrypted on another device; new passphrase needed".into(),
        }
    }
}

/// What the clinician is told of a document on the server that is not
/// Sessionpad's: it was skipped, and sync went on.
pub fn ignored_document(id: &str) -> String {
    format!("The server holds a document that is not Sessionpad's (“{id}”); it was ignored.")
}

impl SyncStatus {
    /// What a run that ended with `outcome` leaves the status as.
    pub fn after(outcome: Result<(), &SyncError>, now_ms: i64) -> Self {
        match outcome {
            Ok(()) => Self::Synced { at_ms: now_ms },
            Err(SyncError::Unreachable) => Self::Offline,
            Err(e) => Self::Failed(e.clone()),
        }
    }

    pub fn text(&self, now_ms: i64) -> String {
        match self {
            Self::Off => String::new(),
            Self::Syncing => "Syncing…".into(),
            Self::Synced { at_ms } => match (now_ms - at_ms).max(0) / 60_000 {
                0 => "Synced just now".into(),
                minutes @ 1..=59 => format!("Synced {minutes} min ago"),
                minutes @ 60..=1439 => format!("Synced {} h ago", minutes / 60),
                minutes => format!("Synced {} days ago", minutes / 1440),
            },
            Self::Offline => "Offline — will sync when connected".into(),
            Self::Failed(e) => format!("Sync failed: {}", e.short()),
        }
    }

    /// Whether the clinician should look: a failure that waiting will not mend.
    pub fn needs_attention(&self) -> bool {
        matches!(self, Self::Failed(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::NoAnswer;

    const MINUTE: i64 = 60_000;

    #[test]
    fn a_sync_says_how_long_ago_it_finished() {
        let at = 1_000 * MINUTE;
        let synced = SyncStatus::Synced { at_ms: at };
        assert_eq!(synced.text(at + 20_000), "Synced just now");
        assert_eq!(synced.text(at + 2 * MINUTE), "Synced 2 min ago");
        assert_eq!(synced.text(at + 125 * MINUTE), "Synced 2 h ago");
        assert_eq!(synced.text(at + 3 * 1440 * MINUTE), "Synced 3 days ago");
    }

    #[test]
    fn an_unreachable_server_is_offline_and_anything_else_a_failure_with_its_reason() {
        let now = 5;
        assert_eq!(
            SyncStatus::after(Err(&SyncError::Unreachable), now).text(now),
            "Offline — will sync when connected"
        );
        let failures = [
            (SyncError::WrongPassword, "Sync failed: wrong password"),
            (SyncError::NoSuchDatabase, "Sync failed: no such database"),
            (
                SyncError::NotSessionpad,
                "Sync failed: not a Sessionpad database",
            ),
            (
                SyncError::from(NoAnswer::Redirected),
                "Sync failed: the server redirected elsewhere; refused",
            ),
            (
                SyncError::from(NoAnswer::TooLarge),
                "Sync failed: the server's answer was too large; refused",
            ),
        ];
        for (error, text) in failures {
            let status = SyncStatus::after(Err(&error), now);
            assert!(status.needs_attention());
            assert_eq!(status.text(now), text);
        }
        assert_eq!(
            SyncStatus::after(Ok(()), now),
            SyncStatus::Synced { at_ms: now }
        );
    }
}
