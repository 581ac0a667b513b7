//! Signatures made before version 2, checked as they were made. They cover
//! less than the note shows (not the timeline, goals addressed, transcript,
//! signer or time), and their addenda chain has no recorded length.

use super::Addendum;
use super::encoding::hex_sha256;
use crate::model::json::to_value;
use crate::model::ratings::Scale;
use crate::model::{Choice, Session};

/// SHA-256 over each part preceded by its length. The app ran as 32-bit
/// wasm, so every stored v1 hash has 4-byte lengths, and they are checked so
/// on any machine.
fn sha256(parts: &[&str]) -> String {
    let mut bytes = Vec::new();
    for part in parts {
        bytes.extend_from_slice(&(part.len() as u32).to_le_bytes());
        bytes.extend_from_slice(part.as_bytes());
    }
    hex_sha256(&bytes)
}

/// The note's content as v1 wrote it: header facts, the format's sections,
/// scores, tags, risk, homework and reviews, as one JSON object.
fn canonical(session: &Session) -> String {
    let mut fields = serde_json::Map::new();
    let mut put = |name: &str, value: serde_json::Value| {
        fields.insert(name.into(), value);
    };
    put("number", session.number.into());
    put("date", session.date.to_string().into());
    put("start", session.start.map(|t| t.to_string()).into());
    put("end", session.end.map(|t| t.to_string()).into());
    put("delivery", session.delivery.key().into());
    put("format", session.note.format.key().into());
    // Inserted one by one: collecting into a map sorts first, with one more
    // compiled copy of std's sort (see `model::order`).
    let mut sections = serde_json::Map::new();
    for &s in session.note.format.sections() {
        sections.insert(s.key().to_string(), session.note.text(s).into());
    }
    put("sections", sections.into());
    let json = |value: serde_json::Result<serde_json::Value>| value.unwrap_or_default();
    // The four scores as v1 kept them, GAD-7 and PHQ-9 as totals.
    let r = &session.ratings;
    put(
        "ratings",
        serde_json::json!({
            "anxiety": r.anxiety,
            "mood": r.mood,
            "gad7": session.total_only(Scale::Gad7),
            "phq9": session.total_only(Scale::Phq9),
        }),
    );
    put("tags", json(to_value(&session.tags)));
    put("risk", json(to_value(&session.risk)));
    put("homework", json(to_value(&session.homework)));
    put("reviews", json(to_value(&session.reviews)));
    put("agenda", session.agenda.as_str().into());
    put("plan_for_next", session.plan_for_next.as_str().into());
    serde_json::Value::Object(fields).to_string()
}

pub(super) fn note_hash(session: &Session) -> String {
    sha256(&[&canonical(session)])
}

pub(super) fn addendum_hash(a: &Addendum) -> String {
    sha256(&[
        &a.previous,
        a.kind.key(),
        &a.author,
        &a.at.to_string(),
        &a.text,
    ])
}
