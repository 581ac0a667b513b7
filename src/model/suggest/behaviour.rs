//! What the clinician does in each turn, in the spirit of the MITI 4.2
//! behaviour codes: reflections (simple or complex), open and closed
//! questions, affirmations, summaries, asking permission, giving information
//! and advice. Rules on the words alone, on the device: they read the shape
//! of a sentence ("So you…", "What…?", "Would it be okay if I…"), not its
//! meaning, so counts over a session matter more than any one turn's code.

use super::Sentence;
use super::cues::{
    ADDING, ADVISING, AFFIRMING, ASKING_TO, CLOSED_AFTER_OPEN, INFORMING, NOT_REFLECTING, OPEN,
    OPENERS, PERMISSION, REFLECTING, SUMMING_UP, TELL_ME, YOU,
};
use super::matching::{Words, fold, trim_punct};
use super::text::{char_at, count_words, key};

/// A clinician behaviour, as MITI counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Behaviour {
    /// Says back what the client said, adding little.
    SimpleReflection,
    /// Says back what the client meant: a feeling, a value, both sides.
    ComplexReflection,
    OpenQuestion,
    ClosedQuestion,
    /// Names a strength or an effort of the client's.
    Affirmation,
    /// Gathers several things the client said.
    Summary,
    /// Asks before giving information or advice.
    AskingPermission,
    GivingInformation,
    /// Tells the client what to do.
    Advice,
}

/// The codes of one clinician turn, each with the sentence that shows it.
/// `said` is the turn in sentences; `client` the client's turn before it;
/// `permitted` whether permission was asked just before, so advice is given
/// with it.
pub(super) fn code_turn<'t>(
    text: &'t str,
    said: &[Sentence<'t>],
    client: Option<&str>,
    permitted: bool,
) -> Vec<(Behaviour, &'t str)> {
    use Behaviour::*;
    let mut codes: Vec<(Behaviour, &str)> = Vec::new();
    let mut add = |b: Behaviour, s: &'t str| {
        if !codes.iter().any(|(c, _)| *c == b) {
            codes.push((b, s));
        }
    };
    let long = count_words(text, 40) == 40;
    // A summary is one behaviour, whatever its sentences would be alone.
    if long && said.iter().any(|s| s.heard.has(&SUMMING_UP)) {
        return vec![(Summary, said.first().map_or(text, |s| s.text))];
    }
    let mut asked = permitted;
    // The client's words, read once for every sentence of the turn that
    // may say them back.
    let mut theirs: Option<ClientWords> = None;
    for &Sentence {
        text: s,
        body,
        ref heard,
    } in said
    {
        let question = s.trim_end_matches(['"', '”', ')', '\'']).ends_with('?');
        if heard.has(&PERMISSION) {
            asked = true;
            add(AskingPermission, s);
            continue;
        }
        if question {
            // "So this week, what will you try?": the question is in the last clause.
            let last = body.rsplit(", ").next().unwrap_or(body);
            let open = [body, last]
                .iter()
                .any(|c| OPEN.opens(c) && !CLOSED_AFTER_OPEN.opens(c))
                // "Would you tell me more?": asked as a favour, it invites telling.
                || ASKING_TO.strip(body).is_some_and(|r| TELL_ME.opens(r.trim_start()))
                // "And the evenings?": "what about…?", unless it goes on to
                // a yes or no ("And if she says no, will you ring?").
                || AND_WHAT_ABOUT.opens(trim_punct(s)) && !AUXILIARY.opens(last);
            add(if open { OpenQuestion } else { ClosedQuestion }, s);
            continue;
        }
        if TELL_ME.opens(body) {
            add(OpenQuestion, s);
            continue;
        }
        if heard.has(&AFFIRMING) {
            add(Affirmation, s);
        }
        if ADVISING.opens(body) || heard.has(&ADVISING_INSIDE) {
            if !asked {
                add(Advice, s);
            }
            continue;
        }
        // "Your heart speeds up…" informs, though it speaks of "you".
        if heard.has(&INFORMING) && !REFLECTING.opens(body) {
            add(GivingInformation, s);
            continue;
        }
        // Counted once, and only if a rule needs it: most statements are
        // told without the client's words, which are then never read.
        let mut counted = None;
        let mut counts = || {
            *counted.get_or_insert_with(|| {
                let theirs =
                    theirs.get_or_insert_with(|| ClientWords::of(client.unwrap_or_default()));
                said_back(body, theirs)
            })
        };
        if reflects(body, heard.has_within(&YOU), &mut counts) {
            let complex = heard.has(&ADDING) || adds_meaning(counts());
            add(
                if complex {
                    ComplexReflection
                } else {
                    SimpleReflection
                },
                s,
            );
        }
    }
    codes.sort_by_key(|&(b, _)| b);
    codes
}

