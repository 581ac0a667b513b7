//! What the server sends, checked before anything of it lands.
//!
//! - The vault's header must carry this vault's MAC and must not go back
//!   (see [`VaultHeader::check_from_server`]); refused, sync stops until the
//!   clinician acts, and nothing of it is applied.
//! - A record's value must open with this vault's key; one that does not is
//!   copied aside under Problems, and the record stays as it was.
//! - A value older than the one held (its sealed version lower) is kept
//!   aside as a conflict copy, never stored over the newer one.
//! - A deletion sends the record to Recently deleted, never away for good.
//!
//! Each refusal is reported and the run goes on with the other documents.

use super::{Replica, Tracked, digest, key_of};
use crate::layout::{RecordRef, SCHEMA_VERSION, halted_key, rekeyed_key};
use crate::model::wording::capitalised;
use crate::model::{Client, Session};
use crate::storage::coding::{decoded, write};
use crate::storage::error::StorageError;
use crate::storage::index::Deletable;
use crate::storage::set_aside::set_aside;
use crate::storage::vault::{HeaderRefused, Pulled, is_sealed, sealed_version};
use crate::sync::{Body, Doc, Hold, Rev, SyncError, VAULT_DOC_ID, ignored_document, record_of};

/// The oldest layout whose values this build takes from another device:
/// from layout 3 on, a record's value is stored as it is sent.
const OLDEST_TAKEN: u32 = 3;

fn newer_build() -> SyncError {
    SyncError::Local(
        "another device has a newer version of Sessionpad; update this one to sync".into(),
    )
}

/// A record as the notices name it: "a session", "a client".
fn what(record: Option<&RecordRef>) -> &'static str {
    match record {
        Some(RecordRef::Session(_)) => "a session",
        Some(RecordRef::Client(_)) => "a client",
        Some(RecordRef::Transcript(_)) => "a session's transcript",
        Some(RecordRef::Clinician) => "your details",
        _ => "a record",
    }
}

