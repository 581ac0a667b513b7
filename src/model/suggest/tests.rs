use super::matching::{Automaton, sentences, strip_prefix_loose, strip_suffix_loose};
use super::*;
use crate::model::transcript::parse;

const SAMPLE: &str = include_str!("../../../tests/fixtures/session-14-of-24.txt");

fn tags(v: &[TagSuggestion]) -> Vec<(&str, &str)> {
    v.iter()
        .map(|t| (t.tag.as_str(), t.evidence.as_str()))
        .collect()
}

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

#[test]
fn sample_interventions() {
    let s = suggest(&parse(SAMPLE).unwrap());
    assert_eq!(
        tags(&s.interventions),
        vec![
            ("mindfulness", "mindfulness"),
            ("cognitive restructuring", "challenge that belief"),
            ("sleep hygiene", "sleep hygiene"),
            ("grounding exercise (5-4-3-2-1)", "grounding"),
            ("breathing exercise", "deep breath"),
        ]
    );
}

#[test]
fn the_samples_themes_come_in_order_of_how_much_the_session_talks_of_them() {
    let s = suggest(&parse(SAMPLE).unwrap());
    assert_eq!(
        tags(&s.themes),
        vec![
            ("anxiety", "anxious"),
            ("perfectionism", "good enough"),
            ("sleep", "sleep"),
            ("fear of failure", "fear of failure"),
            ("work stress", "deadlines"),
            ("core beliefs", "core beliefs"),
        ]
    );
}

#[test]
fn sample_homework() {
    let s = suggest(&parse(SAMPLE).unwrap());
    assert_eq!(
        s.homework,
        vec![
            HomeworkSuggestion {
                task: "Volunteer to lead a team meeting or present a new idea to my colleagues"
                    .into(),
                source: HomeworkSource::Client,
                mark: hm(10, 20),
                quote: "I think I could volunteer to lead a team meeting or present a new \
                        idea to my colleagues."
                    .into(),
            },
            HomeworkSuggestion {
                task: "Reflect on any thoughts or feelings that come up when you try to \
                       lead or speak up"
                    .into(),
                source: HomeworkSource::Clinician,
                mark: hm(10, 20),
                quote: "Before our next session, I’d like you to reflect on any thoughts or \
                        feelings that come up when you try to lead or speak up."
                    .into(),
            },
        ]
    );
}

fn homework(src: &str) -> Vec<(String, HomeworkSource)> {
    suggest(&parse(src).unwrap())
        .homework
        .into_iter()
        .map(|h| (h.task, h.source))
        .collect()
}

#[test]
fn clinician_homework_forms() {
    let src = "Therapist: This week, try to notice three good moments each day. \
               For next week, write down your worries before bed! \
               Between now and next Tuesday, keep a thought record. \
               I’d like you to practise box breathing before our next session. \
               Your homework is to call one friend.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Try to notice three good moments each day".into(),
                HomeworkSource::Clinician
            ),
            (
                "Write down your worries before bed".into(),
                HomeworkSource::Clinician
            ),
            ("Keep a thought record".into(), HomeworkSource::Clinician),
            ("Practise box breathing".into(), HomeworkSource::Clinician),
            ("Call one friend".into(), HomeworkSource::Clinician),
        ]
    );
}

#[test]
fn clinician_plans_and_chat_are_not_homework() {
    let src = "Therapist: For next time, we’ll continue working on confidence. \
               For next time, we’ll try a new exercise. \
               This week I'll try to send you the worksheet. \
               For next week, let's review the plan. \
               This week has been hard for you. \
               I want you to find a comfortable seated position. \
               Don’t hesitate to reach out before our next session. \
               We'll look at your homework next time.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn an_answer_to_what_the_client_would_do_if_something_went_wrong_is_not_a_commitment() {
    let src = "Therapist: And if the class is cancelled, what will you do instead?\n\n\
               Client: I'll probably just go for a swim at the leisure centre.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn client_commitment_needs_a_step_question() {
    let asked = "Therapist: What is one goal for this week?\n\n\
                 Client: I’ll try to walk every morning. I couldn't do more.\n";
    assert_eq!(
        homework(asked),
        vec![("Try to walk every morning".into(), HomeworkSource::Client)]
    );
    let not_asked = "Therapist: How was the weekend?\n\n\
                     Client: I will be honest, it was rough.\n";
    assert_eq!(homework(not_asked), vec![]);
    let negated = "Therapist: What step could you take next week?\n\n\
                   Client: I could never do that.\n";
    assert_eq!(homework(negated), vec![]);
}

#[test]
fn interventions_only_from_clinician_and_directions() {
    let src = "Client: I read about mindfulness and exposure.\n\n\
               Therapist: Let's start.\n\n(breathing exercise)\n";
    let s = suggest(&parse(src).unwrap());
    assert_eq!(
        tags(&s.interventions),
        vec![("breathing exercise", "breathing exercise")]
    );
    assert_eq!(s.themes, vec![]);
}

#[test]
fn approaches_are_heard_in_how_the_clinician_explains_them() {
    let cases = [
        (
            "When your mood drops you naturally do less. So we work from the outside in: \
             put them in the diary on a day and a time, and see what it does to the mood.",
            "behavioural activation",
        ),
        (
            "Let's brainstorm, no idea's too daft. Then we'll weigh them up and see which \
             one's more in your hands.",
            "problem solving",
        ),
        (
            "Caffeine stays in your system for hours. And a regular time you get up, even \
             on days off, so your body knows when night is.",
            "sleep hygiene",
        ),
    ];
    for (said, approach) in cases {
        let src = format!("Therapist: {said}\n\nClient: Okay.\n");
        let s = suggest(&parse(&src).unwrap());
        let got: Vec<&str> = s.interventions.iter().map(|t| t.tag.as_str()).collect();
        assert!(got.contains(&approach), "{said}: {got:?}");
    }
}

#[test]
fn word_boundaries_and_folding() {
    let worried = Automaton::new(&["worried"]);
    assert_eq!(worried.find("unworried"), None);
    assert_eq!(worried.find("Worried."), Some((0, 7, 0)));
    let grounding = Automaton::new(&["5-4-3-2-1"]);
    assert_eq!(grounding.find("a 5–4–3–2–1 drill"), Some((2, 19, 0)));
    assert_eq!(strip_prefix_loose("I’ll go", "i'll"), Some(" go"));
    assert_eq!(strip_prefix_loose("Éa", "e"), None);
    assert_eq!(
        strip_suffix_loose("run this week", "this week"),
        Some("run ")
    );
    assert_eq!(strip_suffix_loose("é", "this week"), None);
    assert_eq!(
        sentences("Thanks, Dr. Torres. Ok!  Next?\n\nNew para"),
        vec!["Thanks, Dr. Torres.", "Ok!", "Next?", "New para"]
    );
}

/// Every quote a suggestion carries, each of which must be in the input.
fn evidence(s: &Suggestions) -> Vec<&str> {
    let tags = s.interventions.iter().chain(&s.themes).map(|t| &t.evidence);
    let homework = s.homework.iter().map(|h| &h.quote);
    let reviews = s.reviews.iter().flat_map(|r| {
        [Some(&r.quote), r.answer.as_ref(), r.obstacle.as_ref()]
            .into_iter()
            .flatten()
    });
    let risks = s.risks.iter().flat_map(|r| [&r.quote, &r.words]);
    tags.chain(homework)
        .chain(reviews)
        .chain(risks)
        .map(String::as_str)
        .collect()
}

