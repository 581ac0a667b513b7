//! Text exports of transcription services (Otter and the like): a line with
//! the speaker's name and the time since the recording started, then what
//! they said, in one or more paragraphs.
//!
//! ```text
//! Harper Torres  0:04
//! Hi Alex, good to see you again.
//!
//! Alex Rivera  0:09
//! Hey. It has been a week.
//! ```

use super::super::Header;
use super::super::header::parse_header_line;
use super::super::lines::{clean, is_name_word, speaker_line, split_lines};
use super::super::time::parse_date;
use super::Spoken;
use chrono::NaiveDate;

/// `0:04`, `12:45`, `1:02:03` as milliseconds.
fn elapsed(tok: &str) -> Option<u64> {
    let parts: Vec<&str> = tok.split(':').collect();
    let num = |p: &str, len: std::ops::RangeInclusive<usize>| -> Option<u64> {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (h, m, s) = match parts[..] {
        [h, m, s] => (num(h, 1..=2)?, num(m, 2..=2)?, num(s, 2..=2)?),
        [m, s] => (0, num(m, 1..=3)?, num(s, 2..=2)?),
        _ => return None,
    };
    if s >= 60 || (parts.len() == 3 && m >= 60) {
        return None;
    }
    Some(((h * 60 + m) * 60 + s) * 1000)
}

/// "Harper Torres  0:04" → ("Harper Torres", 4000).
fn speaker_stamp(line: &str) -> Option<(&str, u64)> {
    let t = clean(line);
    let (cut, space) = t.char_indices().rev().find(|(_, c)| c.is_whitespace())?;
    let at = elapsed(&t[cut + space.len_utf8()..])?;
    let name = clean(&t[..cut]);
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 4
        && name.chars().count() <= 60
        && words[0]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        && words.iter().all(|w| is_name_word(w));
    ok.then_some((name, at))
}

/// A date at the end of a title: "Session with Jo Park - Mar 4, 2025".
fn title_date(line: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=4)
        .filter_map(|n| words.len().checked_sub(n))
        .find_map(|from| parse_date(&words[from..].join(" ")))
}

/// Whether the text reads as such an export: at least two speaker-and-time
/// lines, and more of them than `Name: text` turns.
pub(super) fn looks_like(input: &str) -> bool {
    let (mut stamps, mut colons) = (0, 0);
    for line in split_lines(input) {
        if speaker_stamp(line).is_some() {
            stamps += 1;
        } else if speaker_line(clean(line)).is_some() {
            colons += 1;
        }
    }
    stamps >= 2 && stamps > colons
}

/// The turns, the time of the last one, and what the lines before the
/// first turn say (a title with the date, for instance).
pub(super) fn turns(input: &str) -> (Vec<Spoken>, u64, Header) {
    let mut header = Header::default();
    let mut out: Vec<Spoken> = Vec::new();
    let mut open = false;
    let mut gap = false;
    let mut last_ms = 0;
    for line in split_lines(input) {
        let t = clean(line);
        if let Some((name, at)) = speaker_stamp(t) {
            last_ms = last_ms.max(at);
            gap = false;
            match out.last_mut() {
                // One speaker's consecutive stamps are one turn.
                Some(last) if last.speaker == name => gap = !last.text.is_empty(),
                _ => out.push(Spoken {
                    speaker: name.to_string(),
                    at_ms: at,
                    text: String::new(),
                }),
            }
            open = true;
            continue;
        }
        if t.is_empty() {
            gap = true;
            continue;
        }
        if !open {
            // Before the first turn: a title, the date, a header line.
            if !parse_header_line(t, &mut header) && header.date.is_none() {
                header.date = title_date(t);
            }
            continue;
        }
        if t.starts_with("Transcribed by") {
            continue;
        }
        if let Some(last) = out.last_mut() {
            if !last.text.is_empty() {
                last.text.push_str(if gap { "\n\n" } else { "\n" });
            }
            last.text.push_str(t);
        }
        gap = false;
    }
    out.retain(|s| !s.text.is_empty());
    (out, last_ms, header)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn a_speaker_line_ends_with_the_time_since_the_start() {
        assert_eq!(
            speaker_stamp("Harper Torres  0:04"),
            Some(("Harper Torres", 4_000))
        );
        assert_eq!(
            speaker_stamp("Speaker 2 1:02:03"),
            Some(("Speaker 2", 3_723_000))
        );
        assert_eq!(speaker_stamp("we met at 10:30"), None);
        assert_eq!(speaker_stamp("Alex 10:99"), None);
        assert_eq!(speaker_stamp("0:04"), None);
    }
}
