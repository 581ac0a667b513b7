//! Requests as the replicator asks for them and answers as it is fed them.
//! The transport sends each request to the database's address joined with
//! [`Request::target`], with `Accept: application/json` (CouchDB answers
//! `open_revs` as multipart otherwise), `Content-Type: application/json`
//! and the `Authorization` header; none of that is the replicator's.

use serde_json::Value;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Put => "PUT",
            Self::Post => "POST",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub method: Method,
    /// Relative to the database, already percent-encoded: `""` for the
    /// database itself, `_changes`, `session%2F…`.
    pub path: String,
    /// Names and values as they are, to be percent-encoded by [`Request::target`].
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Value>,
}

impl Request {
    pub(super) fn get(path: String) -> Self {
        Self {
            method: Method::Get,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    /// `GET` of the database itself: whether it exists and lets this user in.
    pub fn database() -> Self {
        Self::get(String::new())
    }

    /// `GET` of one document's winning revision: how a new device reads the
    /// vault document before it can take part in a run.
    pub fn get_doc(id: &str) -> Self {
        Self::get(encode(id))
    }

    pub(super) fn with_body(method: Method, path: String, body: Value) -> Self {
        Self {
            method,
            path,
            query: Vec::new(),
            body: Some(body),
        }
    }

    pub(super) fn query(mut self, name: &'static str, value: String) -> Self {
        self.query.push((name, value));
        self
    }

    /// The path and query to append to the database's address (after its `/`).
    pub fn target(&self) -> String {
        let mut target = self.path.clone();
        for (i, (name, value)) in self.query.iter().enumerate() {
            let _ = write!(
                target,
                "{}{name}={}",
                if i == 0 { '?' } else { '&' },
                encode(value)
            );
        }
        target
    }
}

/// An answer from the server: its status and its JSON body (`Null` when
/// the body was not JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub body: Value,
}

/// Why the transport has no answer for the replicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAnswer {
    /// The network, the server or the time limit failed the request.
    Unreachable,
    /// The server answered with a redirect. None is followed: the password
    /// and the notes go to the address the clinician gave, and nowhere else.
    Redirected,
    /// The answer was longer than [`MAX_ANSWER_BYTES`]; reading stopped there.
    TooLarge,
}

/// The longest answer read. Everything a device holds fits in the browser's
/// localStorage (5 to 10 MB), so no honest batch comes near this; a server
/// that sends more is refused before it can fill the tablet's memory.
pub const MAX_ANSWER_BYTES: usize = 24 << 20;

pub type Reply = Result<Response, NoAnswer>;

/// Percent-encodes everything but unreserved characters, for a path segment
/// (a document id may hold `/`) or a query value.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