/// Speech made of phrases the suggestions react to, in odd spellings, mixed
/// with arbitrary text.
fn speech() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let phrase = prop_oneof![
        prop::sample::select(vec![
            "Mindfulness",
            "GROUNDING",
            "deep breaths",
            "fear of failure",
            "I’d like you to",
            "Could you try",
            "writing down",
            "before our next session",
            "Over the next two weeks,",
            "Keep up the walks.",
            "Carry on with",
            "How did the diary go?",
            "I want to die",
            "I don’t want to die",
            "he hit me",
            "last week",
            "homework",
            "I did it on four days.",
            "because I forgot.",
            "What is one goal for this week?",
            "I’ll walk every day",
            "I’m going to be",
            "Dr.",
            ".",
            "?",
            ",",
            "\n\n",
            "—",
        ])
        .prop_map(str::to_string),
        "(?s).{0,30}",
    ];
    proptest::collection::vec(phrase, 0..12).prop_map(|p| p.join(" "))
}

proptest::proptest! {
    #[test]
    fn every_quoted_piece_of_evidence_is_in_the_input(
        items in proptest::collection::vec((0u8..4, speech()), 0..12)
    ) {
        let items: Vec<Item> = items
            .into_iter()
            .map(|(k, text)| match k {
                0 => Item::Direction(text),
                1 => Item::Turn { speaker: "A".into(), role: Role::Clinician, text },
                2 => Item::Turn { speaker: "B".into(), role: Role::Client, text },
                _ => Item::Turn { speaker: "C".into(), role: Role::Unknown, text },
            })
            .collect();
        let texts: Vec<&str> = items
            .iter()
            .map(|i| match i {
                Item::Direction(text) | Item::Turn { text, .. } => text.as_str(),
            })
            .collect();
        let s = suggest(&transcript(items.clone()));
        for quote in evidence(&s) {
            proptest::prop_assert!(
                texts.iter().any(|t| t.contains(quote)),
                "{:?} is not in the input",
                quote
            );
        }
    }
}

#[test]
fn non_ascii_never_panics() {
    let src = "Therapist: 今週は、i’d like you to 書く。 This week, try — “ÉÉÉ”… \
               Before our next session, ж.\n\nClient: I will ÿ̈ ✓.\n";
    let _ = suggest(&parse(src).unwrap());
}

/// One segment of turns, without going through the parser.
pub(super) fn transcript(items: Vec<Item>) -> Transcript {
    use crate::model::transcript::{Header, Segment};
    Transcript {
        header: Header::default(),
        segments: vec![Segment { mark: None, items }],
        end: None,
        ended: false,
    }
}

pub(super) fn clinician(text: &str) -> Item {
    Item::Turn {
        speaker: "Therapist".into(),
        role: Role::Clinician,
        text: text.into(),
    }
}

pub(super) fn client(text: &str) -> Item {
    Item::Turn {
        speaker: "Client".into(),
        role: Role::Client,
        text: text.into(),
    }
}

#[test]
fn every_keyword_suggests_its_own_term_and_only_vocabulary_tags() {
    use crate::model::tags::TagKind::{self, Intervention, Theme};
    use crate::model::tags::Term;
    let known = |kind: TagKind, tag: &str| kind.vocabulary().any(|v| v == tag);
    for kind in [Intervention, Theme] {
        for term in kind.terms() {
            for kw in Term::phrases(term.keywords) {
                let text = format!("So, {}.", kw.replace(" ... ", " and "));
                // Interventions are what the clinician does, themes what the client says.
                let said = match kind {
                    Intervention => clinician(&text),
                    Theme => client(&text),
                };
                let s = suggest(&transcript(vec![said]));
                let own = match kind {
                    Intervention => &s.interventions,
                    Theme => &s.themes,
                };
                assert!(own.iter().any(|t| t.tag == term.name), "{kw:?}");
                for (list, kind) in [(&s.interventions, Intervention), (&s.themes, Theme)] {
                    for t in list {
                        assert!(known(kind, &t.tag), "{} from {kw:?}", t.tag);
                        assert!(text.contains(&t.evidence), "{}", t.evidence);
                    }
                }
            }
        }
    }
}

#[test]
fn every_risk_phrase_is_shown_for_review_with_its_sentence() {
    use crate::model::tags::{RISKS, Term};
    for kind in RISKS {
        for kw in Term::phrases(kind.keywords) {
            let text = format!("Well. Lately {}, honestly.", kw.replace(" ... ", " and "));
            let s = suggest(&transcript(vec![client(&text)]));
            let quotes: Vec<&str> = s.risks.iter().map(|r| r.quote.as_str()).collect();
            assert_eq!(quotes, [&text[6..]], "{kw:?}");
            assert!(RISKS.iter().any(|k| k.name == s.risks[0].kind), "{kw:?}");
        }
    }
}

/// Task, completion, days, what got in the way.
type ExpectedReview = (
    &'static str,
    Option<Completion>,
    Option<u8>,
    Option<&'static str>,
);

/// A transcript of homework in many wordings and what should come of it.
struct Fixture {
    name: &'static str,
    text: &'static str,
    homework: &'static [(&'static str, HomeworkSource)],
    reviews: &'static [ExpectedReview],
    /// Sentences that must not become homework.
    decoys: &'static [&'static str],
}

use crate::model::homework::Completion::{Done, NotDone, Partly};
use HomeworkSource::{Client, Clinician};

const FIXTURES: &[Fixture] = &[
    Fixture {
        name: "questions",
        text: include_str!("../../../tests/fixtures/homework-questions.txt"),
        homework: &[
            (
                "Try writing down one worry and a realistic outcome each evening",
                Clinician,
            ),
            ("Leave the charts after one check on two shifts", Clinician),
            (
                "Set a timer for ten minutes of worry time each afternoon",
                Clinician,
            ),
        ],
        reviews: &[(
            "Worry log",
            Some(Partly),
            Some(4),
            Some("After the double shifts I was too tired to write anything."),
        )],
        decoys: &[
            "At work I keep checking",
            "I’ll give it a go",
            "I’m going to be honest",
            "Would you like to rate",
            "Yes, I can do that",
        ],
    },
    Fixture {
        name: "time spans",
        text: include_str!("../../../tests/fixtures/homework-time-spans.txt"),
        homework: &[
            ("Schedule one short walk on three mornings", Clinician),
            (
                "Open the curtains and get dressed before breakfast",
                Clinician,
            ),
            ("Note your mood from 0 to 10 after each activity", Clinician),
            ("Text your sister once to arrange a coffee", Clinician),
            ("Cook a proper dinner twice", Client),
        ],
        reviews: &[],
        decoys: &[
            "I’ll be aware",
            "I’m going to be honest",
            "I keep checking",
            "let’s make the steps",
        ],
    },
    Fixture {
        name: "continue",
        text: include_str!("../../../tests/fixtures/homework-continue.txt"),
        homework: &[
            ("Keep up the sleep diary", Clinician),
            ("Carry on with the walks at lunchtime", Clinician),
            (
                "Continue the breathing practice, but do it before your shift instead of after",
                Clinician,
            ),
            ("Name five things I can see before I check my pulse", Client),
        ],
        reviews: &[
            ("Sleep diary", Some(Done), Some(7), None),
            (
                "Do the breathing practice after your shifts",
                Some(Partly),
                None,
                Some("I forgot it on the late shifts because I got home after midnight."),
            ),
        ],
        decoys: &[
            "At work I keep checking",
            "Let’s keep that in mind",
            "We’ll continue with the panic work",
        ],
    },
    Fixture {
        name: "reviews",
        text: include_str!("../../../tests/fixtures/homework-reviews.txt"),
        homework: &[
            (
                "Ask my manager for feedback on the stock audit by Friday",
                Client,
            ),
            ("Jot down what she actually says, word for word", Clinician),
        ],
        reviews: &[
            (
                "Fill in the thought record",
                Some(NotDone),
                None,
                Some("I kept putting it off because it felt pointless."),
            ),
            (
                "Evening walks",
                Some(Partly),
                Some(5),
                Some("I skipped the weekend because of the rain."),
            ),
        ],
        decoys: &[
            "I’m going to be honest",
            "I’ll be aware",
            "See you next week",
            "you agreed to try a thought record",
        ],
    },
];

