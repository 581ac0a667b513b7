//! What the clinician does in each turn, in the spirit of the MITI 4.2
//! behaviour codes: reflections (simple or complex), open and closed
//! questions, affirmations, summaries, asking permission, giving information
//! and advice. Rules on the words alone, on the device: they read the shape
//! of a sentence ("So you…", "What…?", "Would it be okay if I…"), not its
//! meaning, so counts over a session matter more than any one turn's code.

use super::matching::{find_any, sentences, strip_prefix_loose, trim_punct};

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

/// Words that open a sentence without changing what it does.
const OPENERS: &[&str] = &[
    "so", "and", "but", "okay", "ok", "right", "alright", "well", "now", "yeah", "yes", "mm",
    "hmm", "great", "good", "then", "oh", "gosh",
];

/// Questions that invite the client to tell, at the start of a question.
const OPEN: &[&str] = &[
    "what",
    "what's",
    "how",
    "how's",
    "why",
    "where does",
    "where do",
    "where would",
    "where is",
    "in what way",
    "tell me",
    "can you tell me",
    "could you tell me",
    "can you say more",
    "could you say more",
    "can you describe",
    "could you describe",
    "talk me through",
    "walk me through",
    "help me understand",
    "say more",
];

/// Questions after a fact, though they start like open ones.
const CLOSED_AFTER_OPEN: &[&str] = &[
    "how many",
    "how much",
    "how often",
    "how long",
    "how old",
    "how far",
    "what time",
    "what age",
    "what size",
    "what strength",
    "what percentage",
    "what day",
];

/// Invitations to tell that need no question mark.
const TELL_ME: &[&str] = &[
    "tell me",
    "say more",
    "talk me through",
    "walk me through",
    "help me understand",
    "describe",
];

/// Asking before telling, or before a hard question.
const PERMISSION: &[&str] = &[
    "would it be okay if",
    "would it be ok if",
    "would it be alright if",
    "would it be all right if",
    "is it okay if",
    "is it ok if",
    "is it alright if",
    "would you mind if",
    "do you mind if",
    "would it be okay to",
    "would it be alright to",
    "is it okay to",
    "can i share",
    "could i share",
    "may i share",
    "can i tell you",
    "could i tell you",
    "can i explain",
    "could i explain",
    "can i remind you",
    "would it help if i",
    "would it be helpful if i",
    "would it be useful if i",
    "would it be helpful to hear",
    "would you like me to",
    "would you like to hear",
    "would you like to know",
    "would you like some information",
    "can i ask you something",
    "can i ask",
    "could i ask",
    "may i ask",
    "can i check",
    "can i say something",
    "could i say something",
    "can i draw",
    "shall i explain",
];

/// Sentence openings that say back the client's experience.
const REFLECTING: &[&str] = &[
    "you're",
    "you are",
    "you've",
    "you have",
    "you feel",
    "you felt",
    "you want",
    "you wanted",
    "you'd like",
    "you'd rather",
    "you'd never",
    "you'd want",
    "you don't",
    "you didn't",
    "you can't",
    "you couldn't",
    "you won't",
    "you know",
    "you care",
    "you love",
    "you miss",
    "you were",
    "you had",
    "you thought",
    "you think",
    "you sound",
    "you seem",
    "you see",
    "you mean",
    "you wish",
    "you hate",
    "you worry",
    "you wonder",
    "you noticed",
    "you found",
    "you said",
    "you got",
    "you did",
    "you went",
    "you came",
    "you kept",
    "you took",
    "you gave",
    "you lost",
    "you'd",
    "it sounds",
    "sounds like",
    "it seems",
    "seems like",
    "it feels",
    "it's like",
    "it's as if",
    "it was like",
    "part of you",
    "a part of you",
    "on the one hand",
    "on one hand",
    "on the other hand",
    "what i'm hearing",
    "i'm hearing",
    "i hear",
    "that sounds",
    "that must",
    "that's a lot",
    "for you",
    "there's a lot",
    "there's something",
    "there's a part",
    "both",
    "and yet",
    "what you're saying",
    "it's not",
    "not just",
    "not the",
    "just you",
    "even when",
    "even though",
    "even if",
    "something about",
];

