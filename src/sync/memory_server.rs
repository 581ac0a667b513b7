//! A CouchDB database in memory, answering the requests the replicator
//! makes as CouchDB answers them, so both directions run end to end in tests.
//! It keeps its own revision trees, sequence, `_local` documents and any
//! document body, Sessionpad's or not.

use super::error::Credentials;
use super::http::{Method, NoAnswer, Reply, Request, Response};
use super::rev_tree::{DEFAULT_REVS_LIMIT, Leaf, Rev, RevPath, RevTree};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

#[derive(Default)]
struct StoredDoc {
    tree: RevTree,
    /// Leaf bodies without the underscore fields; tombstones have none.
    bodies: BTreeMap<Rev, Map<String, Value>>,
    seq: u64,
}

#[derive(Default)]
pub struct Database {
    docs: BTreeMap<String, StoredDoc>,
    update_seq: u64,
    local: BTreeMap<String, (u64, Value)>,
}

pub struct MemoryServer {
    pub db: Option<Database>,
    pub reachable: bool,
    /// Whether it answers `_bulk_get`, as CouchDB 2.0 and later do.
    pub bulk_get: bool,
    pub revs_limit: usize,
    credentials: Credentials,
    /// Every request answered, as `METHOD target`.
    pub log: Vec<String>,
}

fn reply(status: u16, body: Value) -> Reply {
    Ok(Response { status, body })
}

