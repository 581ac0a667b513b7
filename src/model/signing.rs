//! Signing a note, then changing it only by dated addenda, as an EHR does.
//!
//! The signature holds a SHA-256 over a canonical form of what the note
//! says; each addendum holds its own hash and the one before it, so the note
//! and every addendum form a chain that is checked whenever the session opens.

use super::choice::choice_enum;
use super::{Choice, InputError, Session};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Who signed, when (milliseconds since the epoch), and the hash of what
/// the note said then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub signer: String,
    pub at: i64,
    pub hash: String,
}

choice_enum! {
    /// Why something is added to a signed note.
    #[derive(Default)]
    AddendumKind {
        #[default]
        LateEntry => "late_entry", "Late entry";
        Correction => "correction", "Correction";
        Clarification => "clarification", "Clarification";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addendum {
    pub kind: AddendumKind,
    pub text: String,
    pub author: String,
    pub at: i64,
    /// The hash before this one: the signature's, or the last addendum's.
    pub previous: String,
    pub hash: String,
}

fn sha256(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        // Lengths first, so no two different lists of parts hash alike.
        hash.update(part.len().to_le_bytes());
        hash.update(part.as_bytes());
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The note's content in one fixed form: the header facts, every section of
/// the format, scores, tags, risk, homework and reviews.
fn canonical(session: &Session) -> String {
    let mut fields = serde_json::Map::new();
    let mut put = |name: &str, value: serde_json::Value| {
        fields.insert(name.into(), value);
    };
    put("number", session.number.into());
    put("date", session.date.to_string().into());
    put("start", session.start.map(|t| t.to_string()).into());
    put("end", session.end.map(|t| t.to_string()).into());
    put("delivery", session.delivery.key().into());
    put("format", session.note.format.key().into());
    let sections = session.note.format.sections().iter();
    let sections: serde_json::Map<String, serde_json::Value> = sections
        .map(|&s| (s.key().to_string(), session.note.text(s).into()))
        .collect();
    put("sections", sections.into());
    let json = |value: serde_json::Result<serde_json::Value>| value.unwrap_or_default();
    put("ratings", json(serde_json::to_value(&session.ratings)));
    put("tags", json(serde_json::to_value(&session.tags)));
    put("risk", json(serde_json::to_value(&session.risk)));
    put("homework", json(serde_json::to_value(&session.homework)));
    put("reviews", json(serde_json::to_value(&session.reviews)));
    put("agenda", session.agenda.as_str().into());
    put("plan_for_next", session.plan_for_next.as_str().into());
    serde_json::Value::Object(fields).to_string()
}

fn addendum_hash(a: &Addendum) -> String {
    sha256(&[
        &a.previous,
        a.kind.key(),
        &a.author,
        &a.at.to_string(),
        &a.text,
    ])
}

/// Why a signed note does not check out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangedAfterSigning;

impl std::fmt::Display for ChangedAfterSigning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("This signed note was changed after signing")
    }
}

impl Session {
    pub fn is_signed(&self) -> bool {
        self.signature.is_some()
    }

    /// Signs the note as `signer` at `at`; a note is signed once.
    pub fn sign(&mut self, signer: &str, at: i64) -> Result<(), InputError> {
        if self.is_signed() {
            return Err(InputError::AlreadySigned);
        }
        if signer.trim().is_empty() {
            return Err(InputError::NoSigner);
        }
        self.signature = Some(Signature {
            signer: signer.trim().into(),
            at,
            hash: sha256(&[&canonical(self)]),
        });
        Ok(())
    }

    /// Adds a dated addendum to a signed note, chained to what came before.
    pub fn add_addendum(
        &mut self,
        kind: AddendumKind,
        text: &str,
        author: &str,
        at: i64,
    ) -> Result<(), InputError> {
        let Some(signature) = &self.signature else {
            return Err(InputError::NotSigned);
        };
        if text.trim().is_empty() {
            return Err(InputError::EmptyAddendum);
        }
        let previous = self
            .addenda
            .last()
            .map_or_else(|| signature.hash.clone(), |a| a.hash.clone());
        let mut addendum = Addendum {
            kind,
            text: text.trim().into(),
            author: author.trim().into(),
            at,
            previous,
            hash: String::new(),
        };
        addendum.hash = addendum_hash(&addendum);
        self.addenda.push(addendum);
        Ok(())
    }

    /// Checks the signature and the chain of addenda against the note as it
    /// is now; a draft always checks out.
    pub fn verify_signature(&self) -> Result<(), ChangedAfterSigning> {
        let Some(signature) = &self.signature else {
            return Ok(());
        };
        if sha256(&[&canonical(self)]) != signature.hash {
            return Err(ChangedAfterSigning);
        }
        let mut previous = &signature.hash;
        for addendum in &self.addenda {
            if addendum.previous != *previous || addendum_hash(addendum) != addendum.hash {
                return Err(ChangedAfterSigning);
            }
            previous = &addendum.hash;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::note::{NoteFormat, Section};
    use chrono::NaiveDate;

    fn signed() -> Session {
        let day = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
        let mut s = Session::next("s1".into(), "c1", &[], day, NoteFormat::Soap, 0);
        s.note
            .set_text(Section::Subjective, "Slept better this week.".into());
        s.ratings.gad7 = Some(8);
        s.sign("Dr. Harper Torres, LCP", 1_000).unwrap();
        s
    }

    #[test]
    fn a_signed_note_checks_out_until_its_content_changes() {
        let mut s = signed();
        assert_eq!(s.verify_signature(), Ok(()));
        s.note
            .set_text(Section::Subjective, "Slept worse this week.".into());
        assert_eq!(s.verify_signature(), Err(ChangedAfterSigning));
        let mut s = signed();
        s.ratings.gad7 = Some(9);
        assert_eq!(s.verify_signature(), Err(ChangedAfterSigning));
    }

    #[test]
    fn what_is_not_the_note_may_change_without_breaking_the_signature() {
        let mut s = signed();
        s.updated_at = 99;
        s.rev += 3;
        assert_eq!(s.verify_signature(), Ok(()));
    }

    #[test]
    fn a_note_is_signed_once_and_only_with_a_name() {
        let mut s = signed();
        assert!(s.sign("Someone else", 2_000).is_err());
        let mut draft = Session::default();
        assert!(draft.sign("  ", 0).is_err());
        assert!(!draft.is_signed());
    }

    #[test]
    fn addenda_chain_to_the_signature_and_to_each_other() {
        let mut s = signed();
        assert!(
            Session::default()
                .add_addendum(AddendumKind::Correction, "x", "me", 1)
                .is_err()
        );
        assert!(
            s.add_addendum(AddendumKind::LateEntry, "  ", "Dr. T", 2_000)
                .is_err()
        );
        s.add_addendum(AddendumKind::LateEntry, "Called the GP.", "Dr. T", 2_000)
            .unwrap();
        s.add_addendum(AddendumKind::Correction, "GAD-7 was 8.", "Dr. T", 3_000)
            .unwrap();
        let hash = s.signature.as_ref().unwrap().hash.clone();
        assert_eq!(s.addenda[0].previous, hash);
        assert_eq!(s.addenda[1].previous, s.addenda[0].hash);
        assert_eq!(s.verify_signature(), Ok(()));
    }

    #[test]
    fn a_changed_or_removed_addendum_is_detected() {
        let mut s = signed();
        s.add_addendum(AddendumKind::LateEntry, "Called the GP.", "Dr. T", 2_000)
            .unwrap();
        s.add_addendum(AddendumKind::Clarification, "Meant weekly.", "Dr. T", 3_000)
            .unwrap();
        let mut changed = s.clone();
        changed.addenda[0].text = "Did not call the GP.".into();
        assert_eq!(changed.verify_signature(), Err(ChangedAfterSigning));
        let mut removed = s.clone();
        removed.addenda.remove(0);
        assert_eq!(removed.verify_signature(), Err(ChangedAfterSigning));
        assert!(
            ChangedAfterSigning
                .to_string()
                .starts_with("This signed note was changed")
        );
    }

    #[test]
    fn addendum_kinds_round_trip_through_their_keys() {
        crate::model::choice::tests::keys_round_trip::<AddendumKind>();
    }
}
