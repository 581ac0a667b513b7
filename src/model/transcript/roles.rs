//! Speaker roles: which speaker labels are the clinician and which the client.

use super::header::TITLES;
use super::lines::split_aside;
use super::{Header, Item, Role, Segment};
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
