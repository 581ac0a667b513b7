//! Who each speaker is: which speaker labels are the clinician and which the
//! client, whether read from a transcript's header and wording or confirmed
//! by the clinician for a recording ("Which speaker is you?").

use super::header::TITLES;
use super::lines::split_aside;
use super::{Header, Item, Role, Segment, Transcript};
use std::collections::HashMap;

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

pub(super) fn name_tokens(s: &str) -> Vec<String> {
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
pub(super) fn name_score(speaker: &[String], person: &str) -> u8 {
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

/// Gives every named turn its role and returns how many named turns there
/// are. Roles are resolved last because the header is only complete once the
/// body starts; a cache keeps long transcripts cheap.
pub(super) fn assign_roles(segments: &mut [Segment], header: &Header) -> usize {
    let mut cache: HashMap<String, Role> = HashMap::new();
    let mut speakers = 0usize;
    for seg in segments {
        for item in &mut seg.items {
            if let Item::Turn { speaker, role, .. } = item {
                if speaker.is_empty() {
                    continue;
                }
                speakers += 1;
                *role = match cache.get(speaker.as_str()) {
                    Some(r) => r.clone(),
                    None => {
                        let r = resolve_role(speaker, header);
                        cache.insert(speaker.clone(), r.clone());
                        r
                    }
                };
            }
        }
    }
    speakers
}

/// "Speaker 1", "Unknown Speaker", "Guest": labels that name nobody.
pub(super) fn is_generic_speaker(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "speaker" | "unknown" | "guest" | "participant" | "user" | "caller" | "attendee"
    )
}

/// Every speaker of `transcript`, in the order they first speak.
pub(super) fn speakers(transcript: &Transcript) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (speaker, _, _) in transcript.turns() {
        if !speaker.is_empty() && !out.iter().any(|s| s == speaker) {
            out.push(speaker.to_string());
        }
    }
    out
}

/// The speaker who is the clinician named `clinician` ("Your details"):
/// the same name ignoring case, else the best unique match by first name,
/// first and last name or title and surname, else the one speaker the
/// transcript itself calls the therapist or doctor.
pub(super) fn clinician_speaker(transcript: &Transcript, clinician: &str) -> Option<String> {
    let speakers = speakers(transcript);
    let wanted = clinician.trim().to_lowercase();
    if !wanted.is_empty() {
        if let Some(s) = speakers.iter().find(|s| s.to_lowercase() == wanted) {
            return Some(s.clone());
        }
        let named = name_tokens(clinician);
        let (untitled, _) = without_titles(&named);
        let scored: Vec<(u8, &String)> = speakers
            .iter()
            .map(|s| {
                (
                    name_score(&name_tokens(s), clinician).max(first_name(s, untitled)),
                    s,
                )
            })
            .filter(|(score, _)| *score >= 2)
            .collect();
        if let Some(&(best, s)) = scored.iter().max_by_key(|(score, _)| *score)
            && scored.iter().filter(|(score, _)| *score == best).count() == 1
        {
            return Some(s.clone());
        }
    }
    let mut by_role = transcript
        .turns()
        .filter(|(_, r, _)| **r == Role::Clinician);
    let first = by_role.next()?.0;
    by_role
        .all(|(s, _, _)| s == first)
        .then(|| first.to_string())
}

/// 2 when a speaker label's first word is the clinician's first name
/// ("Harper (she/her)", "Harper T."), else 0.
fn first_name(speaker: &str, clinician: &[String]) -> u8 {
    let toks = name_tokens(speaker);
    match (toks.first(), clinician.first()) {
        (Some(a), Some(b)) if a == b => 2,
        _ => 0,
    }
}

/// What the clinician confirmed: `me`'s turns are the clinician's and
/// everyone else's the client's (their names kept as written). The client
/// is the other speaker when there is exactly one, named, and neither the
/// file nor its text named one; the clinician is `me` unless that names nobody.
pub(super) fn confirm_clinician(transcript: &mut Transcript, me: &str) {
    let others: Vec<String> = speakers(transcript)
        .into_iter()
        .filter(|s| s != me)
        .collect();
    for seg in &mut transcript.segments {
        for item in &mut seg.items {
            if let Item::Turn { speaker, role, .. } = item
                && !speaker.is_empty()
            {
                *role = if speaker == me {
                    Role::Clinician
                } else {
                    Role::Client
                };
            }
        }
    }
    let h = &mut transcript.header;
    if h.client_name
        .as_ref()
        .is_some_and(|n| n.eq_ignore_ascii_case(me))
    {
        h.client_name = None;
    }
    if h.client_name.is_none()
        && let [other] = &others[..]
        && !is_generic_speaker(other)
    {
        h.client_name = Some(other.clone());
    }
    if h.clinician_name.is_none() && !is_generic_speaker(me) {
        h.clinician_name = Some(me.to_string());
    }
}