impl Replica<'_> {
    /// Lands one pulled revision of `doc`. A revision this device does not
    /// take is reported and skipped; only this device's storage failing, a
    /// newer build's document or a refused header stop the run.
    pub(super) fn land(&mut self, doc: Doc) -> Result<(), SyncError> {
        if doc.body.as_ref().is_some_and(|b| b.v > SCHEMA_VERSION) {
            return Err(newer_build());
        }
        if doc.id == VAULT_DOC_ID {
            return self.land_header(doc);
        }
        let Some(key) = key_of(&doc.id) else {
            self.notice(ignored_document(&doc.id));
            return Ok(());
        };
        let record = record_of(&doc.id);
        let (mut tracked, held) = self.take_in(&doc.id, &key)?;
        if tracked.refused.contains(&doc.rev) {
            return Ok(());
        }
        if let Some(body) = doc.body.as_ref().filter(|b| !self.opens(&key, b)) {
            set_aside(self.store.backend.as_mut(), &key, &body.c)?;
            self.notice(format!(
                "The server sent {} that this vault's key does not open. It was not applied; \
                 it is under This device, Problems.",
                what(record.as_ref())
            ));
            return Ok(self.refuse(&doc, tracked)?);
        }
        let mut revs = tracked.revs.clone();
        let Some(merged) = revs.merge(&doc, held.as_ref()) else {
            return Err(SyncError::NotSessionpad);
        };
        if !merged.learned {
            return Ok(());
        }
        if let Hold::Body(_, body) = &merged.hold
            && is_older(body, held.as_ref())
        {
            self.keep_aside_older(&doc.id, record.as_ref(), &key, body)?;
            return Ok(self.refuse(&doc, tracked)?);
        }
        tracked.revs = revs;
        let now = match merged.hold {
            Hold::Unchanged => held.map(|b| digest(&b.c)).unwrap_or_default(),
            Hold::Body(_, body) => {
                let incoming = self.store.unseal(&key, &body.c)?;
                let incoming = decoded::<serde_json::Value>(&key, &incoming).ok();
                self.store.before_replacing(&key, incoming.as_ref())?;
                self.store.backend.set_as_stored(&key, &body.c)?;
                self.changed_records = true;
                self.restored_elsewhere(&doc.id, record.as_ref())?;
                digest(&body.c)
            }
            Hold::Deleted => self.deleted_elsewhere(&doc.id, record.as_ref(), held.as_ref())?,
        };
        self.offer(&doc.id, &mut tracked)?;
        Ok(self.keep(&doc.id, &tracked, now)?)
    }

    /// Whether `body` is a value this device can store under `key`: sealed,
    /// in a layout it reads, and opening with this vault's key.
    fn opens(&self, key: &str, body: &Body) -> bool {
        (OLDEST_TAKEN..=SCHEMA_VERSION).contains(&body.v)
            && is_sealed(&body.c)
            && self.store.unseal(key, &body.c).is_ok()
    }

    /// Remembers that `doc`'s revision was not landed, so it is not fetched
    /// again; the record's revisions stay as they were.
    fn refuse(&mut self, doc: &Doc, tracked: Tracked) -> Result<(), StorageError> {
        self.refuse_rev(&doc.id, doc.rev.clone(), tracked)
    }

    pub(super) fn refuse_rev(
        &mut self,
        doc: &str,
        rev: Rev,
        mut tracked: Tracked,
    ) -> Result<(), StorageError> {
        tracked.refused.insert(rev);
        self.store
            .set_sync_record(&crate::layout::revs_key(doc), &tracked)
    }

    /// An older value than the one held: a session's or a client's is kept
    /// aside as a conflict copy, any other record's under Problems.
    fn keep_aside_older(
        &mut self,
        doc: &str,
        record: Option<&RecordRef>,
        key: &str,
        body: &Body,
    ) -> Result<(), StorageError> {
        let copied = match record {
            Some(record @ RecordRef::Session(_)) => self.set_aside::<Session>(record, body),
            Some(record @ RecordRef::Client(_)) => self.set_aside::<Client>(record, body),
            _ => Err(StorageError::Failed(String::new())),
        };
        match copied {
            Ok(_) => {
                self.feed.conflicted.insert(doc.to_string());
                self.dirty = true;
            }
            Err(StorageError::Damaged { .. } | StorageError::Failed(_)) => {
                set_aside(self.store.backend.as_mut(), key, &body.c)?;
            }
            Err(e) => return Err(e),
        }
        self.notice(format!(
            "The server sent an older version of {} than this device holds. It was not \
             applied: it is kept aside beside the newer one.",
            what(record)
        ));
        Ok(())
    }

    /// The record was deleted on another device, or by the server: it stays
    /// here, in Recently deleted, until it is restored or deleted for good.
    /// Returns the digest of what storage holds.
    fn deleted_elsewhere(
        &mut self,
        doc: &str,
        record: Option<&RecordRef>,
        held: Option<&Body>,
    ) -> Result<String, StorageError> {
        let Some(held) = held else {
            return Ok(String::new());
        };
        let deletable = match record {
            Some(RecordRef::Session(id)) => Some(Deletable::Session(id.clone())),
            Some(RecordRef::Client(id)) => Some(Deletable::Client(id.clone())),
            _ => None,
        };
        if let Some(deletable) = deletable {
            self.store.mark_deleted(deletable, self.now_ms)?;
            self.changed_records = true;
            self.notice(format!(
                "{} was deleted on another device. It is in Recently deleted here, where you \
                 can restore it.",
                capitalised(what(record))
            ));
        }
        self.feed.trashed.insert(doc.to_string());
        self.dirty = true;
        Ok(digest(&held.c))
    }

    /// A record in Recently deleted because of a deletion elsewhere came
    /// back from another device, where it was restored: here too.
    fn restored_elsewhere(
        &mut self,
        doc: &str,
        record: Option<&RecordRef>,
    ) -> Result<(), StorageError> {
        if !self.feed.trashed.remove(doc) {
            return Ok(());
        }
        self.dirty = true;
        match record {
            Some(RecordRef::Session(id)) => self.store.restore(&Deletable::Session(id.clone())),
            Some(RecordRef::Client(id)) => self.store.restore(&Deletable::Client(id.clone())),
            _ => Ok(()),
        }
    }

    /// Records whose deletion arrived from elsewhere and that the clinician
    /// has restored here since, offered again as new revisions so they come
    /// back on every device; those deleted for good here are forgotten.
    pub(super) fn take_back_restored(&mut self) -> Result<(), StorageError> {
        if self.feed.trashed.is_empty() {
            return Ok(());
        }
        let index = self.store.current_index();
        let live_session = |id: &str| index.live_sessions().any(|s| s.id == id);
        for doc in self.feed.trashed.clone() {
            let Some(key) = key_of(&doc) else { continue };
            let Some(held) = self.held(&key)? else {
                self.feed.trashed.remove(&doc);
                self.dirty = true;
                continue;
            };
            let live = match record_of(&doc) {
                Some(RecordRef::Session(id) | RecordRef::Transcript(id)) => live_session(&id),
                Some(RecordRef::Client(id)) => index.live_clients().any(|c| *c == id),
                _ => true,
            };
            if live {
                let mut tracked = self.tracked(&doc)?;
                tracked.revs.saved(&held);
                self.keep(&doc, &tracked, digest(&held.c))?;
                self.feed.trashed.remove(&doc);
            }
        }
        Ok(())
    }

    /// Lands the vault's header from the server: checked against this
    /// device's, a later one is kept (with this device's stage); anything
    /// else changes nothing, and one that fails the check stops sync. A
    /// refused revision is remembered, so once the clinician has turned
    /// sync off and on it is not fetched, and refused, again.
    fn land_header(&mut self, doc: Doc) -> Result<(), SyncError> {
        let key = crate::layout::vault_key();
        let (mut tracked, held) = self.take_in(VAULT_DOC_ID, &key)?;
        if tracked.refused.contains(&doc.rev) {
            return Ok(());
        }
        let checked = match &doc.body {
            None => Err(HeaderRefused("the server's copy was deleted".into())),
            Some(body) => self.check_header(&body.c),
        };
        let now = match checked {
            Err(HeaderRefused(why)) => {
                self.refuse(&doc, tracked)?;
                return Err(self.halt(why));
            }
            Ok(Pulled::Older) => {
                self.refuse(&doc, tracked)?;
                return Err(self.halt(
                    "the server's copy is older than this device's, so it was put back".into(),
                ));
            }
            Ok(Pulled::NewKey(_)) => {
                let text = doc.body.as_ref().map(|b| b.c.as_str()).unwrap_or_default();
                return Err(self.wait_for_new_key(text));
            }
            Ok(Pulled::Same) => held.as_ref().map(|b| digest(&b.c)).unwrap_or_default(),
            Ok(Pulled::Newer(theirs)) => {
                theirs.write(self.store.backend.as_mut())?;
                digest(&theirs.shared())
            }
        };
        tracked.revs.merge(&doc, held.as_ref());
        Ok(self.keep(VAULT_DOC_ID, &tracked, now)?)
    }

    /// How the header `text` from the server stands to this device's.
    pub(super) fn check_header(&self, text: &str) -> Result<Pulled, HeaderRefused> {
        let ours = self.store.vault();
        let ring = self.store.keyring.borrow();
        match (ours, ring.as_ref()) {
            (Some(ours), Some((_, key))) => ours.check_from_server(key, text),
            _ => Err(HeaderRefused("this device's lock is off".into())),
        }
    }

    /// Stops sync until the clinician acts: kept (sealed) across reloads.
    pub(super) fn halt(&mut self, reason: String) -> SyncError {
        if let Err(e) = write(self.store.backend.as_mut(), &halted_key(), &reason) {
            return e.into();
        }
        SyncError::VaultRefused(reason)
    }

    /// Stops sync until the clinician types, here, the new passphrase of
    /// the vault re-encrypted elsewhere, whose header `text` is kept until
    /// then ([`crate::storage::Store::adopt_new_key`]). Nothing is sent or
    /// taken meanwhile: this device's records are still under the old key.
    pub(super) fn wait_for_new_key(&mut self, text: &str) -> SyncError {
        let kept = write(
            self.store.backend.as_mut(),
            &rekeyed_key(),
            &text.to_string(),
        );
        if let Err(e) = kept {
            return e.into();
        }
        match self.halt(SyncError::NewKeyElsewhere.to_string()) {
            SyncError::VaultRefused(_) => SyncError::NewKeyElsewhere,
            failed => failed,
        }
    }

    /// Tells the clinician, once, what sync did not take or moved.
    fn notice(&mut self, text: String) {
        if !self.store.sync_notices.contains(&text) {
            self.store.sync_notices.push(text);
        }
    }
}

/// Whether `body` was sealed as an older version than `held`.
fn is_older(body: &Body, held: Option<&Body>) -> bool {
    let version = |b: &Body| sealed_version(&b.c).unwrap_or(0);
    held.is_some_and(|held| version(body) < version(held))
}
