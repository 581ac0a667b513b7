//! The replicator's view of this device (see [`LocalDocs`]).

use super::{Replica, checkpoint_key, key_of, local};
use crate::sync::{
    Change, ChangedRev, Changes, Checkpoint, Doc, LocalDocs, Rev, RevsById, SyncError,
};

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
        changed.sort_by_key(|(_, seq)| *seq);
        let mut results = Vec::new();
        for (doc, seq) in changed.into_iter().take(limit) {
            let leaves = self.tracked(doc).map_err(local)?.revs.tree().leaves();
            results.push(Change {
                seq: seq.into(),
                id: doc.clone(),
                deleted: leaves.first().is_some_and(|l| l.deleted),
                changes: leaves
                    .into_iter()
                    .map(|l| ChangedRev { rev: l.rev })
                    .collect(),
            });
        }
        let last_seq = results.last().map_or(since.into(), |c| c.seq.clone());
        Ok(Changes { results, last_seq })
    }

    fn revs_diff(&self, asked: &RevsById) -> Result<RevsById, SyncError> {
        let mut missing = RevsById::new();
        for (doc, revs) in asked {
            let lacking = self.tracked(doc).map_err(local)?.revs.tree().missing(revs);
            if !lacking.is_empty() {
                missing.insert(doc.clone(), lacking);
            }
        }
        Ok(missing)
    }

    fn open_revs(&self, doc: &str, revs: &[Rev]) -> Result<Vec<Doc>, SyncError> {
        let (Some(key), tracked) = (key_of(doc), self.tracked(doc).map_err(local)?) else {
            return Ok(Vec::new());
        };
        let held = self.held(&key).map_err(local)?;
        let mut docs: Vec<Doc> = Vec::new();
        for leaf in revs
            .iter()
            .flat_map(|rev| tracked.revs.tree().leaves_from(rev))
        {
            if !docs.iter().any(|d| d.rev == leaf.rev) {
                docs.extend(tracked.revs.doc(doc, &leaf.rev, held.as_ref()));
            }
        }
        Ok(docs)
    }

    fn get(&self, doc: &str) -> Result<Option<Doc>, SyncError> {
        let Some(key) = key_of(doc) else {
            return Ok(None);
        };
        let tracked = self.tracked(doc).map_err(local)?;
        let held = self.held(&key).map_err(local)?;
        Ok(tracked
            .revs
            .winner()
            .and_then(|winner| tracked.revs.doc(doc, &winner, held.as_ref())))
    }

    fn write(&mut self, docs: Vec<Doc>) -> Result<(), SyncError> {
        let mut landed = Ok(());
        for doc in docs {
            landed = self.land(doc);
            if landed.is_err() {
                break;
            }
        }
        // What landed is kept even when a later document failed.
        self.save_feed().map_err(local)?;
        if self.changed_records {
            self.store.settle_index().map_err(local)?;
        }
        landed
    }

    fn checkpoint(&self, replication_id: &str) -> Result<Option<Checkpoint>, SyncError> {
        self.store
            .sync_record(&checkpoint_key(replication_id))
            .map_err(local)
    }

    fn accepts_vault(&self, vault: &serde_json::Value) -> Result<(), SyncError> {
        let text = vault["c"].as_str().ok_or(SyncError::NotSessionpad)?;
        self.accepts_header(text)
    }

    fn set_checkpoint(
        &mut self,
        replication_id: &str,
        checkpoint: &Checkpoint,
    ) -> Result<(), SyncError> {
        self.store
            .set_sync_record(&checkpoint_key(replication_id), checkpoint)
            .map_err(local)
    }
}
