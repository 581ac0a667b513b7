//! Handing the tablet to a client and taking it back. While a handover is
//! kept on the device the app shows the questionnaire and nothing else, in
//! every tab and after a reload; taking the tablet back needs the
//! passphrase with the lock on, else the PIN set under "Your details".

use super::saving::StorageError;
use super::{Navigation, Records, Vault};
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

#[derive(Clone, Copy)]
pub struct HandToClient {
    records: Records,
    vault: Vault,
    navigation: Navigation,
}

impl HandToClient {
    pub(super) fn new(records: Records, vault: Vault, navigation: Navigation) -> Self {
        Self {
            records,
            vault,
            navigation,
        }
    }

    /// The questionnaire the client holds, while the tablet is with them;
    /// `Some(Err)` when it is kept but cannot be read: the tablet is still
    /// with the client, and only handing it back is offered. Tracked.
    pub fn handover(&self) -> Option<Result<Handover, String>> {
        self.records
            .read(Store::handover)
            .map_err(|e| e.to_string())
            .transpose()
    }

    /// What takes the tablet back; tracked.
    pub fn hand_back_by(&self) -> HandBackBy {
        if self.vault.is_on() {
            HandBackBy::Passphrase
        } else if self.records.read(Store::has_hand_back_pin) {
            HandBackBy::Pin
        } else {
            HandBackBy::NothingYet
        }
    }

    /// Keeps the PIN's hash (the PIN checked by `check_new_pin` first).
    pub fn set_hand_back_pin(&self, pin: &str) -> bool {
        let set = self.records.write(|s| s.set_hand_back_pin(pin));
        self.records.changed();
        set
    }

    /// Turns this tab, and every other, into the questionnaire. What is
    /// typed in the session is written first. Refused when storage cannot
    /// keep the questionnaire: the tablet would show the notes again at
    /// the next reload.
    pub fn hand_over(&self, handover: &Handover) -> Result<(), String> {
        self.records.flush();
        if !self.keep(handover) {
            return Err(self.not_saved());
        }
        self.records.changed();
        Ok(())
    }

    /// Keeps the client's latest answer or page, so a reload goes on there.
    pub fn keep(&self, handover: &Handover) -> bool {
        self.records.write(|s| s.keep_handover(handover))
    }

    /// Whether `secret` (the passphrase or recovery key with the lock on,
    /// else the PIN) takes the tablet back. The passphrase is stretched as at unlocking.
    pub fn hands_back(&self, secret: &str) -> bool {
        match self.hand_back_by() {
            HandBackBy::Passphrase => self.vault.opens_with(secret),
            HandBackBy::Pin => self.records.peek(|s| s.hand_back_pin_matches(secret)),
            HandBackBy::NothingYet => false,
        }
    }

    /// The tablet is back: the client's answers go into the session, the
    /// questionnaire ends in every tab and the session opens, after a risk
    /// they raised (see [`Self::risk_review`]). `handover` is the
    /// questionnaire as the page holds it, which may be ahead of what
    /// storage could keep; `None` when what was kept could not be read.
    pub fn take_back(&self, handover: Option<&Handover>) -> Result<(), String> {
        let Some(handover) = handover else {
            return self.end(Store::end_handover, Route::Roster);
        };
        let answers = handover.handed_back();
        let review = review_first(&handover.measures, &answers);
        // Kept before the questionnaire ends, so no reload can lose it.
        if let Some(review) = &review
            && !self.records.write(|s| s.keep_risk_review(review))
        {
            return Err(self.not_saved());
        }
        match self.records.open_session(&handover.session) {
            Ok(Some((mut session, _))) => {
                for answered in answers {
                    session.record_measure(answered);
                }
                session.updated_at = now_ms();
                self.records.edit(session);
                self.records.flush();
                if self.records.saving.why_not_saved().is_some() {
                    return Err(self.not_saved());
                }
                self.end(
                    Store::end_handover,
                    Route::Session(handover.session.clone()),
                )?;
            }
            // Deleted meanwhile: the answers wait under Problems.
            Ok(None) | Err(_) => self.end(Store::set_handover_aside, Route::Roster)?,
        }
        Ok(())
    }

    /// A risk the client's answers raised that the clinician has not seen
    /// yet: every tab shows it first once the tablet is back, and none while
    /// it is with a client (the next client must not see it). Tracked.
    pub fn risk_review(&self) -> Option<RiskReview> {
        self.records.read(Store::risk_review).ok().flatten()
    }

    /// The clinician has seen the risk; the answers are in the session.
    pub fn risk_reviewed(&self) {
        self.records.write(Store::risk_reviewed);
        self.records.changed();
    }

    fn end(
        &self,
        how: impl FnOnce(&mut Store) -> Result<(), StorageError>,
        then: Route,
    ) -> Result<(), String> {
        if !self.records.write(how) {
            return Err(self.not_saved());
        }
        self.records.changed();
        self.navigation.navigate(then);
        Ok(())
    }

