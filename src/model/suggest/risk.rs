//! Possible risk: the client's words about suicide, self-harm, harming
//! someone or being harmed, for the clinician to review. Nothing here sets
//! a risk level; a miss is worse than a needless look, so every sentence
//! that mentions one is kept unless its words are plainly not the client's
//! own disclosure: denied, an idiom, someone else's, a hypothetical, a step
//! to stay safe, a question asked of them, or long past.

use super::RiskSuggestion;
use super::matching::{Words, fold, trim_punct};
use super::phrases::Vocabulary;
use crate::model::tags::RISKS;
use chrono::NaiveTime;

/// The possible risk in a turn of the client's, or of a speaker who may be
/// the client, `said` in sentences.
pub(super) fn risks(said: &[&str], mark: Option<NaiveTime>, out: &mut Vec<RiskSuggestion>) {
    let Vocabulary { terms: kinds, book } = Vocabulary::built_in(RISKS);
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
                || not_a_disclosure(kind, sentence, h.start)
            {
                continue;
            }
            out.push(RiskSuggestion {
                kind: kind.to_string(),
                quote: sentence.to_string(),
                words: sentence[h.start..h.end].to_string(),
                mark,
            });
        }
    }
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

/// People a client talks about.
const PEOPLE: &[&str] = &[
    "mum",
    "mom",
    "dad",
    "mother",
    "father",
    "brother",
    "sister",
    "son",
    "daughter",
    "husband",
    "wife",
    "partner",
    "boyfriend",
    "girlfriend",
    "friend",
    "mate",
    "cousin",
    "uncle",
    "aunt",
    "auntie",
    "nan",
    "gran",
    "grandad",
    "grandma",
    "grandpa",
    "colleague",
    "neighbour",
    "kid",
    "kids",
    "child",
    "children",
    "flatmate",
    "ex",
    "he",
    "she",
    "they",
    "someone",
    "somebody",
    "people",
    "patient",
    "client",
];

/// Words that open a clause before the one who does it ("and my brother").
const SUBJECT_LEADS: &[&str] = &[
    "and", "but", "so", "then", "well", "my", "our", "a", "his", "her", "their", "your",
];

/// The client speaking of themself.
const SELF_WORDS: &[&str] = &["i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"];

/// Whether a risk to the client is said of someone else: "she wanted to
/// die", "he's suicidal", "his overdose", "my brother was suicidal", "she
/// found out about the self-harm": the clause before the words is about
/// someone else, and does not name the client.
fn someone_elses(kind: &str, sentence: &str, start: usize) -> bool {
    if !matches!(kind, "suicide" | "self-harm") {
        return false;
    }
    if one_of(just_before(sentence, start), OTHERS) {
        return true;
    }
    let mut words = clause_before(sentence, start)
        .split_whitespace()
        .map(trim_punct)
        .skip_while(|w| one_of(w, SUBJECT_LEADS));
    words.next().is_some_and(|w| one_of(w, PEOPLE)) && !words.any(|w| one_of(w, SELF_WORDS))
}

/// The clause of `sentence` before byte `start`, from its last comma or
/// semicolon.
fn clause_before(sentence: &str, start: usize) -> &str {
    let before = &sentence[..start];
    before
        .rfind([',', ';', ':'])
        .map_or(before, |i| &before[i + 1..])
}

/// Words before risk words that make them something other than the
/// client's own disclosure: a step to stay safe ("get rid of the blade"), a
/// question asked of the client, repeated ("you asked if").
static NOT_DISCLOSING: Words = Words::new(&[
    "get rid of",
    "got rid of",
    "getting rid of",
    "throw away",
    "threw away",
    "thrown away",
    "lock away",
    "locked away",
    "hand in",
    "handed in",
    "asked me if",
    "asked if",
    "asked me whether",
    "asked whether",
    "asked me about",
    "asking about",
    "asked about",
]);

/// How a hypothetical opens: "If I ever felt suicidal, I'd ring…".
static HYPOTHETICAL: Words = Words::new(&[
    "if i ever",
    "if ever",
    "if i was ever",
    "if i were ever",
    "should i ever",
    "in case",
]);

/// Where the condition of a hypothetical ends and what would follow starts.
static THEN: Words = Words::new(&["i'd", "i'll", "i would", "i will", "then"]);

/// Whether the risk words at byte `start` are the condition of a
/// hypothetical ("if I ever felt suicidal", "in case I feel like hurting
/// myself"), not what would follow it ("if I lost the house I'd kill
/// myself", which is a disclosure).
fn in_a_condition(before: &str) -> bool {
    let mut from = 0;
    while let Some((_, end, _)) = HYPOTHETICAL.find(&before[from..]) {
        let condition = &before[from + end..];
        if !condition.contains([',', ';']) && !THEN.is_in(condition) {
            return true;
        }
        from += end;
    }
    false
}

