//! CouchDB revision trees.
//!
//! Every version of a document has a revision id `N-hash`: `N` counts the
//! edits on its branch, `hash` tells apart versions with the same `N`. The
//! versions form a tree: concurrent edits on two devices make two branches,
//! and both stay until one is deleted. Which leaf a reader sees first, the
//! winner, is decided the way CouchDB decides it, so every device and the
//! server agree on it without talking to each other.
//!
//! The tree is kept as a map from revision to parent. A path received from
//! another replica links itself in wherever its revisions are already known,
//! which is also how branches cut short by stemming join up again.

use crate::model::order;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// How many revisions of each branch CouchDB keeps by default (`_revs_limit`).
pub const DEFAULT_REVS_LIMIT: usize = 1000;

/// A revision id, `pos-hash`. Ordered by position, then by hash, which is
/// the order CouchDB gives leaves that are alike in being deleted or not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rev {
    pub pos: u64,
    pub hash: String,
}

impl Rev {
    /// A new revision on top of `parent` (or a first one). The hash covers
    /// the parent, the deleted flag and the content, as CouchDB's does, so
    /// two devices making the same edit from the same parent agree on it.
    pub fn child(parent: Option<&Rev>, deleted: bool, content: &[u8]) -> Rev {
        let mut hasher = Sha256::new();
        hasher.update(parent.map(Rev::to_string).unwrap_or_default().as_bytes());
        hasher.update([0, u8::from(deleted)]);
        hasher.update(content);
        let digest = hasher.finalize();
        // 32 hex digits, as long as CouchDB's own revision hashes.
        let hash = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Rev {
            pos: parent.map_or(1, |p| p.pos + 1),
            hash,
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotARev(pub String);

impl fmt::Display for NotARev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a revision id", self.0)
    }
}

impl FromStr for Rev {
    type Err = NotARev;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || NotARev(s.to_string());
        let (pos, hash) = s.split_once('-').ok_or_else(bad)?;
        let pos: u64 = pos.parse().map_err(|_| bad())?;
        if pos == 0 || hash.is_empty() {
            return Err(bad());
        }
        Ok(Rev {
            pos,
            hash: hash.to_string(),
        })
    }
}

impl TryFrom<String> for Rev {
    type Error = NotARev;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Rev> for String {
    fn from(rev: Rev) -> String {
        rev.to_string()
    }
}

/// A document's `_revisions`: its revision and its ancestors, newest first,
/// as hashes counting down from `start`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevPath {
    pub start: u64,
    pub ids: Vec<String>,
}

impl RevPath {
    /// The revisions of the path, newest first; `None` when it counts below 1.
    pub fn revs(&self) -> Option<Vec<Rev>> {
        if self.ids.is_empty() || self.start < self.ids.len() as u64 {
            return None;
        }
        let revs = self.ids.iter().enumerate().map(|(i, hash)| Rev {
            pos: self.start - i as u64,
            hash: hash.clone(),
        });
        Some(revs.collect())
    }
}

/// One end of a branch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub rev: Rev,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Node {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<Rev>,
    /// Meaningful only while the node is a leaf: a tombstone ends its branch.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    deleted: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevTree {
    nodes: BTreeMap<Rev, Node>,
}