#[test]
fn homework_in_every_wording_is_found_and_decoys_are_not() {
    for f in FIXTURES {
        let s = suggest(&parse(f.text).unwrap());
        let found: Vec<(&str, HomeworkSource)> = s
            .homework
            .iter()
            .map(|h| (h.task.as_str(), h.source.clone()))
            .collect();
        assert_eq!(found, f.homework.to_vec(), "{}", f.name);
        for h in &s.homework {
            assert!(f.text.contains(&h.quote), "{}: {}", f.name, h.quote);
            for decoy in f.decoys {
                assert!(!h.quote.contains(decoy), "{}: {decoy}", f.name);
            }
        }
    }
}

#[test]
fn reviews_of_last_sessions_homework_are_found_with_what_was_said() {
    for f in FIXTURES {
        let s = suggest(&parse(f.text).unwrap());
        let found: Vec<_> = s
            .reviews
            .iter()
            .map(|r| (r.task.as_str(), r.completion, r.days, r.obstacle.as_deref()))
            .collect();
        assert_eq!(found, f.reviews.to_vec(), "{}", f.name);
        for r in &s.reviews {
            assert!(r.mark.is_some(), "{}", f.name);
            for quote in [Some(&r.quote), r.answer.as_ref(), r.obstacle.as_ref()] {
                assert!(
                    quote.is_none_or(|q| f.text.contains(q.as_str())),
                    "{}",
                    f.name
                );
            }
        }
    }
}

#[test]
fn the_sample_reviews_no_homework() {
    assert_eq!(suggest(&parse(SAMPLE).unwrap()).reviews, vec![]);
}

/// The labelled transcripts: (name, transcript, labels).
const LABELLED: &[(&str, &str, &str)] = &[
    labelled!("act"),
    labelled!("anger"),
    labelled!("ba-depression"),
    labelled!("cbt-anxiety"),
    labelled!("couples"),
    labelled!("dbt-skills"),
    labelled!("gambling"),
    labelled!("grief"),
    labelled!("health-diabetes"),
    labelled!("mi-alcohol"),
    labelled!("mi-smoking"),
    labelled!("offending"),
    labelled!("trauma"),
];

macro_rules! labelled {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                "../../../tests/fixtures/labelled/dev/",
                $name,
                ".txt"
            )),
            include_str!(concat!(
                "../../../tests/fixtures/labelled/dev/",
                $name,
                ".labels.json"
            )),
        )
    };
}
use labelled;

fn labelled_suggestions()
-> impl Iterator<Item = (&'static str, &'static str, Suggestions, score::Labels)> {
    LABELLED.iter().map(|&(name, text, labels)| {
        let labels = serde_json::from_str(labels).unwrap_or_else(|e| panic!("{name}: {e}"));
        (name, text, suggest(&parse(text).unwrap()), labels)
    })
}

#[test]
fn the_labelled_transcripts_are_suggested_precisely_and_risk_is_never_missed() {
    let mut per_kind = [score::Counts::default(); 4];
    for (_, _, s, labels) in labelled_suggestions() {
        for (total, c) in per_kind.iter_mut().zip(score::score(&s, &labels)) {
            total.add(c);
        }
    }
    let mut all = score::Counts::default();
    per_kind.iter().for_each(|c| all.add(*c));
    assert!(all.precision() >= 0.9, "{all:?}");
    assert!(all.recall() >= 0.85, "{all:?}");
    let risk = per_kind[3];
    assert_eq!(risk.recall(), 1.0, "{risk:?}");
    assert!(risk.expected >= 3);
}

#[test]
fn every_suggestion_in_the_labelled_transcripts_quotes_the_input_and_names_a_vocabulary_tag() {
    use crate::model::tags::TagKind::{Intervention, Theme};
    for (name, text, s, _) in labelled_suggestions() {
        for quote in evidence(&s)
            .into_iter()
            .chain(s.risks.iter().map(|r| r.quote.as_str()))
        {
            assert!(text.contains(quote), "{name}: {quote:?}");
        }
        for (list, kind) in [(&s.interventions, Intervention), (&s.themes, Theme)] {
            for t in list {
                assert!(kind.vocabulary().any(|v| v == t.tag), "{name}: {}", t.tag);
            }
        }
    }
}

#[test]
fn possible_risk_quotes_the_clients_sentence_with_its_time() {
    let expected = [
        (
            "anger",
            "harm to others",
            "I wanted to smash his face in.",
            hm(17, 0),
        ),
        (
            "anger",
            "harm to others",
            "If he hadn’t been there I would have hurt him, I know I would.",
            hm(17, 0),
        ),
        (
            "ba-depression",
            "suicide",
            "Sometimes I think everyone would be better off without me.",
            hm(14, 0),
        ),
        (
            "dbt-skills",
            "self-harm",
            "After the argument with my mum I cut myself on my arm.",
            hm(16, 0),
        ),
        (
            "trauma",
            "harm from others",
            "He used to beat me when he’d been drinking, and in the dream I’m small again.",
            hm(13, 0),
        ),
    ];
    let found: Vec<_> = labelled_suggestions()
        .flat_map(|(name, _, s, _)| s.risks.into_iter().map(move |r| (name, r)))
        .collect();
    // Each sentence of a kind, the first and those under it.
    let found: Vec<_> = found
        .iter()
        .flat_map(|(name, r)| {
            r.sentences()
                .map(|(quote, mark)| (*name, r.kind.as_str(), quote, mark))
        })
        .collect();
    assert_eq!(found, expected);
}

/// Role, words, and the tag they must (or must not) suggest.
const SAID: &[(Role, &str, &str, bool)] = &[
    (Role::Client, "I'm not anxious about it.", "anxiety", false),
    (Role::Client, "I’m anxious about it.", "anxiety", true),
    (Role::Client, "I don't drink.", "alcohol use", false),
    (
        Role::Client,
        "I never drink at home, honestly.",
        "alcohol use",
        false,
    ),
    (Role::Client, "I drink most nights.", "alcohol use", true),
    (
        Role::Client,
        "I don’t drink, but I smoke.",
        "smoking and vaping",
        true,
    ),
    (
        Role::Client,
        "I haven't smoked since May.",
        "smoking and vaping",
        false,
    ),
    (Role::Client, "I can’t sleep.", "sleep", true),
    (Role::Client, "It was good enough.", "perfectionism", false),
    (
        Role::Client,
        "I smoke at work with the lads.",
        "work stress",
        false,
    ),
    (Role::Client, "We'll work out a plan.", "exercise", false),
    (
        Role::Client,
        "I did the breathing exercise.",
        "exercise",
        false,
    ),
    (Role::Client, "I went to the gym.", "exercise", true),
    (
        Role::Client,
        "I need to drink more water.",
        "alcohol use",
        false,
    ),
    (
        Role::Client,
        "I smoked weed all weekend.",
        "smoking and vaping",
        false,
    ),
    (Role::Client, "I smoked weed all weekend.", "drug use", true),
    (
        Role::Client,
        "My wife says the same.",
        "relationships",
        false,
    ),
    (
        Role::Clinician,
        "How much do you drink?",
        "alcohol use",
        false,
    ),
    (
        Role::Clinician,
        "It sounds like the drinking has crept up.",
        "alcohol use",
        true,
    ),
    (
        Role::Clinician,
        "Don’t worry about the form.",
        "anxiety",
        false,
    ),
    (Role::Client, "I read about exposure.", "exposure", false),
    (
        Role::Clinician,
        "How anxious do you feel, on a scale of 0 to 10?",
        "motivational interviewing",
        false,
    ),
    (
        Role::Clinician,
        "On a scale of 0 to 10, how important is it to cut down?",
        "motivational interviewing",
        true,
    ),
];

