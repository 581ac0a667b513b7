//! A session's profile of clinician behaviours (see [`super::behaviour`]),
//! and the approaches it shows even when no technique is named: motivational
//! interviewing, person-centred counselling, CBT-style Socratic questioning
//! (cognitive restructuring) and psychoeducation.

use super::Sentence;
use super::behaviour::{Behaviour, code_turn};
use super::matching::{Together, Words};
use super::text::count_words;
use super::{TagSuggestion, Talk};

/// Questions that draw out the client's own reasons and plans for change.
static EVOKING: Words = Words::new(&[
    "change",
    "cut down",
    "cut back",
    "stop",
    "quit",
    "what would it take",
    "what would be different",
    "how would things be different",
    "how would your life",
    "what would you like",
    "what do you want",
    "reasons",
    "why now",
    "how important",
    "how confident",
    "what might",
    "what ideas",
    "where does that leave you",
    "where does this leave you",
    "where does all this leave you",
    "what might get in the way",
    "what could you",
    "what's one thing",
    "good things about",
    "less good",
    "not so good",
    "on a scale",
    "what would help",
    "what else",
    "what do you make of",
    "what would you want",
    "where would you like",
    "what are you hoping",
    // Both sides of the habit, in everyday words.
    "like about",
    "enjoy about",
    "the downside",
    "the downsides",
    "worries you",
    "concerns you",
    "how ready",
    // Looking ahead to where things go if nothing changes, or back to
    // before: the distance between them draws out reasons to change.
    "carry on as",
    "carries on as",
    "if nothing changes",
    "if nothing changed",
    "stay the same",
    "stays the same",
    "stayed the same",
    "a year from now",
    "in a year's time",
    "in five years",
    "looking ahead",
    "looking back",
    "before all this",
]);

/// Questions that test a thought against the evidence.
static SOCRATIC: Words = Words::new(&[
    "evidence",
    "what went through your mind",
    "what was going through your mind",
    "how much do you believe",
    "how much did you believe",
    "how much would you believe",
    "what would you say to",
    "what would you tell",
    "if a friend",
    "if your friend",
    "another way of",
    "another explanation",
    "other explanation",
    "what else could",
    "what does that tell you",
    "what does that say about",
    "what's the worst",
    "what is the worst",
    "how likely",
    "is there another",
    "what would happen if",
    "what do you predict",
    "how would you know",
    "how would we know",
    "the thought",
    "that thought",
    // Rating a thought and weighing a fairer one against it.
    "how strongly do you believe",
    "how strongly did you believe",
    "the original thought",
    "the original one",
    "fairer",
    "more balanced",
    "more realistic",
    "that belief",
    "the belief",
    "how true",
    // What a friend would be told, or what someone else would be called.
    "if a mate",
    "if your mate",
    "a mate of yours",
    "a friend of yours",
    "if someone else",
    "if it was someone else",
    "if it were someone else",
    "says about you",
    "say about you",
    // Hindsight, and what does not fit the thought.
    "would have happened",
    "what you know now",
    "know now that",
    "didn't know then",
    "doesn't fit",
    "doesn't quite fit",
    "the whole picture",
]);

/// Both kinds of question, read in one pass.
static QUESTIONS: Together = Together::new(&[&EVOKING, &SOCRATIC]);

/// Themes that are something the client does, and so can change: where a
/// reflective, evoking session is motivational interviewing.
pub(super) const BEHAVIOURS: &[&str] = &[
    "alcohol use",
    "drug use",
    "smoking and vaping",
    "gambling",
    "diet and weight",
    "exercise",
    "medication adherence",
    "long-term illness",
    "offending",
    // Losing one's temper is something done, as drinking is.
    "anger",
];

/// Whether the session's main theme is something the client does.
fn about_a_habit(topic: Option<&str>) -> bool {
    topic.is_some_and(|t| BEHAVIOURS.contains(&t))
}

/// Whether a session is about changing a habit: its main theme (`topic`) is
/// something the client does, and no defusion is among the techniques
/// `named`. Defusion shows acceptance and commitment therapy, whose
/// questions about what matters and listening read as drawing out change.
pub(super) fn changing_a_habit(topic: Option<&str>, named: &[TagSuggestion]) -> bool {
    about_a_habit(topic) && !named.iter().any(|t| t.tag == "defusion (ACT)")
}

