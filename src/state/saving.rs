//! Whether what the clinician typed is kept, and what is wrong with storage:
//! the status bar's "Saving…" and "Saved", the banner's problems, why
//! nothing typed in this tab reaches storage, and a newer layout that keeps
//! this tab from writing.

use leptos::prelude::*;

/// What went wrong in storage, worded for the clinician: the vocabulary
/// every service reports in and a screen says when a record cannot be read.
pub use crate::storage::StorageError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    /// Why the last write failed, and how many records have edits not stored.
    NotSaved {
        why: String,
        unsaved: usize,
    },
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            Self::Idle => String::new(),
            Self::Saving => "Saving…".into(),
            Self::Saved => "Saved".into(),
            Self::NotSaved { why, unsaved: 0 } => format!("Not saved: {why}"),
            Self::NotSaved { why, unsaved: 1 } => format!("Not saved: {why} (1 unsaved change)"),
            Self::NotSaved { why, unsaved } => {
                format!("Not saved: {why} ({unsaved} unsaved changes)")
            }
        }
    }
}

/// Storage holds data of a newer layout than this build knows, so this tab
/// writes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewerData {
    /// It was there when the page opened: the notes are shown read-only.
    AtOpen,
    /// A newer build wrote it while this page was open: reload to keep working.
    SinceOpen,
}

/// The save status and storage's problems. The status is set only by the
/// records service, which knows what waits to be written; anything may
/// report a problem.
#[derive(Clone, Copy)]
pub struct Saving {
    status: RwSignal<SaveStatus>,
    /// Messages for the banner; each storage problem is listed once.
    problems: RwSignal<Vec<String>>,
    /// Why nothing typed in this tab reaches localStorage, when it cannot be
    /// used: edits then live in memory only, and no write is called saved.
    not_saving: StoredValue<Option<String>>,
    newer_data: RwSignal<Option<NewerData>>,
}

impl Saving {
    pub(super) fn new(not_saving: Option<&StorageError>, newer_data: Option<NewerData>) -> Self {
        Self {
            status: RwSignal::new(SaveStatus::Idle),
            problems: RwSignal::new(Vec::new()),
            not_saving: StoredValue::new(not_saving.map(StorageError::not_saving_reason)),
            newer_data: RwSignal::new(newer_data),
        }
    }

    pub fn status(&self) -> ReadSignal<SaveStatus> {
        self.status.read_only()
    }

    /// Shows `status`, unless it already shows: every key typed would
    /// otherwise redraw the status bar.
    pub(super) fn show(&self, status: SaveStatus) {
        if self.status.with_untracked(|shown| *shown != status) {
            self.status.set(status);
        }
    }

    pub fn problems(&self) -> ReadSignal<Vec<String>> {
        self.problems.read_only()
    }

    pub fn report(&self, problem: &StorageError) {
        // A newer layout has a lasting bar of its own.
        if matches!(problem, StorageError::NewerSchema { .. }) {
            return self.newer_build_wrote();
        }
        let message = problem.to_string();
        self.problems.update(|list| {
            if !list.contains(&message) {
                list.push(message);
            }
        });
    }

    pub fn report_all(&self, problems: &[StorageError]) {
        problems.iter().for_each(|p| self.report(p));
    }

    pub fn dismiss_problem(&self, message: &str) {
        self.problems.update(|list| list.retain(|m| m != message));
    }

    /// Why edits in this tab are not being stored, if they are not.
    pub fn not_saving(&self) -> Option<String> {
        self.not_saving.get_value()
    }

    /// Whether a newer layout keeps this tab from writing.
    pub fn newer_data(&self) -> ReadSignal<Option<NewerData>> {
        self.newer_data.read_only()
    }

    /// A newer build has written here since this page opened.
    pub(super) fn newer_build_wrote(&self) {
        if self.newer_data.get_untracked().is_none() {
            self.newer_data.set(Some(NewerData::SinceOpen));
        }
    }

    /// The last failure in words, for a form that must say it itself (the
    /// bars that report on storage may be hidden).
    pub(super) fn why_not_saved(&self) -> Option<String> {
        match self.status.get_untracked() {
            SaveStatus::NotSaved { why, .. } => Some(format!("Not saved: {why}")),
            _ => None,
        }
    }
}

pub fn use_saving() -> Saving {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::Owner;

    #[test]
    fn the_status_counts_the_records_whose_edits_are_not_stored() {
        let not_saved = |unsaved| SaveStatus::NotSaved {
            why: "Storage is full.".into(),
            unsaved,
        };
        assert_eq!(not_saved(0).text(), "Not saved: Storage is full.");
        assert_eq!(
            not_saved(1).text(),
            "Not saved: Storage is full. (1 unsaved change)"
        );
        assert_eq!(
            not_saved(2).text(),
            "Not saved: Storage is full. (2 unsaved changes)"
        );
    }

    #[test]
    fn a_problem_reported_twice_is_listed_once_until_dismissed() {
        Owner::new().with(|| {
            let saving = Saving::new(None, None);
            let full = StorageError::QuotaExceeded;
            saving.report(&full);
            saving.report(&full);
            assert_eq!(saving.problems().get_untracked(), vec![full.to_string()]);
            saving.dismiss_problem(&full.to_string());
            assert!(saving.problems().get_untracked().is_empty());
        });
    }

    #[test]
    fn a_newer_layout_reported_shows_its_own_bar_not_the_banner() {
        Owner::new().with(|| {
            let saving = Saving::new(None, None);
            saving.report(&StorageError::NewerSchema { found: 9 });
            assert!(saving.problems().get_untracked().is_empty());
            assert_eq!(
                saving.newer_data().get_untracked(),
                Some(NewerData::SinceOpen)
            );
        });
    }
}