fn not_found(reason: &str) -> Reply {
    reply(404, json!({ "error": "not_found", "reason": reason }))
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl MemoryServer {
    /// A server holding one empty database, open to `user` and `password`.
    pub fn new(user: &str, password: &str) -> Self {
        Self {
            db: Some(Database::default()),
            reachable: true,
            bulk_get: true,
            revs_limit: DEFAULT_REVS_LIMIT,
            credentials: Credentials::new(user, password),
            log: Vec::new(),
        }
    }

    fn db(&self) -> &Database {
        self.db.as_ref().expect("the database exists")
    }

    pub fn update_seq(&self) -> u64 {
        self.db().update_seq
    }

    /// A document's leaves, the winner first.
    pub fn leaves(&self, id: &str) -> Vec<Leaf> {
        self.db()
            .docs
            .get(id)
            .map(|d| d.tree.leaves())
            .unwrap_or_default()
    }

    /// The ids of documents whose winner is not deleted.
    pub fn live_ids(&self) -> Vec<String> {
        let docs = &self.db().docs;
        let live = docs
            .iter()
            .filter(|(_, d)| d.tree.winner().is_some_and(|l| !l.deleted));
        live.map(|(id, _)| id.clone()).collect()
    }

    /// Every document's JSON as stored, winners and conflicts alike.
    pub fn stored_text(&self) -> String {
        let bodies = self.db().docs.values().flat_map(|d| d.bodies.values());
        bodies
            .map(|b| Value::Object(b.clone()).to_string())
            .collect()
    }

    pub fn handle(&mut self, request: &Request, auth: Option<&Credentials>) -> Reply {
        if !self.reachable {
            return Err(NoAnswer::Unreachable);
        }
        self.log
            .push(format!("{} {}", request.method.as_str(), request.target()));
        if auth != Some(&self.credentials) {
            return reply(
                401,
                json!({ "error": "unauthorized", "reason": "Name or password is incorrect." }),
            );
        }
        let limit = self.revs_limit;
        let Some(db) = self.db.as_mut() else {
            return not_found("Database does not exist.");
        };
        let query = |name: &str| {
            request
                .query
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        };
        let body = request.body.clone().unwrap_or(Value::Null);
        match (request.method, request.path.as_str()) {
            (Method::Get, "") => {
                let live = db
                    .docs
                    .values()
                    .filter(|d| d.tree.winner().is_some_and(|l| !l.deleted));
                reply(
                    200,
                    json!({ "db_name": "sessionpad", "doc_count": live.count(), "update_seq": db.update_seq }),
                )
            }
            (Method::Get, "_changes") => {
                let since = query("since").and_then(|s| s.parse().ok()).unwrap_or(0);
                let limit = query("limit")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(usize::MAX);
                reply(200, db.changes(since, limit))
            }
            (Method::Post, "_revs_diff") => reply(200, db.revs_diff(&body)),
            (Method::Post, "_bulk_get") if self.bulk_get => reply(200, db.bulk_get(&body)),
            (Method::Post, "_bulk_docs") if body["new_edits"] == Value::Bool(false) => {
                let docs = body["docs"].as_array().cloned().unwrap_or_default();
                let results: Vec<Value> = docs
                    .iter()
                    .filter_map(|d| db.put_replicated(d, limit))
                    .collect();
                reply(201, Value::from(results))
            }
            (method, path) if path.starts_with("_local/") => {
                db.local_doc(method, &decode(path), body)
            }
            (Method::Get, path) => {
                let id = decode(path);
                match query("open_revs") {
                    Some(revs) => db.open_revs(&id, revs),
                    None => db.get(&id),
                }
            }
            _ => reply(405, json!({ "error": "method_not_allowed" })),
        }
    }
}

impl Database {
    fn doc_json(&self, id: &str, leaf: &Leaf) -> Option<Value> {
        let doc = self.docs.get(id)?;
        let mut json = doc.bodies.get(&leaf.rev).cloned().unwrap_or_default();
        json.insert("_id".into(), Value::from(id));
        json.insert("_rev".into(), Value::from(leaf.rev.to_string()));
        if leaf.deleted {
            json.insert("_deleted".into(), Value::Bool(true));
        }
        Some(Value::Object(json))
    }

    fn changes(&self, since: u64, limit: usize) -> Value {
        let mut changed: Vec<(&String, &StoredDoc)> =
            self.docs.iter().filter(|(_, d)| d.seq > since).collect();
        changed.sort_by_key(|(_, d)| d.seq);
        let results: Vec<Value> = changed
            .into_iter()
            .take(limit)
            .map(|(id, d)| {
                let leaves = d.tree.leaves();
                let revs: Vec<Value> = leaves
                    .iter()
                    .map(|l| json!({ "rev": l.rev.to_string() }))
                    .collect();
                let mut change = json!({ "seq": d.seq, "id": id, "changes": revs });
                if leaves.first().is_some_and(|l| l.deleted) {
                    change["deleted"] = Value::Bool(true);
                }
                change
            })
            .collect();
        let last_seq = results
            .last()
            .map_or(Value::from(self.update_seq), |c| c["seq"].clone());
        json!({ "results": results, "last_seq": last_seq })
    }

    fn revs_diff(&self, asked: &Value) -> Value {
        let mut answer = Map::new();
        for (id, revs) in asked.as_object().into_iter().flatten() {
            let revs: Vec<Rev> = serde_json::from_value(revs.clone()).unwrap_or_default();
            let missing = match self.docs.get(id) {
                Some(doc) => doc.tree.missing(&revs),
                None => revs,
            };
            if !missing.is_empty() {
                answer.insert(id.clone(), json!({ "missing": missing }));
            }
        }
        Value::Object(answer)
    }

    /// Stores one document as it is (`new_edits: false`); an error entry if
    /// it is malformed, nothing when it was stored.
    fn put_replicated(&mut self, doc: &Value, revs_limit: usize) -> Option<Value> {
        let mut fields = doc.as_object().cloned().unwrap_or_default();
        let id = fields.get("_id").and_then(Value::as_str).map(String::from);
        let rev: Option<Rev> = fields
            .get("_rev")
            .and_then(|r| serde_json::from_value(r.clone()).ok());
        let (Some(id), Some(rev)) = (id, rev) else {
            return Some(json!({ "error": "bad_request", "reason": "missing _id or _rev" }));
        };
        let path = match fields.get("_revisions") {
            Some(revisions) => serde_json::from_value::<RevPath>(revisions.clone())
                .ok()
                .and_then(|p| p.revs()),
            None => Some(vec![rev.clone()]),
        };
        let Some(path) = path.filter(|p| p.first() == Some(&rev)) else {
            return Some(json!({ "id": id, "error": "bad_request", "reason": "bad _revisions" }));
        };
        let deleted = fields.get("_deleted") == Some(&Value::Bool(true));
        fields.retain(|name, _| !name.starts_with('_'));
        let stored = self.docs.entry(id).or_default();
        if stored.tree.merge(&path, deleted) {
            if !deleted {
                stored.bodies.insert(rev, fields);
            }
            stored.tree.stem(revs_limit);
            let tree = &stored.tree;
            stored.bodies.retain(|rev, _| tree.is_leaf(rev));
            self.update_seq += 1;
            stored.seq = self.update_seq;
        }
        None
    }

    /// `_bulk_get`: each asked revision as `open_revs` finds it, by document.
    fn bulk_get(&self, body: &Value) -> Value {
        let mut results: Vec<Value> = Vec::new();
        for asked in body["docs"].as_array().into_iter().flatten() {
            let id = asked["id"].as_str().unwrap_or_default();
            let rev = Value::from(vec![asked["rev"].clone()]).to_string();
            let docs = match self.open_revs(id, &rev) {
                Ok(found) if found.status == 200 => found.body,
                _ => json!([{ "error": { "id": id, "error": "not_found" } }]),
            };
            let docs = docs.as_array().cloned().unwrap_or_default();
            let docs = docs.into_iter().map(|d| match d.get("missing") {
                Some(_) => json!({ "error": { "id": id, "error": "not_found" } }),
                None => d,
            });
            results.push(json!({ "id": id, "docs": docs.collect::<Vec<_>>() }));
        }
        json!({ "results": results })
    }

    fn open_revs(&self, id: &str, revs: &str) -> Reply {
        let revs: Vec<Rev> = serde_json::from_str(revs).unwrap_or_default();
        let Some(doc) = self.docs.get(id) else {
            return not_found("missing");
        };
        let mut found = Vec::new();
        let mut answer = Vec::new();
        for rev in revs {
            let leaves = doc.tree.leaves_from(&rev);
            if leaves.is_empty() {
                answer.push(json!({ "missing": rev.to_string() }));
            }
            for leaf in leaves {
                if found.contains(&leaf.rev) {
                    continue;
                }
                let mut json = self.doc_json(id, &leaf).unwrap_or_default();
                json["_revisions"] = json!(doc.tree.path(&leaf.rev, usize::MAX));
                found.push(leaf.rev);
                answer.push(json!({ "ok": json }));
            }
        }
        reply(200, Value::from(answer))
    }

    fn get(&self, id: &str) -> Reply {
        match self.docs.get(id).and_then(|d| d.tree.winner()) {
            None => not_found("missing"),
            Some(leaf) if leaf.deleted => not_found("deleted"),
            Some(leaf) => reply(200, self.doc_json(id, &leaf).unwrap_or_default()),
        }
    }

    fn local_doc(&mut self, method: Method, id: &str, mut body: Value) -> Reply {
        match (method, self.local.get(id)) {
            (Method::Get, None) => not_found("missing"),
            (Method::Get, Some((n, doc))) => {
                let mut doc = doc.clone();
                doc["_id"] = Value::from(id);
                doc["_rev"] = Value::from(format!("0-{n}"));
                reply(200, doc)
            }
            (Method::Put, stored) => {
                let current = stored.map(|(n, _)| format!("0-{n}"));
                let given = body.get("_rev").and_then(Value::as_str).map(String::from);
                if current != given {
                    return reply(
                        409,
                        json!({ "error": "conflict", "reason": "Document update conflict." }),
                    );
                }
                let n = stored.map_or(1, |(n, _)| n + 1);
                if let Some(fields) = body.as_object_mut() {
                    fields.retain(|name, _| !name.starts_with('_'));
                }
                self.local.insert(id.to_string(), (n, body));
                reply(
                    201,
                    json!({ "ok": true, "id": id, "rev": format!("0-{n}") }),
                )
            }
            _ => reply(405, json!({ "error": "method_not_allowed" })),
        }
    }
}