/// Telling, greeting or arranging, not reflecting, though it speaks of "you".
const NOT_REFLECTING: &[&str] = &[
    "you should",
    "you shouldn't",
    "you need",
    "you must",
    "you mustn't",
    "you have to",
    "you've got to",
    "you ought",
    "you could",
    "you can",
    "you might",
    "you'll",
    "you will",
    "you'd be better",
    "you'd need",
    "you're welcome",
    "you're very welcome",
    "you know what",
    "thank you",
    "thanks",
    "see you",
    "nice to see you",
    "good to see you",
    "take care",
    "good luck",
    "come in",
    "come on",
    "come and",
    "sit",
    "have a seat",
    "grab",
    "take",
    "help yourself",
    "i ",
    "i'",
    "let",
    "we",
    "if you'd like",
    "if you like",
    "if you want",
    "whenever you",
    "when you're ready",
    "here you go",
    "there you go",
    "bless you",
];

/// How a sentence ends up speaking of the client.
const YOU: &[&str] = &["you", "your", "you're", "you've", "you'd", "yourself"];

/// Words of a reflection that add meaning: a feeling, a value, both sides.
const ADDING: &[&str] = &[
    "part of you",
    "on the one hand",
    "on the other hand",
    "and yet",
    "at the same time",
    "as if",
    "as though",
    "it's like",
    "sounds like",
    "it sounds",
    "seems",
    "matters",
    "important to you",
    "means a lot",
    "meant a lot",
    "you care",
    "you love",
    "you want",
    "you wanted",
    "you'd like",
    "you'd rather",
    "you miss",
    "you wish",
    "you're wondering",
    "not sure",
    "worried",
    "worry",
    "afraid",
    "scared",
    "frightened",
    "frightening",
    "terrifying",
    "terrified",
    "painful",
    "pain",
    "lonely",
    "alone",
    "hurt",
    "proud",
    "ashamed",
    "shame",
    "guilty",
    "guilt",
    "torn",
    "stuck",
    "both",
    "a lot to",
    "hard",
    "exhausting",
    "exhausted",
    "frustrating",
    "loss",
    "longing",
    "relief",
    "hope",
    "what matters",
    "the kind of",
    "who you are",
    "who you were",
    "in a way",
    "underneath",
    "really",
    "sad",
    "sadness",
    "angry",
    "anger",
    "embarrassed",
    "embarrassing",
    "safer",
    "safe",
    "tired",
    "overwhelming",
    "heavy",
    "carrying",
    "feel",
    "feels",
    "feeling",
    "felt",
];

/// Naming a strength or an effort.
const AFFIRMING: &[&str] = &[
    "took courage",
    "takes courage",
    "that took a lot",
    "that takes a lot",
    "took a lot",
    "a lot of work",
    "worked really hard",
    "you've worked",
    "well done",
    "good for you",
    "impressive",
    "achievement",
    "a big step",
    "a real step",
    "a real change",
    "should be proud",
    "be proud of",
    "you came up with",
    "you've come up with",
    "great idea",
    "good idea",
    "lovely idea",
    "brilliant idea",
    "clever way",
    "really honest",
    "very honest",
    "been so honest",
    "thank you for telling me",
    "thank you for being",
    "thank you for filling",
    "i appreciate",
    "that's honest",
    "you're someone who",
    "you did really well",
    "you're doing really well",
    "you did well",
    "you've done really well",
    "a strength",
    "determined",
    "determination",
    "resourceful",
    "you managed",
    "you've shown",
    "you have shown",
    "that's brilliant",
    "that's great that you",
    "you did the hard bit",
    "you did it",
];