/// Advice further into a sentence: "…, so you should cut down."
pub(super) static ADVISING_INSIDE: Words = Words::new(&[
    "you should",
    "you need to",
    "you must",
    "you have to",
    "i'd recommend",
    "i recommend",
]);

/// A follow-up question that names only what it asks about, its verb left
/// unsaid: "And the evenings?", "And if she says no?" ("what about…?").
static AND_WHAT_ABOUT: Words = Words::new(&[
    "and the",
    "and your",
    "and his",
    "and her",
    "and their",
    "and those",
    "and if",
]);

/// Words that open a yes-or-no question.
static AUXILIARY: Words = Words::new(&[
    "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "can", "could", "would",
    "will", "should", "shall", "may", "might", "am", "isn't", "aren't", "wasn't", "don't",
    "doesn't", "didn't", "haven't", "hasn't", "can't", "couldn't", "wouldn't", "won't",
]);

/// Whether a statement says back the client's experience: it opens like a
/// reflection, speaks of the client ("That matters to you", `of_you`), or,
/// short, repeats their words ("Four thousand photos.").
/// `said_back` gives the statement's content words and how many of them
/// the client said.
fn reflects(body: &str, of_you: bool, said_back: impl FnOnce() -> (usize, usize)) -> bool {
    if NOT_REFLECTING.opens(body) {
        return false;
    }
    if REFLECTING.opens(body) || of_you {
        return true;
    }
    if count_words(body, 11) > 10 {
        return false;
    }
    let (own, shared) = said_back();
    own > 0 && shared * 2 >= own
}

/// A longer reflection most of whose words the client did not say: from
/// the statement's content words and how many of them the client said.
fn adds_meaning((own, shared): (usize, usize)) -> bool {
    own >= 5 && shared * 2 < own
}

/// The content words of a statement, each time it has one, and how many of
/// those the client said (`theirs`). A client's turn has some tens of
/// words: looking through them costs less than putting them in order.
fn said_back(body: &str, theirs: &ClientWords) -> (usize, usize) {
    let (mut own, mut shared) = (0, 0);
    content_words(body, |w| {
        own += 1;
        shared += usize::from(theirs.has(w));
    });
    (own, shared)
}

/// The words of the client's turn in lower case, each by its key (see
/// [`key`]) and length; a word longer than eight bytes, which its key does
/// not tell apart, also by its text, one after another in one string. Small
/// words are kept too: only a statement's content words are looked up.
#[derive(Default)]
struct ClientWords {
    long: String,
    words: Vec<(u64, usize, usize)>,
}

impl ClientWords {
    fn of(s: &str) -> Self {
        // About one word in five bytes: room for all, grown at most once.
        let mut words = ClientWords {
            long: String::new(),
            words: Vec::with_capacity(s.len() / 5),
        };
        each_word(s, |w| {
            let at = words.long.len();
            if w.len() > 8 {
                words.long.push_str(w);
            }
            words.words.push((key(w.as_bytes()), w.len(), at));
        });
        words
    }

    fn has(&self, word: &str) -> bool {
        let (k, n) = (key(word.as_bytes()), word.len());
        self.words.iter().any(|&(key, len, at)| {
            key == k && len == n && (n <= 8 || &self.long[at..at + n] == word)
        })
    }
}

/// Each word of three letters or more that carries content, in lower case.
fn content_words(s: &str, mut each: impl FnMut(&str)) {
    each_word(s, |w| {
        let small =
            w.len() <= LONGEST_SMALL && SMALL_KEYS.binary_search(&key(w.as_bytes())).is_ok();
        if !small {
            each(w);
        }
    });
}

