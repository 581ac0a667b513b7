//! A record's revisions on this device, beside the record itself.
//!
//! The store holds one value per record: the winning revision's. The tree
//! and the bodies of the other live leaves are kept here, so a record
//! changed on two devices keeps both versions until the clinician chooses.
//! A local save makes a child of the winner; a remote revision is merged
//! in and may change what the store should hold; resolving keeps one leaf
//! and ends every other with a tombstone, as CouchDB conflicts are resolved.

use super::doc::{Body, Doc};
use super::protocol::{Change, ChangedRev};
use super::rev_tree::{DEFAULT_REVS_LIMIT, Leaf, Rev, RevTree};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRevs {
    tree: RevTree,
    /// Bodies of the live leaves that did not win; the winner's is the store's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    kept: BTreeMap<Rev, Body>,
    #[serde(skip, default = "default_limit")]
    revs_limit: usize,
}

fn default_limit() -> usize {
    DEFAULT_REVS_LIMIT
}

impl Default for RecordRevs {
    fn default() -> Self {
        Self {
            tree: RevTree::default(),
            kept: BTreeMap::new(),
            revs_limit: DEFAULT_REVS_LIMIT,
        }
    }
}

/// What the store should do with a record after its revisions changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hold {
    /// The winner did not change: the stored value stays.
    Unchanged,
    /// Store this value: it is the winner now.
    Body(Rev, Body),
    /// The winner is a tombstone: the record is deleted for good.
    Deleted,
}

/// The result of merging a revision from another device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Whether this device learned anything.
    pub learned: bool,
    pub hold: Hold,
}

/// Resolving named a revision that is not a live leaf of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotALeaf(pub Rev);

impl RecordRevs {
    /// Revisions kept per branch; CouchDB's default unless told otherwise.
    pub fn with_revs_limit(mut self, limit: usize) -> Self {
        self.revs_limit = limit.max(1);
        self
    }

    pub fn tree(&self) -> &RevTree {
        &self.tree
    }

    /// The revision the store's value is, `None` before the first save.
    pub fn winner(&self) -> Option<Rev> {
        self.tree.winner().map(|l| l.rev)
    }

    /// The record was saved on this device with `body`: its new revision,
    /// a child of the winner, to be pushed.
    pub fn saved(&mut self, body: &Body) -> Rev {
        let parent = self.winner();
        let rev = Rev::child(parent.as_ref(), false, &body.digest_input());
        let mut path = vec![rev.clone()];
        path.extend(parent);
        self.tree.merge(&path, false);
        self.tree.stem(self.revs_limit);
        rev
    }

    /// The record was deleted for good on this device. Every live version
    /// ends with a tombstone, so a version that lost to the deleted one
    /// does not take its place. Returns the tombstones, to be pushed.
    pub fn deleted(&mut self) -> Vec<Rev> {
        let live: Vec<Rev> = self.live_leaves().collect();
        let ends = live.iter().map(|leaf| self.end(leaf)).collect();
        self.kept.clear();
        self.tree.stem(self.revs_limit);
        ends
    }

    fn live_leaves(&self) -> impl Iterator<Item = Rev> + use<> {
        let leaves = self.tree.leaves().into_iter();
        leaves.filter(|l| !l.deleted).map(|l| l.rev)
    }

    /// Ends the branch at `leaf` with a tombstone.
    fn end(&mut self, leaf: &Rev) -> Rev {
        let tombstone = Rev::child(Some(leaf), true, &[]);
        self.tree.merge(&[tombstone.clone(), leaf.clone()], true);
        tombstone
    }

    /// The versions changed elsewhere that lost to the stored one, with
    /// their bodies, for "Changed on another device".
    pub fn conflicts(&self) -> Vec<(Rev, &Body)> {
        self.tree
            .conflicts()
            .into_iter()
            .filter_map(|rev| self.kept.get(&rev).map(|body| (rev, body)))
            .collect()
    }

