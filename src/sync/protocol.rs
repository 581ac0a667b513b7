//! CouchDB's replication protocol, both ways, without doing any I/O.
//!
//! A [`Replication`] yields one HTTP request at a time ([`Step::Send`]) and
//! is fed its answer; the transport is a loop around it. This device's side
//! is reached through [`LocalDocs`], synchronously. One run:
//!
//! 1. `GET /db`: the database exists and the credentials work.
//! 2. `GET /db/vault`: it is a Sessionpad database. A database with no
//!    documents at all is new: a push claims it by writing this device's
//!    vault document first, so it is never left holding records without
//!    its mark. Any other database without it is not Sessionpad's.
//! 3. The checkpoints, `_local/<replication id>`, on both sides.
//! 4. Batches of the source's changes since then (`style=all_docs`); which
//!    revisions the target lacks (`_revs_diff`); those revisions with their
//!    ancestry (`open_revs`, `revs=true`, `latest=true`); written as they are
//!    (`_bulk_docs`, `new_edits: false`); the checkpoint, on both sides.
//!
//! A run that stops anywhere loses nothing: revisions are written before
//! the checkpoint that says so, and writing one twice is a no-op.

use super::checkpoint::{Checkpoint, Direction, HistoryEntry, start_seq};
use super::doc::{Doc, VAULT_DOC_ID};
use super::error::SyncError;
use super::http::{Method, Reply, Request, Response, encode};
use super::rev_tree::Rev;
use crate::model::json::to_value;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, VecDeque};

/// A `_bulk_get` answer: per document asked, each revision found (`ok`) or not (`error`).
#[derive(Deserialize)]
struct BulkGot {
    results: Vec<BulkGotDoc>,
}

#[derive(Deserialize)]
struct BulkGotDoc {
    docs: Vec<Value>,
}

/// Revisions per document: which ones, by document id.
pub type RevsById = BTreeMap<String, Vec<Rev>>;

/// One document in a changes feed, with every leaf (`style=all_docs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub seq: Value,
    pub id: String,
    pub changes: Vec<ChangedRev>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedRev {
    pub rev: Rev,
}

/// A batch of a changes feed, `last_seq` being where the next one starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    pub results: Vec<Change>,
    pub last_seq: Value,
}

/// This device's documents, as the protocol needs them.
pub trait LocalDocs {
    /// Documents changed after `since`, in order, at most `limit`.
    fn changes(&self, since: &Value, limit: usize) -> Result<Changes, SyncError>;
    /// Of the revisions asked about, those this device lacks.
    fn revs_diff(&self, asked: &RevsById) -> Result<RevsById, SyncError>;
    /// The newest leaves on the branches through `revs`, with their ancestry.
    fn open_revs(&self, id: &str, revs: &[Rev]) -> Result<Vec<Doc>, SyncError>;
    /// The winning revision of a document, with its ancestry.
    fn get(&self, id: &str) -> Result<Option<Doc>, SyncError>;
    /// Stores revisions as they are, as `_bulk_docs` with `new_edits: false`.
    fn write(&mut self, docs: Vec<Doc>) -> Result<(), SyncError>;
    fn checkpoint(&self, replication_id: &str) -> Result<Option<Checkpoint>, SyncError>;
    /// Whether this device may sync with the database whose vault document
    /// is `vault`: a run goes no further otherwise, either way. A refusal
    /// may be kept, so that later runs stop too.
    fn accepts_vault(&mut self, _vault: &Value) -> Result<(), SyncError> {
        Ok(())
    }
    fn set_checkpoint(
        &mut self,
        replication_id: &str,
        checkpoint: &Checkpoint,
    ) -> Result<(), SyncError>;
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Send this and feed the answer to [`Replication::receive`].
    Send(Request),
    Done(Summary),
    Failed(SyncError),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Revisions read from the source.
    pub docs_read: u64,
    /// Revisions written to the target.
    pub docs_written: u64,
    /// Where the source's feed was read up to.
    pub last_seq: Value,
    /// Documents the server sent that are not shaped as Sessionpad's (or
    /// were not asked for): skipped, so the run goes on past them.
    pub unreadable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    DbInfo,
    Marker {
        doc_count: u64,
    },
    Claim,
    ReadCheckpoint,
    Changes,
    RevsDiff,
    /// The batch's missing revisions, all in one `_bulk_get`.
    BulkGet,
    /// One document's missing revisions (`open_revs`), for a server without `_bulk_get`.
    Fetch,
    BulkDocs,
    WriteCheckpoint {
        retried: bool,
    },
    RefreshCheckpoint,
    Done,
    Failed,
}

