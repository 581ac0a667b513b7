//! Time frames that make words a task between sessions: fixed phrases
//! ("before our next session", "on Friday") and spans ("over the next two
//! weeks").

use super::homework::{ASKS, DONT};
use super::matching::{Together, Words, trim_punct};
use super::task_list::skip_discourse;
use super::text::count_words;

/// Phrases that set a session-to-session time frame. Where one starts
/// another, matching takes the longer.
pub(super) static TIME_FRAMES: Words = Words::new(&[
    "before our next session",
    "before the next session",
    "before next session",
    "before we meet again",
    "before we meet next",
    "before we meet",
    "before next time",
    "until our next session",
    "until the next session",
    "until we meet again",
    "until we meet",
    "until next time",
    "until next week",
    "until i see you",
    "in the meantime",
    "for next time",
    "for next week",
    "for next session",
    "between now and our next session",
    "between now and the next session",
    "between now and next",
    "between now and then",
    "between now and when we meet",
    "between sessions",
    "over the next week",
    "over the coming week",
    "in the coming week",
    "during the week",
    "for the week",
    "for this week",
    "for the coming week",
    "this coming week",
    "this week",
    "next week",
    "tonight",
    "tomorrow",
    "on your way out",
    "on the way out",
    "this weekend",
    "at the weekend",
    "on monday",
    "on tuesday",
    "on wednesday",
    "on thursday",
    "on friday",
    "on saturday",
    "on sunday",
    "this monday",
    "this tuesday",
    "this wednesday",
    "this thursday",
    "this friday",
    "this saturday",
    "this sunday",
    "next monday",
    "next tuesday",
    "next wednesday",
    "next thursday",
    "next friday",
    "next saturday",
    "next sunday",
    // A routine is a frame of its own: "I'll do the body scan every morning"
    // (see `is_routine`).
    "every morning",
    "every evening",
    "every night",
    "every day",
    "each morning",
    "each evening",
    "each night",
    "each day",
    "every weekend",
    "every week",
    "every other day",
    "each weekend",
    "each week",
    "once a day",
    "twice a day",
    "once a week",
    "twice a week",
]);

/// Whether a time frame found in a sentence is a routine, which says how
/// often rather than when: the routines of [`TIME_FRAMES`] open with these.
pub(super) fn is_routine(frame: &str) -> bool {
    let first = frame.split_whitespace().next().unwrap_or_default();
    ["every", "each", "once", "twice"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
}

/// Openings of a span like "over the next two weeks"; see [`span_at`].
pub(super) static SPAN_LEADS: Words = Words::new(&[
    "over the next",
    "for the next",
    "in the next",
    "during the next",
    "over the coming",
    "for the coming",
    "in the coming",
]);

/// What a span counts in.
const SPAN_UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "fortnight",
    "month",
    "sessions",
];

/// Both kinds of time frame, read in one pass: most sentences have neither.
static FRAMES: Together = Together::new(&[&TIME_FRAMES, &SPAN_LEADS]);

/// Where the earliest time frame is: a fixed phrase or a span.
pub(super) fn find_frame(s: &str) -> Option<(usize, usize)> {
    let heard = FRAMES.heard_in(s);
    let fixed = if heard.has(&TIME_FRAMES) {
        TIME_FRAMES.find(s).map(|(a, b, _)| (a, b))
    } else {
        None
    };
    let span = if heard.has(&SPAN_LEADS) {
        find_span(s)
    } else {
        None
    };
    match (fixed, span) {
        (Some(f), Some(s)) => Some(if s.0 < f.0 { s } else { f }),
        (f, s) => f.or(s),
    }
}

/// Where the earliest span is: a lead followed by its unit.
fn find_span(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    loop {
        let (a, b, _) = SPAN_LEADS.find(&s[from..])?;
        if let Some(end) = span_at(s, from + b) {
            return Some((from + a, end));
        }
        from += b;
    }
}

/// After a span lead, the end of its unit if one of the next three words is
/// one ("over the next | two weeks", "for the next | few days").
fn span_at(s: &str, from: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..3 {
        let rest = &s[at..];
        let start = at + (rest.len() - rest.trim_start().len());
        let word_end = s[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(s.len(), |i| start + i);
        if word_end == start {
            return None;
        }
        if SPAN_UNITS
            .iter()
            .any(|u| s[start..word_end].eq_ignore_ascii_case(u))
        {
            return Some(word_end);
        }
        at = word_end;
    }
    None
}

/// Where the last time frame is.
pub(super) fn last_frame(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut last = None;
    while let Some((a, b)) = find_frame(&s[from..]) {
        last = Some((from + a, from + b));
        from += b;
    }
    last
}

/// Whether `next`, the sentence after a task, only gives it its time frame:
/// "Tonight, before I lose my courage.", "Three times this week, if you
/// can." Not a farewell ("(laughs) See you next week.") or a frame denied
/// ("Not this week.").
pub(super) fn frame_follows(next: Option<&str>) -> bool {
    let Some(next) = next else { return false };
    count_words(next, 9) <= 8
        && find_frame(next).is_some_and(|(a, _)| {
            let before = trim_punct(&next[..a]);
            count_words(before, 3) <= 2 && !DONT.is_in(before) && !NOT_A_FRAME.is_in(before)
        })
}

/// Whether `before`, the sentence before an instruction, asks for a task in
/// a time frame, so the instruction gives it: "Would you be up for doing
/// that this week? I'd like you to walk to the bus stop in daylight."
pub(super) fn frame_asked_before(before: Option<&str>) -> bool {
    before.is_some_and(|b| {
        b.ends_with('?') && ASKS.opens(skip_discourse(b)) && find_frame(b).is_some()
    })
}

/// Words before a frame that make it no frame of the sentence before.
static NOT_A_FRAME: Words = Words::new(&["not", "see"]);
