//! Parser for plain-text therapy session transcripts.
//!
//! The format is loose by nature (typed by hand, exported from dictation
//! tools, pasted from e-mail), so the parser works line by line, classifies
//! each line, and never fails on odd input: the only errors are "nothing
//! there" and "no speaker turns at all".
//!
//! All slicing happens at positions of ASCII characters (or positions
//! returned by `char_indices`), so no input can split a UTF-8 sequence.

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Clinician,
    Client,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Header {
    pub session_number: Option<u32>,
    pub planned_sessions: Option<u32>,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub client_name: Option<String>,
    pub client_occupation: Option<String>,
    pub clinician_name: Option<String>,
    pub clinician_credentials: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Item {
    /// `speaker` is kept as written so the note shows what the transcript said.
    Turn {
        speaker: String,
        role: Role,
        text: String,
    },
    /// A stage direction, without its parentheses, trimmed.
    Direction(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub mark: Option<NaiveTime>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    pub header: Header,
    pub segments: Vec<Segment>,
    /// The last time mark, or the mark just before "(End of session)".
    pub end: Option<NaiveTime>,
    /// "(End of session)" was seen.
    pub ended: bool,
}

impl Transcript {
    /// Minutes from the header's start time to `end`.
    ///
    /// A session may cross midnight, so a negative difference wraps once;
    /// a wrapped result of 12 hours or more is more likely elapsed-time
    /// marks or a missing AM/PM, and is reported as unknown instead.
    pub fn duration_minutes(&self) -> Option<i64> {
        let start = self.header.start?;
        let end = self.end?;
        let mut mins = (end - start).num_minutes();
        if mins < 0 {
            mins += 24 * 60;
            if mins >= 12 * 60 {
                return None;
            }
        }
        Some(mins)
    }

    /// Every turn in order, as (speaker, role, text).
    pub fn turns(&self) -> impl Iterator<Item = (&str, &Role, &str)> {
        self.segments
            .iter()
            .flat_map(|s| s.items.iter())
            .filter_map(|i| match i {
                Item::Turn {
                    speaker,
                    role,
                    text,
                } => Some((speaker.as_str(), role, text.as_str())),
                Item::Direction(_) => None,
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranscriptError {
    Empty,
    NotATranscript,
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranscriptError::Empty => f.write_str(
                "This file is empty, so there is no session transcript in it. Nothing was imported.",
            ),
            TranscriptError::NotATranscript => f.write_str(
                "This file has no speaker turns (lines like “Name: what they said”), so it does \
                 not look like a session transcript. Nothing was imported.",
            ),
        }
    }
}

impl std::error::Error for TranscriptError {}

/// Parses a transcript. Never panics; see [`TranscriptError`] for failures.
pub fn parse(input: &str) -> Result<Transcript, TranscriptError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if clean(input).is_empty() {
        return Err(TranscriptError::Empty);
    }
    let mut b = Builder::new();
    for line in split_lines(input) {
        b.line(line);
    }
    b.finish()
}

// ---------------------------------------------------------------------------
// Line assembly
// ---------------------------------------------------------------------------

struct OpenTurn {
    speaker: String,
    text: String,
    /// A blank line was seen since the last text line: the next line starts
    /// a new paragraph.
    gap: bool,
}

struct Builder {
    header: Header,
    segments: Vec<Segment>,
    /// Parallel to `segments`: whether the mark could be a 12-hour time
    /// written without AM/PM (fixed up once the start time is known).
    ambiguous: Vec<bool>,
    open: Option<OpenTurn>,
    last_speaker: Option<String>,
    /// Still before the first time mark or turn, where header lines live.
    in_header: bool,
    last_mark: Option<(NaiveTime, bool)>,
    end_mark: Option<(NaiveTime, bool)>,
    ended: bool,
}

impl Builder {
    fn new() -> Self {
        Builder {
            header: Header::default(),
            segments: vec![Segment {
                mark: None,
                items: Vec::new(),
            }],
            ambiguous: vec![false],
            open: None,
            last_speaker: None,
            in_header: true,
            last_mark: None,
            end_mark: None,
            ended: false,
        }
    }

    fn line(&mut self, raw: &str) {
        let mut t = clean(raw);
        // Loops only when a time mark shares its line with more content,
        // e.g. "[10:00] Alex: Hi"; each pass consumes at least the mark.
        loop {
            if t.is_empty() {
                self.blank();
                return;
            }
            let bare = strip_emphasis(t);
            if is_end_marker(bare) {
                self.close_turn();
                if !self.ended {
                    self.ended = true;
                    self.end_mark = self.last_mark;
                }
                return;
            }
            if let Some((time, amb, rest)) = leading_time_mark(t) {
                self.mark(time, amb);
                t = clean(rest);
                if t.is_empty() {
                    return;
                }
                continue;
            }
            if let Some(d) = direction(bare) {
                self.close_turn();
                if !d.is_empty() {
                    self.push(Item::Direction(d.to_string()));
                }
                return;
            }
            if let Some((time, amb)) = whole_time(bare) {
                if self.in_header && self.header.start.is_none() {
                    self.header.start = Some(time);
                } else {
                    self.mark(time, amb);
                }
                return;
            }
            if self.in_header && parse_header_line(t, &mut self.header) {
                return;
            }
            if let Some((speaker, rest)) = speaker_line(t) {
                self.close_turn();
                self.in_header = false;
                self.last_speaker = Some(speaker.to_string());
                self.open = Some(OpenTurn {
                    speaker: speaker.to_string(),
                    text: String::new(),
                    gap: false,
                });
                self.append(rest);
                return;
            }
            if self.open.is_none() {
                if self.in_header {
                    // Titles and preamble before the session starts.
                    return;
                }
                // A speakerless paragraph after a direction or mark is the
                // previous speaker carrying on.
                self.open = Some(OpenTurn {
                    speaker: self.last_speaker.clone().unwrap_or_default(),
                    text: String::new(),
                    gap: false,
                });
            }
            self.append(t);
            return;
        }
    }

    fn mark(&mut self, time: NaiveTime, ambiguous: bool) {
        self.close_turn();
        self.in_header = false;
        self.segments.push(Segment {
            mark: Some(time),
            items: Vec::new(),
        });
        self.ambiguous.push(ambiguous);
        self.last_mark = Some((time, ambiguous));
    }

    fn blank(&mut self) {
        if let Some(o) = &mut self.open
            && !o.text.is_empty()
        {
            o.gap = true;
        }
    }

    fn append(&mut self, line: &str) {
        let line = clean(line);
        if line.is_empty() {
            return;
        }
        if let Some(o) = &mut self.open {
            if !o.text.is_empty() {
                o.text.push_str(if o.gap { "\n\n" } else { "\n" });
            }
            o.gap = false;
            o.text.push_str(line);
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(seg) = self.segments.last_mut() {
            seg.items.push(item);
        }
    }

    fn close_turn(&mut self) {
        if let Some(o) = self.open.take() {
            self.push(Item::Turn {
                speaker: o.speaker,
                role: Role::Unknown,
                text: o.text,
            });
        }
    }

    fn finish(mut self) -> Result<Transcript, TranscriptError> {
        self.close_turn();
        let start = self.header.start;
        for (seg, &amb) in self.segments.iter_mut().zip(&self.ambiguous) {
            if let Some(m) = seg.mark {
                seg.mark = Some(adjust_meridiem(m, amb, start));
            }
        }
        let mark = if self.ended {
            self.end_mark
        } else {
            self.last_mark
        };
        let end = mark.map(|(m, amb)| adjust_meridiem(m, amb, start));

        if self.segments.len() > 1 && self.segments[0].items.is_empty() {
            self.segments.remove(0);
        }

        // Roles are resolved last because the header is only complete once
        // the body starts; a cache keeps long transcripts cheap.
        let mut cache: HashMap<String, Role> = HashMap::new();
        let mut speakers = 0usize;
        for seg in &mut self.segments {
            for item in &mut seg.items {
                if let Item::Turn { speaker, role, .. } = item {
                    if speaker.is_empty() {
                        continue;
                    }
                    speakers += 1;
                    *role = match cache.get(speaker.as_str()) {
                        Some(r) => r.clone(),
                        None => {
                            let r = resolve_role(speaker, &self.header);
                            cache.insert(speaker.clone(), r.clone());
                            r
                        }
                    };
                }
            }
        }
        if speakers == 0 {
            return Err(TranscriptError::NotATranscript);
        }
        Ok(Transcript {
            header: self.header,
            segments: self.segments,
            end,
            ended: self.ended,
        })
    }
}

/// Splits on LF, CRLF and lone CR. The split points are ASCII bytes, which
/// never occur inside a multi-byte UTF-8 sequence.
fn split_lines(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push(&s[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(&s[start..i]);
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push(&s[start..]);
    out
}

/// Trims whitespace plus invisible characters that editors leave behind
/// (stray BOMs from concatenated files, zero-width spaces).
fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// Drops Markdown bold/italic markers around a whole line.
fn strip_emphasis(s: &str) -> &str {
    clean(s.trim_matches(|c| c == '*' || c == '_'))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// Line classifiers
// ---------------------------------------------------------------------------

const END_PHRASES: &[&str] = &[
    "end of session",
    "end of the session",
    "session ends",
    "session ended",
    "end of transcript",
];

fn is_end_marker(bare: &str) -> bool {
    let core = bare.trim_matches(|c: char| c.is_whitespace() || "()[]*_.-—–!#~:".contains(c));
    if core.len() > 24 {
        return false;
    }
    END_PHRASES.iter().any(|p| {
        let mut a = core.split_whitespace();
        let mut b = p.split(' ');
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                _ => return false,
            }
        }
    })
}

/// `[10:00]`, `**[10:00]**`, `[2:05 PM]`, optionally followed by more text.
fn leading_time_mark(t: &str) -> Option<(NaiveTime, bool, &str)> {
    let s = t.trim_start_matches(['*', '_', '#']).trim_start();
    let s = s.strip_prefix('[')?;
    let (time, amb, rest) = parse_time(s)?;
    let rest = rest.trim_start().strip_prefix(']')?;
    Some((time, amb, rest.trim_start_matches(['*', '_'])))
}

/// A time alone on a line (bare or bold), used as a mark in the body.
/// A colon is required so that speech like "10 am" is not taken as a mark.
fn whole_time(bare: &str) -> Option<(NaiveTime, bool)> {
    if !bare.contains(':') {
        return None;
    }
    let (time, amb, rest) = parse_time(bare)?;
    if clean(rest).is_empty() {
        Some((time, amb))
    } else {
        None
    }
}

/// A line wholly inside one pair of parentheses (or square brackets, which
/// dictation tools use for "[inaudible]" and the like).
fn direction(bare: &str) -> Option<&str> {
    let (open, close) = match bare.chars().next()? {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        _ => return None,
    };
    if !bare.ends_with(close) {
        return None;
    }
    let mut depth = 0i32;
    for (i, c) in bare.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 && i + c.len_utf8() != bare.len() {
                // "(pause) and out" closes early: ordinary text.
                return None;
            }
        }
    }
    if depth != 0 {
        return None;
    }
    Some(clean(&bare[1..bare.len() - 1]))
}

/// `Name: text`. Returns the speaker as written and the rest of the line.
fn speaker_line(t: &str) -> Option<(&str, &str)> {
    // Speaker labels are short, so there is no need to scan long lines.
    let (ci, colon) = t
        .char_indices()
        .take(64)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let after = &t[ci + colon.len_utf8()..];
    let after = after.trim_start_matches(['*', '_']);
    // An ASCII colon must be followed by a space, which rules out clock
    // times and URLs; the full-width colon of CJK text is not.
    if colon == ':' && !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let name = clean(clean(&t[..ci]).trim_matches(['*', '_']));
    if is_speaker(name) {
        Some((name, clean(after)))
    } else {
        None
    }
}

fn is_speaker(name: &str) -> bool {
    if name.is_empty() || name.chars().count() > 60 {
        return false;
    }
    let base = split_aside(name);
    let words: Vec<&str> = base.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let first_ok = words[0]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase());
    first_ok && words.iter().all(|w| is_name_word(w))
}

/// "Alex (laughing)" → "Alex": the aside is kept in the speaker as written
/// but ignored for matching. Returns the name unchanged if the parentheses
/// are not a single trailing aside.
fn split_aside(name: &str) -> &str {
    if name.ends_with(')')
        && let Some(open) = name.find('(')
    {
        let inner = &name[open + 1..name.len() - 1];
        if open > 0 && !inner.contains(['(', ')']) {
            return clean(&name[..open]);
        }
    }
    name
}

fn is_name_word(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’'))
        && w.chars().any(char::is_alphanumeric)
}

// ---------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------

const CLINICIAN_LABELS: &[&str] = &[
    "professional",
    "clinician",
    "therapist",
    "counselor",
    "counsellor",
    "psychologist",
    "psychiatrist",
    "provider",
    "clinician name",
    "therapist name",
];
const CLIENT_LABELS: &[&str] = &["client", "patient", "client name", "patient name"];
/// Header lines the app does not store ("Duration: 50 min", "Session
/// type: video") are recognised by any of these words in the label, so they
/// are skipped instead of ending the header as if they were a speaker.
const IGNORED_LABEL_WORDS: &[&str] = &[
    "session",
    "date",
    "time",
    "duration",
    "length",
    "location",
    "setting",
    "format",
    "modality",
    "type",
    "mode",
    "platform",
    "room",
    "age",
    "dob",
    "pronouns",
    "title",
    "transcript",
    "notes",
    "note",
    "diagnosis",
    "code",
    "id",
    "referral",
    "insurance",
    "recording",
    "topic",
    "focus",
    "goal",
    "goals",
    "end",
    "start",
];

/// Recognises one header line and stores what it says. Only called before
/// the body starts, because `Client:` and `Therapist:` are also speaker
/// labels there.
fn parse_header_line(t: &str, h: &mut Header) -> bool {
    let s = t.replace("**", "").replace("__", "");
    let s = clean(s.trim_start_matches(['#', '>', '-', '•']));

    if let Some(rest) = strip_prefix_ci(s, "session")
        && let Some((n, of)) = session_numbers(rest)
    {
        h.session_number = Some(n);
        h.planned_sessions = of;
        return true;
    }

    if let Some(colon) = s.find([':', '：']) {
        let label = clean(&s[..colon]).to_ascii_lowercase();
        let value = clean(s[colon..].trim_start_matches([':', '：']));
        let is = |list: &[&str]| list.contains(&label.as_str());
        if matches!(label.as_str(), "date" | "session date") {
            if h.date.is_none() {
                h.date = parse_date(value);
            }
            return true;
        }
        if matches!(
            label.as_str(),
            "time" | "start" | "start time" | "session time"
        ) {
            if h.start.is_none() {
                h.start = parse_time(value).map(|(t, _, _)| t);
            }
            return true;
        }
        if is(CLIENT_LABELS) {
            if h.client_name.is_some() {
                return false;
            }
            return match parse_person(value) {
                Some((name, extra)) => {
                    h.client_name = Some(name);
                    h.client_occupation = extra;
                    true
                }
                None => false,
            };
        }
        if is(CLINICIAN_LABELS) {
            if h.clinician_name.is_some() {
                return false;
            }
            return match parse_person(value) {
                Some((name, extra)) => {
                    h.clinician_name = Some(name);
                    h.clinician_credentials = extra;
                    true
                }
                None => false,
            };
        }
        if label == "session" {
            if let Some((n, of)) = session_numbers(value) {
                h.session_number = Some(n);
                h.planned_sessions = of;
            }
            return true;
        }
        return label
            .split_whitespace()
            .any(|w| IGNORED_LABEL_WORDS.contains(&w));
    }

    if let Some(d) = parse_date(s) {
        if h.date.is_none() {
            h.date = Some(d);
        }
        return true;
    }
    // "10:00 AM – 10:50 AM": the start of a range.
    if let Some((time, _, rest)) = parse_time(s) {
        let rest = clean(rest);
        if rest.is_empty()
            || rest.starts_with(['-', '–', '—'])
            || strip_prefix_ci(rest, "to ").is_some()
        {
            if h.start.is_none() {
                h.start = Some(time);
            }
            return true;
        }
    }
    false
}

/// After "Session": `14/24`, `3 of 12`, `5`, `#5`, `: 5`.
fn session_numbers(rest: &str) -> Option<(u32, Option<u32>)> {
    let r = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '#');
    let r = strip_prefix_ci(r, "no.").unwrap_or(r).trim_start();
    let (n, r) = take_digits(r, 1, 4)?;
    let r = r.trim();
    if r.is_empty() {
        return Some((n, None));
    }
    let r = r
        .strip_prefix('/')
        .or_else(|| strip_prefix_ci(r, "of "))?
        .trim();
    let (of, r) = take_digits(r, 1, 4)?;
    if clean(r).is_empty() {
        Some((n, Some(of)))
    } else {
        None
    }
}

const TITLES: &[&str] = &[
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "prof",
    "professor",
    "rev",
    "sr",
    "jr",
    "st",
];
/// Lower-case name particles that may appear inside a capitalised name.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "al", "el",
    "bin", "bint", "ten", "ter", "y",
];
/// Short conversational openers: "Therapist: Welcome" is speech, not a name.
const NOT_NAMES: &[&str] = &[
    "hi", "hello", "hey", "welcome", "ok", "okay", "yes", "yeah", "no", "thanks", "thank", "good",
    "so", "well", "right", "sure", "great", "alright", "um", "uh", "hmm", "mm", "i",
];

