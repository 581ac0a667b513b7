//! The tablet in a client's hands, kept on this device so a reload goes on
//! with the questionnaire and never opens the notes; and the PIN that hands
//! it back when the lock is off. Neither is a record: not synced, backed up
//! or listed, and a restore leaves both alone. With the lock on, the
//! handover is sealed like every record (it holds the client's answers).

use crate::layout::{hand_back_pin_key, handover_key, risk_review_key};
use crate::model::hand_to_client::{Handover, RiskReview};
use crate::storage::coding::{read, write};
use crate::storage::error::StorageError;
use crate::storage::set_aside::{set_aside, set_aside_if_unreadable};
use crate::storage::store::Store;
use crate::storage::vault::PinHash;

impl Store {
    /// The questionnaire the client holds, if the tablet is still with them;
    /// an unreadable one is an error, and the tablet is still with them.
    pub fn handover(&self) -> Result<Option<Handover>, StorageError> {
        read(self.backend.as_ref(), &handover_key())
    }

    pub fn keep_handover(&mut self, handover: &Handover) -> Result<(), StorageError> {
        write(self.backend.as_mut(), &handover_key(), handover)
    }

    /// The tablet is back: the handover goes, set aside first if it could
    /// not be read, so no answer is lost unseen.
    pub fn end_handover(&mut self) -> Result<(), StorageError> {
        set_aside_if_unreadable::<Handover>(self.backend.as_mut(), &handover_key())?;
        self.backend.remove(&handover_key())
    }

    /// The tablet is back, but the session the answers belong to is gone
    /// (deleted in the meantime): they are set aside as stored, listed
    /// under Problems to download, rather than dropped.
    pub fn set_handover_aside(&mut self) -> Result<(), StorageError> {
        if let Some(raw) = self.backend.get(&handover_key())? {
            set_aside(self.backend.as_mut(), &handover_key(), &raw)?;
        }
        self.backend.remove(&handover_key())
    }

    /// The risk to show the clinician before anything else, until they have seen it.
    pub fn risk_review(&self) -> Result<Option<RiskReview>, StorageError> {
        read(self.backend.as_ref(), &risk_review_key())
    }

    pub fn keep_risk_review(&mut self, review: &RiskReview) -> Result<(), StorageError> {
        write(self.backend.as_mut(), &risk_review_key(), review)
    }

    /// The clinician has seen the risk; it is in the session's answers.
    pub fn risk_reviewed(&mut self) -> Result<(), StorageError> {
        self.backend.remove(&risk_review_key())
    }

    /// Whether a PIN to hand the tablet back has been set on this device.
    pub fn has_hand_back_pin(&self) -> bool {
        self.hand_back_pin().is_some()
    }

    /// Keeps the hash of `pin` (checked by `model::hand_to_client::check_new_pin`).
    pub fn set_hand_back_pin(&mut self, pin: &str) -> Result<(), StorageError> {
        write(
            self.backend.as_mut(),
            &hand_back_pin_key(),
            &PinHash::new(pin),
        )
    }

    pub fn hand_back_pin_matches(&self, pin: &str) -> bool {
        self.hand_back_pin().is_some_and(|hash| hash.matches(pin))
    }

    fn hand_back_pin(&self) -> Option<PinHash> {
        read(self.backend.as_ref(), &hand_back_pin_key())
            .ok()
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::{RecordRef, hand_back_pin_key, handover_key, risk_review_key};
    use crate::model::hand_to_client::{Handover, RiskReview};
    use crate::model::measures::{PHQ9, shipped};
    use crate::storage::vault::is_sealed;
    use crate::storage::{Kdf, MemoryBackend, Store};

    fn handover() -> Handover {
        Handover::new("s1", vec![shipped(PHQ9).unwrap()], 0).unwrap()
    }

    #[test]
    fn a_handover_is_kept_through_a_reload_until_the_tablet_is_back() {
        let backend = MemoryBackend::new();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        let mut kept = handover();
        kept.answer(0, 0, 2, 1);
        store.keep_handover(&kept).unwrap();
        let (reopened, _) = Store::open(Box::new(backend.clone())).unwrap();
        assert_eq!(reopened.handover(), Ok(Some(kept)));
        store.end_handover().unwrap();
        assert_eq!(store.handover(), Ok(None));
    }

    #[test]
    fn an_unreadable_handover_is_set_aside_when_the_tablet_is_back_not_dropped() {
        let backend = MemoryBackend::new();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        backend.plant(&handover_key(), "not a handover");
        assert!(store.handover().is_err());
        store.end_handover().unwrap();
        assert_eq!(store.handover(), Ok(None));
        let aside = store.damaged_records().unwrap();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].what.contains("handover"), "{}", aside[0].what);
    }

    #[test]
    fn with_the_lock_on_the_answers_are_sealed_like_every_record() {
        let backend = MemoryBackend::new();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        store
            .turn_on_vault("correct horse battery staple", Kdf::with_cost(8, 1))
            .unwrap();
        store.keep_handover(&handover()).unwrap();
        assert!(is_sealed(&backend.raw(&handover_key()).unwrap()));
        assert_eq!(store.handover(), Ok(Some(handover())));
    }

    #[test]
    fn answers_whose_session_is_gone_are_set_aside_whole() {
        let (mut store, _) = Store::open(Box::new(MemoryBackend::new())).unwrap();
        store.keep_handover(&handover()).unwrap();
        store.set_handover_aside().unwrap();
        assert_eq!(store.handover(), Ok(None));
        assert_eq!(store.damaged_records().unwrap().len(), 1);
    }

    #[test]
    fn the_pin_is_kept_as_a_hash_and_matches_only_itself() {
        let backend = MemoryBackend::new();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        assert!(!store.has_hand_back_pin());
        assert!(!store.hand_back_pin_matches("1234"));
        // Eight digits: four in a row turn up in the hash's random hex
        // about once in 700 hashes.
        store.set_hand_back_pin("12345678").unwrap();
        assert!(store.has_hand_back_pin());
        assert!(store.hand_back_pin_matches("12345678"));
        assert!(!store.hand_back_pin_matches("87654321"));
        assert!(
            !backend
                .raw(&hand_back_pin_key())
                .unwrap()
                .contains("12345678")
        );
    }

    fn risk() -> RiskReview {
        RiskReview {
            value: 2,
            label: "More than half the days".into(),
            item: "Thoughts that you would be better off dead".into(),
        }
    }

    #[test]
    fn a_risk_to_review_is_kept_sealed_through_a_reload_until_the_clinician_has_seen_it() {
        let backend = MemoryBackend::new();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        store
            .turn_on_vault("correct horse battery staple", Kdf::with_cost(8, 1))
            .unwrap();
        assert_eq!(store.risk_review(), Ok(None));
        store.keep_risk_review(&risk()).unwrap();
        assert!(is_sealed(&backend.raw(&risk_review_key()).unwrap()));
        assert_eq!(store.risk_review(), Ok(Some(risk())));
        store.risk_reviewed().unwrap();
        assert_eq!(store.risk_review(), Ok(None));
    }

    #[test]
    fn neither_is_a_record_to_sync_back_up_or_report() {
        for key in [handover_key(), hand_back_pin_key(), risk_review_key()] {
            assert_eq!(RecordRef::from_key(&key), None);
        }
        let (mut store, _) = Store::open(Box::new(MemoryBackend::new())).unwrap();
        store.keep_handover(&handover()).unwrap();
        store.set_hand_back_pin("1234").unwrap();
        store.keep_risk_review(&risk()).unwrap();
        assert!(store.damaged_records().unwrap().is_empty());
    }
}
