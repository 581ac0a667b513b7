//! Handing the tablet to a client and taking it back. While a handover is
//! kept on the device the app shows the questionnaire and nothing else, in
//! every tab and after a reload; taking the tablet back needs the
//! passphrase with the lock on, else the PIN set under "Your details".

use super::{AppState, SaveStatus};
use crate::layout::handover_key;
use crate::model::hand_to_client::{Handover, RiskReview, review_first};
use crate::platform::now_ms;
use crate::route::Route;
use crate::storage::Store;
use leptos::prelude::*;

/// What takes the tablet back from the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandBackBy {
    Passphrase,
    Pin,
    /// Neither the lock nor a PIN: one must be set before handing over.
    NothingYet,
}

/// Whether another tab's write under `key` handed the tablet over or back.
pub(super) fn is_handover(key: &str) -> bool {
    key == handover_key()
}

impl AppState {
    /// The questionnaire the client holds, while the tablet is with them;
    /// `Some(Err)` when it is kept but cannot be read: the tablet is still
    /// with the client, and only handing it back is offered.
    pub fn handover(&self) -> Option<Result<Handover, String>> {
        self.read(Store::handover)
            .map_err(|e| e.to_string())
            .transpose()
    }

    pub fn hand_back_by(&self) -> HandBackBy {
        if self.vault_on() {
            HandBackBy::Passphrase
        } else if self.read(Store::has_hand_back_pin) {
            HandBackBy::Pin
        } else {
            HandBackBy::NothingYet
        }
    }

    /// Keeps the PIN's hash (the PIN checked by `check_new_pin` first).
    pub fn set_hand_back_pin(&self, pin: &str) -> bool {
        let set = self.write(|s| s.set_hand_back_pin(pin));
        self.revision.update(|r| *r += 1);
        set
    }

    /// Turns this tab, and every other, into the questionnaire. What is
    /// typed in the session is written first.
    pub fn hand_to_client(&self, handover: &Handover) -> bool {
        self.flush();
        let handed = self.write(|s| s.keep_handover(handover));
        self.revision.update(|r| *r += 1);
        handed
    }

    /// Keeps the client's latest answer or page, so a reload goes on there.
    pub fn keep_handover(&self, handover: &Handover) -> bool {
        self.write(|s| s.keep_handover(handover))
    }

    /// Whether `secret` (the passphrase with the lock on, else the PIN)
    /// takes the tablet back. The passphrase is stretched as at unlocking.
    pub fn hands_back(&self, secret: &str) -> bool {
        match self.hand_back_by() {
            HandBackBy::Passphrase => self
                .peek(Store::vault)
                .is_some_and(|header| header.unlock(secret).is_ok()),
            HandBackBy::Pin => self.peek(|s| s.hand_back_pin_matches(secret)),
            HandBackBy::NothingYet => false,
        }
    }

    /// The tablet is back: the client's answers go into the session, the
    /// questionnaire ends in every tab and the session opens. Returns what
    /// the clinician must see before anything else. `handover` is the
    /// questionnaire as the page holds it, which may be ahead of what
    /// storage could keep; `None` when what was kept could not be read.
    pub fn take_back(&self, handover: Option<&Handover>) -> Result<Option<RiskReview>, String> {
        let Some(handover) = handover else {
            self.end(Store::end_handover, Route::Roster)?;
            return Ok(None);
        };
        let answers = handover.handed_back();
        let review = review_first(&handover.measures, &answers);
        // Kept before the questionnaire ends, so no reload can lose it.
        if let Some(review) = &review
            && !self.write(|s| s.keep_risk_review(review))
        {
            return Err(self.why_not_saved());
        }
        match self.open_session(&handover.session) {
            Ok(Some((mut session, _))) => {
                for answered in answers {
                    session.record_measure(answered);
                }
                session.updated_at = now_ms();
                self.save_session(session);
                self.flush();
                if matches!(self.status.get_untracked(), SaveStatus::NotSaved { .. }) {
                    return Err(self.why_not_saved());
                }
                self.end(
                    Store::end_handover,
                    Route::Session(handover.session.clone()),
                )?;
            }
            // Deleted meanwhile: the answers wait under Problems.
            Ok(None) | Err(_) => self.end(Store::set_handover_aside, Route::Roster)?,
        }
        Ok(review)
    }

    /// A risk the client's answers raised that the clinician has not seen yet.
    pub fn risk_review(&self) -> Option<RiskReview> {
        self.peek(Store::risk_review).ok().flatten()
    }

    /// The clinician has seen the risk; the answers are in the session.
    pub fn risk_reviewed(&self) {
        self.write(Store::risk_reviewed);
    }

    fn end(
        &self,
        how: impl FnOnce(&mut Store) -> Result<(), crate::storage::StorageError>,
        then: Route,
    ) -> Result<(), String> {
        if !self.write(how) {
            return Err(self.why_not_saved());
        }
        self.revision.update(|r| *r += 1);
        self.navigate(then);
        Ok(())
    }

    /// Said on the hand-back form itself: the bars that report on storage
    /// are hidden from the client.
    fn why_not_saved(&self) -> String {
        match self.status.get_untracked() {
            SaveStatus::NotSaved { why, .. } => format!("Not saved: {why}"),
            _ => "Not saved: the browser refused.".into(),
        }
    }
}
