//! What a transcript's file name says: `Alex 2025-07-31 session 14.vtt`,
//! `zoom_2025-07-31_10-00-00.vtt`, `GMT20250731-140012_Recording.transcript.vtt`.

use super::super::Header;
use chrono::{NaiveDate, NaiveTime};

/// Words in file names that are about the recording, not the client.
const NOISE: &[&str] = &[
    "zoom",
    "teams",
    "meeting",
    "recording",
    "recorded",
    "transcript",
    "transcription",
    "captions",
    "caption",
    "subtitles",
    "audio",
    "video",
    "otter",
    "call",
    "session",
    "with",
    "and",
    "copy",
    "final",
    "export",
    "notes",
    "telehealth",
    "therapy",
    "vtt",
    "srt",
    "txt",
    "md",
];

/// `2025-07-31`, `2025_07_31`, `20250731` at the start of `s`, with its length.
fn date_at(s: &str) -> Option<(NaiveDate, usize)> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let y = num(0, 4)?;
    if !(1990..=2099).contains(&y) {
        return None;
    }
    let (m, d, len) = match b.get(4) {
        Some(b'-' | b'_' | b'.') if b.get(7) == b.get(4) => (num(5, 2)?, num(8, 2)?, 10),
        _ => (num(4, 2)?, num(6, 2)?, 8),
    };
    // Not part of a longer number.
    if b.get(len).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, len))
}

/// `10-00-00`, `10.00`, `1000`, `100012` right after a date's separator.
fn time_at(s: &str) -> Option<NaiveTime> {
    let digits: String = s
        .chars()
        .take(8)
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ':'))
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() < 4 {
        return None;
    }
    let h: u32 = digits[..2].parse().ok()?;
    let m: u32 = digits[2..4].parse().ok()?;
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Client, session number, date and start time as the file name gives them.
/// A Zoom cloud name's time (after "GMT") is not the clinic's clock, so only
/// its date is taken.
pub fn hints(name: &str) -> Header {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem
        .trim_end_matches(".transcript")
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 4 && !ext.is_empty())
        .map_or(stem, |(s, _)| s)
        .trim_end_matches(".transcript");
    let mut h = Header::default();
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    let bytes = stem.as_bytes();
    while i < stem.len() {
        if !stem.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &stem[i..];
        let after_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        if !after_digit && let Some((date, len)) = date_at(rest) {
            h.date.get_or_insert(date);
            let gmt = stem[..i].to_ascii_uppercase().ends_with("GMT");
            let after = &rest[len..];
            if !gmt && after.starts_with(['_', ' ', '-', 'T']) {
                h.start = h.start.or_else(|| time_at(&after[1..]));
            }
            i += len;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    let lower = stem.to_lowercase();
    if let Some(at) = lower.find("session") {
        let rest = lower[at + "session".len()..].trim_start_matches([' ', '_', '-', '#']);
        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
        h.session_number = n.parse().ok().filter(|&n| (1..=9999).contains(&n));
    }
    for w in stem.split(|c: char| c.is_whitespace() || matches!(c, '_' | '-' | '.' | ',')) {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        let alpha = !w.is_empty() && w.chars().all(char::is_alphabetic);
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if alpha && cap && !NOISE.contains(&w.to_lowercase().as_str()) && !w.starts_with("GMT") {
            words.push(w.to_string());
        }
    }
    if !words.is_empty() && words.len() <= 4 {
        h.client_name = Some(words.join(" "));
    }
    h
}