#[test]
fn negations_idioms_and_the_wrong_speaker_suggest_nothing() {
    for &(ref role, text, tag, expected) in SAID {
        let item = match role {
            Role::Clinician => clinician(text),
            _ => client(text),
        };
        let s = suggest(&transcript(vec![item]));
        let found = s
            .interventions
            .iter()
            .chain(&s.themes)
            .any(|t| t.tag == tag);
        assert_eq!(found, expected, "{text:?} → {tag}");
    }
}

#[test]
fn a_denied_idiomatic_or_someone_elses_risk_word_is_not_risk_but_a_plain_one_is() {
    for (text, risky) in [
        ("I would never hurt myself.", false),
        ("I don't want to die, I just want it to stop.", false),
        ("It hit me how tired I was.", false),
        ("I'm dying to see the new film.", false),
        ("I don't want to be alive anymore.", true),
        ("Sometimes I want to die.", true),
        ("He hits me when he's drunk.", true),
        ("I could hurt him.", true),
        ("Suicide, no.", false),
        ("Hurt myself? No. Not since school.", false),
        ("My sister was suicidal for years.", false),
        ("She wanted to die after the divorce.", false),
        ("He's suicidal, the doctor said.", false),
        (
            "Some days I could kill him when he leaves his socks out.",
            false,
        ),
        ("I'm going to kill him.", true),
        (
            "Sometimes I think I'd rather not wake up, but I'd never do anything.",
            true,
        ),
        ("I'd rather be dead, to be honest, some days.", true),
        (
            "I'd rather not be here on a Saturday, I'd rather be at the match.",
            false,
        ),
    ] {
        let s = suggest(&transcript(vec![client(text)]));
        assert_eq!(!s.risks.is_empty(), risky, "{text:?}");
        // The clinician's words never raise it.
        assert!(suggest(&transcript(vec![clinician(text)])).risks.is_empty());
    }
}

#[test]
fn a_statement_about_now_is_not_homework_even_after_a_step_question() {
    for answer in [
        "I'll be aware of everything that's going on.",
        "I'll just be aware of everything that's going on.",
        "I'll try to be more aware of it.",
        "I’ll tell you what happened at the weekend.",
        "I'll feel better once it's done.",
    ] {
        let src = format!("Therapist: What will you do this week?\n\nClient: {answer}\n");
        assert_eq!(homework(&src), vec![], "{answer}");
    }
    let src = "Therapist: What will you do this week?\n\nClient: I'll just call my sister.\n";
    assert_eq!(
        homework(src),
        vec![("Call my sister".into(), HomeworkSource::Client)]
    );
}

#[test]
fn at_work_alone_is_no_longer_work_stress_in_the_homework_transcripts() {
    // In the reviews transcript "my manager" still makes it work stress.
    for f in FIXTURES.iter().filter(|f| f.name != "reviews") {
        let s = suggest(&parse(f.text).unwrap());
        assert!(
            s.themes.iter().all(|t| t.tag != "work stress"),
            "{}",
            f.name
        );
    }
}

#[test]
fn the_clinicians_own_tags_are_matched_by_their_own_words() {
    use crate::model::tags::TagKind::{Intervention, Theme};
    let mut earlier = Tags::default();
    earlier.add(Intervention, "EMDR resourcing");
    earlier.add(Intervention, "mindfulness");
    earlier.add(Theme, "Imposter feelings");
    let own = own_tags([&earlier, &Tags::default()]);
    assert_eq!(own.interventions, ["EMDR resourcing"]);
    assert_eq!(own.themes, ["Imposter feelings"]);
    let t = transcript(vec![
        clinician("Let's do some EMDR resourcing first."),
        client("I don't have imposter feelings at home."),
        client("At work the imposter feelings are constant."),
    ]);
    let s = suggest_with(&t, &own);
    assert_eq!(
        tags(&s.interventions),
        vec![("EMDR resourcing", "EMDR resourcing")]
    );
    assert_eq!(
        tags(&s.themes),
        vec![("Imposter feelings", "imposter feelings")]
    );
    assert!(suggest(&t).interventions.is_empty());
}

/// A session whose last clinician turn is `last`.
fn closing_with(last: &str) -> Vec<String> {
    let mut items = Vec::new();
    for _ in 0..4 {
        items.push(clinician("How has the week been?"));
        items.push(client("Up and down, the worrying mostly."));
    }
    items.push(clinician(last));
    suggest(&transcript(items))
        .homework
        .into_iter()
        .map(|h| h.task)
        .collect()
}

const CLOSING: &str = "So, to recap. Monday went badly because the report was late. Worry time \
                       every day at half six, even at the swimming pool. At work, check the \
                       report once, then send it. And keep the worry diary going. You've worked \
                       really hard today. I'll email the sheet. Does that feel doable?";

#[test]
fn the_steps_a_closing_summary_lists_are_homework_without_its_story_praise_or_questions() {
    assert_eq!(
        closing_with(CLOSING),
        [
            "Worry time every day at half six, even at the swimming pool",
            "At work, check the report once, then send it",
            "Keep the worry diary going",
        ]
    );
}

#[test]
fn a_summary_early_in_the_session_lists_no_homework() {
    let mut items = vec![clinician(CLOSING)];
    for _ in 0..4 {
        items.push(client("Up and down, the worrying mostly."));
        items.push(clinician("How has the week been?"));
    }
    assert_eq!(suggest(&transcript(items)).homework, vec![]);
}

#[test]
fn a_plan_made_step_by_step_keeps_each_step_the_client_names() {
    let src = "Therapist: So, let's make this into a plan. What would you like to try?\n\n\
               Client: Monday and Tuesday, no wine at all.\n\n\
               Therapist: And the walk?\n\n\
               Client: I'll take Biscuit round the park when I get in from work.\n\n\
               Therapist: And keeping track?\n\n\
               Client: Yes, I'll keep a note on my phone of what I have each night.\n\n\
               Therapist: That's the useful bit, there's no right answer on it, honestly.\n\n\
               Client: I'll probably feel silly writing it down.\n\n\
               Therapist: Could you book the blood test with reception on your way out?\n\n\
               Client: Yes, I'll do that now.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Take Biscuit round the park when I get in from work",
            "Keep a note on my phone of what I have each night",
            "Book the blood test with reception",
        ]
    );
}

#[test]
fn options_drawn_out_and_weighed_are_problem_solving_though_never_named() {
    let worked = "Therapist: Let's think about what the options might be.\n\n\
                  Client: We could set a time on Sundays.\n\n\
                  Therapist: That's one option. What could you do about the late shifts?\n\n\
                  Client: Swap with Dave, maybe.\n\n\
                  Therapist: So which of those would you like to try first?\n\n\
                  Client: Sundays.\n";
    let once = "Therapist: Which of those days was hardest?\n\n\
                Client: Monday, by a mile.\n";
    let named = |src: &str| {
        suggest(&parse(src).unwrap())
            .interventions
            .iter()
            .any(|t| t.tag == "problem solving")
    };
    assert!(named(worked));
    assert!(!named(once));
}

