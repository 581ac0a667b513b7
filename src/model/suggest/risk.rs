//! Possible risk: the client's words about suicide, self-harm, harming
//! someone or being harmed, for the clinician to review. Nothing here sets
//! a risk level; a miss is worse than a needless look, so every sentence
//! that mentions one is kept unless its words are plainly not the client's
//! own disclosure: denied, an idiom, someone else's, a hypothetical, a step
//! to stay safe, a question asked of them, or long past.

use super::matching::{Words, fold, trim_punct};
use super::phrases::{Hit, Vocabulary};
use super::text::{among, count_words};
use super::{RiskQuote, RiskSuggestion};
use crate::model::tags::RISKS;
use chrono::NaiveTime;

/// The possible risk in a turn of the client's, or of a speaker who may be
/// the client, `said` in sentences.
/// The possible risks in a client's turn (`text`, in sentences `said`).
pub(super) fn risks(
    text: &str,
    said: &[&str],
    mark: Option<NaiveTime>,
    out: &mut Vec<RiskSuggestion>,
) {
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
            let before = n.checked_sub(1).map(|p| said[p]);
            if denied_after(sentence, h.end, next)
                || DENIED_BEFORE.is_in(clause_before(sentence, h.start))
                || someone_elses(kind, sentence, h.start)
                || reported(kind, sentence, h.start)
                || a_denial_outdone(kind, sentence, &h, before)
                || not_the_clients_doing(kind, sentence, h.start)
                || an_accident(kind, sentence)
                || a_hangover(kind, &sentence[h.start..h.end], sentence)
                || a_figure_of_speech(kind, sentence, h.start)
                || not_a_disclosure(kind, sentence, h.start)
            {
                continue;
            }
            let quote = with_what_it_goes_on_from(text, said, n).to_string();
            match out.iter_mut().find(|r| r.kind == kind) {
                Some(earlier) => earlier.more.push(RiskQuote { quote, mark }),
                None => out.push(RiskSuggestion {
                    kind: kind.to_string(),
                    quote,
                    words: sentence[h.start..h.end].to_string(),
                    mark,
                    more: Vec::new(),
                }),
            }
        }
    }
}