/// Each word of three letters or more, in lower case; a word is letters,
/// digits and apostrophes. Read by bytes; a word not in lower case already
/// is folded into one buffer, not copied on its own.
fn each_word(s: &str, mut each: impl FnMut(&str)) {
    let bytes = s.as_bytes();
    let mut folded = String::new();
    // Where the word being read starts, its characters, and whether all
    // of them are lower case already.
    let (mut start, mut letters, mut lower) = (0, 0, true);
    let mut i = 0;
    while i <= bytes.len() {
        let (letter, len) = match bytes.get(i) {
            None => (false, 1),
            Some(&b) if b.is_ascii() => {
                lower &= !b.is_ascii_uppercase();
                (b.is_ascii_alphanumeric() || b == b'\'', 1)
            }
            Some(_) => {
                let (c, len) = char_at(s, i);
                lower = false;
                (c.is_alphanumeric() || c == '’', len)
            }
        };
        if letter {
            letters += 1;
        } else {
            if letters >= 3 {
                let w = &s[start..i];
                if lower {
                    each(w);
                } else {
                    folded.clear();
                    folded.extend(w.chars().map(fold));
                    each(&folded);
                }
            }
            (start, letters, lower) = (i + len, 0, true);
        }
        i += len;
    }
}

/// Short words that carry no content of their own, in order so that a word
/// is looked up by halves.
const SMALL: &[&str] = &[
    "about", "all", "also", "and", "are", "bit", "but", "can", "did", "does", "even", "for",
    "from", "get", "got", "had", "has", "have", "into", "it's", "its", "just", "kind", "like",
    "lot", "much", "not", "okay", "one", "out", "really", "right", "some", "sort", "still", "than",
    "that", "the", "them", "then", "there", "they", "this", "too", "two", "very", "was", "way",
    "well", "were", "what", "when", "with", "yeah", "you", "you're", "you've", "your",
];

/// The keys of [`SMALL`], in order as its words are, looked up by halves.
const SMALL_KEYS: [u64; SMALL.len()] = {
    assert!(LONGEST_SMALL <= 8, "a small word is told by its key alone");
    let mut keys = [0; SMALL.len()];
    let mut i = 0;
    while i < SMALL.len() {
        keys[i] = key(SMALL[i].as_bytes());
        i += 1;
    }
    keys
};

/// How long the longest of the small words is: a longer word is none of them.
const LONGEST_SMALL: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < SMALL.len() {
        if SMALL[i].len() > longest {
            longest = SMALL[i].len();
        }
        i += 1;
    }
    longest
};