#[test]
fn a_commitment_inside_a_condition_or_in_someone_elses_mouth_is_not_homework() {
    for answer in [
        "If I'm going to come off it, I want it done proper, with the doctor.",
        "Karen says I'll sit here and tell you it's all fine and then go to the pub.",
        "My mum thinks I'll give up by Friday.",
        "Stay awake, I suppose. I'll nod off on the sofa.",
        "It's a good idea, because otherwise I'll go in there and just say sorry a lot.",
    ] {
        let src = format!("Therapist: What will you do this week?\n\nClient: {answer}\n");
        assert_eq!(homework(&src), vec![], "{answer}");
    }
    // A plan for when something happens is still a plan.
    let src = "Therapist: What will you do this week?\n\n\
               Client: If the lads ring, I'll tell them I'm skint.\n";
    assert_eq!(
        homework(src),
        vec![("Tell them I'm skint".into(), HomeworkSource::Client)]
    );
}

#[test]
fn an_option_weighed_aloud_gives_way_to_the_choice_made_after_it() {
    let src = "Therapist: What could you do at the party instead of the vape?\n\n\
               Client: I could take the dog out. I'll walk Pickle round the block when \
               Barry starts.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Walk Pickle round the block when Barry starts".into(),
            HomeworkSource::Client
        )]
    );
    // Weighed and not followed by another choice, the option is the plan.
    let src = "Therapist: What small step could you take this week?\n\n\
               Client: I think I could volunteer to lead the team meeting.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Volunteer to lead the team meeting".into(),
            HomeworkSource::Client
        )]
    );
}

#[test]
fn instructions_after_a_task_in_the_same_turn_are_its_further_steps() {
    let src = "Therapist: In the meantime, I'd like you to try cutting down. Try not to smoke \
               in the first hour after you wake up. And don't smoke in the van. See you in \
               a fortnight.\n\nClient: Right you are.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Try cutting down",
            "Try not to smoke in the first hour after you wake up",
            "Don't smoke in the van",
        ]
    );
    // Without a task before them, they are talk.
    let src = "Therapist: Don't smoke in the van, you said, was the rule at work?\n\n\
               Client: Yes.\n\nTherapist: Take your time with it.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn a_step_that_only_says_more_of_the_task_before_it_is_part_of_that_task() {
    let src = "Therapist: This week, I'd like you to keep a naloxone kit at home. Keep it in \
               the kitchen drawer.\n\n\
               Client: Okay. And this week I'll stop the energy drinks after two o'clock. I'll \
               have one in the morning and that's it.\n\n\
               Therapist: Good. I'd like you to tell Becky about the nightmares this week.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Keep a naloxone kit at home; keep it in the kitchen drawer",
            "Stop the energy drinks after two o'clock; have one in the morning and that's it",
            "Tell Becky about the nightmares",
        ]
    );
}

#[test]
fn a_step_saying_what_to_write_in_a_diary_just_given_is_part_of_keeping_the_diary() {
    let src = "Therapist: This week, I'd like you to keep a mood diary on the fridge. Jot down \
               what you were doing and a score out of ten. And ring your sister on Sunday.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Keep a mood diary on the fridge; jot down what you were doing and a score out of ten",
            "Ring your sister",
        ]
    );
}

#[test]
fn the_same_verb_again_with_only_where_or_when_is_more_of_the_task_before() {
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll phone the housing office on Tuesday. I'll phone at lunch so my \
               manager doesn't hear. I'll phone my brother as well.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Phone the housing office; phone at lunch so my manager doesn't hear",
            "Phone my brother as well",
        ]
    );
}

#[test]
fn a_short_choice_of_things_after_a_task_is_what_the_task_is_done_with() {
    let src = "Therapist: So this week you'll have a snack before the late shift, fruit or \
               crackers, and text or ring Sam on Friday.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Have a snack before the late shift; fruit or crackers",
            "Text or ring Sam"
        ]
    );
}

#[test]
fn a_step_whose_object_was_left_out_says_too_little_to_be_a_task() {
    let src = "Therapist: So this week you'll finish the first chapter, and start the next, \
               and ring the library about the other.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(tasks, ["Finish the first chapter"]);
}

#[test]
fn a_sentence_announcing_the_tasks_is_none_and_what_follows_it_is() {
    let src = "Therapist: So here's what I'd like you to do. On Monday, give your update \
               without notes. No scarf, no mug.\n\nClient: Okay.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(tasks, ["Give your update without notes"]);
}

#[test]
fn a_summary_answered_by_the_client_goes_on_in_a_turn_led_by_its_time_frame() {
    let summary = "Therapist: Let me sum up, and you tell me if I've got it wrong. This morning \
                   we watched the video, and you saw that the redness you feel at ninety looks \
                   more like thirty-five from the outside. We looked at the notes and the mug, \
                   and at what Gemma might really think.\n\nClient: Yeah. That's it.\n\n";
    let src = format!(
        "{summary}Therapist: That's fair. And for the week: you're going to give your update \
         without notes, and fill in the experiment sheet afterwards. You'll ask Marcus how it \
         came across.\n\nClient: Okay.\n"
    );
    let tasks: Vec<String> = homework(&src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Give your update without notes",
            "Fill in the experiment sheet afterwards",
            "Ask Marcus how it came across"
        ]
    );
    // A goodbye after a summary lists nothing.
    let src = format!(
        "{summary}Therapist: A good week, then. And if you slip this week, it doesn't wipe \
         anything out.\n\nClient: Okay.\n"
    );
    assert_eq!(homework(&src), vec![]);
}

#[test]
fn what_follows_from_a_plan_and_what_happened_are_not_its_steps() {
    let src = "Therapist: So this week you'll leave your card at home with Jade, so you've \
               only got cash for the pints, and you'll text Jade around eleven.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Leave your card at home with Jade",
            "Text Jade around eleven"
        ]
    );
    let closing = "So, to recap. Thursday was a hard day, with the dog, and you went straight \
                   back to the exercises. On Thursday night you had a thought that worried \
                   you. Worry time every day at half six. And keep the worry diary going. \
                   Well done today.";
    assert_eq!(
        closing_with(closing),
        [
            "Worry time every day at half six",
            "Keep the worry diary going"
        ]
    );
}

#[test]
fn a_breathing_technique_taught_in_everyday_words_is_a_breathing_exercise() {
    let src = "Therapist: The first thing is a breathing technique, to help with the \
               over-breathing.\n\nClient: Okay.\n\n\
               Therapist: The idea is to slow your breathing down. Sit back, one hand on your \
               tummy.\n\nClient: Like this?\n\n\
               Therapist: That's it. In for four, and notice the out-breath is longer.\n\n\
               Client: That's hard.\n";
    let tags: Vec<String> = suggest(&parse(src).unwrap())
        .interventions
        .into_iter()
        .map(|t| t.tag)
        .collect();
    assert!(tags.contains(&"breathing exercise".to_string()), "{tags:?}");
}

#[test]
fn weighing_both_options_and_how_to_handle_a_problem_is_problem_solving() {
    let src = "Therapist: How do you want to handle the changeovers?\n\n\
               Client: My mum could help, or we take turns.\n\n\
               Therapist: What could you do about the Sunday mornings?\n\n\
               Client: Ask her, I suppose.\n\n\
               Therapist: We'll write both options down.\n";
    assert!(
        suggest(&parse(src).unwrap())
            .interventions
            .iter()
            .any(|t| t.tag == "problem solving")
    );
}

