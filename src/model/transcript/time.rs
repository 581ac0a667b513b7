//! Dates, clock times and the time marks that open a transcript's segments.

use super::lines::{clean, strip_prefix_ci};
use chrono::{NaiveDate, NaiveTime, Timelike};

/// `[10:00]`, `**[10:00]**`, `[2:05 PM]`, optionally followed by more text.
pub(super) fn leading_time_mark(t: &str) -> Option<(NaiveTime, bool, &str)> {
    let s = t.trim_start_matches(['*', '_', '#']).trim_start();
    let s = s.strip_prefix('[')?;
    let (time, amb, rest) = parse_time(s)?;
    let rest = rest.trim_start().strip_prefix(']')?;
    Some((time, amb, rest.trim_start_matches(['*', '_'])))
}

/// A time alone on a line (bare or bold), used as a mark in the body.
/// A colon is required so that speech like "10 am" is not taken as a mark.
pub(super) fn whole_time(bare: &str) -> Option<(NaiveTime, bool)> {
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

/// Leading ASCII digits, between `min` and `max` of them.
pub(super) fn take_digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// `10:00`, `14:05`, `2:05 pm`, `10:00 a.m.`, `10 am`, `10:00:15`.
/// Returns the time, whether it could be a 12-hour time missing its AM/PM,
/// and the unparsed rest.
pub(super) fn parse_time(s: &str) -> Option<(NaiveTime, bool, &str)> {
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
pub(super) fn adjust_meridiem(
    mark: NaiveTime,
    ambiguous: bool,
    start: Option<NaiveTime>,
) -> NaiveTime {
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
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
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