impl RevTree {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.nodes.contains_key(rev)
    }

    /// Adds a path, newest first, whose newest revision is `deleted` or not.
    /// Returns whether the tree learned a revision it did not know.
    pub fn merge(&mut self, path: &[Rev], deleted: bool) -> bool {
        let mut learned = false;
        for (i, rev) in path.iter().enumerate() {
            let parent = path.get(i + 1).cloned();
            match self.nodes.get_mut(rev) {
                // A root left by stemming gets its parent back.
                Some(node) if node.parent.is_none() && parent.is_some() => node.parent = parent,
                Some(_) => {}
                None => {
                    let deleted = i == 0 && deleted;
                    self.nodes.insert(rev.clone(), Node { parent, deleted });
                    learned = true;
                }
            }
        }
        learned
    }

    fn parents(&self) -> BTreeSet<&Rev> {
        // Inserted one by one: collecting into a set sorts first, with one
        // more compiled copy of std's sort (see `model::order`).
        let mut parents = BTreeSet::new();
        parents.extend(self.nodes.values().filter_map(|n| n.parent.as_ref()));
        parents
    }

    pub fn is_leaf(&self, rev: &Rev) -> bool {
        self.contains(rev) && !self.parents().contains(rev)
    }

    /// Every leaf, the winner first: leaves that are not deleted before
    /// tombstones, then the longest branch, then the greatest hash.
    pub fn leaves(&self) -> Vec<Leaf> {
        let parents = self.parents();
        let mut leaves: Vec<Leaf> = self
            .nodes
            .iter()
            .filter(|(rev, _)| !parents.contains(rev))
            .map(|(rev, node)| Leaf {
                rev: rev.clone(),
                deleted: node.deleted,
            })
            .collect();
        order::sort_by(&mut leaves, |a, b| {
            let key = |l: &Leaf| Reverse((!l.deleted, l.rev.clone()));
            key(a).cmp(&key(b))
        });
        leaves
    }

    pub fn winner(&self) -> Option<Leaf> {
        self.leaves().into_iter().next()
    }

    /// The leaves that are not deleted and lost: CouchDB's `_conflicts`.
    pub fn conflicts(&self) -> Vec<Rev> {
        let mut leaves = self.leaves().into_iter();
        leaves.next();
        leaves.filter(|l| !l.deleted).map(|l| l.rev).collect()
    }

    /// The revisions of `revs` this tree does not hold (`_revs_diff`).
    pub fn missing(&self, revs: &[Rev]) -> Vec<Rev> {
        let mut missing: Vec<Rev> = revs.iter().filter(|r| !self.contains(r)).cloned().collect();
        order::sort(&mut missing);
        missing.dedup();
        missing
    }

    /// `rev` and at most `limit - 1` of its ancestors, as `_revisions`.
    pub fn path(&self, rev: &Rev, limit: usize) -> Option<RevPath> {
        self.nodes.get(rev)?;
        let mut ids = Vec::new();
        let mut at = Some(rev);
        while let Some(r) = at.filter(|_| ids.len() < limit.max(1)) {
            ids.push(r.hash.clone());
            at = self.nodes.get(r).and_then(|n| n.parent.as_ref());
        }
        Some(RevPath {
            start: rev.pos,
            ids,
        })
    }

    /// The leaves on branches through `rev` (`latest=true`): `rev` itself when
    /// it is a leaf, its newest descendants when it is not.
    pub fn leaves_from(&self, rev: &Rev) -> Vec<Leaf> {
        self.leaves()
            .into_iter()
            .filter(|leaf| self.ancestry(&leaf.rev).any(|r| r == rev))
            .collect()
    }

    fn ancestry<'a>(&'a self, rev: &'a Rev) -> impl Iterator<Item = &'a Rev> + 'a {
        std::iter::successors(self.nodes.get_key_value(rev).map(|(r, _)| r), |r| {
            self.nodes.get(*r).and_then(|n| n.parent.as_ref())
        })
    }

    /// Keeps only the newest `limit` revisions of every branch, as CouchDB's
    /// `_revs_limit` does; the oldest kept revision becomes a root.
    pub fn stem(&mut self, limit: usize) {
        let mut keep = BTreeSet::new();
        for leaf in self.leaves() {
            keep.extend(self.ancestry(&leaf.rev).take(limit.max(1)).cloned());
        }
        self.nodes.retain(|rev, _| keep.contains(rev));
        for node in self.nodes.values_mut() {
            if node.parent.as_ref().is_some_and(|p| !keep.contains(p)) {
                node.parent = None;
            }
        }
    }
}

// Property tests run natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
