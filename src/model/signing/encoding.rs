//! The bytes a version 2 signature hashes: everything the note shows or
//! prints, in one fixed, unambiguous form.
//!
//! Each field is written as its tag and its value, each preceded by its
//! length as a `u64`, little-endian, so no two different notes give the same
//! bytes and a 32-bit build (wasm) writes exactly what a 64-bit one does.
//! Lists are a count, then their items. Choices are written by their stored
//! keys, never their labels, so rewording a label breaks no signature.

use crate::model::Choice;
use crate::model::Session;
use crate::model::homework::{Assignment, Review};
use crate::model::note::Section;
use crate::model::transcript::{Item, Role, Transcript};
use sha2::{Digest, Sha256};

/// Tagged fields, written in the order they are given.
pub(super) struct Fields(Vec<u8>);

impl Fields {
    /// Starts with what is being hashed and the layout's version, so bytes
    /// meant for one purpose never pass for another.
    pub fn new(purpose: &str, version: u64) -> Self {
        let mut fields = Self(Vec::new());
        fields.text("purpose", purpose);
        fields.number("version", version);
        fields
    }

    fn length_prefixed(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    pub fn bytes(&mut self, tag: &str, value: &[u8]) {
        self.length_prefixed(tag.as_bytes());
        self.length_prefixed(value);
    }

    pub fn text(&mut self, tag: &str, value: &str) {
        self.bytes(tag, value.as_bytes());
    }

    pub fn number(&mut self, tag: &str, value: u64) {
        self.bytes(tag, &value.to_le_bytes());
    }

    /// Milliseconds since the epoch, which may be before it.
    pub fn moment(&mut self, tag: &str, value: i64) {
        self.bytes(tag, &value.to_le_bytes());
    }

    /// A value that may be absent: a leading 0 for none, 1 for some, so an
    /// absent value and an empty one differ.
    pub fn optional(&mut self, tag: &str, value: Option<&str>) {
        let mut bytes = vec![u8::from(value.is_some())];
        bytes.extend_from_slice(value.unwrap_or_default().as_bytes());
        self.bytes(tag, &bytes);
    }

    pub fn count(&mut self, tag: &str, items: usize) {
        self.number(tag, items as u64);
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// SHA-256 of the fields, in lowercase hex.
    pub fn digest(self) -> String {
        hex_sha256(&self.into_bytes())
    }
}

pub(super) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn shown<T: ToString>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// The note as signed by `signer` at `at`: the header facts, every section
/// holding text (a former format's too, which the record prints), goals
/// addressed, agenda and plan, tags, scores, risk, homework and reviews, the
/// timeline and a digest of the transcript.
pub(super) fn note(session: &Session, signer: &str, at: i64) -> Fields {
    let mut f = Fields::new("sessionpad signed note", 2);
    f.text("session", &session.id);
    f.text("client", &session.client_id);
    f.number("number", session.number.into());
    f.text("date", &session.date.to_string());
    f.optional("start", shown(session.start).as_deref());
    f.optional("end", shown(session.end).as_deref());
    f.text("delivery", session.delivery.key());
    f.optional(
        "next_appointment",
        shown(session.next_appointment).as_deref(),
    );
    f.text("signer", signer);
    f.moment("signed_at", at);
    f.text("format", session.note.format.key());
    let written: Vec<(Section, &str)> = Section::ALL
        .iter()
        .map(|&s| (s, session.note.text(s)))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    f.count("sections", written.len());
    for (section, text) in written {
        f.text("section", section.key());
        f.text("text", text);
    }
    f.count("goals_addressed", session.goals_addressed.len());
    for &goal in &session.goals_addressed {
        f.number("goal", goal.into());
    }
    f.text("agenda", &session.agenda);
    f.text("plan_for_next", &session.plan_for_next);
    for (tag, list) in [
        ("interventions", &session.tags.interventions),
        ("themes", &session.tags.themes),
    ] {
        f.count(tag, list.len());
        for item in list {
            f.text("tag", item);
        }
    }
    let r = &session.ratings;
    for (tag, score) in [
        ("anxiety", r.anxiety),
        ("mood", r.mood),
        ("gad7", r.gad7),
        ("phq9", r.phq9),
    ] {
        f.optional(tag, shown(score).as_deref());
    }
    f.text("risk_level", session.risk.level.key());
    f.text("risk_note", &session.risk.note);
    f.count("homework", session.homework.items.len());
    for assignment in &session.homework.items {
        homework(&mut f, assignment);
    }
    f.count("reviews", session.reviews.len());
    for review in &session.reviews {
        self::review(&mut f, review);
    }
    let entries = session.timeline.entries();
    f.count("timeline", entries.len());
    for entry in entries {
        f.number("entry", entry.id.into());
        f.text("time", &entry.time.to_string());
        f.text("kind", entry.kind.key());
        f.text("text", &entry.text);
    }
    let digest = session.transcript.as_ref().map(transcript);
    f.optional("transcript", digest.as_deref());
    f
}

fn homework(f: &mut Fields, a: &Assignment) {
    f.text("assignment", &a.id);
    f.text("task", &a.task);
    f.text("kind", a.kind.key());
    f.text("why", &a.why);
    f.text("when", &a.when);
    f.optional("likelihood", shown(a.likelihood).as_deref());
    f.text("obstacles", &a.obstacles);
}

fn review(f: &mut Fields, r: &Review) {
    f.text("assignment", &r.assignment_id);
    f.optional("completion", r.completion.map(Choice::key));
    f.count("obstacles", r.obstacles.len());
    for obstacle in &r.obstacles {
        f.text("obstacle", obstacle.key());
    }
    f.text("obstacle_other", &r.obstacle_other);
    f.text("learned", &r.learned);
    f.optional("decision", r.decision.map(Choice::key));
}

/// A digest of the whole transcript: its header, every turn and stage
/// direction, and where it ended. Kept apart so the note's own fields stay
/// readable in the layout, and a long transcript is hashed once.
pub(super) fn transcript(t: &Transcript) -> String {
    let mut f = Fields::new("sessionpad transcript", 2);
    let h = &t.header;
    f.optional("session_number", shown(h.session_number).as_deref());
    f.optional("planned_sessions", shown(h.planned_sessions).as_deref());
    f.optional("date", shown(h.date).as_deref());
    f.optional("start", shown(h.start).as_deref());
    f.optional("client_name", h.client_name.as_deref());
    f.optional("client_occupation", h.client_occupation.as_deref());
    f.optional("clinician_name", h.clinician_name.as_deref());
    f.optional("clinician_credentials", h.clinician_credentials.as_deref());
    f.count("segments", t.segments.len());
    for segment in &t.segments {
        f.optional("mark", shown(segment.mark).as_deref());
        f.count("items", segment.items.len());
        for item in &segment.items {
            match item {
                Item::Turn {
                    speaker,
                    role,
                    text,
                } => {
                    let role = match role {
                        Role::Clinician => "clinician",
                        Role::Client => "client",
                        Role::Unknown => "unknown",
                    };
                    f.text("turn", speaker);
                    f.text("role", role);
                    f.text("text", text);
                }
                Item::Direction(text) => f.text("direction", text),
            }
        }
    }
    f.optional("end", shown(t.end).as_deref());
    f.number("ended", t.ended.into());
    f.digest()
}