    /// Said on the hand-back form itself: the bars that report on storage
    /// are hidden from the client.
    fn not_saved(&self) -> String {
        self.records
            .saving
            .why_not_saved()
            .unwrap_or_else(|| "Not saved: the browser refused.".into())
    }
}

pub fn use_hand_to_client() -> HandToClient {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{client, locked_device, session, tab_on, unlocked_tab_on};
    use super::super::{use_navigation, use_records};
    use super::*;
    use crate::model::measures::{PHQ9, shipped};
    use crate::storage::MemoryBackend;

    fn phq9_for(session: &str) -> Handover {
        Handover::new(session, vec![shipped(PHQ9).unwrap()], 0).unwrap()
    }

    #[test]
    fn with_the_lock_on_the_passphrase_takes_the_tablet_back() {
        let device = locked_device("a walk by the sea");
        unlocked_tab_on(&device, "a walk by the sea").with(|| {
            let hand = use_hand_to_client();
            assert_eq!(hand.hand_back_by(), HandBackBy::Passphrase);
            assert!(hand.hands_back("a walk by the sea"));
            assert!(!hand.hands_back("1234"));
        });
    }

    #[test]
    fn with_the_lock_on_the_recovery_key_also_takes_the_tablet_back() {
        let device = MemoryBackend::new();
        let recovery = super::super::fixture::another_tab(&device)
            .turn_on_vault("a walk by the sea", crate::storage::Kdf::with_cost(64, 1))
            .unwrap()
            .recovery;
        unlocked_tab_on(&device, "a walk by the sea").with(|| {
            let hand = use_hand_to_client();
            assert!(hand.hands_back(&recovery.text()));
            assert!(!hand.hands_back("0000-0000-0000-0000-0000-0000-0000-0000"));
        });
    }

    #[test]
    fn without_the_lock_a_pin_must_be_set_and_then_takes_the_tablet_back() {
        tab_on(&MemoryBackend::new()).with(|| {
            let hand = use_hand_to_client();
            assert_eq!(hand.hand_back_by(), HandBackBy::NothingYet);
            assert!(!hand.hands_back(""));
            assert!(hand.set_hand_back_pin("4826"));
            assert_eq!(hand.hand_back_by(), HandBackBy::Pin);
            assert!(hand.hands_back("4826"));
        });
    }

    #[test]
    fn taken_back_the_answers_go_into_the_session_and_item_nine_comes_first() {
        tab_on(&MemoryBackend::new()).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.commit(&session("s1", "c1"));
            let hand = use_hand_to_client();
            let mut given = phq9_for("s1");
            hand.hand_over(&given).unwrap();
            assert_eq!(hand.handover(), Some(Ok(given.clone())));

            for item in 0..9 {
                given.answer(0, item, 1, 0);
            }
            hand.take_back(Some(&given)).unwrap();
            assert_eq!(hand.risk_review().map(|r| r.value), Some(1));
            assert_eq!(hand.handover(), None);
            assert_eq!(
                use_navigation().route().get_untracked(),
                Route::Session("s1".into())
            );
            let stored = records.session("s1").unwrap().unwrap();
            assert_ne!(stored, session("s1", "c1"));
        });
    }

    #[test]
    fn storage_that_cannot_keep_the_questionnaire_refuses_the_handover_and_says_why() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.commit(&session("s1", "c1"));
            device.set_quota(Some(0));
            let hand = use_hand_to_client();
            let refused = hand.hand_over(&phq9_for("s1")).unwrap_err();
            assert!(refused.starts_with("Not saved"), "{refused}");
            assert_eq!(hand.handover(), None);
        });
    }

    #[test]
    fn an_item_nine_to_review_is_kept_through_a_reload_until_the_clinician_has_seen_it() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.commit(&session("s1", "c1"));
            let hand = use_hand_to_client();
            let mut given = phq9_for("s1");
            hand.hand_over(&given).unwrap();
            given.answer(0, 8, 2, 0);
            hand.take_back(Some(&given)).unwrap();
        });
        tab_on(&device).with(|| {
            let hand = use_hand_to_client();
            assert_eq!(hand.risk_review().map(|r| r.value), Some(2));
            hand.risk_reviewed();
            assert_eq!(hand.risk_review(), None);
        });
    }

    #[test]
    fn answers_for_a_session_removed_for_good_meanwhile_are_kept_aside_and_the_roster_shows() {
        tab_on(&MemoryBackend::new()).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.commit(&session("s1", "c1"));
            let hand = use_hand_to_client();
            let given = phq9_for("s1");
            hand.hand_over(&given).unwrap();
            records.delete_session("s1");
            records.purge(&crate::storage::Deletable::Session("s1".into()));
            assert_eq!(hand.take_back(Some(&given)), Ok(()));
            assert_eq!(hand.handover(), None);
            assert_eq!(use_navigation().route().get_untracked(), Route::Roster);
        });
    }
}
