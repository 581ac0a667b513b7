//! Caption files: WebVTT (Zoom and Teams exports) and SubRip (.srt).
//!
//! Both are blocks separated by blank lines, each cue a timing line
//! (`00:00:01.234 --> 00:00:04.567`, with a comma before the milliseconds in
//! SRT) followed by its text. The speaker is `Name: text` (Zoom, many SRT
//! files) or a voice tag `<v Name>text</v>` (Teams); a cue naming nobody
//! carries on the previous speaker's turn.

use super::super::TranscriptError;
use super::super::lines::{clean, speaker_line, split_lines};
use super::Spoken;

/// One cue as read: its start and end in milliseconds from the start of the
/// recording, the speaker if named, and its words on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cue {
    pub start_ms: u64,
    pub end_ms: u64,
    pub speaker: Option<String>,
    pub text: String,
}

/// `01:02:03.456`, `02:03.456`, `01:02:03,456` or `01:02:03` as
/// milliseconds.
pub(super) fn cue_time(s: &str) -> Option<u64> {
    let s = s.trim();
    let (clock, fraction) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let digits = |p: &str, max_len: usize| -> Option<u64> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (h, m, sec) = match parts[..] {
        [h, m, s] => (digits(h, 3)?, digits(m, 2)?, digits(s, 2)?),
        [m, s] => (0, digits(m, 2)?, digits(s, 2)?),
        _ => return None,
    };
    if m >= 60 || sec >= 60 {
        return None;
    }
    let ms = match fraction {
        None => 0,
        Some(f) => {
            let f = digits(f, 3)?;
            // "1.5" is half a second, as in "1.500".
            let len = s.len() - s.find(['.', ',']).unwrap_or(0) - 1;
            f * 10u64.pow(3 - len as u32)
        }
    };
    Some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// `start --> end` with optional cue settings after the end.
fn timing(line: &str) -> Option<(u64, u64)> {
    let (a, b) = line.split_once("-->")?;
    let b = b.split_whitespace().next()?;
    let (start, end) = (cue_time(a)?, cue_time(b)?);
    (end >= start).then_some((start, end))
}

/// Drops markup tags (`<c>`, `<i>`, `</v>`, `<00:00:01.000>`) and decodes the
/// few character references caption files use.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c == '/' || c.is_ascii_alphanumeric());
        match after.find('>') {
            Some(close) if is_tag => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
        .replace("&amp;", "&")
}

/// Collapses runs of whitespace (caption line breaks are only wrapping).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The speaker and words of a cue's text lines.
fn payload(lines: &[&str]) -> (Option<String>, String) {
    let raw = one_line(&lines.join(" "));
    if let Some(after) = raw.strip_prefix("<v")
        && after.starts_with([' ', '.'])
        && let Some(close) = after.find('>')
    {
        // `<v.loud Name>`: the classes run to the first space.
        let tag = after[..close].trim_start_matches(|c: char| !c.is_whitespace());
        let name = one_line(&strip_tags(tag));
        let text = one_line(&strip_tags(&after[close + 1..]));
        return ((!name.is_empty()).then_some(name), text);
    }
    let text = one_line(&strip_tags(&raw));
    match speaker_line(&text) {
        Some((name, rest)) => (Some(name.to_string()), rest.to_string()),
        None => (None, text),
    }
}

/// Every cue of a caption file, in order. A line with "-->" that is not a
/// readable timing line refuses the file: the times would be wrong.
pub(super) fn cues(input: &str) -> Result<Vec<Cue>, TranscriptError> {
    let lines = split_lines(input);
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // One block: up to the next blank line.
        let from = i;
        while i < lines.len() && !clean(lines[i]).is_empty() {
            i += 1;
        }
        let block: Vec<&str> = lines[from..i].iter().map(|l| clean(l)).collect();
        while i < lines.len() && clean(lines[i]).is_empty() {
            i += 1;
        }
        let Some(first) = block.first() else { continue };
        let word = first.split_whitespace().next().unwrap_or("");
        if (cues.is_empty() && first.starts_with("WEBVTT"))
            || matches!(word, "NOTE" | "STYLE" | "REGION")
        {
            continue;
        }
        match block.iter().position(|l| l.contains("-->")) {
            Some(at) => {
                let Some((start_ms, end_ms)) = timing(block[at]) else {
                    return Err(TranscriptError::BadCueTime {
                        line: from + at + 1,
                        text: block[at].chars().take(60).collect(),
                    });
                };
                let (speaker, text) = payload(&block[at + 1..]);
                cues.push(Cue {
                    start_ms,
                    end_ms,
                    speaker,
                    text,
                });
            }
            // Text outside any cue: words that belong to the cue before.
            None => {
                if let Some(last) = cues.last_mut() {
                    let more = one_line(&strip_tags(&block.join(" ")));
                    if !more.is_empty() {
                        if !last.text.is_empty() {
                            last.text.push(' ');
                        }
                        last.text.push_str(&more);
                    }
                }
            }
        }
    }
    if cues.is_empty() {
        return Err(TranscriptError::NoCues);
    }
    if cues.iter().all(|c| c.text.is_empty()) {
        return Err(TranscriptError::NoCaptionText);
    }
    Ok(cues)
}

/// Cues as turns: consecutive cues of one speaker become one turn, their
/// words joined by spaces; a cue naming nobody carries on the turn before.
/// Cues before anyone is named stay separate, without a speaker.
pub(super) fn turns(cues: Vec<Cue>) -> (Vec<Spoken>, u64) {
    let end_ms = cues.iter().map(|c| c.end_ms).max().unwrap_or(0);
    let mut out: Vec<Spoken> = Vec::new();
    for cue in cues {
        if cue.text.is_empty() {
            continue;
        }
        let carry_on = match (&cue.speaker, out.last()) {
            (Some(name), Some(last)) => *name == last.speaker,
            (None, Some(last)) => !last.speaker.is_empty(),
            (_, None) => false,
        };
        match out.last_mut() {
            Some(last) if carry_on => {
                last.text.push(' ');
                last.text.push_str(&cue.text);
            }
            _ => out.push(Spoken {
                speaker: cue.speaker.unwrap_or_default(),
                at_ms: cue.start_ms,
                text: cue.text,
            }),
        }
    }
    (out, end_ms)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn cue_times_read_with_or_without_hours_and_with_either_separator() {
        assert_eq!(cue_time("00:00:01.234"), Some(1_234));
        assert_eq!(cue_time("01:02:03,456"), Some(3_723_456));
        assert_eq!(cue_time("02:03.5"), Some(123_500));
        assert_eq!(cue_time("00:61:00.000"), None);
        assert_eq!(cue_time("0a:00:00.000"), None);
        assert_eq!(timing("00:00:05.000 --> 00:00:01.000"), None);
        assert_eq!(
            timing("00:00:01.000 --> 00:00:02.000 align:start position:0%"),
            Some((1_000, 2_000))
        );
    }

    #[test]
    fn voice_tags_and_markup_are_read_as_speaker_and_words() {
        assert_eq!(
            payload(&[
                "<v.loud Dr. Sam Lee>Hello <i>there</i>",
                "&amp; welcome</v>"
            ]),
            (Some("Dr. Sam Lee".into()), "Hello there & welcome".into())
        );
        assert_eq!(
            payload(&["Speaker 2: fine, thanks"]),
            (Some("Speaker 2".into()), "fine, thanks".into())
        );
        assert_eq!(
            payload(&["just words < 5"]),
            (None, "just words < 5".into())
        );
    }
}