#[derive(Debug, Default)]
struct Batch {
    last_seq: Value,
    full: bool,
    fetch: VecDeque<(String, Vec<Rev>)>,
    docs: Vec<Doc>,
}

pub struct Replication {
    direction: Direction,
    id: String,
    session: String,
    batch_size: usize,
    state: State,
    /// The remote checkpoint document's `_rev`, needed to replace it.
    remote_rev: Option<String>,
    source_history: Vec<HistoryEntry>,
    started_at: Value,
    since: Value,
    wait_ms: Option<u64>,
    pending: Option<Checkpoint>,
    batch: Batch,
    summary: Summary,
    /// Whether the source answers `_bulk_get` (CouchDB 2.0 and later,
    /// PouchDB Server); unknown until first asked.
    bulk_get: Option<bool>,
}

fn checkpoint_path(id: &str) -> String {
    format!("_local/{}", encode(id))
}

/// A sequence as a query value: CouchDB's are opaque strings, PouchDB's numbers.
fn seq_param(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether a plain `GET` of the vault document found one of Sessionpad's.
fn is_vault_doc(body: &Value) -> bool {
    body.get("c").is_some_and(Value::is_string) && body.get("v").is_some_and(Value::is_u64)
}

/// The body of an answer with one of the `ok` statuses, or why it failed.
fn expect(response: Response, ok: &[u16]) -> Result<Value, SyncError> {
    if ok.contains(&response.status) {
        Ok(response.body)
    } else {
        Err(SyncError::from_status(response.status))
    }
}

fn parse<T: serde::de::DeserializeOwned>(body: Value, status: u16) -> Result<T, SyncError> {
    // Straight from the value, not through text: a reply holds many documents.
    serde_json::from_value(body).map_err(|_| SyncError::Unexpected { status })
}

impl Replication {
    /// A run in `direction` under `replication_id` (see
    /// [`super::checkpoint::replication_id`]). `session_id` must be new for
    /// every run: it is how the two checkpoints are known to match.
    pub fn new(
        direction: Direction,
        replication_id: &str,
        session_id: &str,
        batch_size: usize,
    ) -> Self {
        Self {
            direction,
            id: replication_id.to_string(),
            session: session_id.to_string(),
            batch_size: batch_size.max(1),
            state: State::DbInfo,
            remote_rev: None,
            source_history: Vec::new(),
            started_at: Value::from(0),
            since: Value::from(0),
            wait_ms: None,
            pending: None,
            batch: Batch::default(),
            summary: Summary::default(),
            bulk_get: None,
        }
    }

    /// The first request of the run.
    pub fn start(&mut self) -> Step {
        self.state = State::DbInfo;
        self.summary = Summary::default();
        Step::Send(Request::get(String::new()))
    }

    /// Another pass after [`Step::Done`], from where the last one ended,
    /// without checking the database again. For a pull, `wait_ms` makes its
    /// first read of the feed wait that long for a change (`feed=longpoll`).
    /// After a failure the run starts over from [`Replication::start`].
    pub fn again(&mut self, local: &mut impl LocalDocs, wait_ms: Option<u64>) -> Step {
        if self.state != State::Done {
            return self.start();
        }
        self.summary = Summary::default();
        self.started_at = self.since.clone();
        self.wait_ms = wait_ms.filter(|_| self.direction == Direction::Pull);
        self.outcome(|me| me.next_batch(local))
    }

    /// Feeds the answer to the request last sent.
    pub fn receive(&mut self, reply: Reply, local: &mut impl LocalDocs) -> Step {
        match reply {
            Ok(response) => self.outcome(|me| me.answer(response, local)),
            Err(why) => self.outcome(|_| Err(why.into())),
        }
    }

    fn outcome(&mut self, run: impl FnOnce(&mut Self) -> Result<Step, SyncError>) -> Step {
        match run(self) {
            Ok(step) => step,
            Err(error) => {
                self.state = State::Failed;
                Step::Failed(error)
            }
        }
    }

    fn answer(
        &mut self,
        response: Response,
        local: &mut impl LocalDocs,
    ) -> Result<Step, SyncError> {
        let status = response.status;
        match self.state.clone() {
            State::DbInfo => {
                let info = expect(response, &[200])?;
                let doc_count = info.get("doc_count").and_then(Value::as_u64).unwrap_or(0);
                self.state = State::Marker { doc_count };
                Ok(Step::Send(Request::get(encode(VAULT_DOC_ID))))
            }
            State::Marker { doc_count } => match status {
                200 if is_vault_doc(&response.body) => {
                    local.accepts_vault(&response.body)?;
                    self.read_checkpoint()
                }
                404 if doc_count == 0 => self.claim(local),
                200 | 404 => Err(SyncError::NotSessionpad),
                _ => Err(SyncError::from_status(status)),
            },
            State::Claim => {
                self.bulk_docs_written(expect(response, &[201, 202])?, status)?;
                self.read_checkpoint()
            }
            State::ReadCheckpoint => {
                let remote = self.remote_checkpoint(response)?;
                let here = local.checkpoint(&self.id)?;
                let (source, target) = match self.direction {
                    Direction::Pull => (remote.as_ref(), here.as_ref()),
                    Direction::Push => (here.as_ref(), remote.as_ref()),
                };
                self.since = start_seq(source, target);
                self.started_at = self.since.clone();
                self.source_history = source.map(|c| c.history.clone()).unwrap_or_default();
                self.next_batch(local)
            }
            State::Changes => {
                let changes: Changes = parse(expect(response, &[200])?, status)?;
                self.take_changes(changes, local)
            }
            State::RevsDiff => {
                let missing: BTreeMap<String, Missing> = parse(expect(response, &[200])?, status)?;
                let mut docs = Vec::new();
                for (id, Missing { missing }) in missing {
                    docs.extend(local.open_revs(&id, &missing)?);
                }
                self.summary.docs_read += docs.len() as u64;
                if docs.is_empty() {
                    return self.write_checkpoint();
                }
                let body = json!({ "docs": docs.iter().map(Doc::to_json).collect::<Vec<_>>(), "new_edits": false });
                self.batch.docs = docs;
                self.state = State::BulkDocs;
                Ok(Step::Send(Request::with_body(
                    Method::Post,
                    "_bulk_docs".into(),
                    body,
                )))
            }
            State::BulkGet
                if self.bulk_get.is_none() && matches!(status, 400 | 404 | 405 | 501) =>
            {
                self.bulk_get = Some(false);
                self.fetch_next(local)
            }
            State::BulkGet => {
                let found: BulkGot = parse(expect(response, &[200])?, status)?;
                self.bulk_get = Some(true);
                let asked = std::mem::take(&mut self.batch.fetch);
                let asked = |id: &str| asked.iter().any(|(a, _)| a == id);
                for result in found.results {
                    self.take_found(&result.docs, asked);
                }
                self.fetch_next(local)
            }
            State::Fetch => {
                let (id, _) = self.batch.fetch.pop_front().unwrap_or_default();
                // A document removed from the server since the feed named it.
                if status != 404 {
                    let found: Vec<Value> = parse(expect(response, &[200])?, status)?;
                    self.take_found(&found, |found| found == id);
                }
                self.fetch_next(local)
            }
            State::BulkDocs => {
                self.bulk_docs_written(expect(response, &[201, 202])?, status)?;
                self.summary.docs_written += std::mem::take(&mut self.batch.docs).len() as u64;
                self.write_checkpoint()
            }
            State::WriteCheckpoint { retried } => match status {
                409 if !retried => {
                    self.state = State::RefreshCheckpoint;
                    Ok(Step::Send(Request::get(checkpoint_path(&self.id))))
                }
                _ => {
                    let body = expect(response, &[200, 201])?;
                    self.remote_rev = body.get("rev").and_then(Value::as_str).map(String::from);
                    let checkpoint = self
                        .pending
                        .take()
                        .ok_or(SyncError::Unexpected { status })?;
                    local.set_checkpoint(&self.id, &checkpoint)?;
                    self.since = self.batch.last_seq.clone();
                    self.source_history = checkpoint.history;
                    if self.batch.full {
                        self.next_batch(local)
                    } else {
                        Ok(self.finish())
                    }
                }
            },
            State::RefreshCheckpoint => {
                self.remote_checkpoint(response)?;
                self.state = State::WriteCheckpoint { retried: true };
                Ok(Step::Send(self.checkpoint_request()))
            }
            State::Done | State::Failed => Err(SyncError::Unexpected { status }),
        }
    }

    /// A new database: claimed with this device's vault document on a push,
    /// read as empty on a pull.
    fn claim(&mut self, local: &mut impl LocalDocs) -> Result<Step, SyncError> {
        if self.direction == Direction::Pull {
            return self.read_checkpoint();
        }
        let vault = local
            .get(VAULT_DOC_ID)?
            .ok_or_else(|| SyncError::Local("the vault is off".into()))?;
        self.state = State::Claim;
        let body = json!({ "docs": [vault.to_json()], "new_edits": false });
        Ok(Step::Send(Request::with_body(
            Method::Post,
            "_bulk_docs".into(),
            body,
        )))
    }

    fn read_checkpoint(&mut self) -> Result<Step, SyncError> {
        self.state = State::ReadCheckpoint;
        Ok(Step::Send(Request::get(checkpoint_path(&self.id))))
    }

    /// The checkpoint in a `GET _local/…` answer, remembering its `_rev`.
    fn remote_checkpoint(&mut self, response: Response) -> Result<Option<Checkpoint>, SyncError> {
        let status = response.status;
        if status == 404 {
            self.remote_rev = None;
            return Ok(None);
        }
        let body = expect(response, &[200])?;
        self.remote_rev = body.get("_rev").and_then(Value::as_str).map(String::from);
        // One that does not read is as good as none: the run starts over.
        Ok(serde_json::from_value(body).ok())
    }

    fn next_batch(&mut self, local: &mut impl LocalDocs) -> Result<Step, SyncError> {
        match self.direction {
            Direction::Push => {
                let changes = local.changes(&self.since, self.batch_size)?;
                self.take_changes(changes, local)
            }
            Direction::Pull => {
                let mut request = Request::get("_changes".into())
                    .query("style", "all_docs".into())
                    .query("since", seq_param(&self.since))
                    .query("limit", self.batch_size.to_string());
                if let Some(ms) = self.wait_ms.take() {
                    request = request
                        .query("feed", "longpoll".into())
                        .query("timeout", ms.to_string());
                }
                self.state = State::Changes;
                Ok(Step::Send(request))
            }
        }
    }

    fn take_changes(
        &mut self,
        changes: Changes,
        local: &mut impl LocalDocs,
    ) -> Result<Step, SyncError> {
        if changes.results.is_empty() {
            return Ok(self.finish());
        }
        self.batch = Batch {
            full: changes.results.len() >= self.batch_size,
            last_seq: changes.last_seq,
            ..Batch::default()
        };
        let mut asked = RevsById::new();
        // Design documents and the like are the server's own, never synced.
        for change in changes
            .results
            .into_iter()
            .filter(|c| !c.id.starts_with('_'))
        {
            asked
                .entry(change.id)
                .or_default()
                .extend(change.changes.into_iter().map(|c| c.rev));
        }
        match self.direction {
            Direction::Pull => {
                self.batch.fetch = local.revs_diff(&asked)?.into_iter().collect();
                self.fetch_next(local)
            }
            Direction::Push => {
                self.state = State::RevsDiff;
                let body = to_value(&asked).map_err(|e| SyncError::Local(e.to_string()))?;
                Ok(Step::Send(Request::with_body(
                    Method::Post,
                    "_revs_diff".into(),
                    body,
                )))
            }
        }
    }

    /// Keeps the revisions found (`{"ok": doc}`) for the batch, each once;
    /// one not found (`error`, `missing`) was removed from the server since
    /// the feed named it. A document not shaped as Sessionpad's, or not
    /// `asked` for, is not Sessionpad's doing: it is named and skipped.
    fn take_found(&mut self, found: &[Value], asked: impl Fn(&str) -> bool) {
        for ok in found.iter().filter_map(|item| item.get("ok")) {
            let Some(doc) = Doc::from_json(ok).filter(|d| asked(&d.id)) else {
                let id = ok.get("_id").and_then(Value::as_str).unwrap_or_default();
                self.summary.unreadable.push(id.to_string());
                continue;
            };
            let batch = &mut self.batch.docs;
            if !batch.iter().any(|d| d.id == doc.id && d.rev == doc.rev) {
                batch.push(doc);
                self.summary.docs_read += 1;
            }
        }
    }

    fn fetch_next(&mut self, local: &mut impl LocalDocs) -> Result<Step, SyncError> {
        if !self.batch.fetch.is_empty() && self.bulk_get != Some(false) {
            let docs: Vec<Value> = self
                .batch
                .fetch
                .iter()
                .flat_map(|(id, revs)| revs.iter().map(move |rev| json!({ "id": id, "rev": rev })))
                .collect();
            self.state = State::BulkGet;
            let request =
                Request::with_body(Method::Post, "_bulk_get".into(), json!({ "docs": docs }))
                    .query("revs", "true".into())
                    .query("latest", "true".into());
            return Ok(Step::Send(request));
        }
        if let Some((id, revs)) = self.batch.fetch.front() {
            let revs: Vec<String> = revs.iter().map(Rev::to_string).collect();
            let request = Request::get(encode(id))
                .query("revs", "true".into())
                .query("latest", "true".into())
                .query("open_revs", Value::from(revs).to_string());
            self.state = State::Fetch;
            return Ok(Step::Send(request));
        }
        let docs = std::mem::take(&mut self.batch.docs);
        if !docs.is_empty() {
            self.summary.docs_written += docs.len() as u64;
            local.write(docs)?;
        }
        self.write_checkpoint()
    }

    /// Checks that `_bulk_docs` wrote every document: one refused for want
    /// of rights is the credentials' fault, any other refusal the server's.
    fn bulk_docs_written(&self, body: Value, status: u16) -> Result<(), SyncError> {
        let results: Vec<Value> = parse(body, status)?;
        for result in &results {
            match result.get("error").and_then(Value::as_str) {
                None => {}
                Some("unauthorized" | "forbidden") => return Err(SyncError::WrongPassword),
                Some(_) => return Err(SyncError::Unexpected { status }),
            }
        }
        Ok(())
    }

    fn write_checkpoint(&mut self) -> Result<Step, SyncError> {
        let entry = HistoryEntry {
            session_id: self.session.clone(),
            start_last_seq: self.started_at.clone(),
            recorded_seq: self.batch.last_seq.clone(),
            docs_read: self.summary.docs_read,
            docs_written: self.summary.docs_written,
        };
        self.pending = Some(Checkpoint::after(entry, &self.source_history));
        self.state = State::WriteCheckpoint { retried: false };
        Ok(Step::Send(self.checkpoint_request()))
    }

    fn checkpoint_request(&self) -> Request {
        let mut body = to_value(&self.pending).unwrap_or(Value::Null);
        if let (Some(fields), Some(rev)) = (body.as_object_mut(), &self.remote_rev) {
            fields.insert("_rev".into(), Value::from(rev.as_str()));
        }
        Request::with_body(Method::Put, checkpoint_path(&self.id), body)
    }

    fn finish(&mut self) -> Step {
        self.state = State::Done;
        self.summary.last_seq = self.since.clone();
        Step::Done(self.summary.clone())
    }
}

#[derive(Deserialize)]
struct Missing {
    missing: Vec<Rev>,
}

#[cfg(test)]
mod tests;
