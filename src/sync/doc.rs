//! The documents Sessionpad keeps on the server.
//!
//! One document per record. Its `_id` is the record's storage key below the
//! store's prefix, its `/` written `:` (`client:<id>`, `session:<id>`,
//! `transcript:<id>`, `clinician`): ids, never names. The vault binds each
//! ciphertext to that key, so the receiving device must store it under the
//! very same key. No `/`, because a reverse proxy in front of the database
//! may decode an escaped one and send CouchDB another path.
//!
//! The body is only two fields: `v`, the version of the codec that wrote
//! the value, and `c`, the value exactly as the vault wrote it to storage.
//! The vault header is one more document, `vault`, whose `c` is the header
//! as stored; it is also the mark of a Sessionpad database (see
//! [`super::protocol`]). A record deleted for good is a tombstone: no body,
//! `_deleted: true`.

use super::rev_tree::{Rev, RevPath};
use crate::layout::{PREFIX, RecordRef};
use crate::model::json::to_value;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The id of the vault header's document: its storage key below the
/// prefix, as for every record.
pub const VAULT_DOC_ID: &str = "vault";

/// The document a record syncs as; `None` for what stays on this device
/// (the index, which each device rebuilds, settings, set-aside copies).
pub fn doc_id(record: &RecordRef) -> Option<String> {
    match record {
        RecordRef::Client(_)
        | RecordRef::Session(_)
        | RecordRef::Transcript(_)
        | RecordRef::Clinician => Some(
            record
                .key()
                .trim_start_matches(PREFIX)
                .replacen('/', ":", 1),
        ),
        _ => None,
    }
}

/// The record a document holds, if it is one [`doc_id`] names.
pub fn record_of(doc_id: &str) -> Option<RecordRef> {
    RecordRef::from_key(&format!("{PREFIX}{}", doc_id.replacen(':', "/", 1)))
        .filter(|record| self::doc_id(record).as_deref() == Some(doc_id))
}

/// What a document says besides its id and revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The codec version of `c`.
    pub v: u32,
    /// The stored value, ciphertext as the vault wrote it.
    pub c: String,
}

impl Body {
    /// What a new revision's hash covers.
    pub fn digest_input(&self) -> Vec<u8> {
        [self.v.to_be_bytes().as_slice(), self.c.as_bytes()].concat()
    }
}

/// One revision of a document with its ancestry, as replication moves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub id: String,
    pub rev: Rev,
    pub revisions: RevPath,
    /// `None` for a tombstone.
    pub body: Option<Body>,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: Rev,
    #[serde(rename = "_revisions")]
    revisions: RevPath,
    #[serde(
        rename = "_deleted",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    deleted: bool,
    #[serde(flatten)]
    body: Option<Body>,
}

impl Doc {
    pub fn deleted(&self) -> bool {
        self.body.is_none()
    }

    pub fn to_json(&self) -> Value {
        let wire = Wire {
            id: self.id.clone(),
            rev: self.rev.clone(),
            revisions: self.revisions.clone(),
            deleted: self.deleted(),
            body: self.body.clone(),
        };
        to_value(&wire).unwrap_or(Value::Null)
    }

    /// A document as the server sent it; `None` when it is not one of
    /// Sessionpad's: a live one without `v` and `c`, or a `_rev` its
    /// `_revisions` do not start with.
    pub fn from_json(value: &Value) -> Option<Doc> {
        // Straight from the value, not through text: a first pull reads
        // thousands, and that is a wait (about 10% of it).
        let wire: Wire = serde_json::from_value(value.clone()).ok()?;
        let path = wire.revisions.revs()?;
        if path.first() != Some(&wire.rev) || (!wire.deleted && wire.body.is_none()) {
            return None;
        }
        Some(Doc {
            id: wire.id,
            rev: wire.rev,
            revisions: wire.revisions,
            body: wire.body.filter(|_| !wire.deleted),
        })
    }
}
