//! The replicator's view of this device (see [`LocalDocs`]).

use super::{Replica, key_of};
use crate::layout::checkpoint_key;
use crate::model::order;
use crate::storage::vault::Pulled;
use crate::sync::{Changes, Checkpoint, Doc, LocalDocs, Rev, RevsById, SyncError, VAULT_DOC_ID};

impl LocalDocs for Replica<'_> {
    fn changes(&self, since: &serde_json::Value, limit: usize) -> Result<Changes, SyncError> {
        let since = since.as_u64().unwrap_or(0);
        let mut changed: Vec<(&String, u64)> = self
            .feed
            .docs
            .iter()
            .filter(|(_, (seq, _))| *seq > since)
            .map(|(doc, (seq, _))| (doc, *seq))
            .collect();
        order::sort_by_key(&mut changed, |(_, seq)| *seq);
        let mut results = Vec::new();
        for (doc, seq) in changed.into_iter().take(limit) {
            results.push(self.tracked(doc)?.revs.change(doc, seq.into()));
        }
        let last_seq = results.last().map_or(since.into(), |c| c.seq.clone());
        Ok(Changes { results, last_seq })
    }

    fn revs_diff(&self, asked: &RevsById) -> Result<RevsById, SyncError> {
        let mut missing = RevsById::new();
        for (doc, revs) in asked {
            let tracked = self.tracked(doc)?;
            let mut lacking = tracked.revs.tree().missing(revs);
            lacking.retain(|rev| !tracked.refused.contains(rev));
            if !lacking.is_empty() {
                missing.insert(doc.clone(), lacking);
            }
        }
        Ok(missing)
    }

    fn open_revs(&self, doc: &str, revs: &[Rev]) -> Result<Vec<Doc>, SyncError> {
        let Some(key) = key_of(doc) else {
            return Ok(Vec::new());
        };
        let held = self.held(&key)?;
        Ok(self.tracked(doc)?.revs.open_revs(doc, revs, held.as_ref()))
    }

    fn get(&self, doc: &str) -> Result<Option<Doc>, SyncError> {
        let Some(key) = key_of(doc) else {
            return Ok(None);
        };
        let held = self.held(&key)?;
        Ok(self.tracked(doc)?.revs.winning_doc(doc, held.as_ref()))
    }

    /// Lands each document; one refused is reported by [`Replica::land`]
    /// and the rest still land, so no bad document holds sync up.
    fn write(&mut self, mut docs: Vec<Doc>) -> Result<(), SyncError> {
        // The header first: a new key stops the run before any record
        // sealed under it is taken for one that does not open.
        order::sort_by_key(&mut docs, |doc| doc.id != VAULT_DOC_ID);
        let mut landed = Ok(());
        for doc in docs {
            landed = self.land(doc);
            if landed.is_err() {
                break;
            }
        }
        // What landed is kept even when a later document failed.
        self.save_feed()?;
        if self.changed_records {
            self.store.settle_index()?;
        }
        landed
    }

    fn checkpoint(&self, replication_id: &str) -> Result<Option<Checkpoint>, SyncError> {
        Ok(self.store.sync_record(&checkpoint_key(replication_id))?)
    }

    /// The database's header, checked at the start of every run: one that
    /// fails stops sync. One this device has gone past is fine here (the
    /// push brings the server up to date); landing it would not be.
    fn accepts_vault(&mut self, vault: &serde_json::Value) -> Result<(), SyncError> {
        if self.store.new_key_waiting() {
            return Err(SyncError::NewKeyElsewhere);
        }
        if let Some(halted) = self.store.sync_halted() {
            return Err(SyncError::VaultRefused(halted));
        }
        let text = vault["c"].as_str().ok_or(SyncError::NotSessionpad)?;
        let refused = match self.check_header(text) {
            Ok(Pulled::NewKey(_)) => return Err(self.wait_for_new_key(text)),
            Ok(_) => return Ok(()),
            Err(refused) => refused,
        };
        // Its revision is not taken from the changes feed later either.
        if let Some(rev) = vault["_rev"].as_str().and_then(|r| r.parse::<Rev>().ok()) {
            let tracked = self.tracked(VAULT_DOC_ID)?;
            self.refuse_rev(VAULT_DOC_ID, rev, tracked)?;
        }
        Err(self.halt(refused.0))
    }

    fn set_checkpoint(
        &mut self,
        replication_id: &str,
        checkpoint: &Checkpoint,
    ) -> Result<(), SyncError> {
        let key = checkpoint_key(replication_id);
        Ok(self.store.set_sync_record(&key, checkpoint)?)
    }
}
