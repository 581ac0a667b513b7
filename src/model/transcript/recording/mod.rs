//! Transcripts of a recording, as telehealth platforms and transcription
//! services write them: WebVTT (Zoom, Teams), SubRip (.srt) and "Name  0:04"
//! text exports (Otter and the like).
//!
//! Their times count from the start of the recording, not the clock, and
//! their speakers are names without roles, so they are read into a
//! [`Reading`] that the clinician completes ([`Confirmed`]): which speaker
//! they are, when the session started, and, where neither file nor text says,
//! the date and session number. [`Reading::confirm`] then gives the
//! transcript as a session keeps it, with clock-time marks.

mod captions;
mod file_name;
mod otter;

pub use file_name::hints;

use super::lines::clean;
use super::roles::{assign_roles, clinician_speaker, confirm_clinician, speakers};
use super::{Header, Item, Role, Segment, Transcript, TranscriptError};
use chrono::{NaiveDate, NaiveTime, TimeDelta, Timelike};

/// Where a transcript came from, as far as its text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A transcript typed or exported as text, with clock times if any.
    Plain,
    WebVtt,
    Srt,
    /// "Name  0:04" lines, then what was said.
    SpeakerStamps,
}

impl Format {
    /// Whether its times count from the start of the recording.
    pub fn is_elapsed(self) -> bool {
        self != Format::Plain
    }
}

/// One speaker's turn as read from a recording: who, when (milliseconds
/// since the start) and what they said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Spoken {
    pub speaker: String,
    pub at_ms: u64,
    pub text: String,
}

/// A transcript as read, before the clinician confirms what it cannot say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub format: Format,
    /// For a recording, its marks and `end` are times since the start of the
    /// recording (00:00 being the start) and the header has no start time.
    pub transcript: Transcript,
}

/// What the clinician confirmed in the preview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confirmed {
    /// The speaker who is the clinician; every other speaker is the client.
    pub me: Option<String>,
    /// The clock time the recording started.
    pub start: Option<NaiveTime>,
    pub date: Option<NaiveDate>,
    pub number: Option<u32>,
}

fn detect(input: &str, file_name: Option<&str>) -> Format {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("vtt") => return Format::WebVtt,
        Some("srt") => return Format::Srt,
        _ => {}
    }
    let mut lines = input.lines().map(clean).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    if first.starts_with("WEBVTT") {
        return Format::WebVtt;
    }
    // An SRT file: a cue number, then its timing line.
    if std::iter::once(first)
        .chain(lines.take(3))
        .any(|l| l.contains("-->"))
    {
        return Format::Srt;
    }
    if otter::looks_like(input) {
        return Format::SpeakerStamps;
    }
    Format::Plain
}

/// Mostly control characters or undecodable bytes: a recording, a picture
/// or a word-processor file rather than text.
fn is_binary(input: &str) -> bool {
    let bad = input
        .chars()
        .filter(|&c| c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
        .count();
    bad >= 8 && bad * 20 >= input.chars().count()
}

/// Reads a transcript in any format it can tell apart. `file_name`, when the
/// text came from a file, decides between caption formats by its extension
/// and fills in the client, session number, date and start time it gives,
/// where the text does not.
pub fn read(input: &str, file_name: Option<&str>) -> Result<Reading, TranscriptError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.chars().count() > super::MAX_CHARS {
        return Err(TranscriptError::TooLong);
    }
    if clean(input).is_empty() {
        return Err(TranscriptError::Empty);
    }
    if is_binary(input) {
        return Err(TranscriptError::NotText);
    }
    let format = detect(input, file_name);
    let mut transcript = match format {
        Format::Plain => super::parse(input)?,
        Format::WebVtt | Format::Srt => {
            let (spoken, end_ms) = captions::turns(captions::cues(input)?);
            assemble(spoken, end_ms, Header::default())
        }
        Format::SpeakerStamps => {
            let (spoken, end_ms, header) = otter::turns(input);
            if spoken.is_empty() {
                return Err(TranscriptError::NotATranscript);
            }
            assemble(spoken, end_ms, header)
        }
    };
    if let Some(name) = file_name {
        let hint = hints(name);
        let h = &mut transcript.header;
        h.client_name = h.client_name.take().or(hint.client_name);
        h.session_number = h.session_number.or(hint.session_number);
        h.date = h.date.or(hint.date);
        if format.is_elapsed() {
            // A plain transcript's start is its first mark, never the file's.
            h.start = hint.start;
        }
    }
    Ok(Reading { format, transcript })
}

/// Milliseconds since the start as a time of day from midnight, to the
/// minute below.
fn minute_of(ms: u64) -> NaiveTime {
    let mins = (ms / 60_000) % (24 * 60);
    NaiveTime::from_hms_opt((mins / 60) as u32, (mins % 60) as u32, 0).unwrap_or_default()
}

/// Turns into segments, one per minute of the recording that has turns.
fn assemble(spoken: Vec<Spoken>, end_ms: u64, header: Header) -> Transcript {
    let mut segments: Vec<Segment> = Vec::new();
    for s in spoken {
        let mark = minute_of(s.at_ms);
        let turn = Item::Turn {
            speaker: s.speaker,
            role: Role::Unknown,
            text: s.text,
        };
        match segments.last_mut() {
            Some(seg) if seg.mark == Some(mark) => seg.items.push(turn),
            _ => segments.push(Segment {
                mark: Some(mark),
                items: vec![turn],
            }),
        }
    }
    // Rounded to the nearest minute: the recording runs on past its last mark.
    let end = minute_of(end_ms + 30_000);
    let mut transcript = Transcript {
        header,
        segments,
        end: Some(end),
        ended: false,
    };
    assign_roles(&mut transcript.segments, &transcript.header);
    transcript
}

impl Reading {
    /// Every speaker, in the order they first speak.
    pub fn speakers(&self) -> Vec<String> {
        speakers(&self.transcript)
    }

    /// The speaker who is the clinician named `clinician` ("Your details").
    pub fn guess_me(&self, clinician: &str) -> Option<String> {
        clinician_speaker(&self.transcript, clinician)
    }

    /// The transcript as the session keeps it: `me`'s turns the clinician's
    /// and everyone else's the client's (see `roles::confirm_clinician`),
    /// marks on the clock from `start`, and the date and number given.
    pub fn confirm(&self, c: &Confirmed) -> Transcript {
        let mut t = self.transcript.clone();
        let h = &mut t.header;
        h.date = c.date.or(h.date);
        h.session_number = c.number.or(h.session_number);
        if let Some(me) = c.me.as_deref().filter(|m| !m.is_empty()) {
            confirm_clinician(&mut t, me);
        }
        if self.format.is_elapsed() {
            t.header.start = None;
            if let Some(start) = c.start {
                let start = start
                    .with_second(0)
                    .unwrap_or(start)
                    .with_nanosecond(0)
                    .unwrap_or(start);
                let shift =
                    |m: NaiveTime| start + TimeDelta::seconds(m.num_seconds_from_midnight() as i64);
                for seg in &mut t.segments {
                    seg.mark = seg.mark.map(shift);
                }
                t.end = t.end.map(shift);
                t.header.start = Some(start);
            }
        }
        t
    }

    /// Minutes the session lasted: for a recording, its length, known before
    /// the start time is.
    pub fn duration_minutes(&self) -> Option<i64> {
        if self.format.is_elapsed() {
            let end = self.transcript.end?;
            return Some(i64::from(end.num_seconds_from_midnight() / 60));
        }
        self.transcript.duration_minutes()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
