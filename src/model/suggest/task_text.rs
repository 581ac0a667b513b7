//! How a clause becomes the text of a task, and when too little of a task
//! is left to suggest.

use super::frames::{is_routine, last_frame};
use super::matching::{Words, trim_punct};
use super::text::among;
use crate::model::wording::capitalised;

/// Words that leave nothing to do on their own ("I'll give it a go").
const VAGUE: &[&str] = &[
    "give", "it", "a", "go", "try", "do", "that", "this", "them", "one", "shot", "see", "you",
    "so", "too", "now", "then", "again",
];

/// How a task that only points back at one already given opens: "do that on
/// your nights", "do it in the notes app", "do both of those".
pub(super) static POINTING_BACK: Words = Words::new(&[
    "do it",
    "do that",
    "do this",
    "do them",
    "do both",
    "do all of",
    "do the same",
]);

/// What the clinician asks for in the session, however it is framed: "Tell
/// me about this week", "Talk me through Saturday".
static ASKING_ME: Words = Words::new(&[
    "tell me",
    "show me",
    "talk me through",
    "walk me through",
    "take me through",
    "remind me",
    "give me",
    "tell us",
    "show us",
    "talk us through",
    "walk us through",
    "take us through",
]);

/// Tidies a clause into an instruction: no trailing time frame or
/// punctuation, first letter capitalised. None if too little or too vague
/// is left.
pub(super) fn as_task(clause: &str) -> Option<String> {
    let mut s = trim_punct(clause);
    // "This week" says when, and goes; "every morning" says how often, and
    // is part of the task.
    if let Some((start, end)) = last_frame(s)
        && trim_punct(&s[end..]).is_empty()
        && !is_routine(&s[start..end])
    {
        s = trim_punct(&s[..start]);
    }
    if POINTING_BACK.opens(s) || ASKING_ME.opens(s) {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().map(trim_punct).collect();
    // "Book that now", "Try it tonight": a task given before, taken up.
    if words.len() <= 3
        && words
            .get(1)
            .is_some_and(|w| among(w, &["it", "that", "this", "them"]))
    {
        return None;
    }
    // "Plan the next", "Do the other": what it is done to was named before,
    // and the task says too little without it.
    if let [.., the, last] = words[..]
        && the.eq_ignore_ascii_case("the")
        && among(last, &["next", "other", "same"])
    {
        return None;
    }
    // Two words ("Tell her", "Go back") name a step of talk, rarely a task;
    // unless the second is someone's name ("Ring Ken", "Message Priya").
    let names_someone = |w: &&str| w.starts_with(char::is_uppercase) && *w != "I";
    if (words.len() < 3 && !(words.len() == 2 && words.get(1).is_some_and(names_someone)))
        || words
            .iter()
            .all(|w| VAGUE.iter().any(|v| w.eq_ignore_ascii_case(v)))
    {
        return None;
    }
    (!s.is_empty()).then(|| capitalised(s))
}
