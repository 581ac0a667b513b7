//! Parser for plain-text therapy session transcripts.
//!
//! The format is loose by nature (typed by hand, exported from dictation
//! tools, pasted from e-mail), so the parser works line by line, classifies
//! each line, and never fails on odd input: the only errors are "nothing
//! there" and "no speaker turns at all".
//!
//! All slicing happens at positions of ASCII characters (or positions
//! returned by `char_indices`), so no input can split a UTF-8 sequence.
//!
//! `builder` assembles the lines, asking `lines`, `time` and `header` what
//! each one is; `roles` names the speakers once the header is complete.
//! `find` searches a parsed transcript. `recording` reads the formats of
//! telehealth platforms and transcription services (WebVTT, SRT, "Name  0:04"
//! exports), whose times count from the start of the recording; [`read`]
//! tells the formats apart.

mod builder;
mod find;
mod header;
mod lines;
pub mod recording;
mod roles;
mod time;

pub use recording::{Confirmed, Format, Reading, read};

use builder::Builder;
use chrono::{NaiveDate, NaiveTime};
use lines::{clean, split_lines};
use serde::{Deserialize, Serialize};
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
    /// More than [`MAX_CHARS`] characters, or a file too large to hold fewer.
    TooLong,
    NotATranscript,
    /// Mostly control characters or undecodable bytes.
    NotText,
    /// A caption file without a single cue.
    NoCues,
    /// Cues with times but no words.
    NoCaptionText,
    /// A timing line (with "-->") whose times cannot be read: 1-based line
    /// number and the start of the line.
    BadCueTime {
        line: usize,
        text: String,
    },
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranscriptError::Empty => f.write_str(
                "This file is empty, so there is no session transcript in it. Nothing was imported.",
            ),
            TranscriptError::TooLong => f.write_str(
                "This transcript is longer than this device can keep beside your notes \
                 (2,000,000 characters at most). Nothing was imported.",
            ),
            TranscriptError::NotATranscript => f.write_str(
                "This file has no speaker turns (lines like “Name: what they said”), so it does \
                 not look like a session transcript. Nothing was imported.",
            ),
            TranscriptError::NotText => f.write_str(
                "This file is not text: it may be the recording itself or a document. Export the \
                 transcript from Zoom, Teams or your transcription service as .vtt, .srt or .txt \
                 and choose that file. Nothing was imported.",
            ),
            TranscriptError::NoCues => f.write_str(
                "This caption file has no cues (lines like “00:00:01.000 --> 00:00:04.000” \
                 followed by what was said), so there is no conversation to import. Nothing was \
                 imported.",
            ),
            TranscriptError::NoCaptionText => f.write_str(
                "The cues in this caption file have times but no words, so there is no \
                 conversation to import. Nothing was imported.",
            ),
            TranscriptError::BadCueTime { line, text } => write!(
                f,
                "Line {line} should give a cue’s start and end, like “00:01:02.500 --> \
                 00:01:05.000”, but reads “{text}”. The file may be damaged or cut short; \
                 export it again. Nothing was imported."
            ),
        }
    }
}

impl std::error::Error for TranscriptError {}

/// Larger transcripts would not fit beside the rest of the notes: the
/// browser keeps about 5.2 million characters per site in all.
pub const MAX_CHARS: usize = 2_000_000;

/// Refuses a file before it is read when it is too large to hold a
/// transcript that fits: no character takes more than 4 bytes in UTF-8, so
/// a file of more than 4 × [`MAX_CHARS`] bytes holds too many, whatever it is.
pub fn check_file_size(bytes: f64) -> Result<(), TranscriptError> {
    if bytes > (4 * MAX_CHARS) as f64 {
        return Err(TranscriptError::TooLong);
    }
    Ok(())
}

/// Parses a transcript in the plain-text format (header, clock-time marks,
/// `Name: text` turns). Never panics; see [`TranscriptError`] for failures.
/// [`read`] also reads caption files and "Name  0:04" exports.
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