/// The sentence without words like "So," or "Okay, and" in front.
pub(super) fn without_openers(s: &str) -> &str {
    let mut rest = trim_punct(s);
    // A stage direction in front: "(laughs) So…".
    if let Some(r) = rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        rest = r.1.trim_start();
    }
    while let Some(r) = OPENERS.strip(rest) {
        let r = r.trim_start();
        rest = r.strip_prefix(',').unwrap_or(r).trim_start();
    }
    rest
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Behaviour::{self, *};
    use super::code_turn;
    use crate::model::suggest::matching::sentences;
    use crate::model::suggest::read_clinician;

    /// The codes of a clinician turn after the client's.
    fn coded(client: &str, clinician: &str, permitted: bool) -> Vec<Behaviour> {
        let said: Vec<_> = sentences(clinician)
            .into_iter()
            .map(read_clinician)
            .collect();
        code_turn(clinician, &said, Some(client), permitted)
            .into_iter()
            .map(|(b, _)| b)
            .collect()
    }

    fn codes(client: &str, clinician: &str) -> Vec<Behaviour> {
        coded(client, clinician, false)
    }

    const CLIENT: &str = "I had four pints on Friday and a few cans on Saturday, same as always.";

    #[test]
    fn saying_back_the_clients_words_is_a_simple_reflection() {
        assert_eq!(codes(CLIENT, "Four pints on Friday."), [SimpleReflection]);
        assert_eq!(
            codes(CLIENT, "So you had a few cans on Saturday too."),
            [SimpleReflection]
        );
    }

    #[test]
    fn adding_a_feeling_a_value_or_both_sides_is_a_complex_reflection() {
        for turn in [
            "Part of you enjoys the weekends, and part of you is worried about where it's going.",
            "It sounds like the drinking has become the way the week ends, whether you want it or not.",
            "You're proud of holding it together at work, and that makes the weekends feel earned.",
        ] {
            assert_eq!(codes(CLIENT, turn), [ComplexReflection], "{turn}");
        }
    }

    #[test]
    fn a_question_inviting_the_client_to_tell_is_open() {
        for turn in [
            "What would be different if you drank less?",
            "How do the weekends fit with what you want for yourself?",
            "So when you think about next month, what worries you most?",
            "Tell me more about Saturdays.",
        ] {
            assert_eq!(codes(CLIENT, turn), [OpenQuestion], "{turn}");
        }
    }

    #[test]
    fn asking_as_a_favour_to_be_told_is_an_open_question() {
        for turn in [
            "Would you tell me how the weekends go?",
            "Will you say a bit more about Saturdays?",
            "Could you walk me through a Friday night?",
            "Would you like to tell me what happened after?",
            "Where did you get to with the bank letters?",
            "Where are you with it all now?",
        ] {
            assert_eq!(codes(CLIENT, turn), [OpenQuestion], "{turn}");
        }
        assert_eq!(
            codes(CLIENT, "Would you like a glass of water?"),
            [ClosedQuestion]
        );
    }

    #[test]
    fn a_follow_up_naming_only_what_it_asks_about_is_open_unless_it_asks_yes_or_no() {
        for turn in [
            "And the Sunday mornings?",
            "And your brother, after the christening?",
            "And if the lads ring on Friday?",
        ] {
            assert_eq!(codes(CLIENT, turn), [OpenQuestion], "{turn}");
        }
        for turn in [
            "And the Sunday mornings, do you drink then too?",
            "And if the lads ring, will you go?",
        ] {
            assert_eq!(codes(CLIENT, turn), [ClosedQuestion], "{turn}");
        }
    }

    #[test]
    fn a_question_after_a_fact_or_a_yes_or_no_is_closed() {
        for turn in [
            "Did you drink on Sunday as well?",
            "How many units is that, roughly?",
            "Is it always with the same friends?",
        ] {
            assert_eq!(codes(CLIENT, turn), [ClosedQuestion], "{turn}");
        }
    }

    #[test]
    fn naming_a_strength_or_an_effort_is_an_affirmation() {
        let got = codes(CLIENT, "That took courage, telling me the real numbers.");
        assert!(got.contains(&Affirmation), "{got:?}");
        let got = codes(CLIENT, "Well done for keeping the diary all week.");
        assert!(got.contains(&Affirmation), "{got:?}");
    }

    #[test]
    fn a_long_turn_gathering_what_the_client_said_is_one_summary() {
        let turn = "Let me see if I've got this right. You drink mostly at weekends, four pints on \
                    Friday and cans on Saturday. You like how it takes the edge off the week, and \
                    you've started to notice the Sunday mornings, and your daughter commenting on \
                    it. Have I missed anything?";
        assert_eq!(codes(CLIENT, turn), [Summary]);
    }

    #[test]
    fn a_long_turn_saying_back_the_session_and_asking_what_was_got_wrong_is_a_summary() {
        let turn = "Let me see if I've understood, and tell me where I've got it wrong. The \
                    pints started as a way to unwind after work, and now it's most nights, and \
                    the Sunday mornings are getting harder. Your daughter has noticed, and that \
                    matters to you more than the pints do.";
        assert_eq!(codes(CLIENT, turn), [Summary]);
    }

    #[test]
    fn asking_before_telling_is_asking_permission() {
        for turn in [
            "Would it be okay if I shared something about how units add up?",
            "Can I tell you what other people in your position have tried?",
        ] {
            assert_eq!(codes(CLIENT, turn), [AskingPermission], "{turn}");
        }
    }

    #[test]
    fn leave_asked_after_saying_what_is_coming_is_asking_permission() {
        for turn in [
            "I'd like to say a bit about the units, if that's okay.",
            "There's one thing I want to come back to, if you don't mind.",
        ] {
            assert_eq!(codes(CLIENT, turn), [AskingPermission], "{turn}");
        }
    }

    #[test]
    fn telling_how_things_are_is_giving_information() {
        for turn in [
            "A pint of strong lager is usually about three units.",
            "Most people find the first two weeks are the hardest.",
        ] {
            assert_eq!(codes(CLIENT, turn), [GivingInformation], "{turn}");
        }
    }

    #[test]
    fn telling_the_client_what_to_do_is_advice_unless_permission_was_asked() {
        let turn = "You should keep it under fourteen units a week.";
        assert_eq!(codes(CLIENT, turn), [Advice]);
        assert!(coded(CLIENT, turn, true).is_empty());
    }

    #[test]
    fn the_small_words_are_in_order_so_a_word_is_found_by_halves() {
        let small = super::SMALL;
        assert!(small.windows(2).all(|w| w[0] < w[1]), "{small:?}");
        assert!(super::SMALL_KEYS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn greetings_and_arrangements_are_not_reflections() {
        for turn in [
            "Thank you for coming in.",
            "See you next Tuesday.",
            "Have a seat.",
        ] {
            let got = codes(CLIENT, turn);
            assert!(
                !got.contains(&SimpleReflection) && !got.contains(&ComplexReflection),
                "{turn}: {got:?}"
            );
        }
    }
}