/// A turn that gathers what the client said.
const SUMMING_UP: &[&str] = &[
    "let me see if i've got",
    "let me see if i have",
    "let me check i've",
    "let me check i have",
    "let me check i understand",
    "let me check i've understood",
    "let me sum up",
    "let me summarise",
    "let me summarize",
    "to sum up",
    "let me pull",
    "let me gather",
    "let me try to put",
    "let me put",
    "let me recap",
    "to recap",
    "let me just check",
    "let me make sure i've",
    "pull this together",
    "pull that together",
    "sum up",
    "have i got that right",
    "have i got it right",
    "have i got that",
    "is that right",
    "have i missed anything",
    "does that sound right",
    "is that a fair summary",
    "did i get that right",
    "have i understood",
];

/// Telling the client how things are.
const INFORMING: &[&str] = &[
    "research shows",
    "research suggests",
    "studies show",
    "the evidence",
    "what we know",
    "we know that",
    "it's recommended",
    "the guidelines",
    "the guideline",
    "the recommended",
    "the advice is",
    "the guidance",
    "on average",
    "most people",
    "a lot of people",
    "lots of people",
    "many people",
    "some people",
    "people who",
    "it's common",
    "very common",
    "really common",
    "is common",
    "are common",
    "it's normal",
    "is normal",
    "completely normal",
    "your body",
    "the body",
    "your brain",
    "the brain",
    "works by",
    "is called",
    "are called",
    "we call",
    "what happens is",
    "what happens when",
    "it's a type of",
    "is a type of",
    "units",
    "percent",
    "per cent",
    "usually",
    "typically",
    "tends to",
    "tend to",
    "can cause",
    "can make",
    "increases the risk",
    "the risk of",
    "raises your",
    "is linked",
    "are linked",
    "a sign of",
    "it takes",
    "takes about",
    "the limit",
    "the target",
    "the aim",
    "the idea is",
    "the way it works",
    "how it works",
    "that's because",
    "it's because",
    "that's why",
    "it means",
    "which means",
];

/// Telling the client what to do.
const ADVISING: &[&str] = &[
    "you should",
    "you shouldn't",
    "you need to",
    "you must",
    "you mustn't",
    "you have to",
    "you've got to",
    "you ought to",
    "i'd recommend",
    "i would recommend",
    "i recommend",
    "i'd suggest",
    "i suggest",
    "i'd advise",
    "i advise",
    "my advice",
    "make sure you",
    "it's important to",
    "it's important that you",
    "it is important to",
    "the best thing you can",
    "the most important thing you can",
    "you'd be better",
    "you'll need to",
    "you will need to",
    "you need",
    "try not to",
    "don't",
];

/// Short words that carry no content of their own.
const SMALL: &[&str] = &[
    "the", "and", "but", "you", "your", "you're", "you've", "that", "this", "with", "for", "was",
    "are", "were", "have", "has", "had", "not", "just", "all", "its", "it's", "they", "them",
    "then", "than", "there", "what", "when", "about", "from", "into", "very", "really", "much",
    "some", "one", "two", "out", "get", "got", "can", "did", "does", "like", "still", "even",
    "also", "too", "yeah", "okay", "well", "right", "sort", "kind", "bit", "lot", "way",
];

