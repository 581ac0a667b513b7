//! This device's side of sync (see [`crate::sync`]): its records as
//! documents. A document's body is the record exactly as storage holds it,
//! sealed by the vault, so nothing readable ever leaves the device; its
//! revisions are kept beside it, under `sync/revs/<doc>`.
//!
//! Saving a record does not touch any of this. Before a run, and before a
//! pulled revision lands on a record, what storage holds is compared with
//! what sync last took in ([`Replica::take_in_all`]): a changed value
//! becomes a new revision, a missing one a tombstone. So every way a record
//! is written (editing, restoring a backup, another tab) syncs alike.
//!
//! A record changed on two devices keeps both versions: the revision tree
//! picks the one stored, as CouchDB picks its winner, and for a client or a
//! session the other is set aside as a conflict copy, the same one two tabs
//! make, until the clinician chooses. Once no copy is left, the losing
//! revisions are ended, on every device.
//!
//! The server is not trusted: what it sends lands only once this device has
//! checked it ([`land`]). Sync's bookkeeping is sealed like every record.

use crate::layout::{
    RecordRef, SCHEMA_VERSION, account_key, client_key, feed_key, halted_key, index_key,
    rekeyed_key, revs_key, session_key, vault_key,
};
use crate::model::{Client, Session, order};
use crate::storage::backend::Backend;
use crate::storage::coding::{Record, decoded, read, write};
use crate::storage::error::StorageError;
use crate::storage::index::complete_index;
use crate::storage::migrations::holds_records;
use crate::storage::revisions::{Revised, copy_number, next_copy};
use crate::storage::store::Store;
use crate::storage::vault::{
    Unlocked, VaultHeader, VaultStage, is_sealed, open_sealed, previous_key,
};
use crate::sync::{Account, Body, RecordRevs, Rev, SyncError, VAULT_DOC_ID, doc_id, record_of};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Revisions kept per record. CouchDB keeps 1,000; a tablet's storage
/// cannot, and a short history still finds the common ancestor of two
/// devices that sync now and then.
const REVS_KEPT: usize = 50;

/// Makes an empty device hold the vault of the database it is set up
/// from, opened with the passphrase as on the first device: `header` is the
/// body of that database's vault document. It cannot be verified before it
/// is unlocked, so its key derivation is bounded first, and its MAC checked
/// after. Refused when the device holds records of its own, which must
/// never be mixed in, and when the passphrase does not open it; nothing is
/// written then.
pub fn adopt_vault(
    backend: &mut dyn Backend,
    header: &str,
    passphrase: &str,
) -> Result<Unlocked, String> {
    if holds_records(backend).map_err(|e| e.to_string())? {
        return Err(
            "This device already holds notes. Set up from the server only on a device without any."
                .into(),
        );
    }
    let refused = |why: String| format!("The database's lock settings were refused: {why}.");
    let vault = VaultHeader::from_server(header, VaultStage::On).map_err(|r| refused(r.0))?;
    let unlocked = vault.unlock(passphrase).map_err(|e| e.to_string())?;
    if !vault.is_authentic(&unlocked.key) {
        return Err(refused(
            "they do not carry this vault's seal (a device on an older version of Sessionpad \
             may have written them: update it and unlock it, then try again)"
                .into(),
        ));
    }
    vault.write(backend).map_err(|e| e.to_string())?;
    Ok(unlocked)
}

/// This device's storage failing is this device's side of sync failing.
impl From<StorageError> for SyncError {
    fn from(e: StorageError) -> Self {
        Self::Local(e.to_string())
    }
}

/// The storage key of a document, for the documents sync carries.
fn key_of(doc: &str) -> Option<String> {
    if doc == VAULT_DOC_ID {
        return Some(vault_key());
    }
    record_of(doc).map(|record| record.key())
}

/// The document whose value is stored under `key`, if one syncs.
fn doc_of(key: &str) -> Option<String> {
    if key == vault_key() {
        return Some(VAULT_DOC_ID.to_string());
    }
    doc_id(&RecordRef::from_key(key)?)
}