#[test]
fn a_tasks_place_in_a_list_and_its_reminders_are_not_part_of_it() {
    let src = "Therapist: Three things. First, I'd like you to keep a drink diary on your \
               phone this week. Third, I'd like you to book the blood test at reception. The \
               plan for this week: keep the log every day.\n\n\
               Client: I'll book that now. And I'll put it in my phone.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        tasks,
        [
            "Keep a drink diary on your phone",
            "Book the blood test at reception",
            "Keep the log every day",
        ]
    );
}

#[test]
fn each_partner_of_a_couple_answers_the_step_question_as_a_client() {
    let src = "Client: Chloe Barker\nProfessional: Ruth Adeyemi (Couples Therapist)\n\n\
               Ruth: So let me ask you each directly. What will you try this week?\n\n\
               Marcus: I'll write the rota up and stick it on the fridge.\n\n\
               Chloe: I'll ring the health visitor and ask about the sleep clinic.\n";
    let t = parse(src).unwrap();
    let roles: Vec<&Role> = t.turns().map(|(_, r, _)| r).collect();
    assert_eq!(roles, [&Role::Clinician, &Role::Unknown, &Role::Client]);
    assert_eq!(
        homework(src),
        vec![
            (
                "Write the rota up and stick it on the fridge".into(),
                HomeworkSource::Client
            ),
            (
                "Ring the health visitor and ask about the sleep clinic".into(),
                HomeworkSource::Client
            ),
        ]
    );
    // Nobody named: an unnamed speaker may be the clinician, whose plans are not the client's.
    let unnamed = "A: What will you try this week?\n\nB: I'll send you the worksheet.\n";
    assert_eq!(homework(unnamed), vec![]);
}

#[test]
fn a_summary_offered_in_one_turn_and_given_in_the_next_lists_the_plan() {
    let offered = closing_with_offer(true);
    assert_eq!(
        offered,
        ["Sitting down with Sue on Sunday morning to plan the day together"]
    );
    assert_eq!(closing_with_offer(false), Vec::<String>::new());
}

/// A session ending with a summary of the week's plan, offered first when
/// `offer` is set.
fn closing_with_offer(offer: bool) -> Vec<String> {
    let mut items = Vec::new();
    for _ in 0..4 {
        items.push(clinician("How has the week been?"));
        items.push(client("Up and down, the nights mostly."));
    }
    let ask = if offer {
        "Can I check what you're taking away this week, so we're both clear?"
    } else {
        "Can I ask how the nights have been this week?"
    };
    items.push(clinician(ask));
    items.push(client("Go on, then."));
    items.push(clinician(
        "Sitting down with Sue on Sunday morning to plan the day together.",
    ));
    suggest(&transcript(items))
        .homework
        .into_iter()
        .map(|h| h.task)
        .collect()
}

#[test]
fn a_turn_numbered_as_the_next_item_of_a_plan_gives_its_instruction_as_a_task() {
    let src = "Therapist: Second. Switch to the smaller cans, the three-thirties.\n\n\
               Client: Go on, then.\n\n\
               Therapist: Switch off the telly when it gets to ten, that's what helps.\n";
    let tasks: Vec<String> = homework(src).into_iter().map(|(t, _)| t).collect();
    assert_eq!(tasks, ["Switch to the smaller cans, the three-thirties"]);
}

#[test]
fn a_commitments_time_frame_may_follow_it_as_a_sentence_of_its_own() {
    let src = "Counsellor: Of course.\n\n\
               Client: I'll message Priya. Tonight, before I lose my courage.\n\n\
               Counsellor: Mm.\n\n\
               Client: I'll bring you a full report. (laughs) See you next week.\n\n\
               Counsellor: Good.\n\n\
               Client: Maybe one day I'll tell Linda I did the event. Not this week.\n";
    // A name is object enough for a two-word task; a farewell or a frame
    // denied is no frame of the sentence before.
    assert_eq!(
        homework(src),
        vec![("Message Priya".into(), HomeworkSource::Client)]
    );
}

#[test]
fn a_task_given_then_framed_in_a_sentence_of_its_own_or_asked_as_carrying_on_is_homework() {
    let src = "Therapist: So I'd like you to go into the corner shop and stay until the \
               feeling peaks. Three times this week, if you can. Would you be up for \
               carrying on with the panic diary?\n\nClient: Yeah.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Go into the corner shop and stay until the feeling peaks".into(),
                HomeworkSource::Clinician
            ),
            (
                "Carrying on with the panic diary".into(),
                HomeworkSource::Clinician
            ),
        ]
    );
}

#[test]
fn a_routine_is_a_time_frame_and_stays_part_of_the_task() {
    let src = "Therapist: Lying down's fine too.\n\n\
               Client: I'll do the body scan every morning after Jan's gone.\n\n\
               Therapist: And I'd like you to keep the pain log every day.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Do the body scan every morning after Jan's gone".into(),
                HomeworkSource::Client
            ),
            (
                "Keep the pain log every day".into(),
                HomeworkSource::Clinician
            ),
        ]
    );
}

#[test]
fn an_instruction_after_a_question_asking_for_a_task_this_week_gives_it() {
    let src = "Therapist: Would you be up for doing that this week? I'd like you to walk \
               to the bus stop on Mill Lane, in daylight.\n\nClient: Okay.\n\n\
               Therapist: How has this week been? I'd like you to close your eyes for me.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Walk to the bus stop on Mill Lane, in daylight".into(),
            HomeworkSource::Clinician
        )]
    );
}

#[test]
fn thinking_it_over_is_not_a_task() {
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll think about it. I'll have a think about Kian.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn a_numbered_item_of_a_closing_summary_is_a_task_and_one_that_names_a_task_takes_its_steps() {
    let src = "Client: Derek Hall\nProfessional: Priya Shah (CBT therapist)\n\n\
               Priya: How has the week been?\n\nDerek: Long.\n\n\
               Priya: Long nights?\n\nDerek: Up at three every night.\n\n\
               Priya: That sounds tiring.\n\nDerek: It is.\n\n\
               Priya: So shall I sum up what we've agreed?\n\nDerek: Go on.\n\n\
               Priya: First, the sleep window. Bed not before midnight, up at six every \
               morning. Two: the worry slot at seven, kitchen table, black notebook. \
               Third, no nap in the chair.\n\n\
               Derek: Right you are.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "The sleep window: bed not before midnight, up at six every morning".into(),
                HomeworkSource::Clinician
            ),
            (
                "The worry slot at seven, kitchen table, black notebook".into(),
                HomeworkSource::Clinician
            ),
            ("No nap in the chair".into(), HomeworkSource::Clinician),
        ]
    );
    // Outside a closing summary, a numbered point explains: "Second, the
    // methadone." gives no task.
    let explained = "Client: Derek Hall\nProfessional: Priya Shah (CBT therapist)\n\n\
                     Priya: Two things matter here. First, your tolerance is down. \
                     Second, the methadone.\n\nDerek: Right.\n\n\
                     Priya: How was the week?\n\nDerek: Fine.\n\n\
                     Priya: Good.\n\nDerek: Yes.\n\nPriya: See you soon.\n";
    assert_eq!(homework(explained), vec![]);
}

#[test]
fn needing_something_letting_the_clinician_know_and_things_that_help_each_other_are_no_tasks() {
    let src = "Client: Keith Bell\nProfessional: Helen Shaw (therapist)\n\n\
               Helen: What would you like to try this week?\n\n\
               Keith: I'll keep a tally of the good days this week. I'll need a big number. \
               I'll let you know. And I'll need to ring the GP.\n\n\
               Helen: Good.\n\nKeith: Yes.\n\n\
               Helen: So shall I sum up what we've agreed?\n\nKeith: Go on.\n\n\
               Helen: The two things help each other. Walk the dog every other day.\n\n\
               Keith: Right.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Keep a tally of the good days".into(),
                HomeworkSource::Client
            ),
            ("Need to ring the GP".into(), HomeworkSource::Client),
            (
                "Walk the dog every other day".into(),
                HomeworkSource::Clinician
            ),
        ]
    );
}