/// The approaches the profile judges (see [`Profile::approaches`]).
pub(super) const JUDGED: &[&str] = &[
    "motivational interviewing",
    "person-centred",
    "cognitive restructuring",
    "psychoeducation",
];

/// How the clinician talked over a session: turns per behaviour, with the
/// sentences that showed them.
#[derive(Default)]
pub(super) struct Profile<'t> {
    counts: [usize; 9],
    examples: [Vec<&'t str>; 9],
    /// Questions drawing out change, and questions testing a thought.
    evoking: usize,
    socratic: Vec<&'t str>,
    /// Turns giving information at length (40 words or more): explaining
    /// how something works rather than telling a fact.
    explanations: usize,
    /// Whether the last clinician turn asked permission.
    asked: bool,
}

impl<'t> Profile<'t> {
    /// Codes one clinician turn, `said` its sentences; `client` is the
    /// client's turn before it. Whether the turn is a summary.
    pub(super) fn add(
        &mut self,
        text: &'t str,
        said: &[Sentence<'t>],
        client: Option<&str>,
    ) -> bool {
        let codes = code_turn(text, said, client, self.asked);
        let summary = codes.iter().any(|(b, _)| *b == Behaviour::Summary);
        self.asked = codes.iter().any(|(b, _)| *b == Behaviour::AskingPermission);
        for (b, s) in codes {
            let i = b as usize;
            self.counts[i] += 1;
            self.examples[i].push(s);
            if b == Behaviour::GivingInformation && count_words(text, 40) == 40 {
                self.explanations += 1;
            }
            if matches!(b, Behaviour::OpenQuestion | Behaviour::ClosedQuestion) {
                let heard = QUESTIONS.heard_in(s);
                self.evoking += usize::from(heard.has(&EVOKING));
                if heard.has(&SOCRATIC) {
                    self.socratic.push(s);
                }
            }
        }
        summary
    }

    fn n(&self, b: Behaviour) -> usize {
        self.counts[b as usize]
    }

    /// Reflections of either kind; summaries are counted apart.
    fn reflections(&self) -> usize {
        self.n(Behaviour::SimpleReflection) + self.n(Behaviour::ComplexReflection)
    }

    fn questions(&self) -> usize {
        self.n(Behaviour::OpenQuestion) + self.n(Behaviour::ClosedQuestion)
    }

    /// Reflections and summaries for each question (MITI: 1 is fair, 2 good).
    fn reflections_per_question(&self) -> f64 {
        let r = self.reflections() + self.n(Behaviour::Summary);
        r as f64 / self.questions().max(1) as f64
    }

    /// The share of complex reflections, summaries counted as complex
    /// (MITI: 40% is fair, 50% good).
    fn complex_share(&self) -> f64 {
        let complex = self.n(Behaviour::ComplexReflection) + self.n(Behaviour::Summary);
        complex as f64 / (self.reflections() + self.n(Behaviour::Summary)).max(1) as f64
    }

    /// Whether the clinician draws the client out, as motivational
    /// interviewing does: at least half their questions open (MITI 3.1's
    /// threshold of beginning proficiency), where advice checks facts; and
    /// not a session of teaching that tells in over three turns for each
    /// question drawing out change, where MI gives information sparingly.
    pub(super) fn draws_out(&self) -> bool {
        let open = self.n(Behaviour::OpenQuestion);
        let informing = self.n(Behaviour::GivingInformation);
        open * 2 >= self.questions() && !(self.teaching() && informing > 3 * self.evoking)
    }

    /// Many turns giving information, or fewer when several of them explain
    /// at length: how a low mood, a cycle or the body works takes a
    /// paragraph, where a fact takes a sentence.
    fn teaching(&self) -> bool {
        let informing = self.n(Behaviour::GivingInformation);
        informing >= 6 || informing >= 4 && self.explanations >= 3
    }

    /// Whether the clinician mostly listens and says back: many reflections,
    /// as many as questions, often complex, little telling.
    fn reflective(&self) -> bool {
        let r = self.reflections() + self.n(Behaviour::Summary);
        let telling = self.n(Behaviour::Advice);
        r >= 10
            && self.reflections_per_question() >= 1.0
            && self.complex_share() >= 0.4
            && telling * 5 <= r
    }

    /// "14 reflections, 9 open questions, 3 summaries".
    fn in_words(&self, what: &[Behaviour]) -> String {
        what.iter()
            .map(|&b| {
                let (n, one, many) = match b {
                    Behaviour::SimpleReflection | Behaviour::ComplexReflection => {
                        (self.reflections(), "reflection", "reflections")
                    }
                    Behaviour::OpenQuestion => (self.n(b), "open question", "open questions"),
                    Behaviour::ClosedQuestion => (self.n(b), "closed question", "closed questions"),
                    Behaviour::Affirmation => (self.n(b), "affirmation", "affirmations"),
                    Behaviour::Summary => (self.n(b), "summary", "summaries"),
                    Behaviour::AskingPermission => (
                        self.n(b),
                        "request for permission",
                        "requests for permission",
                    ),
                    Behaviour::GivingInformation => (
                        self.n(b),
                        "turn giving information",
                        "turns giving information",
                    ),
                    Behaviour::Advice => (self.n(b), "turn of advice", "turns of advice"),
                };
                format!("{n} {}", if n == 1 { one } else { many })
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Two examples, the first of each kind given in that order: sentences of
    /// a telling length (8 to 40 words) where there are some.
    fn two_of(&self, kinds: &[Behaviour]) -> Vec<String> {
        let telling = |s: &&&str| (8..=40).contains(&s.split_whitespace().count());
        let mut out: Vec<String> = Vec::new();
        for pass in [true, false] {
            for b in kinds {
                let unused = |s: &&&str| !out.iter().any(|o| o == **s);
                let mut candidates = self.examples[*b as usize].iter().filter(unused);
                let found = if pass {
                    candidates.find(telling)
                } else {
                    candidates.next()
                };
                if let Some(s) = found
                    && out.len() < 2
                {
                    out.push((*s).to_string());
                }
            }
        }
        out
    }

    /// The approaches the profile shows, by vocabulary name, with the
    /// evidence of how the clinician talked. `habit` is whether the session
    /// is about changing one (see [`changing_a_habit`]).
    pub(super) fn approaches(&self, habit: bool) -> Vec<TagSuggestion> {
        use Behaviour::*;
        let mut out = Vec::new();
        let listening = [SimpleReflection, OpenQuestion, Summary];
        // Evoking change in how the client feels or thinks is as much CBT as
        // MI, so MI needs a habit as the session's subject.
        if self.reflective() && habit && self.evoking >= 2 && self.draws_out() {
            out.push(self.suggestion(
                "motivational interviewing",
                self.in_words(&listening),
                self.two_of(&[ComplexReflection, Summary, OpenQuestion]),
            ));
        } else if (self.reflective()
            // Two reflections a question: MITI's "good" ratio; listening
            // counsellors ask open questions too.
            && self.reflections_per_question() >= 2.0
            // Or saying back far more than asking, however simply: a
            // counsellor staying with a grieving client.
            || self.reflections() >= 20 && self.reflections_per_question() >= 4.0)
            && self.n(GivingInformation) + self.n(Advice) <= 3
        {
            out.push(self.suggestion(
                "person-centred",
                self.in_words(&listening),
                self.two_of(&[ComplexReflection, Summary]),
            ));
        }
        if self.socratic.len() >= 6 {
            let examples = self
                .socratic
                .iter()
                .take(2)
                .map(|s| s.to_string())
                .collect();
            let counts = format!(
                "{}, {} testing a thought",
                self.in_words(&[OpenQuestion]),
                self.socratic.len()
            );
            out.push(self.suggestion("cognitive restructuring", counts, examples));
        }
        if self.teaching() {
            let mut counts = self.in_words(&[GivingInformation]);
            if self.explanations > 0 {
                counts += &format!(", {} of them at length", self.explanations);
            }
            out.push(self.suggestion("psychoeducation", counts, self.two_of(&[GivingInformation])));
        }
        out
    }

    fn suggestion(&self, tag: &str, counts: String, examples: Vec<String>) -> TagSuggestion {
        TagSuggestion {
            tag: tag.into(),
            evidence: examples.first().cloned().unwrap_or_default(),
            talk: Some(Talk { counts, examples }),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::model::suggest::tests::{client, clinician, transcript};
    use crate::model::suggest::{Suggestions, suggest};
    use crate::model::transcript::Item;

    /// The suggestions for a session of (clinician, client) exchanges.
    fn suggested(exchanges: &[(&str, &str)], times: usize) -> Suggestions {
        let items = (0..times)
            .flat_map(|_| exchanges)
            .flat_map(|(ours, theirs)| [clinician(ours), client(theirs)])
            .collect();
        suggest(&transcript(items))
    }

    fn tags(s: &Suggestions) -> Vec<&str> {
        s.interventions.iter().map(|t| t.tag.as_str()).collect()
    }

    /// Listening and drawing out change about the client's drinking, with
    /// no technique named.
    const LISTENING: &[(&str, &str)] = &[
        (
            "What brings you in today?",
            "My GP said my drinking is up. A few pints most nights.",
        ),
        (
            "So a few pints has become most nights.",
            "Yeah. It's how I switch off after work.",
        ),
        (
            "It sounds like it's doing a real job for you, helping you unwind.",
            "It is. But I'm tired all the time now.",
        ),
        (
            "Part of you values that switch-off, and part of you is worried about what it's costing.",
            "That's it. I don't want to be that dad.",
        ),
        (
            "What would need to change for you to feel you weren't that dad?",
            "Maybe not drinking on school nights.",
        ),
        (
            "You care a lot about being there for your kids in the mornings.",
            "More than anything.",
        ),
        (
            "Let me see if I've got this right. The pints help you switch off after work, and \
             you've noticed the tiredness and how it sits with the kind of dad you want to be, \
             and you're wondering about school nights. Have I missed anything?",
            "No, that's right.",
        ),
    ];

    #[test]
    fn a_reflective_session_about_a_habit_is_motivational_interviewing_with_its_evidence() {
        let s = suggested(LISTENING, 3);
        let mi = s
            .interventions
            .iter()
            .find(|t| t.tag == "motivational interviewing")
            .unwrap_or_else(|| panic!("{:?}", tags(&s)));
        let talk = mi
            .talk
            .as_ref()
            .expect("counts of how the clinician talked");
        assert_eq!(talk.counts, "12 reflections, 6 open questions, 3 summaries");
        assert_eq!(talk.examples.len(), 2);
        for e in &talk.examples {
            assert!(
                LISTENING.iter().any(|(ours, _)| ours.contains(e.as_str())),
                "{e}"
            );
        }
    }

    #[test]
    fn asking_where_things_go_if_nothing_changes_draws_out_change() {
        use super::{EVOKING, QUESTIONS};
        for q in [
            "And if things carry on as they are, where will you be?",
            "What happens if nothing changes?",
            "Say it all stays the same, what does next year look like?",
            "Looking back, what was different before all this?",
        ] {
            assert!(QUESTIONS.heard_in(q).has(&EVOKING), "{q}");
        }
    }

    #[test]
    fn asking_both_sides_of_a_habit_in_everyday_words_draws_out_change() {
        use super::{EVOKING, QUESTIONS};
        for q in [
            "What do you like about the weekends out?",
            "What's the downside of the pills, for you?",
            "What worries you about the betting?",
            "How ready do you feel to try the patches?",
        ] {
            assert!(QUESTIONS.heard_in(q).has(&EVOKING), "{q}");
        }
    }

    #[test]
    fn losing_ones_temper_is_a_habit_the_client_can_change() {
        assert!(super::about_a_habit(Some("anger")));
        assert!(!super::about_a_habit(Some("grief")));
    }

    #[test]
    fn listening_about_a_habit_beside_defusion_is_acceptance_work_not_motivational_interviewing() {
        let mut turns = LISTENING.to_vec();
        turns.push((
            "When that comes up, try saying: I'm having the thought that I'm a bad dad.",
            "It does feel different, saying it like that.",
        ));
        let s = suggested(&turns, 3);
        let got = tags(&s);
        assert!(got.contains(&"defusion (ACT)"), "{got:?}");
        assert!(!got.contains(&"motivational interviewing"), "{got:?}");
    }

    #[test]
    fn listening_with_two_reflections_a_question_about_feelings_is_person_centred() {
        let s = suggested(
            &[
                (
                    "How have things been since we last met?",
                    "Heavy. I keep thinking I'm not enough for anyone.",
                ),
                (
                    "It sounds like that thought has been following you around all week.",
                    "Everywhere. At work, at home.",
                ),
                (
                    "As though there's nowhere it lets you rest.",
                    "Yes. Even with my sister.",
                ),
                (
                    "Part of you wonders whether anyone would notice if you stepped back.",
                    "I think that's it, really.",
                ),
                (
                    "What is it like to say that out loud?",
                    "Strange. Lighter, a bit.",
                ),
                (
                    "So saying it feels lighter, and you feel a little exposed too.",
                    "Both, yes.",
                ),
            ],
            3,
        );
        assert!(tags(&s).contains(&"person-centred"), "{:?}", tags(&s));
    }

    #[test]
    fn saying_back_far_more_than_asking_is_person_centred_though_simply_said() {
        // A counsellor staying with a grieving father: 67 reflections, mostly
        // his own words said back, to 5 open questions.
        let src = include_str!("../../../tests/fixtures/labelled/dev/grief-son-anniversary.txt");
        let s = suggest(&crate::model::transcript::parse(src).unwrap());
        assert!(tags(&s).contains(&"person-centred"), "{:?}", tags(&s));
    }

    #[test]
    fn questions_and_advice_without_listening_are_not_motivational_interviewing() {
        let s = suggested(
            &[
                ("How many units a week?", "About forty."),
                ("You need to cut down to fourteen.", "Okay."),
                ("Do you drink every day?", "Most days."),
                ("You should have at least two days off.", "Right."),
            ],
            5,
        );
        assert!(
            !tags(&s).contains(&"motivational interviewing"),
            "{:?}",
            tags(&s)
        );
    }

    #[test]
    fn several_explanations_are_psychoeducation_with_their_count() {
        let s = suggested(
            &[
                (
                    "When you feel a panic coming on, your body releases adrenaline.",
                    "That's the racing heart?",
                ),
                (
                    "Yes, your heart speeds up to get blood to your muscles, which means you feel dizzy.",
                    "So it's not a heart attack.",
                ),
                (
                    "Most people find the feelings peak within ten minutes and then fall away.",
                    "I always leave before then.",
                ),
            ],
            2,
        );
        let p = s.interventions.iter().find(|t| t.tag == "psychoeducation");
        let talk = p
            .and_then(|t| t.talk.as_ref())
            .unwrap_or_else(|| panic!("{:?}", tags(&s)));
        assert_eq!(talk.counts, "6 turns giving information");
    }

    #[test]
    fn phrases_typical_of_motivational_interviewing_without_its_profile_are_not_it() {
        let s = suggested(
            &[
                (
                    "What went through your mind when the email came?",
                    "That I'd get sacked.",
                ),
                ("What do you make of that now?", "It seems a bit much."),
                (
                    "Tell me more about the evidence for it.",
                    "There isn't much.",
                ),
                ("Looking back, how likely was it?", "Not very."),
                ("What would you say to a friend?", "Calm down."),
            ],
            3,
        );
        let got = tags(&s);
        assert!(!got.contains(&"motivational interviewing"), "{got:?}");
        assert!(got.contains(&"cognitive restructuring"), "{got:?}");
    }

    /// Whether a session about the client's drinking, opening and closing
    /// with phrases typical of motivational interviewing and `between` them,
    /// is suggested as MI.
    fn drinking_session_is_mi(between: &[(&str, &str)]) -> bool {
        let opening = (
            "What do you make of the pints most nights now?",
            "My drinking's crept up, a few pints every night.",
        );
        let closing = (
            "Where does that leave you?",
            "Cutting down the drinking, I think.",
        );
        let turns: Vec<_> = [opening]
            .into_iter()
            .chain(between.iter().copied())
            .chain([closing])
            .collect();
        let s = suggested(&turns, 3);
        assert_eq!(
            s.themes.first().map(|t| t.tag.as_str()),
            Some("alcohol use")
        );
        tags(&s).contains(&"motivational interviewing")
    }

    #[test]
    fn phrases_typical_of_motivational_interviewing_in_a_session_about_a_habit_are_it() {
        // Mostly questions, so the profile alone would not call it MI.
        assert!(drinking_session_is_mi(&[
            (
                "Tell me more about what the drinking does for you.",
                "The pints help me switch off after work.",
            ),
            (
                "How would you like your drinking to be?",
                "Fewer pints, and none on work nights.",
            ),
        ]));
    }

    #[test]
    fn phrases_typical_of_motivational_interviewing_in_advice_that_checks_facts_are_not_it() {
        // The same habit, asked about mostly in closed questions.
        assert!(!drinking_session_is_mi(&[
            (
                "Is that more than fourteen units a week?",
                "The pints add up to more, yes.",
            ),
            ("Do you drink at home too?", "Some nights, a can or two."),
            (
                "It sounds like you're not sure about cutting down. Any days off this month?",
                "One or two.",
            ),
        ]));
    }

    #[test]
    fn talking_the_client_through_an_exposure_is_exposure_though_never_named() {
        let s = suggested(
            &[
                (
                    "Touch the lid. What's your anxiety, nought to a hundred?",
                    "Ninety.",
                ),
                ("Stay with it. You don't have to act on it.", "Okay."),
                ("What's your anxiety now?", "Seventy."),
            ],
            2,
        );
        assert!(tags(&s).contains(&"exposure"), "{:?}", tags(&s));
    }

    #[test]
    fn planning_a_ladder_of_situations_to_stay_in_is_exposure() {
        let s = suggested(
            &[
                (
                    "Let's build the ladder: the corner shop at the bottom of the ladder.",
                    "And the cup final at the top.",
                ),
                (
                    "In the shop, drop the safety behaviours and stay until the feeling peaks.",
                    "Okay.",
                ),
            ],
            2,
        );
        assert!(tags(&s).contains(&"exposure"), "{:?}", tags(&s));
    }

    /// A long session that opens with `items`, in which the clinician
    /// only listens after it.
    fn long_session(mut items: Vec<Item>) -> Suggestions {
        for _ in 0..40 {
            items.extend([clinician("Mm."), client("It was a long week at work.")]);
        }
        suggest(&transcript(items))
    }

    /// A long session in which the clinician says `once` in one turn and
    /// only listens otherwise.
    fn said_once(once: &str) -> Suggestions {
        long_session(vec![clinician(once), client("Right.")])
    }

    #[test]
    fn a_technique_named_once_in_a_long_session_was_mentioned_not_done() {
        let s = said_once("Your GP called it a relapse, didn't she?");
        assert!(!tags(&s).contains(&"relapse prevention"), "{:?}", tags(&s));
        let s = said_once("If it gets that bad, the Samaritans are there on 116 123.");
        assert!(tags(&s).contains(&"safety planning"), "{:?}", tags(&s));
    }

    #[test]
    fn a_technique_named_once_stays_when_how_the_clinician_works_shows_it_too() {
        let s = long_session(vec![
            clinician("Shall we try some problem solving on the mornings?"),
            client("Go on."),
            clinician("Let's throw ideas out first, don't judge them yet."),
            client("Leave earlier, get the bus, ask my sister."),
            clinician("Which of those feels most workable?"),
            client("The bus."),
        ]);
        assert!(tags(&s).contains(&"problem solving"), "{:?}", tags(&s));
    }

    #[test]
    fn a_few_explanations_at_length_are_psychoeducation_though_few_turns_inform() {
        let explaining = [
            (
                "When you're low, everything takes effort, so you do less. You stop \
                 ringing people, you stop going to the allotment. The trouble is those were \
                 the things that lifted you, so the days get emptier and the mood drops \
                 further. It's a cycle, and it keeps itself going.",
                "That's exactly it.",
            ),
            (
                "Worry and poor sleep feed each other. A tired brain is quicker to spot \
                 danger, and lying awake gives the worry more room, so the next night you \
                 go up already braced. Most people find the two ease together once one \
                 starts to shift, so we don't have to fix both at once.",
                "That makes sense.",
            ),
            (
                "Avoiding the café brings relief, and relief is powerful. The more you \
                 avoid, the bigger it grows, because you never find out that you'd have \
                 coped. The feeling usually peaks and then falls on its own if you stay, \
                 which is the bit avoidance never lets you see happen for yourself.",
                "I never stay long enough.",
            ),
            ("Your body speeds the heart up when you're anxious.", "Yes."),
        ];
        let listening = ("How has the week been?", "Up and down.");
        let mut turns = explaining.to_vec();
        turns.extend([listening; 6]);
        let s = suggested(&turns, 1);
        let p = s.interventions.iter().find(|t| t.tag == "psychoeducation");
        let talk = p
            .and_then(|t| t.talk.as_ref())
            .unwrap_or_else(|| panic!("{:?}", tags(&s)));
        assert_eq!(
            talk.counts,
            "4 turns giving information, 3 of them at length"
        );
        // The same facts in a sentence each are too few turns to be it.
        let brief: Vec<_> = [
            ("It's a cycle.", "Right."),
            ("They feed each other.", "Yes."),
            ("The more you avoid, the bigger it grows.", "Okay."),
            ("Your body speeds the heart up when you're anxious.", "Yes."),
        ]
        .into_iter()
        .chain([listening; 6])
        .collect();
        assert!(!tags(&suggested(&brief, 1)).contains(&"psychoeducation"));
    }

    #[test]
    fn ideas_thrown_out_unjudged_and_a_few_picked_to_try_are_problem_solving() {
        let s = suggested(
            &[
                (
                    "Let's throw out as many ideas as we can about the mornings, and don't \
                     judge them yet.",
                    "Get up earlier? Pack the bags the night before?",
                ),
                (
                    "Good. Now let's pick a few to try this week.",
                    "The bags, and the alarm.",
                ),
                (
                    "What would make the alarm workable?",
                    "Putting it across the room.",
                ),
            ],
            2,
        );
        assert!(tags(&s).contains(&"problem solving"), "{:?}", tags(&s));
    }

    #[test]
    fn a_crisis_plan_is_safety_planning_but_keeping_safe_alone_is_not() {
        let s = said_once("Keep your crisis plan by the bed, with the numbers on it.");
        assert!(tags(&s).contains(&"safety planning"), "{:?}", tags(&s));
        for once in [
            "The prescription is there to keep you safe.",
            "You're doing a lot of checking to keep yourself safe.",
        ] {
            let s = said_once(once);
            assert!(
                !tags(&s).contains(&"safety planning"),
                "{once}: {:?}",
                tags(&s)
            );
        }
    }

    #[test]
    fn the_crisis_team_of_a_past_crisis_is_no_safety_plan_but_ringing_it_is() {
        let s = said_once("So your mum had to ring the crisis team that spring.");
        assert!(!tags(&s).contains(&"safety planning"), "{:?}", tags(&s));
        let s = said_once("If it gets that bad again, call the crisis team on this number.");
        assert!(tags(&s).contains(&"safety planning"), "{:?}", tags(&s));
    }

    #[test]
    fn breathing_in_someone_elses_smoke_is_no_breathing_exercise() {
        let s = suggested(
            &[
                (
                    "When the baby breathes in the smoke, it's carbon monoxide too. And when \
                     you breathe in other people's smoke, it's the same for you.",
                    "I didn't know that.",
                ),
                ("Breathing in smoke is what the monitor measures.", "Right."),
            ],
            2,
        );
        assert!(!tags(&s).contains(&"breathing exercise"), "{:?}", tags(&s));
    }

    #[test]
    fn urges_and_triggers_on_a_diary_card_are_not_relapse_prevention_alone() {
        let s = suggested(
            &[
                (
                    "Let's look at your urges on the diary card.",
                    "They were high on Saturday.",
                ),
                (
                    "What were the triggers on Saturday?",
                    "The argument with Mum.",
                ),
            ],
            2,
        );
        assert!(!tags(&s).contains(&"relapse prevention"), "{:?}", tags(&s));
        let s = suggested(
            &[
                ("What are your early warning signs?", "I stop sleeping."),
                ("And your triggers?", "Payday."),
            ],
            2,
        );
        assert!(tags(&s).contains(&"relapse prevention"), "{:?}", tags(&s));
    }

    #[test]
    fn rating_a_thought_and_weighing_a_fairer_one_is_cognitive_restructuring() {
        let s = suggested(
            &[
                (
                    "How strongly do you believe that nobody at the club likes you?",
                    "Eighty.",
                ),
                (
                    "What would be a fairer way to put it, given the two who rang?",
                    "Some of them like me, maybe.",
                ),
                (
                    "And how strongly do you believe the original one now?",
                    "Fifty.",
                ),
                (
                    "How would we know which is nearer the truth?",
                    "Ask them along.",
                ),
            ],
            2,
        );
        assert!(
            tags(&s).contains(&"cognitive restructuring"),
            "{:?}",
            tags(&s)
        );
    }

    #[test]
    fn asking_what_a_mate_would_be_told_and_what_does_not_fit_tests_a_thought() {
        use super::{QUESTIONS, SOCRATIC};
        for q in [
            "If a mate of yours did exactly that, what would you call him?",
            "Is there anything that doesn't quite fit with that?",
            "What do you know now that you didn't know then?",
            "And if you'd stayed put, what would have happened?",
            "What does missing the bus say about you?",
            "How true does it feel now, out of ten?",
        ] {
            assert!(QUESTIONS.heard_in(q).has(&SOCRATIC), "{q}");
        }
    }

    #[test]
    fn asking_what_the_client_wants_to_stand_for_is_values_work_without_the_word() {
        let s = suggested(
            &[
                (
                    "What sort of neighbour do you want to be, pain or no pain?",
                    "One who still helps out.",
                ),
                (
                    "So what really matters is being useful to people.",
                    "It is.",
                ),
                (
                    "Then what matters this week is one small step towards that.",
                    "Fixing her gate.",
                ),
            ],
            2,
        );
        assert!(tags(&s).contains(&"values (ACT)"), "{:?}", tags(&s));
        // Saying back what matters, as any counsellor does, is not enough.
        let s = suggested(
            &[("It sounds like what matters is that he hears you.", "Yes.")],
            3,
        );
        assert!(!tags(&s).contains(&"values (ACT)"), "{:?}", tags(&s));
    }

    #[test]
    fn teaching_that_bed_is_for_sleeping_in_everyday_words_is_sleep_hygiene() {
        let s = suggested(
            &[
                (
                    "If you're awake after twenty minutes, get out of bed and go somewhere \
                     dim.",
                    "Even at three in the morning?",
                ),
                (
                    "Even then. We want your body to learn that bed is for sleeping.",
                    "Right.",
                ),
                (
                    "And no nap after lunch, however tempting.",
                    "That'll be hard.",
                ),
            ],
            2,
        );
        assert!(tags(&s).contains(&"sleep hygiene"), "{:?}", tags(&s));
    }

    #[test]
    fn going_back_a_step_at_a_time_and_staying_till_the_fear_falls_is_exposure() {
        let s = suggested(
            &[
                (
                    "If you go back to the car park one step at a time, and stay long enough \
                     for the fear to come down, your brain learns it's safe.",
                    "And if I panic?",
                ),
                ("Then we stay with it together.", "Okay."),
            ],
            2,
        );
        assert!(tags(&s).contains(&"exposure"), "{:?}", tags(&s));
    }

    /// Information on drinking, given at length.
    const TEACHING: &[(&str, &str)] = &[
        (
            "Alcohol is a depressant, so after the first couple of drinks it lowers your mood, \
             and as the body clears it in the early hours your sleep gets lighter and broken, \
             which is why so many people wake at three or four after a few pints and can't drop \
             off again.",
            "That's me most nights.",
        ),
        (
            "Tolerance builds up too: the more often you drink, the more it takes to feel the \
             same, so the amount creeps up without anyone deciding it should, and the body comes \
             to expect it at the same time every evening, which is when the pull is strongest.",
            "Six o'clock, every night.",
        ),
        (
            "The liver can recover a good deal when it gets a break, which is why the advice is \
             several drink-free days every week rather than the same amount spread out, and most \
             people notice better sleep and more energy within a fortnight of starting that.",
            "I didn't know that.",
        ),
        (
            "A pint of ordinary lager is a little over two units, so four pints a night comes to \
             well over the fourteen units a week that the guidelines suggest as the most for \
             anyone, man or woman, and spreading those over at least three days.",
            "So I'm miles over.",
        ),
    ];

    #[test]
    fn listening_about_a_habit_that_mostly_teaches_is_not_motivational_interviewing() {
        let teaching: Vec<_> = LISTENING.iter().chain(TEACHING).copied().collect();
        let s = suggested(&teaching, 3);
        let got = tags(&s);
        assert!(!got.contains(&"motivational interviewing"), "{got:?}");
        assert!(got.contains(&"psychoeducation"), "{got:?}");
        // Information given once in a while stays part of MI.
        let sparing: Vec<_> = LISTENING.iter().chain(&TEACHING[..1]).copied().collect();
        let s = suggested(&sparing, 2);
        let got = tags(&s);
        assert!(got.contains(&"motivational interviewing"), "{got:?}");
    }
}