/// Enough of a value's SHA-256 to tell that it changed.
fn digest(value: &str) -> String {
    Sha256::digest(value.as_bytes())[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Ends every branch of `tracked` but the winner's, whose value storage
/// holds as `held`; whether there was a winner to keep.
fn keep_winner(tracked: &mut Tracked, held: Option<&Body>) -> bool {
    let winner = tracked.revs.winner();
    winner.is_some_and(|winner| tracked.revs.resolve(&winner, held).is_ok())
}

/// A record's revisions, and the losing ones set aside as copies, with
/// the number of each copy.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Tracked {
    revs: RecordRevs,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    offered: BTreeMap<Rev, u32>,
    /// Revisions the server sent that were not landed (older than the one
    /// held, or not opening): known, so they are not fetched again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    refused: BTreeSet<Rev>,
}

/// This device's changes feed: a sequence number for every document, and
/// the digest of the value its newest revision was made from.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Feed {
    seq: u64,
    docs: BTreeMap<String, (u64, String)>,
    /// Documents with versions set aside, waiting for the clinician.
    #[serde(default)]
    conflicted: BTreeSet<String>,
    /// Documents deleted elsewhere whose record this device keeps in
    /// Recently deleted: restored here, they are offered again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    trashed: BTreeSet<String>,
}

/// The store seen as CouchDB documents, for one step of a run.
pub struct Replica<'a> {
    store: &'a mut Store,
    feed: Feed,
    /// The stored text `feed` was read from or last written as.
    raw: String,
    /// Whether `feed` changed since.
    dirty: bool,
    /// Whether anything the screens show was written.
    changed_records: bool,
    /// Now, in milliseconds since 1970: when a deletion that arrives goes
    /// to Recently deleted.
    now_ms: i64,
}

impl Drop for Replica<'_> {
    fn drop(&mut self) {
        if !self.dirty {
            let feed = std::mem::take(&mut self.feed);
            self.store.sync_feed = Some(Box::new((std::mem::take(&mut self.raw), feed)));
        }
    }
}