#[test]
fn what_the_clinician_will_do_or_the_client_thinks_is_no_step_of_a_plan_said_back() {
    let src = "Therapist: So this week, you'll ring the housing office, and I'll write to \
               your landlord.\n";
    assert_eq!(
        homework(src),
        vec![("Ring the housing office".into(), HomeworkSource::Clinician)]
    );
    let src = "Therapist: So tonight, you're going to cancel the gym card, and you're \
               thinking a month.\n";
    assert_eq!(
        homework(src),
        vec![("Cancel the gym card".into(), HomeworkSource::Clinician)]
    );
}

#[test]
fn a_closing_summarys_plan_for_next_time_and_reminder_of_what_the_client_has_are_no_steps() {
    assert_eq!(
        closing_with(
            "So, to recap. The low days came after the late shifts. Keep the mood diary \
             going. Next week we'll look at how the diary went, and start on sleep. In \
             the meantime, if the low days come back, you've got the list to follow."
        ),
        ["Keep the mood diary going"]
    );
}

#[test]
fn what_the_client_tells_themself_each_time_or_was_told_they_could_do_is_no_homework() {
    for answer in [
        "Every Friday I tell myself I'll only have the two, and then it's five.",
        "My tutor said in the email I could resit in June.",
        "He said I'll be fine once I'm on the rota.",
    ] {
        let src = format!("Therapist: What will you do this week?\n\nClient: {answer}\n");
        assert_eq!(homework(&src), vec![], "{answer}");
    }
}

#[test]
fn a_step_with_someone_named_only_as_him_or_her_is_part_of_the_task_before_it() {
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll ask Priya about the spare room this week. I'll catch her after \
               work on Thursday.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Ask Priya about the spare room; catch her after work".into(),
            HomeworkSource::Client
        )]
    );
    let src = "Therapist: So this week you're going to paint the fence on Saturday, and tell \
               him you're coming.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Paint the fence; tell him you're coming".into(),
            HomeworkSource::Clinician
        )]
    );
    // Someone's someone is another person, and another task.
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll ask Priya about the spare room this week. I'll ring her mum on \
               Friday.\n";
    assert_eq!(homework(src).len(), 2);
}

#[test]
fn waiting_to_see_when_or_what_is_not_a_task() {
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll see when the landlord's back from holiday. I'll see what the \
               union says first.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn a_header_naming_the_clinician_by_their_work_has_their_turns_read_as_the_clinicians() {
    for label in ["Nurse", "Practitioner", "Worker", "Adviser"] {
        let src = format!(
            "Patient: Sam Ryder\n{label}: Jo Marsh (Practice Nurse)\n\n\
             Jo: How have the tablets been?\n\nSam: I keep forgetting the evening one.\n"
        );
        let t = parse(&src).expect("a transcript");
        let roles: Vec<&Role> = t.turns().map(|(_, r, _)| r).collect();
        assert_eq!(roles, [&Role::Clinician, &Role::Client], "{label}");
    }
}

#[test]
fn a_practice_guided_through_the_breath_and_the_sounds_is_mindfulness_unnamed() {
    let src = "Therapist: Let your attention settle on the sounds in the room.\n\n\
               Client: Okay.\n\n\
               Therapist: Notice your breath as well, as if you'd never felt it before. When your \
               mind wanders, come back to the sounds.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    let tags: Vec<&str> = s.interventions.iter().map(|t| t.tag.as_str()).collect();
    assert!(tags.contains(&"mindfulness"), "{tags:?}");
    // Settling the feet on the floor alone is any grounding.
    let src = "Therapist: Feet on the floor. Bring your attention to the chair.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(!s.interventions.iter().any(|t| t.tag == "mindfulness"));
}

#[test]
fn the_kind_of_person_the_client_wants_to_be_and_what_they_care_about_is_values_work() {
    let src = "Therapist: What do you want your life to be about, tinnitus or not?\n\n\
               Client: Family, mostly.\n\n\
               Therapist: The kind of grandad you want to be. And the allotment is something you \
               care about too.\n\n\
               Client: It is.\n\n\
               Therapist: So this week, one step in the direction you care about.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    let tags: Vec<&str> = s.interventions.iter().map(|t| t.tag.as_str()).collect();
    assert!(tags.contains(&"values (ACT)"), "{tags:?}");
}

#[test]
fn counting_down_what_the_senses_find_is_grounding_however_worded() {
    let src = "Therapist: Name four things you can hear right now.\n\n\
               Client: The fan, a car, the clock, you.\n\n\
               Therapist: And three things you can touch.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(
        s.interventions
            .iter()
            .any(|t| t.tag == "grounding exercise (5-4-3-2-1)"),
        "{:?}",
        s.interventions
    );
    // One sense named in passing is not the exercise.
    let src = "Therapist: What are the things you can see from the window at work?\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(s.interventions.is_empty(), "{:?}", s.interventions);
}

#[test]
fn the_crisis_numbers_of_everyday_practice_are_a_safety_plan() {
    for said in [
        "If it gets worse overnight, ring 111 and pick the mental health option.",
        "And if you ever feel you might act on it, it's 999 or A&E.",
        "You can text SHOUT to 85258 any time.",
        "If it comes back, who would you ring first?",
    ] {
        let s = suggest(&parse(&format!("Therapist: {said}\n")).expect("a transcript"));
        assert!(
            s.interventions.iter().any(|t| t.tag == "safety planning"),
            "{said}: {:?}",
            s.interventions
        );
    }
    let s = suggest(&parse("Therapist: They checked your heart at A&E.\n").expect("a transcript"));
    assert!(s.interventions.is_empty(), "{:?}", s.interventions);
}

#[test]
fn stepping_back_from_a_thought_as_a_story_the_mind_tells_is_defusion_unnamed() {
    let src = "Therapist: Your mind is telling you the job is ruined, isn't it?\n\n\
               Client: Every morning.\n\n\
               Therapist: What if you could name the story, and say it in a silly voice?\n\n\
               Client: The Ruined Job story.\n\n\
               Therapist: And then let it be there while you get on.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(
        s.interventions.iter().any(|t| t.tag == "defusion (ACT)"),
        "{:?}",
        s.interventions
    );
    // A mind said to be busy is no defusion.
    let src = "Therapist: Your mind is telling you to check again.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(!s.interventions.iter().any(|t| t.tag == "defusion (ACT)"));
}

#[test]
fn going_back_into_the_memory_until_it_peaks_is_exposure_in_the_words_of_trauma_work() {
    let src = "Therapist: Today we'll do the reliving again, in the first person.\n\n\
               Client: Okay.\n\n\
               Therapist: Stay put in the memory until it peaks, and let it settle. That's \
               habituation.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(
        s.interventions.iter().any(|t| t.tag == "exposure"),
        "{:?}",
        s.interventions
    );
}

#[test]
fn the_mindful_of_dear_man_is_keeping_to_a_request_not_mindfulness() {
    let src = "Therapist: Then be Mindful, Appear confident, Negotiate. Mindful is coming \
               back to your one ask when he changes the subject.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(
        !s.interventions.iter().any(|t| t.tag == "mindfulness"),
        "{:?}",
        s.interventions
    );
    let src = "Therapist: Let's try a mindful minute with the raisin.\n";
    let s = suggest(&parse(src).expect("a transcript"));
    assert!(s.interventions.iter().any(|t| t.tag == "mindfulness"));
}