/// `Name`, `Name (Extra)`, `Name, Suffix`, `Name, Suffix (Extra)`.
/// Returns the name and the extra information (suffix and parenthesis
/// joined by ", "), or None when the value reads like speech.
fn parse_person(value: &str) -> Option<(String, Option<String>)> {
    let v = clean(value);
    if v.is_empty() || v.contains(['?', '!', ';', ':', '"', '“', '”']) {
        return None;
    }
    let (before, paren) = if v.ends_with(')') {
        let open = matching_open(v)?;
        let inner = clean(&v[open + 1..v.len() - 1]);
        (clean(&v[..open]), (!inner.is_empty()).then_some(inner))
    } else {
        if v.contains(['(', ')']) {
            return None;
        }
        (v, None)
    };
    if paren.is_some_and(|p| p.chars().count() > 80) {
        return None;
    }
    let (name, suffix) = match before.find(',') {
        Some(i) => (clean(&before[..i]), Some(clean(&before[i + 1..]))),
        None => (before, None),
    };
    if !is_person_name(name) {
        return None;
    }
    if let Some(sfx) = suffix {
        let words: Vec<&str> = sfx
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let ok = !words.is_empty()
            && words.len() <= 6
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '&' | '\'' | '/'))
            });
        if !ok {
            return None;
        }
    }
    let extra = match (suffix, paren) {
        (Some(s), Some(p)) => Some(format!("{s}, {p}")),
        (Some(s), None) => Some(s.to_string()),
        (None, Some(p)) => Some(p.to_string()),
        (None, None) => None,
    };
    Some((name.to_string(), extra))
}

fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let first = words[0].trim_end_matches('.').to_lowercase();
    if NOT_NAMES.contains(&first.as_str()) {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        if !is_name_word(w) {
            return false;
        }
        let lower = w.to_lowercase();
        let letters: String = lower.chars().filter(|&c| c != '.').collect();
        if w.contains('.')
            && !TITLES.contains(&letters.as_str())
            && !(letters.chars().count() <= 2 && w.chars().all(|c| c == '.' || c.is_uppercase()))
        {
            // A full stop inside a name is only for titles and initials;
            // anywhere else it ends a sentence.
            return false;
        }
        let starts_cap = w
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase());
        starts_cap || (i > 0 && PARTICLES.contains(&lower.as_str()))
    })
}

/// Index of the '(' matching a final ')'.
fn matching_open(v: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in v.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------

/// Leading ASCII digits, between `min` and `max` of them.
fn take_digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// `10:00`, `14:05`, `2:05 pm`, `10:00 a.m.`, `10 am`, `10:00:15`.
/// Returns the time, whether it could be a 12-hour time missing its AM/PM,
/// and the unparsed rest.
fn parse_time(s: &str) -> Option<(NaiveTime, bool, &str)> {
    let s = s.trim_start();
    let (h, rest) = take_digits(s, 1, 2)?;
    let (minsec, rest) = match rest.strip_prefix(':') {
        Some(r) => {
            let (m, r) = take_digits(r, 2, 2)?;
            match r.strip_prefix(':').and_then(|r2| take_digits(r2, 2, 2)) {
                Some((sec, r3)) => (Some((m, sec)), r3),
                None => (Some((m, 0)), r),
            }
        }
        None => (None, rest),
    };
    let (pm, rest) = meridiem(rest);
    let (m, sec) = match (minsec, pm) {
        (Some(ms), _) => ms,
        (None, Some(_)) => (0, 0),
        (None, None) => return None,
    };
    let hour = match pm {
        Some(pm) => {
            if h == 0 || h > 12 {
                return None;
            }
            h % 12 + if pm { 12 } else { 0 }
        }
        None => h,
    };
    let ambiguous = pm.is_none() && (1..=11).contains(&h);
    Some((NaiveTime::from_hms_opt(hour, m, sec)?, ambiguous, rest))
}

/// Some(true) for PM, Some(false) for AM.
fn meridiem(s: &str) -> (Option<bool>, &str) {
    let t = s.trim_start();
    for (word, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ] {
        if let Some(rest) = strip_prefix_ci(t, word)
            && !rest.chars().next().is_some_and(char::is_alphanumeric)
        {
            return (Some(pm), rest);
        }
    }
    (None, s)
}

/// A mark like `[2:05]` in an afternoon session almost certainly means
/// 14:05; without this, durations and ordering would be off by 12 hours.
fn adjust_meridiem(mark: NaiveTime, ambiguous: bool, start: Option<NaiveTime>) -> NaiveTime {
    let Some(start) = start else { return mark };
    if !ambiguous || start.hour() < 12 || mark >= start {
        return mark;
    }
    match mark.with_hour(mark.hour() + 12) {
        Some(pm) if pm >= start && (pm - start).num_minutes() <= 6 * 60 => pm,
        _ => mark,
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month(tok: &str) -> Option<u32> {
    let t = tok.trim_end_matches('.');
    if t.len() < 3 || !t.is_ascii() {
        return None;
    }
    let t = t.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            *m == t || (t.len() == 3 && m.starts_with(&t)) || (t == "sept" && *m == "september")
        })
        .map(|i| i as u32 + 1)
}

fn is_weekday(tok: &str) -> bool {
    let t = tok.trim_end_matches('.');
    t.len() >= 3
        && t.is_ascii()
        && WEEKDAYS.iter().any(|d| {
            let t = t.to_ascii_lowercase();
            *d == t || (t.len() == 3 && d.starts_with(&t))
        })
}

fn day(tok: &str) -> Option<u32> {
    let t = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| {
            tok.len()
                .checked_sub(2)
                .and_then(|i| tok.get(i..))
                .filter(|tail| tail.eq_ignore_ascii_case(s))
                .map(|_| &tok[..tok.len() - 2])
        })
        .unwrap_or(tok);
    let (d, rest) = take_digits(t, 1, 2)?;
    rest.is_empty().then_some(d)
}