impl Store {
    /// This device's documents, for the replicator, at `now_ms`.
    /// The feed is kept decoded between steps while storage still holds
    /// the text it was read from: a run takes many steps.
    pub fn replica(&mut self, now_ms: i64) -> Result<Replica<'_>, StorageError> {
        let raw = self.backend.get_as_stored(&feed_key())?.unwrap_or_default();
        let cached = self
            .sync_feed
            .take()
            .and_then(|c| c.downcast::<(String, Feed)>().ok());
        let feed = match cached.map(|cached| *cached) {
            Some((text, feed)) if text == raw => feed,
            _ => self.sync_record(&feed_key())?.unwrap_or_default(),
        };
        Ok(Replica {
            store: self,
            feed,
            raw,
            dirty: false,
            changed_records: false,
            now_ms,
        })
    }

    /// The account sync runs with, if it is on.
    pub fn sync_account(&self) -> Result<Option<Account>, StorageError> {
        read(self.backend.as_ref(), &account_key())
    }

    /// Whether sync is on, known without reading the account, so a page
    /// that does not sync never fetches the code that would.
    pub fn syncs(&self) -> bool {
        self.backend
            .get_as_stored(&account_key())
            .is_ok_and(|a| a.is_some())
    }

    /// Turns sync on with `account`: kept sealed, so the vault must be on.
    pub fn save_sync_account(&mut self, account: &Account) -> Result<(), StorageError> {
        if self.vault().is_none() {
            return Err(StorageError::Failed(
                "sync needs the vault to be on, so the server only sees sealed notes".into(),
            ));
        }
        write(self.backend.as_mut(), &account_key(), account)
    }

    /// Turns sync off: the account goes, and with it a stop after a refused
    /// header (turning sync on again is the clinician acting on it). Every
    /// record stays, and so do their revisions, so turning it on again with
    /// the same database picks up where it was rather than offering every
    /// record as changed twice.
    pub fn forget_sync(&mut self) -> Result<(), StorageError> {
        self.backend.remove(&halted_key())?;
        self.backend.remove(&rekeyed_key())?;
        self.backend.remove(&account_key())
    }

    /// Why sync stopped until the clinician acts, if it did: the server's
    /// vault header was refused. Nothing is sent or taken until sync is
    /// turned off and on again.
    pub fn sync_halted(&self) -> Option<String> {
        self.sync_record(&halted_key()).ok().flatten()
    }

    /// What sync refused or moved since last asked, in the clinician's
    /// words, each said once.
    pub fn take_sync_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.sync_notices)
    }

    /// Whether the version of `record` set aside came from another device.
    pub fn changed_on_another_device(&self, record: &RecordRef) -> bool {
        let feed: Option<Feed> = self.sync_record(&feed_key()).ok().flatten();
        doc_id(record).is_some_and(|doc| feed.is_some_and(|f| f.conflicted.contains(&doc)))
    }

    /// Sync's own records are sealed like every record: they say which
    /// records exist and when each changed. Those an earlier layout wrote
    /// unsealed still read, and are sealed when next written.
    fn sync_record<T: Record>(&self, key: &str) -> Result<Option<T>, StorageError> {
        read(self.backend.as_ref(), key)
    }

    fn set_sync_record<T: Record>(&mut self, key: &str, value: &T) -> Result<(), StorageError> {
        write(self.backend.as_mut(), key, value)
    }

    /// Brings the index in line with the records in storage after some
    /// arrived or went without this tab writing them.
    fn settle_index(&mut self) -> Result<(), StorageError> {
        let keys: HashSet<String> = self.backend.keys()?.into_iter().collect();
        let mut index = self.current_index();
        index.clients.retain(|id| keys.contains(&client_key(id)));
        index
            .sessions
            .retain(|s| keys.contains(&session_key(&s.id)));
        let index = complete_index(self.backend.as_mut(), Some(index))?;
        write(self.backend.as_mut(), &index_key(), &index)?;
        self.index = index;
        Ok(())
    }

    /// The value stored under `key` opened with the vault key, or, while
    /// the vault is re-encrypted, the key before it: another device may
    /// have sealed it before it learnt of the new key, and the last step of
    /// re-encrypting seals it again.
    fn unseal(&self, key: &str, sealed: &str) -> Result<String, StorageError> {
        let ring = self.keyring.borrow();
        let (_, with) = ring.as_ref().ok_or(StorageError::Locked)?;
        let previous = || previous_key(self.backend.as_ref(), with);
        open_sealed(key, sealed, with)
            .or_else(|| open_sealed(key, sealed, &previous()?))
            .ok_or_else(|| StorageError::Damaged {
                key: key.to_string(),
                reason: "it does not open with this vault's key".into(),
            })
    }

    /// Records sealed again under a vault key taken from another device,
    /// each with the value it held before: that device sends every record
    /// sealed again, so here that is no change to send. A record sync had
    /// taken in as it was is taken in as it is now; one changed here since
    /// still goes as a change.
    pub(in crate::storage) fn took_in_resealed(
        &mut self,
        resealed: &[(String, String)],
    ) -> Result<(), StorageError> {
        if self.backend.get_as_stored(&feed_key())?.is_none() {
            return Ok(());
        }
        // No deletion lands here, so no time is needed.
        let mut replica = self.replica(0)?;
        for (key, before) in resealed {
            let Some(doc) = doc_of(key) else { continue };
            let Some((_, known)) = replica.feed.docs.get(&doc) else {
                continue;
            };
            if *known != digest(before) {
                continue;
            }
            let now = replica.held(key)?.map(|b| digest(&b.c)).unwrap_or_default();
            if let Some((_, known)) = replica.feed.docs.get_mut(&doc) {
                *known = now;
                replica.dirty = true;
            }
        }
        replica.save_feed()
    }
}