#[test]
fn an_instruction_with_its_own_time_frame_is_not_a_frame_for_the_clause_after_it() {
    let src = "Therapist: (smiles) So ring the library tomorrow about the course, and go on \
               Monday if they have a place.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Ring the library tomorrow about the course, and go on Monday if they have a place"
                .into(),
            HomeworkSource::Clinician
        )]
    );
}

#[test]
fn a_goodbye_or_an_instruction_for_the_room_is_not_homework() {
    let src = "Therapist: (pause) Carry on by yourself for a minute, I'll stay quiet.\n\n\
               Client: Okay.\n\n\
               Therapist: See you next week, Ana. Take care on the roads tonight.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn what_the_client_would_do_otherwise_is_not_a_commitment() {
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll write the steps on a card. Else I'll lose track of the order.\n";
    assert_eq!(
        homework(src),
        vec![("Write the steps on a card".into(), HomeworkSource::Client)]
    );
}

#[test]
fn a_plan_said_back_for_next_weekday_is_framed() {
    let src = "Therapist: So next Thursday you'll go to the choir and sit with Jean.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Go to the choir and sit with Jean".into(),
            HomeworkSource::Clinician
        )]
    );
}

#[test]
fn a_weekly_routine_frames_a_commitment() {
    let src = "Therapist: That sounds hard.\n\n\
               Client: It is. I'll add up what I spend on takeaways every weekend.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Add up what I spend on takeaways every weekend".into(),
            HomeworkSource::Client
        )]
    );
}

#[test]
fn asked_for_the_plan_the_client_may_say_its_steps_back_as_a_list() {
    let src = "Therapist: So what are you going to do this week?\n\n\
               Client: Every morning, the stairs at the station, no lift. And the worry \
               diary after each go. Once a day's plenty, mind.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Every morning, the stairs at the station, no lift".into(),
                HomeworkSource::Client
            ),
            (
                "The worry diary after each go".into(),
                HomeworkSource::Client
            ),
        ]
    );
}

#[test]
fn what_the_clinician_usually_suggests_or_will_do_with_the_client_is_not_a_task() {
    let src = "Therapist: Usually I suggest a start date within the next week or so. \
               Most people try the patches for the first fortnight this week. \
               Then near the end we'll choose one small thing to try this week.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn a_task_offered_as_a_question_is_agreed_in_the_clients_own_words() {
    let src = "Therapist: Would it help to have the helpline number somewhere handy?\n\n\
               Client: I'll save the helpline number in my phone.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Save the helpline number in my phone".into(),
            HomeworkSource::Client
        )]
    );
}

#[test]
fn a_choice_put_off_or_only_to_be_thought_over_is_not_a_task() {
    let src = "Therapist: What will you do about the wedding this week?\n\n\
               Client: I could write a list. I could even draw it.\n\n\
               Therapist: So you'll write the card this week, and decide later whether to \
               send it.\n";
    assert_eq!(
        homework(src),
        vec![
            ("Write a list".into(), HomeworkSource::Client),
            ("Write the card".into(), HomeworkSource::Clinician)
        ]
    );
}

#[test]
fn an_option_weighed_as_an_alternative_to_another_is_not_a_task() {
    let src = "Therapist: What could you do about the lunches this week?\n\n\
               Client: I could eat in the car. Or I could sit with the others and not \
               order chips.\n";
    assert_eq!(
        homework(src),
        vec![("Eat in the car".into(), HomeworkSource::Client)]
    );
}

#[test]
fn the_bedtime_and_the_time_to_get_up_are_one_sleep_window() {
    let src = "Therapist: So this week you'll go to bed at midnight, and get up at seven \
               every day.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Go to bed at midnight; get up at seven every day".into(),
            HomeworkSource::Clinician
        )]
    );
}

#[test]
fn a_step_asked_for_as_what_would_make_it_easier_is_agreed_in_the_answer() {
    let src = "Therapist: Checking your feet is a lot to remember. What would make it \
               easier?\n\n\
               Client: I could check my feet after my shower, when I'm drying off.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Check my feet after my shower, when I'm drying off".into(),
            HomeworkSource::Client
        )]
    );
}

#[test]
fn the_steps_of_one_outing_are_one_task() {
    let src = "Therapist: So on Friday you'll go to the quiz at the social club, sit near the \
               door, have a word with the organiser beforehand, and stay until the break. \
               And you'll ring your brother on Sunday.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Go to the quiz at the social club; sit near the door; have a word with the \
                 organiser beforehand; stay until the break"
                    .into(),
                HomeworkSource::Clinician
            ),
            ("Ring your brother".into(), HomeworkSource::Clinician),
        ]
    );
}

#[test]
fn the_client_numbering_the_tasks_back_lists_each_as_a_task() {
    let src = "Therapist: We've got some tasks. Can you tell me what they are?\n\n\
               Client: One, keep the food diary after every meal. Two, fruit at eleven \
               instead of the biscuits. Two, maybe. Three, four times a night.\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Keep the food diary after every meal".into(),
                HomeworkSource::Client
            ),
            (
                "Fruit at eleven instead of the biscuits".into(),
                HomeworkSource::Client
            ),
        ]
    );
}

#[test]
fn practising_a_task_on_small_things_is_part_of_that_task() {
    let src = "Therapist: This week I'd like you to use the time-out signal at home. \
               Practise on little things first.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Use the time-out signal at home; practise on little things first".into(),
            HomeworkSource::Clinician
        )]
    );
}

#[test]
fn a_task_with_someone_named_by_pronoun_this_week_is_the_one_that_names_them() {
    let src = "Therapist: What will you do this week?\n\n\
               Client: I'll sit down with her this week, when the kids are in bed.\n\n\
               Therapist: So on Sunday you'll sit down with Rosa to plan the party.\n";
    assert_eq!(
        homework(src),
        vec![(
            "Sit down with Rosa to plan the party".into(),
            HomeworkSource::Clinician
        )]
    );
}

#[test]
fn what_the_clinician_asks_to_hear_in_the_session_is_not_a_task() {
    let src = "Therapist: Tell me about this week. Talk me through Saturday morning. \
               Show me the sheet you filled in this week.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn a_task_asked_for_with_would_you_is_homework_and_an_opinion_asked_is_not() {
    let src = "Therapist: Would you say this week was better than last?\n\n\
               Client: A bit, yes.\n\n\
               Therapist: Would you fill in the mood chart each evening this week?\n\n\
               Client: Go on then.\n\n\
               Therapist: What would you think about phoning your cousin this week?\n";
    assert_eq!(
        homework(src),
        vec![
            (
                "Fill in the mood chart each evening".into(),
                HomeworkSource::Clinician
            ),
            ("Phoning your cousin".into(), HomeworkSource::Clinician),
        ]
    );
}

#[test]
fn kind_words_for_the_week_and_the_pace_of_an_exercise_are_not_tasks() {
    let src = "Therapist: Breathe out slowly. Carry on at your own pace, and notice your \
               shoulders this time. This week, go gently on yourself. Be kind to yourself \
               this week too.\n";
    assert_eq!(homework(src), vec![]);
}

#[test]
fn what_clinician_and_client_will_try_together_now_or_a_task_only_pointed_back_at_is_not_a_new_task()
 {
    let src = "Therapist: I'd like us to try a short experiment here this week, and then plan \
               the rest.\n\n\
               Client: Fine. The walk and the call, I'll do both of those this week.\n";
    assert_eq!(homework(src), vec![]);
}