fn year(tok: &str) -> Option<i32> {
    let (y, rest) = take_digits(tok.trim_end_matches('.'), 4, 4)?;
    rest.is_empty().then_some(y as i32)
}

/// `July 31, 2025`, `Jul 31 2025`, `31 July 2025`, `31st of July, 2025`,
/// `Thursday, July 31, 2025`, `2025-07-31`, `31.07.2025`, and slash dates
/// only when day and month cannot be confused.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let toks: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("of"))
        .collect();
    let mut toks = &toks[..];
    if toks.len() > 1 && is_weekday(toks[0]) {
        toks = &toks[1..];
    }
    match toks {
        [one] => numeric_date(one.trim_end_matches('.')),
        [a, b, c] => {
            let y = year(c)?;
            let (m, d) = match month(a) {
                Some(m) => (m, day(b)?),
                None => (month(b)?, day(a)?),
            };
            NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => None,
    }
}

fn numeric_date(tok: &str) -> Option<NaiveDate> {
    let sep = tok.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = tok.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    let (a, b, c, a_len, c_len) = (num(a)?, num(b)?, num(c)?, a.len(), c.len());
    if a_len == 4 {
        return NaiveDate::from_ymd_opt(a as i32, b, c);
    }
    if c_len != 4 {
        return None;
    }
    let (d, m) = if sep == '.' || a > 12 {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(c as i32, m, d)
}

// ---------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------

const CLINICIAN_ROLE_WORDS: &[&str] = &[
    "therapist",
    "clinician",
    "counselor",
    "counsellor",
    "psychologist",
    "psychiatrist",
    "dr",
    "doctor",
    "professional",
];
const CLIENT_ROLE_WORDS: &[&str] = &["client", "patient"];

fn name_tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace('’', "'")
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn without_titles(toks: &[String]) -> (&[String], bool) {
    let n = toks
        .iter()
        .take_while(|t| TITLES.contains(&t.as_str()))
        .count();
    (&toks[n..], n > 0)
}

/// How well a speaker label names a header person: 4 full name, 3 first +
/// last, 2 first name or title + surname, 1 bare surname, 0 no match.
fn name_score(speaker: &[String], person: &str) -> u8 {
    let person = name_tokens(person);
    let (p, _) = without_titles(&person);
    let (s, titled) = without_titles(speaker);
    let (Some(first), Some(last)) = (p.first(), p.last()) else {
        return 0;
    };
    match s {
        [] => 0,
        _ if s == p => 4,
        [a, b] if a == first && b == last => 3,
        [a] if a == first => 2,
        [a] if a == last => {
            if titled {
                2
            } else {
                1
            }
        }
        _ => 0,
    }
}

fn resolve_role(speaker: &str, h: &Header) -> Role {
    let toks = name_tokens(split_aside(speaker));
    let joined = toks.join(" ");
    if CLINICIAN_ROLE_WORDS.contains(&joined.as_str()) {
        return Role::Clinician;
    }
    if CLIENT_ROLE_WORDS.contains(&joined.as_str()) {
        return Role::Client;
    }
    let c = h
        .clinician_name
        .as_deref()
        .map_or(0, |n| name_score(&toks, n));
    let k = h.client_name.as_deref().map_or(0, |n| name_score(&toks, n));
    if c > k {
        return Role::Clinician;
    }
    if k > c {
        return Role::Client;
    }
    // With no clinician named in the header, "Dr. Somebody" is the best
    // remaining hint.
    if c == 0
        && h.clinician_name.is_none()
        && toks.len() > 1
        && matches!(toks[0].as_str(), "dr" | "doctor")
    {
        return Role::Clinician;
    }
    Role::Unknown
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = include_str!("../../../tests/fixtures/session-14-of-24.txt");

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn turns(tr: &Transcript) -> Vec<(String, Role, String)> {
        tr.turns()
            .map(|(s, r, x)| (s.to_string(), r.clone(), x.to_string()))
            .collect()
    }

    #[test]
    fn sample_header() {
        let tr = parse(SAMPLE).unwrap();
        assert_eq!(
            tr.header,
            Header {
                session_number: Some(14),
                planned_sessions: Some(24),
                date: NaiveDate::from_ymd_opt(2025, 7, 31),
                start: Some(t(10, 0)),
                client_name: Some("Alex".into()),
                client_occupation: Some("Product Designer".into()),
                clinician_name: Some("Dr. Harper Torres".into()),
                clinician_credentials: Some("Licensed Clinical Psychologist".into()),
            }
        );
    }

    #[test]
    fn sample_segments_and_end() {
        let tr = parse(SAMPLE).unwrap();
        let marks: Vec<_> = tr.segments.iter().map(|s| s.mark).collect();
        assert_eq!(
            marks,
            vec![
                Some(t(10, 0)),
                Some(t(10, 10)),
                Some(t(10, 20)),
                Some(t(10, 30)),
                Some(t(10, 31))
            ]
        );
        assert!(tr.segments[4].items.is_empty());
        assert!(tr.ended);
        assert_eq!(tr.end, Some(t(10, 31)));
        assert_eq!(tr.duration_minutes(), Some(31));
        let per_segment: Vec<usize> = tr.segments.iter().map(|s| s.items.len()).collect();
        assert_eq!(per_segment, vec![18, 3, 11, 2, 0]);
    }

    #[test]
    fn sample_turns() {
        let tr = parse(SAMPLE).unwrap();
        let all = turns(&tr);
        assert_eq!(all.len(), 33);
        assert_eq!(
            all[0],
            (
                "Dr. Torres".to_string(),
                Role::Clinician,
                "Hi Alex, good to see you again. How have you been since our last session?"
                    .to_string()
            )
        );
        assert_eq!(all[1].0, "Alex");
        assert_eq!(all[1].1, Role::Client);
        assert!(all.iter().all(|(_, r, _)| *r != Role::Unknown));
        assert_eq!(
            all.last().unwrap(),
            &(
                "Alex".to_string(),
                Role::Client,
                "You too. See you next week.".to_string()
            )
        );
        let seg = &tr.segments[1].items;
        assert_eq!(
            seg[1],
            Item::Direction("pause for a couple of breaths".into())
        );
        assert_eq!(
            seg[2],
            Item::Turn {
                speaker: "Dr. Torres".into(),
                role: Role::Clinician,
                text: "Now, identify three things you can see around you, two things you can \
                       hear, and one thing you can feel."
                    .into(),
            }
        );
        // The inline "(pause)" stays part of the speech.
        match &seg[0] {
            Item::Turn { text, .. } => assert!(text.contains("nose... (pause) and out")),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn sample_variants_crlf_cr_bom_agree() {
        let base = parse(SAMPLE).unwrap();
        let crlf = SAMPLE.replace('\n', "\r\n");
        let cr = SAMPLE.replace('\n', "\r");
        let bom = format!("\u{feff}{crlf}");
        for v in [crlf, cr, bom] {
            assert_eq!(parse(&v).unwrap(), base);
        }
    }

    #[test]
    fn other_header_forms_and_24h_marks() {
        let src = "Session 3 of 12\nDate: 2025-03-04\nTime: 14:05\n\
                   Client: Mira Okafor (Teacher)\nProfessional: Sam Lee, LCSW\n\n\
                   [14:05]\nSam: Welcome back, Mira.\n\nMira: Thanks.  \n\n\
                   [14:50]   \nSam: See you.\n\n[End of session]\n";
        let tr = parse(src).unwrap();
        assert_eq!(
            tr.header,
            Header {
                session_number: Some(3),
                planned_sessions: Some(12),
                date: NaiveDate::from_ymd_opt(2025, 3, 4),
                start: Some(t(14, 5)),
                client_name: Some("Mira Okafor".into()),
                client_occupation: Some("Teacher".into()),
                clinician_name: Some("Sam Lee".into()),
                clinician_credentials: Some("LCSW".into()),
            }
        );
        assert_eq!(
            turns(&tr),
            vec![
                ("Sam".into(), Role::Clinician, "Welcome back, Mira.".into()),
                ("Mira".into(), Role::Client, "Thanks.".into()),
                ("Sam".into(), Role::Clinician, "See you.".into()),
            ]
        );
        assert!(tr.ended);
        assert_eq!(tr.end, Some(t(14, 50)));
        assert_eq!(tr.duration_minutes(), Some(45));
    }

    #[test]
    fn credentials_with_suffix_and_parentheses() {
        let src = "Professional: Dr. Harper Torres, PhD (Licensed Clinical Psychologist)\n\
                   Client: Alex\n\nHarper: Hello there.\n";
        let tr = parse(src).unwrap();
        assert_eq!(
            tr.header.clinician_name.as_deref(),
            Some("Dr. Harper Torres")
        );
        assert_eq!(
            tr.header.clinician_credentials.as_deref(),
            Some("PhD, Licensed Clinical Psychologist")
        );
        assert_eq!(tr.header.client_name.as_deref(), Some("Alex"));
        assert_eq!(tr.header.client_occupation, None);
        assert_eq!(turns(&tr)[0].1, Role::Clinician);
    }

    #[test]
    fn session_number_only_and_other_date_forms() {
        let cases = [
            (
                "Session 5\n31 July 2025\n10:00\n",
                5,
                None,
                (2025, 7, 31),
                t(10, 0),
            ),
            (
                "Session 5\nJul 31, 2025\n2:05 pm\n",
                5,
                None,
                (2025, 7, 31),
                t(14, 5),
            ),
            (
                "Session 14/24\nDate: Thursday, July 31st, 2025\nStart: 10:00 a.m.\n",
                14,
                Some(24),
                (2025, 7, 31),
                t(10, 0),
            ),
            (
                "Session 7\n2025-12-01\nTime: 9:30 AM\n",
                7,
                None,
                (2025, 12, 1),
                t(9, 30),
            ),
        ];
        for (head, n, of, (y, m, d), start) in cases {
            let src = format!("{head}\n[10:01]\nAlex: Hi.\n");
            let tr = parse(&src).unwrap();
            assert_eq!(tr.header.session_number, Some(n), "{head}");
            assert_eq!(tr.header.planned_sessions, of, "{head}");
            assert_eq!(tr.header.date, NaiveDate::from_ymd_opt(y, m, d), "{head}");
            assert_eq!(tr.header.start, Some(start), "{head}");
        }
    }

    #[test]
    fn twelve_hour_marks_without_bold() {
        let src = "Time: 2:00 PM\n\n[2:00 PM]\nAlex: Hi.\n\n[2:05]\nAlex: Still here.\n\n\
                   [2:40 pm]\n(End of session)\n";
        let tr = parse(src).unwrap();
        let marks: Vec<_> = tr.segments.iter().map(|s| s.mark).collect();
        assert_eq!(marks, vec![Some(t(14, 0)), Some(t(14, 5)), Some(t(14, 40))]);
        assert_eq!(tr.duration_minutes(), Some(40));
    }

    #[test]
    fn no_header_role_labels() {
        let src = "Therapist: How was your week?\nIt sounded busy.\n\nClient: Busy, yes.\n\
                   Patient: Me too.\nCounsellor: Right.\n";
        let tr = parse(src).unwrap();
        assert_eq!(tr.header, Header::default());
        assert_eq!(tr.segments.len(), 1);
        assert_eq!(tr.segments[0].mark, None);
        assert_eq!(tr.end, None);
        assert!(!tr.ended);
        assert_eq!(tr.duration_minutes(), None);
        assert_eq!(
            turns(&tr),
            vec![
                (
                    "Therapist".into(),
                    Role::Clinician,
                    "How was your week?\nIt sounded busy.".into()
                ),
                ("Client".into(), Role::Client, "Busy, yes.".into()),
                ("Patient".into(), Role::Client, "Me too.".into()),
                ("Counsellor".into(), Role::Clinician, "Right.".into()),
            ]
        );
    }

    #[test]
    fn header_client_line_vs_client_turn() {
        // Before any mark a short name is a header; a sentence is a turn.
        let src = "Client: I am not sure where to start.\nTherapist: Anywhere is fine.\n";
        let tr = parse(src).unwrap();
        assert_eq!(tr.header.client_name, None);
        assert_eq!(turns(&tr).len(), 2);
        assert_eq!(turns(&tr)[0].1, Role::Client);
    }

    #[test]
    fn unknown_speaker_is_kept() {
        let src = "Client: Alex\nTherapist: Dr. Kim\n\n[09:00]\nDr. Kim: Hello.\n\n\
                   Interpreter: She says hello.\n\nALEX: hi\n\nKim: Welcome.\n";
        let tr = parse(src).unwrap();
        let roles: Vec<_> = turns(&tr).into_iter().map(|(s, r, _)| (s, r)).collect();
        assert_eq!(
            roles,
            vec![
                ("Dr. Kim".into(), Role::Clinician),
                ("Interpreter".into(), Role::Unknown),
                ("ALEX".into(), Role::Client),
                ("Kim".into(), Role::Clinician),
            ]
        );
    }

    #[test]
    fn paragraphs_and_continuations() {
        let src = "[10:00]\nAlex: First line  \nsecond line\n\n\n\tThird para\n\n\
                   (sighs)\n\nAfter the sigh.\n\n**[10:05]**\nStill Alex after the mark.\n\
                   **Dr. Lee:** Bold label.\n";
        let tr = parse(src).unwrap();
        assert_eq!(
            tr.segments[0].items,
            vec![
                Item::Turn {
                    speaker: "Alex".into(),
                    role: Role::Unknown,
                    text: "First line\nsecond line\n\nThird para".into()
                },
                Item::Direction("sighs".into()),
                Item::Turn {
                    speaker: "Alex".into(),
                    role: Role::Unknown,
                    text: "After the sigh.".into()
                },
            ]
        );
        assert_eq!(
            turns(&tr)[2..],
            [
                (
                    "Alex".into(),
                    Role::Unknown,
                    "Still Alex after the mark.".into()
                ),
                ("Dr. Lee".into(), Role::Clinician, "Bold label.".into()),
            ]
        );
    }

    #[test]
    fn markdown_header_and_unstored_header_lines() {
        let src = "# **Session 2/10**\n**Date:** 4 March 2025\nSession type: Video\n\
                   Duration: 50 minutes\nLocation: Telehealth\n- **Client:** Mira Okafor\n\
                   Therapist: Sam Lee\n\nMira:\nI slept badly.\n\n\
                   Therapist (Sam): Say more.\n";
        let tr = parse(src).unwrap();
        assert_eq!(tr.header.session_number, Some(2));
        assert_eq!(tr.header.planned_sessions, Some(10));
        assert_eq!(tr.header.date, NaiveDate::from_ymd_opt(2025, 3, 4));
        assert_eq!(tr.header.client_name.as_deref(), Some("Mira Okafor"));
        assert_eq!(tr.header.clinician_name.as_deref(), Some("Sam Lee"));
        assert_eq!(
            turns(&tr),
            vec![
                ("Mira".into(), Role::Client, "I slept badly.".into()),
                (
                    "Therapist (Sam)".into(),
                    Role::Clinician,
                    "Say more.".into()
                ),
            ]
        );
    }

    #[test]
    fn non_ascii_text() {
        let src = "Client: Zoë Müller (Künstlerin)\nProfessional: Dr. Ana Núñez\n\n\
                   [10:00]\nDr. Núñez: “Wie geht’s?” — tell me.\n\nZoë: 今日は少し疲れています。\n\n\
                   ジョン：こんにちは\n";
        let tr = parse(src).unwrap();
        assert_eq!(tr.header.client_occupation.as_deref(), Some("Künstlerin"));
        assert_eq!(
            turns(&tr),
            vec![
                (
                    "Dr. Núñez".into(),
                    Role::Clinician,
                    "“Wie geht’s?” — tell me.".into()
                ),
                (
                    "Zoë".into(),
                    Role::Client,
                    "今日は少し疲れています。".into()
                ),
                ("ジョン".into(), Role::Unknown, "こんにちは".into()),
            ]
        );
    }

    #[test]
    fn end_marker_forms() {
        for end in [
            "(End of session)",
            "[END OF SESSION]",
            "End of session.",
            "**End of session**",
        ] {
            let src = format!("[10:00]\nAlex: Hi.\n[10:20]\n{end}\n[10:25]\nAlex: after\n");
            let tr = parse(&src).unwrap();
            assert!(tr.ended, "{end}");
            assert_eq!(tr.end, Some(t(10, 20)), "{end}");
            assert!(
                tr.segments
                    .iter()
                    .flat_map(|s| &s.items)
                    .all(|i| !matches!(i, Item::Direction(_)))
            );
        }
    }

    #[test]
    fn inline_mark_and_timestamps_in_speech() {
        let src = "[10:00] Alex: We met at 10:30 and http://example.org was down.\n";
        let tr = parse(src).unwrap();
        assert_eq!(tr.segments[0].mark, Some(t(10, 0)));
        assert_eq!(
            turns(&tr),
            vec![(
                "Alex".into(),
                Role::Unknown,
                "We met at 10:30 and http://example.org was down.".into()
            )]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(parse(""), Err(TranscriptError::Empty));
        assert_eq!(parse(" \n\t\r\n\u{feff}"), Err(TranscriptError::Empty));
        assert_eq!(
            parse("It was a quiet day, and nothing much happened.\nThe end was near."),
            Err(TranscriptError::NotATranscript)
        );
        assert_eq!(
            parse("Session 14/24\nDate: July 31, 2025\nClient: Alex (Designer)\n"),
            Err(TranscriptError::NotATranscript)
        );
        assert_eq!(
            parse("\u{0}\u{1}\u{fffd}\u{7f}[[[**]]]((:)):\n\r\r12:99\n[25:00]"),
            Err(TranscriptError::NotATranscript)
        );
        assert_eq!(
            parse("[10:00]\n(pause)\n[10:05]\n"),
            Err(TranscriptError::NotATranscript)
        );
        let msg = TranscriptError::NotATranscript.to_string();
        assert!(msg.contains("no speaker turns"));
        assert!(TranscriptError::Empty.to_string().contains("empty"));
    }

    #[test]
    fn date_and_time_helpers() {
        assert_eq!(
            parse_date("31.07.2025"),
            NaiveDate::from_ymd_opt(2025, 7, 31)
        );
        assert_eq!(
            parse_date("07/31/2025"),
            NaiveDate::from_ymd_opt(2025, 7, 31)
        );
        assert_eq!(parse_date("04/03/2025"), None);
        assert_eq!(parse_date("February 30, 2025"), None);
        assert_eq!(
            parse_date("Sept 3 2025"),
            NaiveDate::from_ymd_opt(2025, 9, 3)
        );
        assert_eq!(parse_time("12:30 AM").map(|x| x.0), Some(t(0, 30)));
        assert_eq!(parse_time("12:30 pm").map(|x| x.0), Some(t(12, 30)));
        assert_eq!(parse_time("13:00 pm"), None);
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("10 amazing"), None);
    }

    #[test]
    fn garbage_never_panics() {
        let inputs = [
            "(",
            ")",
            "[",
            "**[",
            "**[1",
            "[1:",
            "é:",
            "Ω: (",
            "(é",
            "：",
            "a：b",
            "Session",
            "Session 99999999999",
            "Date: 99999-99-99",
            "Client: (",
            "Client: )(",
            "Client: x (é",
            "Professional: A, (",
            "\r\r\r",
            "\u{feff}",
            "31st",
            "1st January 99999",
        ];
        for s in inputs {
            let _ = parse(s);
        }
    }

    // -- property tests -----------------------------------------------------

    fn rich_char() -> impl Strategy<Value = char> {
        prop_oneof![
            prop::sample::select(vec![
                '[', ']', '*', '(', ')', ':', '\n', '\r', ' ', '\t', '.', ',', '/', '-', '#', 'a',
                'A', 'm', 'p', 'M', 'P', 'é', '—', '“', '：', '\u{feff}'
            ]),
            prop::char::range('0', '9'),
            any::<char>(),
        ]
    }

    /// One word of speech: letters (some non-ASCII), digits, and trailing
    /// punctuation, but never a colon, parenthesis or bracket.
    fn word() -> impl Strategy<Value = String> {
        (
            "[a-zA-Z0-9éüñßøçΩж日本]{1,8}",
            prop::sample::select(vec!["", "", "", ",", ".", "'s", "—", "!", "?"]),
        )
            .prop_map(|(w, p)| format!("{w}{p}"))
    }

    fn line() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 1..8).prop_map(|ws| ws.join(" "))
    }

    fn paragraph() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(line(), 1..4)
    }

    fn speaker() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Dr. Torres".to_string()),
            Just("Alex".to_string()),
            Just("Zoë".to_string()),
            "(Ms\\. )?[A-ZÉÖ][a-zäöüéñ]{1,7}( [A-Z][a-z]{1,6})?",
        ]
    }

    /// A speaker and the paragraphs (lists of lines) they say.
    type GenTurn = (String, Vec<Vec<String>>);
    /// A mark's minute past 10:00 and its turns.
    type GenSegment = (u32, Vec<GenTurn>);

    fn turn() -> impl Strategy<Value = GenTurn> {
        (speaker(), prop::collection::vec(paragraph(), 1..4))
    }

    fn session() -> impl Strategy<Value = Vec<GenSegment>> {
        prop::collection::vec((0u32..60, prop::collection::vec(turn(), 1..9)), 1..7)
    }

    fn render(segments: &[GenSegment], crlf: bool) -> String {
        let mut s = String::from(
            "Session 14/24\nDate: July 31, 2025\nTime: 10:00 AM\nClient: Alex (Product Designer)\n\
             Professional: Dr. Harper Torres (Licensed Clinical Psychologist)\n\n",
        );
        for (minute, turns) in segments {
            s.push_str(&format!("**[10:{minute:02}]**  \n"));
            for (speaker, paras) in turns {
                for (pi, para) in paras.iter().enumerate() {
                    for (li, line) in para.iter().enumerate() {
                        if pi == 0 && li == 0 {
                            s.push_str(speaker);
                            s.push_str(": ");
                        }
                        s.push_str(line);
                        s.push_str("  \n");
                    }
                    s.push('\n');
                }
            }
        }
        s.push_str("(End of session)");
        if crlf {
            s = s.replace('\n', "\r\n");
        }
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_input_never_panics(s in any::<String>()) {
            let _ = parse(&s);
        }

        #[test]
        fn structured_noise_never_panics(chars in prop::collection::vec(rich_char(), 0..200)) {
            let s: String = chars.into_iter().collect();
            if let Ok(tr) = parse(&s) {
                prop_assert!(tr.turns().any(|(sp, _, _)| !sp.is_empty()));
            }
        }

        #[test]
        fn round_trip(segs in session(), crlf in any::<bool>()) {
            let src = render(&segs, crlf);
            let tr = parse(&src).unwrap();
            let expected: Vec<(String, String)> = segs
                .iter()
                .flat_map(|(_, ts)| ts.iter())
                .map(|(sp, paras)| {
                    let text = paras.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n");
                    (sp.clone(), text)
                })
                .collect();
            let got: Vec<(String, String)> =
                tr.turns().map(|(s, _, x)| (s.to_string(), x.to_string())).collect();
            prop_assert_eq!(got, expected);
            prop_assert_eq!(tr.segments.len(), segs.len());
            prop_assert!(tr.ended);
            for (sp, role, _) in tr.turns() {
                let want = match sp {
                    "Dr. Torres" => Role::Clinician,
                    "Alex" => Role::Client,
                    "Zoë" => Role::Unknown,
                    _ => continue,
                };
                prop_assert_eq!(role, &want);
            }
        }
    }
}