/// The sentence `n` of a turn, and the one before it when it only goes on
/// from that one: "I did it again on Friday. With the sharpener blade." is
/// quoted whole, since the words of the risk alone do not say whose it is.
fn with_what_it_goes_on_from<'t>(text: &'t str, said: &[&'t str], n: usize) -> &'t str {
    let sentence = said[n];
    let says_whose = |s: &str| one_of_any(s, SELF_WORDS);
    // Where a sentence is in the turn: `sentences` gives slices of it.
    let at = |s: &str| (s.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
    match (n.checked_sub(1).map(|p| said[p]), at(sentence)) {
        (Some(before), Some(this))
            if count_words(sentence, 6) <= 5 && !says_whose(sentence) && says_whose(before) =>
        {
            at(before)
                .and_then(|start| text.get(start..this + sentence.len()))
                .unwrap_or(sentence)
        }
        _ => sentence,
    }
}

/// Answers that deny what was just named.
static DENIALS: Words = Words::new(&[
    "no",
    "nope",
    "never",
    "not really",
    "not at all",
    "absolutely not",
    "definitely not",
    "of course not",
    "no way",
]);

/// What an answer may open with before it says no: "God, no."
static EXCLAMATIONS: Words = Words::new(&[
    "god",
    "oh",
    "gosh",
    "christ",
    "jesus",
    "lord",
    "goodness",
    "blimey",
    "oh my god",
    "honestly",
    "um",
    "erm",
    "er",
    "uh",
    "well",
]);

/// Whether `s` opens with a denial, after any exclamations ("Oh God, no").
fn opens_with_denial(mut s: &str) -> bool {
    while let Some(rest) = EXCLAMATIONS.strip(s) {
        s = trim_punct(rest);
    }
    DENIALS.opens(s)
}

/// Whether the words after a risk deny it ("Suicide, no."), or, where the
/// client asks it back ("Hurt myself?", "Overdose on insulin?"), the next
/// sentence does ("God, no.").
fn denied_after(sentence: &str, end: usize, next: Option<&str>) -> bool {
    let after = trim_punct(&sentence[end..]);
    match next {
        // A question that only echoes the one asked: a few words.
        Some(next) if sentence.ends_with('?') && count_words(sentence, 6) <= 5 => {
            opens_with_denial(next)
        }
        _ => opens_with_denial(after),
    }
}

/// Words that deny a risk from further back than a plain "not": "It's not
/// like I'm going to kill myself", "not that I'd hurt myself".
static DENIED_BEFORE: Words = Words::new(&[
    "not like",
    "not as if",
    "not as though",
    "not that",
    "nothing like",
    "no thoughts of",
    "no thought of",
    "no plans to",
    "no intention of",
    "never once",
    "never ever",
]);

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
    "man",
    "woman",
    "guy",
    "bloke",
    "lad",
    "boy",
    "girl",
];

/// Words that open a clause before the one who does it ("and my brother").
const SUBJECT_LEADS: &[&str] = &[
    "and", "but", "so", "then", "well", "my", "our", "a", "his", "her", "their", "your", "since",
    "after", "before", "when", "about", "because", "from", "with",
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
    // "After the suicide, …": a death, and the client not in it. "The
    // overdose" may well be the client's own.
    let clause = clause_before(sentence, start);
    let a_death = sentence[start..]
        .split_whitespace()
        .next()
        .is_some_and(|w| trim_punct(w).eq_ignore_ascii_case("suicide"));
    if a_death && one_of(just_before(sentence, start), &["the"]) && !one_of_any(clause, SELF_WORDS)
    {
        return true;
    }
    let mut words = clause
        .split_whitespace()
        .map(trim_punct)
        .skip_while(|w| one_of(w, SUBJECT_LEADS));
    words.next().is_some_and(a_person) && !words.any(|w| one_of(w, SELF_WORDS))
}

/// Where the quotation holding byte `start` opens, if it is in one: the
/// byte of its mark, and the one after it.
fn quotation(sentence: &str, start: usize) -> Option<(usize, usize)> {
    let before = &sentence[..start];
    if before.matches('"').count() % 2 == 1 {
        return before.rfind('"').map(|at| (at, at + 1));
    }
    let open = before.rfind('“')?;
    let after = open + '“'.len_utf8();
    before
        .rfind('”')
        .is_none_or(|close| close < open)
        .then_some((open, after))
}

/// Whether risk words are reported speech, not the client's disclosure:
/// someone else's ("he said, "you wouldn't wake up""), or the client's own
/// telling of harm to others done by someone else ("Daddy hurt someone").
fn reported(kind: &str, sentence: &str, start: usize) -> bool {
    let Some((open, after)) = quotation(sentence, start) else {
        return false;
    };
    let said_by = trim_punct(&sentence[..open]);
    let mut speaker = clause_before(said_by, said_by.len())
        .split_whitespace()
        .map(trim_punct)
        .skip_while(|w| one_of(w, SUBJECT_LEADS));
    speaker.next().is_some_and(a_person)
        || kind == "harm to others" && !one_of_any(&sentence[after..start], SELF_WORDS)
}

/// What says a drastic act would come before another: "I'd walk into the
/// sea first", "before I'd touch her".
static SOONER: Words = Words::new(&["first", "before i'd", "before i would", "before i ever"]);

/// Whether words of suicide only say what the client would do rather than
/// what they have just denied: "No. I'd never. I'd walk into the sea first."
fn a_denial_outdone(kind: &str, sentence: &str, h: &Hit, before: Option<&str>) -> bool {
    let denial = |s: &str| opens_with_denial(s) || one_of_any(s, &["never"]);
    kind == "suicide"
        && SOONER.is_in(&sentence[h.end..])
        && (denial(&sentence[..h.start]) || before.is_some_and(denial))
}

/// Whether a word names someone else, or is theirs: "brother", "dad's".
fn a_person(word: &str) -> bool {
    let folded: String = word.chars().map(fold).collect();
    let stem = folded.strip_suffix("'s").unwrap_or(&folded);
    PEOPLE.contains(&stem)
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
]);

/// A risk of the client's own that they say is over: "I no longer cut",
/// "I haven't, not since May"; not "she no longer calls and I want to die".
static OVER: Words = Words::new(&["not since", "no longer"]);