/// The codes of one clinician turn, each with the sentence that shows it.
/// `client` is the client's turn before it; `permitted` whether permission
/// was asked just before, so advice is given with it.
pub(super) fn code_turn<'t>(
    text: &'t str,
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
    let said = sentences(text);
    let words = text.split_whitespace().count();
    // A summary is one behaviour, whatever its sentences would be alone.
    if words >= 40 && said.iter().any(|s| find_any(s, SUMMING_UP).is_some()) {
        return vec![(Summary, said.first().copied().unwrap_or(text))];
    }
    let mut asked = permitted;
    for &s in &said {
        let body = without_openers(s);
        let question = s.trim_end_matches(['"', '”', ')', '\'']).ends_with('?');
        if find_any(s, PERMISSION).is_some() {
            asked = true;
            add(AskingPermission, s);
            continue;
        }
        if question {
            // "So this week, what will you try?": the question is in the last clause.
            let last = body.rsplit(", ").next().unwrap_or(body);
            let open = [body, last]
                .iter()
                .any(|c| starts_with_any(c, OPEN) && !starts_with_any(c, CLOSED_AFTER_OPEN));
            add(if open { OpenQuestion } else { ClosedQuestion }, s);
            continue;
        }
        if starts_with_any(body, TELL_ME) {
            add(OpenQuestion, s);
            continue;
        }
        if find_any(s, AFFIRMING).is_some() {
            add(Affirmation, s);
        }
        if find_any(body, ADVISING).is_some_and(|(a, ..)| a == 0) || advises(s) {
            if !asked {
                add(Advice, s);
            }
            continue;
        }
        // "Your heart speeds up…" informs, though it speaks of "you".
        if find_any(s, INFORMING).is_some() && !starts_with_any(body, REFLECTING) {
            add(GivingInformation, s);
            continue;
        }
        if reflects(body, client) {
            let complex = find_any(s, ADDING).is_some() || adds_meaning(body, client);
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
fn advises(s: &str) -> bool {
    [
        "you should",
        "you need to",
        "you must",
        "you have to",
        "i'd recommend",
        "i recommend",
    ]
    .iter()
    .any(|p| find_any(s, &[p]).is_some())
}

/// Whether a statement says back the client's experience: it opens like a
/// reflection, speaks of the client ("That matters to you"), or, short,
/// repeats their words ("Four thousand photos.").
fn reflects(body: &str, client: Option<&str>) -> bool {
    if starts_with_any(body, NOT_REFLECTING) {
        return false;
    }
    if starts_with_any(body, REFLECTING) || find_any(body, YOU).is_some() {
        return true;
    }
    let own = content_words(body);
    let Some(client) = client else { return false };
    let theirs = content_words(client);
    let shared = own.iter().filter(|w| theirs.contains(w)).count();
    body.split_whitespace().count() <= 10 && !own.is_empty() && shared * 2 >= own.len()
}

/// A longer reflection most of whose words the client did not say.
fn adds_meaning(body: &str, client: Option<&str>) -> bool {
    let own = content_words(body);
    let theirs = client.map(content_words).unwrap_or_default();
    let shared = own.iter().filter(|w| theirs.contains(w)).count();
    own.len() >= 5 && shared * 2 < own.len()
}

/// Lower-case words of three letters or more that carry content.
fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.to_lowercase().replace('’', "'"))
        .filter(|w| w.chars().count() >= 3 && !SMALL.contains(&w.as_str()))
        .collect()
}

fn starts_with_any(s: &str, pats: &[&str]) -> bool {
    pats.iter().any(|p| strip_prefix_loose(s, p).is_some())
}

/// The sentence without words like "So," or "Okay, and" in front.
fn without_openers(s: &str) -> &str {
    let mut rest = trim_punct(s);
    // A stage direction in front: "(laughs) So…".
    if let Some(r) = rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        rest = r.1.trim_start();
    }
    while let Some(r) = OPENERS.iter().find_map(|o| strip_prefix_loose(rest, o)) {
        let r = r.trim_start();
        rest = r.strip_prefix(',').unwrap_or(r).trim_start();
    }
    rest
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Behaviour::{self, *};
    use super::code_turn;

    /// The codes of a clinician turn after the client's.
    fn codes(client: &str, clinician: &str) -> Vec<Behaviour> {
        code_turn(clinician, Some(client), false)
            .into_iter()
            .map(|(b, _)| b)
            .collect()
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
    fn asking_before_telling_is_asking_permission() {
        for turn in [
            "Would it be okay if I shared something about how units add up?",
            "Can I tell you what other people in your position have tried?",
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
        assert!(code_turn(turn, Some(CLIENT), true).is_empty());
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