    /// Merges a revision another replica sent (`new_edits: false`). `held`
    /// is the value the store holds for the record now, if any.
    pub fn merge(&mut self, doc: &Doc, held: Option<&Body>) -> Option<Merged> {
        let path = doc.revisions.revs()?;
        let before = self.tree.winner();
        let learned = self.tree.merge(&path, doc.deleted());
        if !learned {
            return Some(Merged {
                learned,
                hold: Hold::Unchanged,
            });
        }
        if let Some(body) = &doc.body {
            self.kept.insert(doc.rev.clone(), body.clone());
        }
        let after = self.tree.winner();
        self.tree.stem(self.revs_limit);
        let hold = self.hold(before.map(|l| l.rev), after?, held);
        Some(Merged { learned, hold })
    }

    /// Keeps the live leaf `keep` and ends every other live leaf with a
    /// tombstone. Returns the tombstones, to be pushed, and what to store.
    pub fn resolve(
        &mut self,
        keep: &Rev,
        held: Option<&Body>,
    ) -> Result<(Vec<Rev>, Hold), NotALeaf> {
        let others: Vec<Rev> = self.live_leaves().filter(|l| l != keep).collect();
        if !self.live_leaves().any(|l| l == *keep) {
            return Err(NotALeaf(keep.clone()));
        }
        let before = self.winner();
        let tombstones = others.iter().map(|leaf| self.end(leaf)).collect();
        let after = self.tree.winner().ok_or_else(|| NotALeaf(keep.clone()))?;
        let hold = self.hold(before, after, held);
        self.tree.stem(self.revs_limit);
        Ok((tombstones, hold))
    }

    /// What the store holds once the winner moved from `before` to `after`,
    /// keeping the body of a winner that lost, and forgetting bodies of
    /// revisions that are no longer live leaves.
    fn hold(&mut self, before: Option<Rev>, after: Leaf, held: Option<&Body>) -> Hold {
        let hold = if before.as_ref() == Some(&after.rev) {
            Hold::Unchanged
        } else {
            if let (Some(before), Some(held)) = (before, held) {
                self.kept.insert(before, held.clone());
            }
            match (after.deleted, self.kept.remove(&after.rev)) {
                (true, _) => Hold::Deleted,
                (false, Some(body)) => Hold::Body(after.rev, body),
                // Only when the caller held back the store's value: keep it.
                (false, None) => Hold::Unchanged,
            }
        };
        let live = self.tree.conflicts();
        self.kept.retain(|rev, _| live.contains(rev));
        hold
    }

    /// Revision `rev` as a document to send, with its ancestry. `held` is
    /// the store's value, the winner's body.
    /// This record in a changes feed at `seq`: every leaf, as
    /// `style=all_docs` lists them.
    pub fn change(&self, id: &str, seq: serde_json::Value) -> Change {
        let leaves = self.tree.leaves();
        Change {
            seq,
            id: id.to_string(),
            deleted: leaves.first().is_some_and(|l| l.deleted),
            changes: leaves
                .into_iter()
                .map(|l| ChangedRev { rev: l.rev })
                .collect(),
        }
    }

    /// The newest leaves on the branches through `revs`, each once, with
    /// their ancestry: what `open_revs` with `latest=true` answers.
    pub fn open_revs(&self, id: &str, revs: &[Rev], held: Option<&Body>) -> Vec<Doc> {
        let mut docs: Vec<Doc> = Vec::new();
        for leaf in revs.iter().flat_map(|rev| self.tree.leaves_from(rev)) {
            if !docs.iter().any(|d| d.rev == leaf.rev) {
                docs.extend(self.doc(id, &leaf.rev, held));
            }
        }
        docs
    }

    /// The winning revision as a document.
    pub fn winning_doc(&self, id: &str, held: Option<&Body>) -> Option<Doc> {
        self.doc(id, &self.winner()?, held)
    }

    pub fn doc(&self, id: &str, rev: &Rev, held: Option<&Body>) -> Option<Doc> {
        let leaf = self.tree.leaves().into_iter().find(|l| l.rev == *rev)?;
        let body = match (leaf.deleted, self.winner().as_ref() == Some(rev)) {
            (true, _) => None,
            (false, true) => Some(held?.clone()),
            (false, false) => Some(self.kept.get(rev)?.clone()),
        };
        Some(Doc {
            id: id.to_string(),
            rev: rev.clone(),
            revisions: self.tree.path(rev, self.revs_limit)?,
            body,
        })
    }
}

#[cfg(test)]
mod tests;