/// Whether the client's words about a risk are not a disclosure of it now:
/// a safety step or a question repeated; a question the client is asked
/// (where the speaker is not known); for thoughts of suicide or self-harm,
/// the condition of a hypothetical; or, but for harm suffered, long past
/// and not back ("I cut myself when I was a teenager").
fn not_a_disclosure(kind: &str, sentence: &str, start: usize) -> bool {
    let before = &sentence[..start];
    let again = NOW.is_in(sentence);
    let asked_of_them = sentence.ends_with('?')
        && one_of_any(before, &["you", "your"])
        && !one_of_any(before, SELF_WORDS);
    // Fear of harm from others or threats to them stay, though hypothetical;
    // harm suffered stays though long past, as abuse told years on is.
    let own = matches!(kind, "suicide" | "self-harm");
    let over = OVER
        .find(sentence)
        .is_some_and(|(at, ..)| at > start || one_of(just_before(sentence, at), SELF_WORDS));
    let long_past = (LONG_AGO.is_in(sentence) && kind != "harm from others") || (own && over);
    (NOT_DISCLOSING.is_in(before) && !again)
        || asked_of_them
        || (!again && ((own && in_a_condition(before)) || long_past))
}

/// Whether any word of `s` is one of `list`.
fn one_of_any(s: &str, list: &[&str]) -> bool {
    s.split_whitespace().any(|w| one_of(trim_punct(w), list))
}

/// What opens a clause about a thing, not a person: "it hit him hard", "the
/// car hit him", "my back's been hurting me".
const THINGS: &[&str] = &["it", "it's", "that", "this", "the", "what"];

/// Parts of the body that hurt by themselves.
const BODY: &[&str] = &[
    "back",
    "back's",
    "shoulder",
    "shoulder's",
    "shoulders",
    "knee",
    "knee's",
    "knees",
    "neck",
    "neck's",
    "head",
    "head's",
    "foot",
    "feet",
    "leg",
    "legs",
    "arm",
    "arms",
    "hip",
    "hips",
    "tooth",
    "teeth",
    "stomach",
    "chest",
    "hand",
    "hands",
    "wrist",
    "ankle",
    "ankles",
    "eyes",
    "ear",
    "ears",
    "joints",
    "body",
];

/// Whether harm done to or by someone is a thing's doing, not a person's:
/// "the car hit him", "it hit him hard", "my shoulder's been hurting me".
/// The nearest word before that names a doer decides: "my back was to the
/// door when he hit me" is his doing.
fn not_the_clients_doing(kind: &str, sentence: &str, start: usize) -> bool {
    if !matches!(kind, "harm to others" | "harm from others") {
        return false;
    }
    let body = kind == "harm from others";
    clause_before(sentence, start)
        .split_whitespace()
        .rev()
        .map(trim_punct)
        .find_map(|w| {
            if a_person(w) || one_of(w, SELF_WORDS) {
                Some(false)
            } else {
                (one_of(w, THINGS) || (body && one_of(w, BODY))).then_some(true)
            }
        })
        .unwrap_or(false)
}

/// What shows a cut or a burn was an accident: "I cut myself shaving".
static ACCIDENTS: Words = Words::new(&[
    "shaving",
    "cooking",
    "chopping",
    "by accident",
    "accidentally",
    "on the oven",
    "on the cupboard",
    "on the door",
    "on a tin",
    "on the tin",
    "tripped",
    "slipped",
    "fell over",
]);

/// Whether the client's hurt of themself was plainly an accident.
fn an_accident(kind: &str, sentence: &str) -> bool {
    kind == "self-harm" && ACCIDENTS.is_in(sentence)
}

/// How a client tells of the morning after drinking.
static HANGOVER: Words = Words::new(&[
    "hangover",
    "hungover",
    "hung over",
    "never drink again",
    "never drinking again",
]);

/// Whether a wish to die is the morning after drinking: "I was so hungover I
/// wanted to die", said of how bad the hangover felt. Thoughts of ending it
/// or a plan stay, hungover or not.
fn a_hangover(kind: &str, words: &str, sentence: &str) -> bool {
    let wish = [
        "want to die",
        "wanted to die",
        "wish i was dead",
        "wish i were dead",
    ];
    kind == "suicide" && one_of(words, &wish) && HANGOVER.is_in(sentence)
}

