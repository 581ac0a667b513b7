//! A device as the app will be one: a store holding each record's winning
//! value, and beside it the record's revisions, reached through
//! [`LocalDocs`]. Saving and deleting go through [`RecordRevs`] as the
//! app's saves will.

use super::checkpoint::Checkpoint;
use super::doc::{Body, Doc};
use super::error::SyncError;
use super::protocol::{Change, Changes, LocalDocs, RevsById};
use super::record::{Hold, RecordRevs};
use super::rev_tree::Rev;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Device {
    /// What the store holds: the winner's value of each record.
    pub store: BTreeMap<String, Body>,
    pub revs: BTreeMap<String, RecordRevs>,
    seqs: BTreeMap<String, u64>,
    seq: u64,
    checkpoints: BTreeMap<String, Checkpoint>,
}

pub fn body(text: &str) -> Body {
    Body {
        v: 1,
        c: text.to_string(),
    }
}

impl Device {
    fn touch(&mut self, id: &str) {
        self.seq += 1;
        self.seqs.insert(id.to_string(), self.seq);
    }

    fn apply(&mut self, id: &str, hold: Hold) {
        match hold {
            Hold::Unchanged => {}
            Hold::Body(_, body) => {
                self.store.insert(id.to_string(), body);
            }
            Hold::Deleted => {
                self.store.remove(id);
            }
        }
    }

    pub fn save(&mut self, id: &str, text: &str) -> Rev {
        let rev = self
            .revs
            .entry(id.to_string())
            .or_default()
            .saved(&body(text));
        self.store.insert(id.to_string(), body(text));
        self.touch(id);
        rev
    }

    pub fn delete(&mut self, id: &str) {
        self.revs.entry(id.to_string()).or_default().deleted();
        self.store.remove(id);
        self.touch(id);
    }

    pub fn text(&self, id: &str) -> Option<&str> {
        self.store.get(id).map(|b| b.c.as_str())
    }

    /// The versions offered as "Changed on another device".
    pub fn conflicts(&self, id: &str) -> Vec<String> {
        let record = self.revs.get(id);
        let conflicts = record.map(|r| r.conflicts()).unwrap_or_default();
        conflicts.into_iter().map(|(_, b)| b.c.clone()).collect()
    }

    pub fn resolve(&mut self, id: &str, keep: &Rev) {
        let held = self.store.get(id).cloned();
        let record = self.revs.get_mut(id).expect("the record has revisions");
        let (_, hold) = record.resolve(keep, held.as_ref()).expect("a live leaf");
        self.apply(id, hold);
        self.touch(id);
    }
}

impl LocalDocs for Device {
    fn changes(&self, since: &Value, limit: usize) -> Result<Changes, SyncError> {
        let since = since.as_u64().unwrap_or(0);
        let mut changed: Vec<(&String, &u64)> =
            self.seqs.iter().filter(|(_, s)| **s > since).collect();
        changed.sort_by_key(|(_, s)| **s);
        let results: Vec<Change> = changed
            .into_iter()
            .take(limit)
            .map(|(id, seq)| self.revs[id].change(id, Value::from(*seq)))
            .collect();
        let last_seq = results.last().map_or(Value::from(since), |c| c.seq.clone());
        Ok(Changes { results, last_seq })
    }

    fn revs_diff(&self, asked: &RevsById) -> Result<RevsById, SyncError> {
        let mut missing = RevsById::new();
        for (id, revs) in asked {
            let lacking = match self.revs.get(id) {
                Some(record) => record.tree().missing(revs),
                None => revs.clone(),
            };
            if !lacking.is_empty() {
                missing.insert(id.clone(), lacking);
            }
        }
        Ok(missing)
    }

    fn open_revs(&self, id: &str, revs: &[Rev]) -> Result<Vec<Doc>, SyncError> {
        let record = self.revs.get(id);
        Ok(record.map_or_else(Vec::new, |r| r.open_revs(id, revs, self.store.get(id))))
    }

    fn get(&self, id: &str) -> Result<Option<Doc>, SyncError> {
        let record = self.revs.get(id);
        Ok(record.and_then(|r| r.winning_doc(id, self.store.get(id))))
    }

    fn write(&mut self, docs: Vec<Doc>) -> Result<(), SyncError> {
        for doc in docs {
            let held = self.store.get(&doc.id).cloned();
            let record = self.revs.entry(doc.id.clone()).or_default();
            let merged = record
                .merge(&doc, held.as_ref())
                .ok_or(SyncError::NotSessionpad)?;
            self.apply(&doc.id, merged.hold);
            if merged.learned {
                self.touch(&doc.id);
            }
        }
        Ok(())
    }

    fn checkpoint(&self, replication_id: &str) -> Result<Option<Checkpoint>, SyncError> {
        Ok(self.checkpoints.get(replication_id).cloned())
    }

    fn set_checkpoint(
        &mut self,
        replication_id: &str,
        checkpoint: &Checkpoint,
    ) -> Result<(), SyncError> {
        self.checkpoints
            .insert(replication_id.to_string(), checkpoint.clone());
        Ok(())
    }
}
