//! Possible risk: the client's words about suicide, self-harm, harming
//! someone or being harmed, for the clinician to review. Nothing here sets
//! a risk level; a miss is worse than a needless look, so every sentence
//! that mentions one is kept.

use super::RiskSuggestion;
use super::matching::{Words, fold, sentences, trim_punct};
use super::phrases::Vocabulary;
use crate::model::tags::RISKS;
use crate::model::transcript::{Item, Role, Transcript};

pub(super) fn risks(t: &Transcript) -> Vec<RiskSuggestion> {
    let Vocabulary { terms: kinds, book } = Vocabulary::built_in(RISKS);
    let mut out = Vec::new();
    for seg in &t.segments {
        for item in &seg.items {
            // The client's words, or a speaker's who may be the client.
            let Item::Turn {
                role: Role::Client | Role::Unknown,
                text,
                ..
            } = item
            else {
                continue;
            };
            let said = sentences(text);
            for (n, &sentence) in said.iter().enumerate() {
                // The earliest words about a risk, the longest where two start together.
                let first = book
                    .hits(sentence)
                    .into_iter()
                    .min_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
                if let Some(h) = first {
                    let kind = kinds[h.term].name.as_str();
                    let next = said.get(n + 1).copied();
                    if denied_after(sentence, h.end, next)
                        || someone_elses(kind, sentence, h.start)
                        || a_figure_of_speech(kind, sentence, h.start)
                    {
                        continue;
                    }
                    out.push(RiskSuggestion {
                        kind: kind.to_string(),
                        quote: sentence.to_string(),
                        words: sentence[h.start..h.end].to_string(),
                        mark: seg.mark,
                    });
                }
            }
        }
    }
    out
}

/// Answers that deny what was just named.
static DENIALS: Words = Words::new(&["no", "nope", "never", "not really", "not at all"]);

/// Whether the words after a risk deny it ("Suicide, no."), or, where the
/// client asks it back ("Hurt myself?"), the next sentence does ("No.").
fn denied_after(sentence: &str, end: usize, next: Option<&str>) -> bool {
    let after = trim_punct(&sentence[end..]);
    match next {
        Some(next) if after.is_empty() && sentence.ends_with('?') => DENIALS.opens(next),
        _ => DENIALS.opens(after),
    }
}

/// Someone other than the client, just before the words.
const OTHERS: &[&str] = &[
    "he",
    "she",
    "they",
    "he's",
    "she's",
    "they're",
    "he'd",
    "she'd",
    "they'd",
    "his",
    "her",
    "their",
    "he was",
    "she was",
    "they were",
];

/// Whether `words` are one of `list`, in any case or apostrophe.
fn one_of(words: &str, list: &[&str]) -> bool {
    let words: String = words.chars().map(fold).collect();
    list.contains(&words.as_str())
}

/// The word (or two) just before byte `start`.
fn just_before(sentence: &str, start: usize) -> &str {
    // Where the last word of `s` starts.
    let last_word = |s: &str| {
        s.char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let before = sentence[..start].trim_end();
    let one = last_word(before);
    let pair = &before[last_word(before[..one].trim_end())..];
    if one_of(pair, OTHERS) {
        pair
    } else {
        &before[one..]
    }
}

/// Whether a risk to the client is said of someone else: "she wanted to
/// die", "he's suicidal", "his overdose".
fn someone_elses(kind: &str, sentence: &str, start: usize) -> bool {
    matches!(kind, "suicide" | "self-harm") && one_of(just_before(sentence, start), OTHERS)
}

/// Whether threatening words are a figure of speech for anger: "I could
/// kill him when he leaves his socks out".
fn a_figure_of_speech(kind: &str, sentence: &str, start: usize) -> bool {
    let words = &sentence[start..];
    kind == "harm to others"
        && just_before(sentence, start).eq_ignore_ascii_case("could")
        && (words
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("kill"))
            || words
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case("strangle")))
}