/// Whether threatening words are a figure of speech for anger: "I could
/// kill him when he leaves his socks out".
fn a_figure_of_speech(kind: &str, sentence: &str, start: usize) -> bool {
    let verb = sentence[start..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if kind != "harm to others" || !among(verb, &["kill", "strangle", "murder", "throttle"]) {
        return false;
    }
    let mut before = just_before(sentence, start);
    // "I could cheerfully strangle him": a word of how, between.
    if among(before, EXASPERATED) {
        let at = before.as_ptr() as usize - sentence.as_ptr() as usize;
        before = just_before(sentence, at);
    }
    before.eq_ignore_ascii_case("could")
}

/// Words that make "I could kill him" more plainly a figure of speech.
const EXASPERATED: &[&str] = &[
    "cheerfully",
    "happily",
    "honestly",
    "literally",
    "actually",
    "just",
    "easily",
    "gladly",
    "quite",
    "really",
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::suggest;
    use super::super::tests::{client, clinician, transcript};
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

    #[test]
    fn an_echoed_question_denied_after_an_exclamation_is_not_a_disclosure() {
        assert!(!said("Overdose on insulin? God, no. Never."));
        assert!(!said("Kill myself? Oh God, no."));
        assert!(!said("It's not like I'm going to kill myself or anything."));
        assert!(!said("Hurt myself? Absolutely not."));
        assert!(said("Kill myself? Sometimes, yes."));
    }

    #[test]
    fn a_things_doing_an_accident_or_someone_elses_death_is_not_risk() {
        for text in [
            "The customers give you so much abuse on the phones.",
            "My shoulder's been hurting me all week.",
            "That comment pushed me over the edge, I walked out.",
            "The kids jump off the wall at the park.",
            "I cut myself shaving this morning.",
            "I hit myself on the cupboard door.",
            "Since my dad's suicide, nothing has felt normal.",
            "After the suicide, Mum stopped going out.",
            "We did suicide prevention training at work.",
            "I overdosed on coffee before the interview.",
            "It hit him hard when the dog died.",
            "The car hit him but he's fine.",
            "He beat me to the car park.",
        ] {
            assert!(!said(text), "{text}");
        }
        for text in [
            "He was abusive when he drank.",
            "I keep thinking about the overdose I took.",
            "The overdose was the worst night of my life.",
            "My back was to the door when he hit me.",
            "I've been cutting again.",
        ] {
            assert!(said(text), "{text}");
        }
    }

    #[test]
    fn a_risk_said_in_a_few_words_after_what_it_goes_on_from_is_quoted_with_it() {
        let s = suggest(&transcript(vec![client(
            "It was a bad week. I did it again on Friday.  With the sharpener blade. On my arm.",
        )]));
        let quotes: Vec<&str> = s.risks.iter().map(|r| r.quote.as_str()).collect();
        assert_eq!(
            quotes,
            ["I did it again on Friday.  With the sharpener blade."]
        );
        // A sentence that says whose it is stands alone.
        let s = suggest(&transcript(vec![client(
            "It was a bad week. I knew where the blade was.",
        )]));
        let quotes: Vec<&str> = s.risks.iter().map(|r| r.quote.as_str()).collect();
        assert_eq!(quotes, ["I knew where the blade was."]);
    }

    #[test]
    fn a_wish_not_to_wake_up_or_thoughts_of_ending_it_are_risk() {
        assert!(said("Honestly, some nights I wouldn't mind not waking up."));
        assert!(said(
            "Sometimes I wish I could just go to sleep and not wake up."
        ));
        assert!(said("I've been having thoughts of ending it."));
        assert!(said("Some days I want to jump off a bridge."));
    }

    #[test]
    fn being_tired_of_living_gathering_the_means_or_a_partner_who_grabs_are_risk() {
        for text in [
            "Honestly, I'm tired of living like this.",
            "I don't want to be around anymore.",
            "They'd all be better off if I wasn't here.",
            "I've been saving up my tablets in the drawer.",
            "Sometimes I just want to go to sleep and never come back.",
            "I scratched myself until it bled.",
            "I burnt myself with a lighter last week.",
            "He grabbed me by the arm and held me down.",
            "She checks my phone every night.",
            "Sometimes I think nobody would notice if I just disappeared.",
        ] {
            assert!(said(text), "{text}");
        }
        assert!(!said("I've never once thought about hurting myself."));
    }

    #[test]
    fn a_burn_while_cooking_or_an_idea_that_grabs_is_not_risk() {
        for text in [
            "I burnt myself cooking on Sunday, nothing serious.",
            "I scratched myself on the brambles walking the dog.",
            "That book really grabbed me.",
        ] {
            assert!(!said(text), "{text}");
        }
    }

    #[test]
    fn wanting_to_die_of_a_hangover_is_not_risk_but_thoughts_of_ending_it_hungover_are() {
        assert!(!said(
            "New Year's Day I was so hungover I wanted to die, I swore I'd never drink again."
        ));
        assert!(!said(
            "I wanted to die, honestly, I said I'd never drink again."
        ));
        assert!(said("I wanted to die on Sunday."));
        assert!(said("Hungover on Sunday, I thought about killing myself."));
    }

    #[test]
    fn not_knowing_what_one_would_have_done_after_a_condition_is_a_threat_but_thanks_are_not() {
        assert!(said(
            "If he'd said one more word, I swear I don't know what I'd have done."
        ));
        for text in [
            "My sister had the kids all week. I don't know what I'd have done.",
            "I don't know what I'd have done without the food bank.",
            "If I'd stayed in that job, I don't know what I'd have done with myself.",
        ] {
            assert!(!said(text), "{text}");
        }
    }

    #[test]
    fn several_sentences_of_one_kind_make_one_review_that_keeps_every_sentence() {
        let s = suggest(&transcript(vec![
            client("I cut myself again on Friday."),
            clinician("Thank you for telling me. What happened after that?"),
            client("Then on Sunday I cut myself again."),
            client("Sometimes I think everyone would be better off without me."),
        ]));
        let kinds: Vec<&str> = s.risks.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(kinds, ["self-harm", "suicide"]);
        assert_eq!(s.risks[0].quote, "I cut myself again on Friday.");
        let more: Vec<&str> = s.risks[0].more.iter().map(|m| m.quote.as_str()).collect();
        assert_eq!(more, ["Then on Sunday I cut myself again."]);
        assert!(s.risks[1].more.is_empty());
    }

    #[test]
    fn i_could_kill_him_with_a_word_of_exasperation_between_is_a_figure_of_speech() {
        for text in [
            "I could cheerfully strangle him when he starts on about trains.",
            "Honestly, I could happily kill her when she does that.",
        ] {
            assert!(!said(text), "{text}");
        }
        assert!(said("If he comes near her again I'll strangle him."));
    }

    #[test]
    fn not_minding_if_one_did_not_wake_up_is_a_wish_to_be_dead() {
        for text in [
            "Some nights I think it wouldn't bother me if I didn't wake up.",
            "Honestly I wouldn't care if I died tomorrow.",
            "I would not mind if I never woke up.",
        ] {
            assert!(said(text), "{text}");
        }
    }

    #[test]
    fn words_someone_else_is_quoted_saying_are_theirs_but_the_clients_own_quoted_words_stay() {
        for text in [
            "My mum rang and said, \"I want to die, love.\"",
            "Then he turned round and said \u{201c}you'd be better off dead to me\u{201d} and left.",
            "I told my son, \"Your uncle hurt someone and went to prison.\"",
        ] {
            assert!(!said(text), "{text}");
        }
        for text in [
            "I said to her, \"I want to die.\"",
            "I thought, \"everyone would be better off without me.\"",
            "I told him straight, \"I'll kill him if he comes back.\"",
            "She said, \"calm down\", and then he hit me.",
        ] {
            assert!(said(text), "{text}");
        }
    }

    #[test]
    fn harm_done_to_someone_long_ago_is_history_but_harm_suffered_long_ago_stays() {
        for text in [
            "She says I'd hit him, but that was years ago.",
            "I punched him when I was younger and got a caution.",
        ] {
            assert!(!said(text), "{text}");
        }
        assert!(said(
            "I punched him years ago and lately I want to hurt him again."
        ));
        assert!(said("My stepdad hit me when I was younger."));
        assert!(said(
            "He no longer lives with us, but if he comes back I'll kill him."
        ));
        assert!(said("I punched him on Saturday."));
    }

    #[test]
    fn a_drastic_act_the_client_would_do_first_after_a_denial_outdoes_it_but_stands_alone() {
        for text in [
            "No. I'd never lay a finger on her. I'd jump off a bridge first.",
            "I'd never hit him, I'd take all my pills before I'd do that.",
        ] {
            assert!(!said(text), "{text}");
        }
        assert!(said("If they take the kids I'll jump off a bridge first."));
        assert!(said("I've never told anyone. I took an overdose in May."));
    }

    #[test]
    fn a_risk_the_client_says_is_over_is_past_but_something_else_no_longer_so_is_not() {
        assert!(!said("I no longer cut myself."));
        assert!(!said("I haven't hurt myself, not since the summer."));
        assert!(said(
            "My wife no longer speaks to me and I want to kill myself."
        ));
    }
}