impl Replica<'_> {
    fn backend(&self) -> &dyn Backend {
        self.store.backend.as_ref()
    }

    fn tracked(&self, doc: &str) -> Result<Tracked, StorageError> {
        let mut tracked: Tracked = self.store.sync_record(&revs_key(doc))?.unwrap_or_default();
        tracked.revs = std::mem::take(&mut tracked.revs).with_revs_limit(REVS_KEPT);
        Ok(tracked)
    }

    /// Stores `tracked` and puts `doc` at the end of the feed.
    fn keep(&mut self, doc: &str, tracked: &Tracked, held: String) -> Result<(), StorageError> {
        self.store.set_sync_record(&revs_key(doc), tracked)?;
        self.feed.seq += 1;
        self.feed
            .docs
            .insert(doc.to_string(), (self.feed.seq, held));
        self.dirty = true;
        Ok(())
    }

    /// Writes the feed if it changed; every step that changes it ends here.
    fn save_feed(&mut self) -> Result<(), StorageError> {
        if !self.dirty {
            return Ok(());
        }
        self.store.set_sync_record(&feed_key(), &self.feed)?;
        self.raw = self
            .backend()
            .get_as_stored(&feed_key())?
            .unwrap_or_default();
        self.dirty = false;
        Ok(())
    }

    /// What storage holds under `key` now, as a document body: the vault's
    /// header as other devices may see it, every other value as stored.
    fn held(&self, key: &str) -> Result<Option<Body>, StorageError> {
        let held = match key == vault_key() {
            true => VaultHeader::read(self.backend())?.map(|h| h.shared()),
            false => self.backend().get_as_stored(key)?,
        };
        Ok(held.map(|c| Body {
            v: SCHEMA_VERSION,
            c,
        }))
    }

    /// Takes in what storage holds for `doc` now: a new revision when its
    /// value changed since sync last looked, a tombstone when it is gone.
    /// A value not yet sealed (the vault still being turned on) waits.
    /// Returns the value, and the record's revisions when they had to be
    /// read (its value changed), so a scan of every record reads no more.
    fn refresh(
        &mut self,
        doc: &str,
        key: &str,
    ) -> Result<(Option<Tracked>, Option<Body>), StorageError> {
        let held = self.held(key)?;
        let known = self.feed.docs.get(doc).map(|(_, d)| d.as_str());
        let now = held.as_ref().map_or(String::new(), |b| digest(&b.c));
        if known.unwrap_or_default() == now {
            return Ok((None, held));
        }
        let mut tracked = self.tracked(doc)?;
        match &held {
            Some(body) if doc == VAULT_DOC_ID || is_sealed(&body.c) => {
                tracked.revs.saved(body);
            }
            Some(_) => return Ok((Some(tracked), held)),
            None if tracked.revs.tree().winner().is_some_and(|l| !l.deleted) => {
                tracked.revs.deleted();
            }
            None => {}
        }
        self.keep(doc, &tracked, now)?;
        Ok((Some(tracked), held))
    }

    /// [`Replica::refresh`], with the record's revisions read in any case.
    fn take_in(&mut self, doc: &str, key: &str) -> Result<(Tracked, Option<Body>), StorageError> {
        let (tracked, held) = self.refresh(doc, key)?;
        let tracked = match tracked {
            Some(tracked) => tracked,
            None => self.tracked(doc)?,
        };
        Ok((tracked, held))
    }

    /// Takes in every record, then ends the losing revisions of the
    /// conflicts the clinician has resolved. Run before every push.
    pub fn take_in_all(&mut self) -> Result<(), StorageError> {
        let mut keys = self.backend().keys()?;
        // The header first, so a new key reaches the server before any
        // record sealed under it.
        order::sort_by_key(&mut keys, |key| *key != vault_key());
        let mut present = BTreeSet::new();
        for key in keys {
            if let Some(doc) = doc_of(&key) {
                self.refresh(&doc, &key)?;
                present.insert(doc);
            }
        }
        let gone: Vec<String> = self
            .feed
            .docs
            .keys()
            .filter(|doc| !present.contains(*doc))
            .cloned()
            .collect();
        for doc in gone {
            if let Some(key) = key_of(&doc) {
                self.refresh(&doc, &key)?;
            }
        }
        self.take_back_restored()?;
        for doc in self.feed.conflicted.clone() {
            let record = record_of(&doc);
            let copies = match &record {
                Some(record) => self.store.conflict_copies_of(record)?,
                None => Vec::new(),
            };
            if copies.is_empty() {
                self.end_losers(&doc)?;
                self.feed.conflicted.remove(&doc);
                self.dirty = true;
            }
        }
        self.save_feed()
    }

    /// Keeps the stored version of `doc` and ends every other branch.
    fn end_losers(&mut self, doc: &str) -> Result<(), StorageError> {
        let Some(key) = key_of(doc) else {
            return Ok(());
        };
        let (mut tracked, held) = self.take_in(doc, &key)?;
        if keep_winner(&mut tracked, held.as_ref()) {
            tracked.offered.clear();
            let known = self.feed.docs.get(doc).map(|(_, d)| d.clone());
            self.keep(doc, &tracked, known.unwrap_or_default())?;
        }
        Ok(())
    }

    /// Sets aside each losing version of a client or session not offered
    /// yet, as a conflict copy over the stored revision; any other record
    /// keeps the winner alone.
    fn offer(&mut self, doc: &str, tracked: &mut Tracked) -> Result<(), StorageError> {
        self.withdraw(doc, tracked)?;
        let losers: Vec<(Rev, Body)> = tracked
            .revs
            .conflicts()
            .into_iter()
            .filter(|(rev, _)| !tracked.offered.contains_key(rev))
            .map(|(rev, body)| (rev, body.clone()))
            .collect();
        if losers.is_empty() {
            return Ok(());
        }
        let Some(record) = record_of(doc) else {
            return Ok(());
        };
        for (rev, body) in losers {
            let copy = match &record {
                RecordRef::Session(_) => self.set_aside::<Session>(&record, &body)?,
                RecordRef::Client(_) => self.set_aside::<Client>(&record, &body)?,
                _ => {
                    keep_winner(tracked, self.held(&record.key())?.as_ref());
                    continue;
                }
            };
            tracked.offered.insert(rev, copy);
            self.feed.conflicted.insert(doc.to_string());
            self.dirty = true;
        }
        Ok(())
    }

    /// Removes the copies of versions another device has since ended: the
    /// clinician chose there, and the choice holds here too.
    fn withdraw(&mut self, doc: &str, tracked: &mut Tracked) -> Result<(), StorageError> {
        let live = tracked.revs.tree().conflicts();
        let ended: Vec<(Rev, u32)> = tracked
            .offered
            .iter()
            .filter(|(rev, _)| !live.contains(*rev))
            .map(|(rev, n)| (rev.clone(), *n))
            .collect();
        let Some(record) = record_of(doc) else {
            return Ok(());
        };
        for (rev, n) in ended {
            let copy = RecordRef::Conflict(Box::new(record.clone()), n);
            self.store.remove_conflict_copy(&copy)?;
            tracked.offered.remove(&rev);
            self.changed_records = true;
        }
        if tracked.offered.is_empty() && self.feed.conflicted.remove(doc) {
            self.dirty = true;
        }
        Ok(())
    }

    /// `body`, a version of `record` that lost, stored as a conflict copy
    /// carrying the stored version's revision, so keeping it writes over that.
    fn set_aside<T: Revised>(
        &mut self,
        record: &RecordRef,
        body: &Body,
    ) -> Result<u32, StorageError> {
        let key = record.key();
        let text = self.store.unseal(&key, &body.c)?;
        let mut theirs: T = decoded(&key, &text)?;
        let stored = read::<T>(self.backend(), &key)?;
        theirs.set_rev(stored.map_or(0, |s| s.rev()));
        let copy = next_copy(self.store, record)?;
        write(self.store.backend.as_mut(), &copy.key(), &theirs)?;
        self.changed_records = true;
        Ok(copy_number(&copy))
    }
}

mod land;
mod local_docs;

#[cfg(test)]
mod tests;