/// What makes a past risk current again.
static NOW: Words = Words::new(&[
    "again",
    "lately",
    "recently",
    "now",
    "still",
    "these days",
    "this week",
    "last night",
    "at the moment",
    "started",
]);

/// A risk long past: "when I was a teenager", "years ago".
static LONG_AGO: Words = Words::new(&[
    "years ago",
    "when i was a teenager",
    "when i was younger",
    "when i was a kid",
    "when i was at school",
    "when i was at uni",
    "when i was little",
    "as a teenager",
    "in my teens",
    "back at school",
    "not since",
    "no longer",
]);

/// Whether the client's words about a risk are not a disclosure of it now:
/// a safety step or a question repeated; a question the client is asked
/// (where the speaker is not known); or, for thoughts of suicide or
/// self-harm, the condition of a hypothetical, or long past and not back
/// ("I cut myself when I was a teenager").
fn not_a_disclosure(kind: &str, sentence: &str, start: usize) -> bool {
    let before = &sentence[..start];
    let again = NOW.is_in(sentence);
    let asked_of_them = sentence.ends_with('?')
        && one_of_any(before, &["you", "your"])
        && !one_of_any(before, SELF_WORDS);
    // Fear of harm from others or threats to them stay, though hypothetical.
    let own = matches!(kind, "suicide" | "self-harm");
    (NOT_DISCLOSING.is_in(before) && !again)
        || asked_of_them
        || (own && !again && (in_a_condition(before) || LONG_AGO.is_in(sentence)))
}

/// Whether any word of `s` is one of `list`.
fn one_of_any(s: &str, list: &[&str]) -> bool {
    s.split_whitespace().any(|w| one_of(trim_punct(w), list))
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::suggest;
    use super::super::tests::{client, transcript};
    use crate::model::transcript::{Item, Role};

    fn flagged(item: Item) -> bool {
        !suggest(&transcript(vec![item])).risks.is_empty()
    }

    fn said(text: &str) -> bool {
        flagged(client(text))
    }

    #[test]
    fn a_risk_said_of_someone_else_is_not_the_clients_but_their_own_still_is() {
        assert!(!said("My brother was suicidal after he lost his job."));
        assert!(!said("And my friend took an overdose at uni."));
        assert!(!said("She found out about the self-harm last year."));
        assert!(said("My mum knows I'm suicidal."));
        assert!(said("My brother says I should talk about the self-harm."));
    }

    #[test]
    fn a_hypothetical_or_a_step_to_stay_safe_is_not_a_disclosure() {
        assert!(!said("If I ever felt suicidal I'd ring the crisis line."));
        assert!(!said(
            "I keep the number in case I feel like hurting myself."
        ));
        assert!(!said("Get rid of the blade tonight, with my flatmate."));
        assert!(!said("You asked me if I'd hurt myself, and I said no."));
        assert!(said("If I ever get the chance I'll kill him."));
        assert!(said("I keep my phone on me in case he hits me."));
        assert!(said("If I ever lost the house, I'd kill myself."));
        assert!(said(
            "I've thought about getting rid of the blade but I keep it again."
        ));
    }

    #[test]
    fn a_risk_long_past_is_not_flagged_unless_it_is_back() {
        assert!(!said("I used to cut myself when I was a teenager."));
        assert!(!said(
            "I took an overdose years ago, but I'm in a different place."
        ));
        assert!(said(
            "I cut myself when I was a teenager and lately I've started again."
        ));
        assert!(said("He used to beat me when I was a kid."));
    }

    #[test]
    fn a_question_the_client_is_asked_is_not_their_disclosure() {
        let unknown = |text: &str| Item::Turn {
            speaker: "Speaker 1".into(),
            role: Role::Unknown,
            text: text.into(),
        };
        assert!(!flagged(unknown("Have you had any thoughts of suicide?")));
        assert!(flagged(unknown("Do you think I'm suicidal?")));
    }

    #[test]
    fn everyday_idioms_are_not_risk() {
        for text in [
            "I nearly died of embarrassment, I wanted to die of embarrassment.",
            "We were killing myself laughing, honestly, I was killing myself laughing.",
            "Quitting would be career suicide.",
            "It beats me why she stays.",
            "My sister pushed me to apply.",
            "I pulled something in my shoulder blade.",
            "I'll hit him up about the match.",
        ] {
            assert!(!said(text), "{text}");
        }
    }
}
