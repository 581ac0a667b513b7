//! Header lines before the first turn: session number, date, start time and
//! who the client and clinician are.

use super::Header;
use super::lines::{clean, is_name_word, strip_prefix_ci};
use super::time::{parse_date, parse_time, take_digits};

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
pub(super) fn parse_header_line(t: &str, h: &mut Header) -> bool {
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
        // "Nurse: …", "Practitioner: …": a header may name the clinician by their work.
        if is(CLINICIAN_LABELS) || is(ROLE_WORDS) {
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

pub(super) const TITLES: &[&str] = &[
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
    // A couple, each with their own description: "Priya Nair (Pharmacist)
    // and Tom Whitfield (Bus driver)".
    if let Some((first, second)) = v.split_once(") and ").or_else(|| v.split_once(") & ")) {
        let (a, x) = parse_person(&format!("{first})"))?;
        let (b, y) = parse_person(second)?;
        let extra: Vec<String> = x.into_iter().chain(y).collect();
        return Some((
            format!("{a} and {b}"),
            (!extra.is_empty()).then(|| extra.join("; ")),
        ));
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
    // A question, an exclamation or a quote is someone speaking, not a
    // header. A description in brackets may run to a few clauses ("31, first
    // baby; on maternity leave"); a sentence of name and title may not.
    let spoken = |s: &str| s.contains(['?', '!', '"', '“', '”']);
    if before.is_empty()
        || spoken(before)
        || before.contains([';', ':'])
        || paren.is_some_and(|p| spoken(p) || p.chars().count() > 160)
    {
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
        let capital = |w: &&str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let plain = |w: &&str| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '&' | '\'' | '/'))
        };
        // Credentials in capitals ("LCSW", "Clinical Psychologist"), or a
        // role in words of its own that names the work ("CBT-I practitioner",
        // "Stop Smoking Adviser, maternity services"); anything else after a
        // name and a comma is someone speaking ("Sam, I think so").
        let names_a_role = || {
            words.len() <= 8
                && words.first().is_some_and(capital)
                && words
                    .iter()
                    .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
        };
        let ok = !words.is_empty()
            && words.iter().all(plain)
            && ((words.len() <= 6 && words.iter().all(capital)) || names_a_role());
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

/// Words that name someone's work in a header ("CBT-I practitioner").
const ROLE_WORDS: &[&str] = &[
    "practitioner",
    "therapist",
    "psychotherapist",
    "counsellor",
    "counselor",
    "psychologist",
    "psychiatrist",
    "adviser",
    "advisor",
    "nurse",
    "worker",
    "keyworker",
    "coach",
    "specialist",
    "clinician",
    "doctor",
    "consultant",
];

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
        // A couple seen together: "Claire and Martin Lowther".
        if i > 0 && i + 1 < words.len() && matches!(*w, "and" | "&") {
            return true;
        }
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
