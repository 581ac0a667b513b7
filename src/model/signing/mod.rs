//! Signing a note, then changing it only by dated addenda, as an EHR does.
//!
//! The signature holds a SHA-256 over everything the note shows or prints
//! (see [`encoding`]); each addendum holds its own hash and the one before
//! it, and the signature records how many addenda there are and the last
//! one's hash, so the note and its addenda form a chain that is checked
//! whenever the session opens, and a chain cut short is found.
//!
//! This is tamper evidence, not proof of authorship: the hashes have no
//! secret in them, so they show that a note changed after signing, not who
//! signed it. Notes signed before version 2 are checked as they were signed
//! ([`v1`]), and say that their check is older and narrower.

mod encoding;
mod v1;

use super::choice::choice_enum;
use super::{Choice, InputError, Session};
use serde::{Deserialize, Serialize};

/// The signature every new note gets.
pub const CURRENT_VERSION: u32 = 2;

/// Who signed, when (milliseconds since the epoch), and the hash of what
/// the note said then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub signer: String,
    pub at: i64,
    pub hash: String,
    /// Which layout `hash` covers; notes signed before versions were
    /// recorded are version 1.
    #[serde(default = "version_one")]
    pub version: u32,
    /// Version 2 on: how long the chain of addenda is and where it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<Chain>,
}

fn version_one() -> u32 {
    1
}

/// The end of a signed note's chain: the number of addenda and the last
/// one's hash (the signature's own while there are none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chain {
    pub addenda: u64,
    pub head: String,
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

/// A version 2 addendum's hash: its place in the chain is part of it.
fn addendum_hash(a: &Addendum, index: usize) -> String {
    let mut f = encoding::Fields::new("sessionpad addendum", 2);
    f.text("previous", &a.previous);
    f.count("index", index);
    f.text("kind", a.kind.key());
    f.text("author", &a.author);
    f.moment("at", a.at);
    f.text("text", &a.text);
    f.digest()
}

/// What a signature vouches for, once it checks out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Covered {
    /// A draft: nothing is signed.
    Nothing,
    /// Everything the note shows and prints, who signed and when.
    WholeNote,
    /// Signed with the older, narrower check (version 1).
    OlderNarrowerCheck,
}

impl Covered {
    /// What the signature says about the note, in the clinician's words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Nothing => "",
            Self::WholeNote => {
                "Tamper evidence: the note, its timeline, goals addressed, transcript and addenda \
                 match what was signed. It shows whether the note changed, not who signed it."
            }
            Self::OlderNarrowerCheck => {
                "Signed with an older, narrower check: it covers the note's text, scores, tags, \
                 risk and homework, not its timeline, goals addressed, transcript, signer or time."
            }
        }
    }
}

/// Why a signed note does not check out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureProblem {
    /// The note or its addenda differ from what was signed and added.
    Changed,
    /// Signed by a newer Sessionpad, whose check this one does not know.
    Newer(u32),
}

impl std::fmt::Display for SignatureProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Changed => f.write_str("This signed note was changed after signing"),
            Self::Newer(version) => write!(
                f,
                "This note was signed by a newer Sessionpad (check version {version}). \
                 Update Sessionpad to check its signature."
            ),
        }
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
        let signer = signer.trim();
        if signer.is_empty() {
            return Err(InputError::NoSigner);
        }
        let hash = encoding::note(self, signer, at).digest();
        self.signature = Some(Signature {
            signer: signer.into(),
            at,
            chain: Some(Chain {
                addenda: 0,
                head: hash.clone(),
            }),
            hash,
            version: CURRENT_VERSION,
        });
        Ok(())
    }

    /// Adds a dated addendum to a signed note, chained to what came before.
    /// A note signed with version 1 goes on chaining as version 1 did.
    pub fn add_addendum(
        &mut self,
        kind: AddendumKind,
        text: &str,
        author: &str,
        at: i64,
    ) -> Result<(), InputError> {
        let Some(signature) = &mut self.signature else {
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
        let index = self.addenda.len();
        addendum.hash = match &mut signature.chain {
            None => v1::addendum_hash(&addendum),
            Some(chain) => {
                let hash = addendum_hash(&addendum, index);
                chain.addenda = index as u64 + 1;
                chain.head = hash.clone();
                hash
            }
        };
        self.addenda.push(addendum);
        Ok(())
    }

    /// Checks the signature and the chain of addenda against the note as it
    /// is now, and says what the signature covers.
    pub fn verify_signature(&self) -> Result<Covered, SignatureProblem> {
        let Some(signature) = &self.signature else {
            return Ok(Covered::Nothing);
        };
        let (note_hash, covered) = match signature.version {
            1 => (v1::note_hash(self), Covered::OlderNarrowerCheck),
            CURRENT_VERSION => (
                encoding::note(self, &signature.signer, signature.at).digest(),
                Covered::WholeNote,
            ),
            newer => return Err(SignatureProblem::Newer(newer)),
        };
        if note_hash != signature.hash {
            return Err(SignatureProblem::Changed);
        }
        let mut previous = &signature.hash;
        for (index, addendum) in self.addenda.iter().enumerate() {
            let hash = match signature.version {
                1 => v1::addendum_hash(addendum),
                _ => addendum_hash(addendum, index),
            };
            if addendum.previous != *previous || hash != addendum.hash {
                return Err(SignatureProblem::Changed);
            }
            previous = &addendum.hash;
        }
        // Version 2 records where the chain ends, so addenda cut off the
        // end are found; version 1 never recorded it.
        if signature.version >= 2 {
            let ends_here = signature.chain.as_ref().is_some_and(|chain| {
                chain.addenda == self.addenda.len() as u64 && chain.head == *previous
            });
            if !ends_here {
                return Err(SignatureProblem::Changed);
            }
        }
        Ok(covered)
    }
}

#[cfg(test)]
mod tests;
