//! The session's themes in order of how much of the client's talk concerns
//! them, so the main topic comes first even when the client never names it
//! by its clinical word ("a few pints", "my sugars"), and a theme touched on
//! in passing in a long session ("my brother drinks") is left out.

use super::evidence::Found;
use super::matching::{Words, sentences};
use super::phrases::Matcher;
use super::profile::BEHAVIOURS;
use crate::model::transcript::{Item, Role, Transcript};

/// Client turns from which a session is long enough for a passing mention
/// to be told from a subject.
pub(super) const LONG: usize = 40;

/// Turns of both that make a theme beside the main topic a subject of a
/// long session: one the clinician takes up is talked about; an aside of the
/// client's that the clinician lets pass is not.
const DISCUSSED: usize = 6;

/// How many equal parts of the session the spread of a theme is counted in.
const PARTS: usize = 10;

/// (theme, other, the theme's own words): a turn that names both counts
/// only for the other, as cannabis is smoked ("I have a smoke before
/// college, just a bit of weed"); and a client who talks of the other and
/// never in the theme's own words means the other all along ("a smoke").
static TAKEN_BY: &[(&str, &str, &Words)] = &[
    ("smoking and vaping", "drug use", &TOBACCO),
    ("medication adherence", "drug use", &MEDICINES),
];

/// Words only medicines for an illness go by: a client on a methadone
/// script also has a dose, a chemist and a prescription.
static MEDICINES: Words = Words::new(&[
    "medication",
    "medications",
    "meds",
    "tablets",
    "antidepressant",
    "antidepressants",
    "insulin",
    "inhaler",
    "statins",
    "metformin",
    "lithium",
    "side effects",
    "my jab",
    "the jab",
    "depot",
    "sertraline",
    "citalopram",
    "fluoxetine",
    "mirtazapine",
    "venlafaxine",
    "olanzapine",
    "quetiapine",
    "clozapine",
    "risperidone",
    "aripiprazole",
]);

/// Words only tobacco and vapes go by.
static TOBACCO: Words = Words::new(&[
    "cigarette",
    "cigarettes",
    "cig",
    "cigs",
    "ciggie",
    "ciggies",
    "fag",
    "fags",
    "tobacco",
    "baccy",
    "nicotine",
    "vape",
    "vapes",
    "vaping",
    "roll-up",
    "roll-ups",
    "rollie",
    "rollies",
    "e-cig",
    "patches",
    "menthol",
    "marlboro",
    "elf bar",
    "a pack of",
    "twenty a day",
    "ten a day",
]);

/// The themes by how much of the session's talk concerns them: in how many
/// parts of the session the client or the clinician talks of one, then in
/// how many turns of both, then in how many of the client's words, then
/// which came first. The subject of a session runs through it and is what
/// the clinician keeps asking about; an effect of it ("the nights are bad"),
/// a digression or the client's small talk takes a stretch. A theme only
/// the clinician names (a model they explain) comes after those the client
/// talks of. In a long session a theme beside the main topic needs
/// at least three of the client's turns, a quarter of the main topic's, and
/// the clinician to take it up (see [`DISCUSSED`]); `long` says whether it
/// is, by its client turns (see [`LONG`]).
pub(super) fn rank<'t>(
    mut themes: Vec<Found<'t>>,
    terms: &[Matcher],
    t: &'t Transcript,
    long: bool,
) -> Vec<Found<'t>> {
    let items: Vec<&Item> = t.segments.iter().flat_map(|s| &s.items).collect();
    share_out(&mut themes, terms, &items);
    let parts = |f: &Found| {
        let mut seen = [false; PARTS];
        for n in f.talk.iter().map(|(n, _)| n).chain(&f.taken_up) {
            seen[n * PARTS / items.len().max(1)] = true;
        }
        seen.iter().filter(|s| **s).count()
    };
    let weight = |f: &Found| {
        let words = f.talk.iter().map(|(_, w)| w).sum::<usize>();
        (
            !f.talk.is_empty(),
            parts(f),
            f.talk.len() + f.taken_up.len(),
            words,
        )
    };
    themes.sort_by_key(|f| (std::cmp::Reverse(weight(f)), f.at));
    // Poor sleep comes with nearly every trouble: it is the subject only
    // when it clearly leads the talk, as in a session about insomnia.
    if let [first, second, ..] = &themes[..]
        && EFFECTS.contains(&terms[first.term].name.as_str())
        && first.talk.len() * 2 < second.talk.len() * 3
    {
        themes.swap(0, 1);
    }
    // An illness is often why a habit must change (walking after a stent):
    // where the clinician takes the habit up more often than the illness,
    // and the client speaks of it in half as many turns, the habit is what
    // the session works on.
    if let [first, rest @ ..] = &themes[..]
        && terms[first.term].name == ILLNESS
        && let Some(i) = rest.iter().position(|f| {
            BEHAVIOURS.contains(&terms[f.term].name.as_str())
                && f.talk.len() * 2 >= first.talk.len()
                && f.taken_up.len() > first.taken_up.len()
        })
    {
        let habit = themes.remove(i + 1);
        themes.insert(0, habit);
    }
    // Self-harm the client speaks of and the clinician works on comes
    // before what led up to it (the row, the anger): it is what the session
    // is for, and what the note must lead with.
    if let Some(i) = themes.iter().position(|f| {
        terms[f.term].name == SELF_HARM && f.talk.len() >= 2 && f.taken_up.len() >= WORKED_ON
    }) {
        let harm = themes.remove(i);
        themes.insert(0, harm);
    }
    // Two partners in the room: their relationship is what they came with,
    // however much of the talk its effects take (the toddler's nights,
    // money), and whether or not they ever call it that.
    if let Some((at, evidence)) = second_partner(t)
        && let Some(term) = terms.iter().position(|m| m.name == RELATIONSHIPS)
    {
        let ours = match themes.iter().position(|f| f.term == term) {
            Some(i) => themes.remove(i),
            None => Found {
                term,
                at,
                evidence,
                talk: Vec::new(),
                taken_up: Vec::new(),
                named: false,
                marked: false,
            },
        };
        themes.insert(0, ours);
    }
    if long && let Some(top) = themes.first().map(|f| f.talk.len()) {
        let needed = (top / 4).max(3);
        let mut n = 0;
        themes.retain(|f| {
            n += 1;
            n == 1 || (f.talk.len() >= needed && f.talk.len() + f.taken_up.len() >= DISCUSSED)
        });
    }
    themes
}

/// Themes that are mostly what another trouble does to a client.
const EFFECTS: &[&str] = &["sleep"];

/// The theme that gives way to a habit the clinician works on.
const ILLNESS: &str = "long-term illness";

/// The theme that leads when the clinician works on it.
const SELF_HARM: &str = "self-harm";

/// Clinician turns that make self-harm worked on, not a risk question
/// asked in passing.
const WORKED_ON: usize = 3;

/// The theme of a couple's session.
const RELATIONSHIPS: &str = "relationships";

/// The second of two or more people other than the clinician, when each
/// talks for a good part of the session (a partner who only says hello does
/// not make a couple): where they first talk (item, byte), and their first
/// sentence, the evidence of a couple. Only with the clinician known: two
/// unnamed speakers are as likely clinician and client.
fn second_partner(t: &Transcript) -> Option<((usize, usize), &str)> {
    // (speaker, turns, first item, first words)
    let mut speakers: Vec<(&str, usize, usize, &str)> = Vec::new();
    let mut clinician = false;
    let items = t.segments.iter().flat_map(|s| &s.items).enumerate();
    for (n, item) in items {
        let Item::Turn {
            speaker,
            role,
            text,
        } = item
        else {
            continue;
        };
        if *role == Role::Clinician {
            clinician = true;
            continue;
        }
        match speakers.iter_mut().find(|(s, ..)| s == speaker) {
            Some((_, turns, ..)) => *turns += 1,
            None => speakers.push((speaker, 1, n, text)),
        }
    }
    if !clinician {
        return None;
    }
    let all: usize = speakers.iter().map(|(_, turns, ..)| turns).sum();
    let mut partners = speakers.iter().filter(|(_, turns, ..)| turns * 5 >= all);
    partners.next()?;
    let &(_, _, n, text) = partners.next()?;
    Some(((n, 0), sentences(text).first().copied().unwrap_or(text)))
}

/// Gives the turns of a theme said in another's sense to the other (see
/// [`TAKEN_BY`]).
fn share_out(themes: &mut Vec<Found>, terms: &[Matcher], items: &[&Item]) {
    let at = |themes: &[Found], name: &str| themes.iter().position(|f| terms[f.term].name == name);
    for &(theme, other, own) in TAKEN_BY {
        let (Some(of), Some(by)) = (at(themes, theme), at(themes, other)) else {
            continue;
        };
        let taken = themes[by].talk.clone();
        let in_own_words = |&(n, _): &(usize, usize)| matches!(items.get(n), Some(Item::Turn { text, .. }) if own.is_in(text));
        if !taken.is_empty() && !themes[of].talk.iter().any(in_own_words) {
            let said = themes.remove(of).talk;
            if let Some(by) = at(themes, other) {
                let talk = &mut themes[by].talk;
                talk.extend(said);
                talk.sort_unstable();
                talk.dedup_by_key(|(n, _)| *n);
            }
        } else {
            themes[of]
                .talk
                .retain(|(n, _)| !taken.iter().any(|(m, _)| m == n));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::model::suggest::suggest;
    use crate::model::suggest::tests::{client, clinician, transcript};
    use crate::model::transcript::Transcript;

    /// A session of alternating turns, the clinician first.
    fn session(turns: &[&str]) -> Transcript {
        let items = turns.chunks(2).flat_map(|pair| {
            let theirs = pair.get(1).map(|t| client(t));
            std::iter::once(clinician(pair[0])).chain(theirs)
        });
        transcript(items.collect())
    }

    fn themes(t: &Transcript) -> Vec<String> {
        suggest(t).themes.into_iter().map(|t| t.tag).collect()
    }

    /// A long session about the client's weekends: the pub, pints, cans.
    fn weekends(passing: &str) -> Vec<&str> {
        let mut turns = vec![
            "How was the week?",
            "Fine. My brother smokes like a chimney, he was round again, but fine.",
        ];
        turns.extend(passing.split('|'));
        for _ in 0..14 {
            turns.extend([
                "Tell me about the weekend.",
                "Friday I was down the pub after work, four or five pints, the usual.",
                "And Saturday?",
                "Saturday a few cans in front of the football, then a bottle of wine with dinner.",
                "How do you feel on Sunday?",
                "Rough. Hungover till the afternoon, and the kids notice.",
            ]);
        }
        turns
    }

    #[test]
    fn the_subject_of_the_client_talk_comes_first_though_never_named_clinically() {
        let got = themes(&session(&weekends("What else?|Nothing really.")));
        assert_eq!(
            got.first().map(String::as_str),
            Some("alcohol use"),
            "{got:?}"
        );
    }

    #[test]
    fn everyday_words_that_are_also_drug_slang_make_no_drug_theme_alone() {
        let mut turns = Vec::new();
        for _ in 0..10 {
            turns.extend([
                "What happened next?",
                "There was a crack above us and the ceiling came down. To be blunt, I thought that was it.",
                "And the days after?",
                "I didn't sleep for a week. I'd hear that crack every time I shut my eyes.",
            ]);
        }
        let got = themes(&session(&turns));
        assert!(!got.contains(&"drug use".to_string()), "{got:?}");
        // Beside a word for drugs the same slang is evidence again.
        turns.extend([
            "And the weekend?",
            "I smoked weed, then some skunk, and bought hash.",
        ]);
        let got = themes(&session(&turns));
        assert!(got.contains(&"drug use".to_string()), "{got:?}");
    }

    #[test]
    fn a_passing_mention_does_not_outrank_the_subject_of_the_session() {
        let passing = "Does anyone else smoke?|My mum smokes too, and my brother smokes roll-ups.";
        let got = themes(&session(&weekends(passing)));
        assert_eq!(
            got.first().map(String::as_str),
            Some("alcohol use"),
            "{got:?}"
        );
        assert!(!got.contains(&"smoking and vaping".to_string()), "{got:?}");
    }

    #[test]
    fn a_theme_needs_a_quarter_of_the_main_topics_turns_in_a_long_session() {
        // Forty-two client turns about drinking.
        let sleep = "And sleep?|I lie awake most nights.|".repeat(9);
        let got = themes(&session(&weekends(sleep.trim_end_matches('|'))));
        assert!(!got.contains(&"sleep".to_string()), "{got:?}");
        let sleep = "And sleep?|I lie awake most nights.|".repeat(11);
        let got = themes(&session(&weekends(sleep.trim_end_matches('|'))));
        assert!(got.contains(&"sleep".to_string()), "{got:?}");
    }

    #[test]
    fn themes_follow_how_many_client_turns_concern_them() {
        let t = session(&[
            "What brings you here?",
            "My sleep is a mess, I lie awake every night.",
            "Tell me more.",
            "I can't sleep before three, and I wake up at six.",
            "And during the day?",
            "I'm anxious at work, but mostly I'm just exhausted from not sleeping.",
            "What have you tried?",
            "Sleeping tablets once. I still lie awake.",
        ]);
        let got = themes(&t);
        assert_eq!(got.first().map(String::as_str), Some("sleep"), "{got:?}");
    }

    /// A short session in which the clinician only listens.
    fn listening(client_said: &[&str]) -> Transcript {
        let turns: Vec<&str> = client_said.iter().flat_map(|c| ["Go on.", *c]).collect();
        session(&turns)
    }

    #[test]
    fn the_main_topic_is_found_in_the_clients_everyday_words() {
        let cases: [(&[&str], &str); 17] = [
            (
                &[
                    "In the shop I had one of my funny turns by the chillers.",
                    "My heart was going and I thought I'd keel over.",
                    "I had to get out of there, I left the basket.",
                ],
                "anxiety",
            ),
            (
                &[
                    "I feel like a nobody in the flat.",
                    "I'm boring, that's the truth of it.",
                    "I'm not interesting enough for them to ask me things.",
                ],
                "self-esteem",
            ),
            (
                &[
                    "My sugars were all over the place this week.",
                    "The nurse wants me on insulin if my levels stay up.",
                    "I had a hypo on Tuesday in the queue at the bank.",
                ],
                "long-term illness",
            ),
            (
                &[
                    "Me and Dan were doing lines at his on Saturday.",
                    "The comedown on Monday was horrible.",
                    "I still owe my dealer sixty quid.",
                ],
                "drug use",
            ),
            (
                &[
                    "Since the crash I can't sit in the front of a car.",
                    "The flashbacks come whenever I hear brakes.",
                    "It keeps coming back, the bang and the glass.",
                ],
                "trauma",
            ),
            (
                &[
                    "I just feel flat, all the time.",
                    "I can't be bothered with anything, not even the telly.",
                    "There's no point getting dressed most days.",
                ],
                "low mood",
            ),
            (
                &[
                    "I always feel invisible in a room full of people.",
                    "I'm not good enough, I never have been.",
                    "Everyone else is better than me at everything.",
                ],
                "self-esteem",
            ),
            (
                &[
                    "We argue every night now, about nothing.",
                    "He says I'm nagging and I say he's never home.",
                    "Some days I think about leaving him.",
                ],
                "relationships",
            ),
            (
                &[
                    "The pain is there from the minute I wake up.",
                    "I had another flare-up on Sunday and couldn't move.",
                    "The physio says to keep moving, but it hurts.",
                ],
                "long-term illness",
            ),
            (
                &[
                    "I rewrote the opening fourteen times and it still isn't perfect.",
                    "Two all-nighters this week, redoing the same page.",
                    "I just hold myself to a different standard.",
                ],
                "perfectionism",
            ),
            (
                &[
                    "By March I was in a hole, everything grey.",
                    "The black dog had moved in and sat in my chair.",
                    "I wasn't myself for months.",
                ],
                "low mood",
            ),
            (
                &[
                    "She sorted me a bag of brown and I smoked it in the kitchen.",
                    "Eight months clean, gone for one tenner bag.",
                    "He's the one who got me on the gear in the first place.",
                ],
                "drug use",
            ),
            (
                &[
                    "Our Jess won't go to school on Thursdays.",
                    "The school rang again, the head of year this time.",
                    "She's a teenager, I know, but the screaming at me is every night.",
                ],
                "parenting",
            ),
            (
                &[
                    "We're short-staffed, it's me and Priya doing the work of four.",
                    "My line manager just adds more on.",
                    "If I go off I'll lose my job, simple as that.",
                ],
                "work stress",
            ),
            (
                &[
                    "In the Monday meeting I go bright red the second she looks at me.",
                    "Then my mind goes blank and I just stand there.",
                    "I'm cringing watching myself on that video.",
                ],
                "anxiety",
            ),
            (
                &[
                    "Since the MS I can't run, my legs just go.",
                    "The fatigue flattens me by two o'clock.",
                    "The neuro says it's relapsing-remitting, so it comes and goes.",
                ],
                "long-term illness",
            ),
            (
                &[
                    "I did it again on Friday, with the sharpener blade.",
                    "It's just the marks on my arm now.",
                    "I wear long sleeves so Mum doesn't see.",
                ],
                "self-harm",
            ),
        ];
        for (said, topic) in cases {
            let got = themes(&listening(said));
            assert_eq!(
                got.first().map(String::as_str),
                Some(topic),
                "{said:?}: {got:?}"
            );
        }
    }

    #[test]
    fn a_couples_years_together_and_the_fear_of_losing_it_are_their_relationship() {
        let got = themes(&listening(&[
            "We've been together eleven years in May.",
            "Since the big row at Christmas I think she might leave me.",
        ]));
        assert!(got.contains(&"relationships".to_string()), "{got:?}");
        // Leaving the room, or the office, is not leaving a partner.
        let got = themes(&listening(&[
            "My boss said he might leave early, so I did too.",
            "She left me a message on the fridge about the bins.",
        ]));
        assert!(!got.contains(&"relationships".to_string()), "{got:?}");
    }

    #[test]
    fn a_secret_found_out_and_the_silence_after_it_are_talk_of_a_relationship() {
        let got = themes(&listening(&[
            "She found out about the loan on Saturday.",
            "I'd been lying to her since the summer.",
            "Now it's the silent treatment and I'm in the spare room.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("relationships"),
            "{got:?}"
        );
    }

    #[test]
    fn loneliness_is_talk_of_relationships() {
        let got = themes(&listening(&[
            "Since I moved here I've got nobody to talk to.",
            "Evenings are the worst, it's so lonely in the flat.",
            "I've cut myself off from everyone really.",
        ]));
        assert!(got.contains(&"relationships".to_string()), "{got:?}");
    }

    #[test]
    fn waiting_to_be_found_out_and_refusing_praise_are_self_esteem() {
        let got = themes(&listening(&[
            "I'm always waiting to be found out at the office.",
            "I can't take a compliment, I brush it straight off.",
            "I put myself down before anyone else can.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("self-esteem"),
            "{got:?}"
        );
        // Too much work for a partner is about the client, not the job.
        assert!(!got.contains(&"work stress".to_string()), "{got:?}");
        let got = themes(&listening(&[
            "I think I'm too much work for him.",
            "He deserves someone better, someone easier.",
        ]));
        assert!(!got.contains(&"work stress".to_string()), "{got:?}");
        assert!(got.contains(&"self-esteem".to_string()), "{got:?}");
    }

    #[test]
    fn everyday_idioms_that_sound_like_a_theme_suggest_nothing() {
        let got = themes(&listening(&[
            "The car's falling apart and the boiler's in bits.",
            "Recovery's a marathon, not a sprint, my sponsor says.",
            "I've been round the block, I know how it goes.",
            "Nan had the little ones round at the leisure centre.",
        ]));
        for theme in ["low mood", "exercise", "parenting"] {
            assert!(!got.contains(&theme.to_string()), "{theme}: {got:?}");
        }
    }

    #[test]
    fn losing_my_rag_and_the_red_mist_are_anger() {
        let got = themes(&listening(&[
            "He said one thing and I just lost my rag.",
            "The red mist came down and I swung for him.",
            "I was livid for the rest of the night.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("anger"), "{got:?}");
    }

    #[test]
    fn bingeing_on_food_and_skipping_meals_are_diet_and_weight() {
        let got = themes(&listening(&[
            "I skipped meals all day and then binged on a multipack.",
            "It's eating in secret, in the car, so nobody sees.",
            "Then I'm starving myself again the next morning.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("diet and weight"),
            "{got:?}"
        );
        // A binge of betting or drinking is not one of food.
        let got = themes(&listening(&[
            "Saturday was a binge, I put four hundred on the horses.",
            "I went on a binge at the casino after payday.",
        ]));
        assert!(!got.contains(&"diet and weight".to_string()), "{got:?}");
    }

    #[test]
    fn being_snowed_under_and_a_written_warning_are_work_stress() {
        let got = themes(&listening(&[
            "Work's been manic, I'm snowed under.",
            "I worked through my lunch every day and still stayed late.",
            "Now there's a written warning because my productivity dipped.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("work stress"),
            "{got:?}"
        );
    }

    #[test]
    fn feeling_not_cut_out_for_the_job_is_self_esteem() {
        let got = themes(&listening(&[
            "Maybe I'm just not cut out for it.",
            "I'm rubbish at my job and everyone can see it.",
            "I'm no good at anything, really.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("self-esteem"),
            "{got:?}"
        );
    }

    #[test]
    fn a_restructure_cut_hours_and_covering_for_others_are_work_stress() {
        let got = themes(&listening(&[
            "There's a restructure and nobody knows who stays.",
            "They've cut my hours and I'm covering for two people.",
            "Half my colleagues are looking for another job.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("work stress"),
            "{got:?}"
        );
        // Where the client works, named in passing, is not stress there.
        let got = themes(&listening(&[
            "I came straight from the depot, sorry about the boots.",
            "His colleagues were all at the party.",
        ]));
        assert!(!got.contains(&"work stress".to_string()), "{got:?}");
    }

    #[test]
    fn a_loss_talked_of_without_naming_death_is_grief() {
        let got = themes(&listening(&[
            "He'd have been twenty on Thursday.",
            "I went up to his grave with the flowers.",
            "I still talk to him in the car, I never got to say goodbye.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("grief"), "{got:?}");
    }

    #[test]
    fn a_widow_speaking_of_the_one_she_lost_as_if_still_here_is_grieving() {
        let got = themes(&listening(&[
            "Since I was widowed the house is too quiet.",
            "He'd have loved the new grandson, he would have loved him to bits.",
            "If he was still here he'd have fixed that gate by now.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("grief"), "{got:?}");
    }

    #[test]
    fn not_coping_and_crying_all_the_time_are_low_mood() {
        let got = themes(&listening(&[
            "I'm crying all the time, over nothing.",
            "I'm just not coping, I can't face the shops.",
            "I've shut myself away since Easter.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("low mood"), "{got:?}");
        // Disappointment over a mark is not a low mood.
        let got = themes(&listening(&[
            "I was gutted about the mark.",
            "The seminar went fine after that.",
        ]));
        assert!(!got.contains(&"low mood".to_string()), "{got:?}");
    }

    #[test]
    fn the_daily_round_with_a_baby_or_a_teenager_is_parenting() {
        let got = themes(&listening(&[
            "The night feeds are every two hours.",
            "We've started weaning and she spits it all out.",
            "The health visitor says she's putting weight on.",
        ]));
        assert!(got.contains(&"parenting".to_string()), "{got:?}");
        let got = themes(&listening(&[
            "My eldest is answering back at every turn.",
            "He got a detention for his school uniform again.",
            "I took the Xbox off him and he slammed his door.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("parenting"),
            "{got:?}"
        );
        // A partner's phone is not a child's.
        let got = themes(&listening(&[
            "I looked at his phone while he was in the shower.",
            "There were messages from her, late at night.",
        ]));
        assert!(!got.contains(&"parenting".to_string()), "{got:?}");
    }

    #[test]
    fn getting_into_a_state_and_needing_reassurance_are_anxiety() {
        let got = themes(&listening(&[
            "Before the meeting I got in a state, knot in my stomach.",
            "I need reassurance from Sam about ten times a day.",
            "I'm a nervous wreck by Friday.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("anxiety"), "{got:?}");
    }

    #[test]
    fn not_getting_off_and_waking_in_the_night_are_sleep() {
        let got = themes(&listening(&[
            "I can't get off to sleep before one.",
            "Then I keep waking in the night, every hour or so.",
            "I'm shattered by lunchtime.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("sleep"), "{got:?}");
        // A bad night at the bookies is not a bad night's sleep.
        let got = themes(&listening(&[
            "Friday was a bad night, I lost the lot on the horses.",
            "Saturday I was back at the bookies by three in the afternoon.",
        ]));
        assert!(!got.contains(&"sleep".to_string()), "{got:?}");
    }

    #[test]
    fn going_to_the_clinic_for_a_jab_is_not_a_long_term_illness() {
        let got = themes(&listening(&[
            "I go to the clinic every fortnight for my jab.",
            "The medication makes me sluggish the day after.",
            "Sometimes I think about skipping the clinic altogether.",
        ]));
        assert!(got.contains(&"medication adherence".to_string()), "{got:?}");
        assert!(!got.contains(&"long-term illness".to_string()), "{got:?}");
    }

    #[test]
    fn an_ex_who_has_moved_on_is_talk_of_relationships() {
        let got = themes(&listening(&[
            "He's moved on, he's living with someone in Leeds.",
            "Twelve years and a child together, and he just walks off.",
            "I'm not jealous, I just can't get over him.",
        ]));
        assert!(got.contains(&"relationships".to_string()), "{got:?}");
    }

    #[test]
    fn a_secret_kept_from_a_partner_rows_and_silence_are_talk_of_relationships_but_not_once() {
        let got = themes(&listening(&[
            "Sarah doesn't know about the credit card, she thinks I'm doing overtime.",
            "We had a blazing row on Sunday about the car.",
            "She's barely talking to me now.",
        ]));
        assert!(got.contains(&"relationships".to_string()), "{got:?}");
        // Said once in a long session about drinking, it is an aside.
        let once = "Does anyone mind?|She doesn't know how much, she thinks I'm on two a night.";
        let got = themes(&session(&weekends(once)));
        assert!(!got.contains(&"relationships".to_string()), "{got:?}");
    }

    #[test]
    fn feeling_a_spare_part_no_use_to_anyone_and_not_the_real_me_is_talk_of_self_esteem() {
        let got = themes(&listening(&[
            "Since I finished at the depot I feel like a spare part at home.",
            "Nobody needs me for anything now, I'm no use to anyone.",
            "Fixing the neighbour's bike was the only time I felt like myself.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("self-esteem"),
            "{got:?}"
        );
    }

    #[test]
    fn a_habit_the_clinician_works_on_leads_the_illness_that_is_why_it_must_change() {
        // The client talks of the heart, the clinician of the walking.
        let walking = [
            "How have you been?",
            "Since the heart attack I'm frightened of my own heart condition.",
            "Go on.",
            "The heart attack was only small, the cardiac nurse says, but still.",
            "Mm.",
            "My heart condition is always at the back of my mind, every day.",
            "What would a walk each day look like for you?",
            "I went for a walk to the shop once, then sat down for an hour.",
            "Tell me more.",
            "My wife worries the heart attack will happen again.",
            "Where could walking more fit into your week?",
            "Maybe going for a walk with the dog after lunch.",
            "Right.",
            "They changed my tablets for the heart condition in March.",
            "What would help you go for a walk each morning?",
            "If I had someone to go for a walk with, I think.",
            "Okay.",
            "I keep thinking about the heart attack at night.",
        ];
        let got = themes(&session(&walking));
        assert_eq!(got.first().map(String::as_str), Some("exercise"), "{got:?}");
        // Asked about the illness as often, it stays the subject.
        let mut heart = walking;
        heart[2] = "And how is the heart condition day to day?";
        heart[4] = "What does the heart attack mean to you now?";
        heart[8] = "How is your heart condition since March?";
        let got = themes(&session(&heart));
        assert_eq!(
            got.first().map(String::as_str),
            Some("long-term illness"),
            "{got:?}"
        );
    }

    #[test]
    fn the_heart_attack_feared_in_a_panic_is_anxiety_not_an_illness() {
        let got = themes(&listening(&[
            "On the platform I was sure I was having a heart attack.",
            "At A&E they said it wasn't a heart attack, just panic.",
            "Now I'm on edge every time my chest goes tight.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("anxiety"), "{got:?}");
        assert!(!got.contains(&"long-term illness".to_string()), "{got:?}");
        // A heart attack that happened is the illness.
        let got = themes(&listening(&[
            "Since the heart attack I've been at cardiac rehab twice a week.",
            "The consultant says my heart condition is stable.",
        ]));
        assert!(got.contains(&"long-term illness".to_string()), "{got:?}");
    }

    #[test]
    fn having_no_friends_and_being_left_out_are_talk_of_relationships() {
        let got = themes(&listening(&[
            "I haven't really got any friends on my course.",
            "They all go out after lectures and I'm left out every time.",
            "I just don't fit in with them.",
        ]));
        assert!(got.contains(&"relationships".to_string()), "{got:?}");
    }

    #[test]
    fn colleagues_lateness_and_the_sack_are_work_stress_in_everyday_words() {
        let got = themes(&listening(&[
            "My line manager has had me in twice since the complaint.",
            "I was late for work twice and now they've sent me to occupational health.",
            "One more time and I'll get the sack.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("work stress"),
            "{got:?}"
        );
    }

    #[test]
    fn a_parent_and_child_at_each_others_throats_is_not_a_couples_relationship() {
        let got = themes(&listening(&[
            "Me and our Jess just shout at each other now.",
            "We wind each other up from the minute she gets in.",
            "Then neither of us speaks to each other till tea.",
        ]));
        assert!(!got.contains(&"relationships".to_string()), "{got:?}");
    }

    #[test]
    fn a_soft_drink_is_not_alcohol() {
        let got = themes(&listening(&[
            "I drink a lot of Coke in the van, four cans a day.",
            "And I drink tea with two sugars all morning.",
        ]));
        assert!(!got.contains(&"alcohol use".to_string()), "{got:?}");
    }

    #[test]
    fn a_walk_home_is_not_exercise_but_going_for_walks_is() {
        let got = themes(&listening(&[
            "I was walking home from a late shift when it happened.",
            "If someone's walking behind me my heart goes.",
            "I got off two stops early and walked the rest.",
        ]));
        assert!(!got.contains(&"exercise".to_string()), "{got:?}");
        let got = themes(&listening(&[
            "I've started going for walks at lunch.",
            "The walking programme from the rehab nurse says twenty minutes a day.",
        ]));
        assert!(got.contains(&"exercise".to_string()), "{got:?}");
    }

    #[test]
    fn taking_the_stairs_and_a_jog_round_the_block_are_exercise() {
        let got = themes(&listening(&[
            "I've been taking the stairs at work instead of the lift.",
            "Sunday I did a jog round the block, twice.",
            "I sit down all day otherwise, so it's something.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("exercise"), "{got:?}");
    }

    /// A long session about cannabis in which it is only ever "a smoke"
    /// beside "weed" and "an eighth".
    fn smoking_weed(extra: &str) -> Transcript {
        let mut turns = vec!["What's a normal day like?", extra];
        for _ in 0..14 {
            turns.extend([
                "What happens in the morning?",
                "I have a smoke before college, just to take the edge off.",
                "And the evenings?",
                "Me and the lads have a smoke and play FIFA.",
                "How much do you get through?",
                "About an eighth of weed a week, more if I've been paid.",
            ]);
        }
        session(&turns)
    }

    #[test]
    fn a_client_who_talks_of_weed_and_never_of_tobacco_means_weed_by_a_smoke() {
        let got = themes(&smoking_weed("Nothing much."));
        assert_eq!(got.first().map(String::as_str), Some("drug use"), "{got:?}");
        assert!(!got.contains(&"smoking and vaping".to_string()), "{got:?}");
        // Smoking cigarettes as well, "a smoke" may be either.
        let got = themes(&smoking_weed("I smoke twenty a day as well, cigarettes."));
        assert!(got.contains(&"drug use".to_string()), "{got:?}");
        assert!(got.contains(&"smoking and vaping".to_string()), "{got:?}");
    }

    #[test]
    fn a_methadone_script_at_the_chemist_is_drug_treatment_not_medication_adherence() {
        let said = [
            "I pick my methadone up at the chemist every morning.",
            "The chemist said my dose goes down to forty next week.",
            "I haven't used since March, not one bag.",
        ];
        let got = themes(&listening(&said));
        assert_eq!(got.first().map(String::as_str), Some("drug use"), "{got:?}");
        assert!(
            !got.contains(&"medication adherence".to_string()),
            "{got:?}"
        );
        // Medicines for an illness named as well stay medicines.
        let mut said = said.to_vec();
        said.push("I keep forgetting my antidepressants, the tablets make me sick.");
        let got = themes(&listening(&said));
        assert!(got.contains(&"medication adherence".to_string()), "{got:?}");
    }

    #[test]
    fn the_subject_running_through_a_session_outranks_a_stretch_about_one_of_its_effects() {
        let trauma = [
            "Since the crash I can't go near a car.",
            "I had another flashback on the bus.",
            "It keeps coming back when I hear sirens.",
            "The accident is all I think about some days.",
            "Since it happened I don't drive at all.",
        ];
        let mut turns = Vec::new();
        for part in 0..10 {
            turns.extend(["How has it been?", trauma[part % 5]]);
            turns.extend(["And otherwise?", "Alright. Work's fine."]);
            turns.extend(["Mm.", "My sister came round on Sunday."]);
            if part == 5 {
                for _ in 0..12 {
                    turns.extend(["How are the nights?", "I lie awake till four most nights."]);
                }
            }
        }
        let got = themes(&session(&turns));
        assert_eq!(got.first().map(String::as_str), Some("trauma"), "{got:?}");
        assert!(got.contains(&"sleep".to_string()), "{got:?}");
    }

    /// A long session with twelve client turns about drinking and four
    /// about work, the clinician asking about work or letting it pass.
    fn with_an_aside(about_work: &'static str) -> Transcript {
        let mut turns = Vec::new();
        for n in 0..40 {
            let work = n % 10 == 5;
            turns.push(if work { about_work } else { "Mm." });
            turns.push(match n % 10 {
                0 | 4 | 8 => "Friday I had six pints down the pub.",
                5 => "My boss dumped another deadline on me.",
                _ => "It was an ordinary sort of week.",
            });
        }
        session(&turns)
    }

    #[test]
    fn an_aside_the_clinician_lets_pass_is_not_a_theme_of_a_long_session() {
        let got = themes(&with_an_aside("Okay."));
        assert_eq!(got, ["alcohol use"]);
        let got = themes(&with_an_aside(
            "What is the workload like with your manager?",
        ));
        assert_eq!(got, ["alcohol use", "work stress"]);
    }

    #[test]
    fn a_clinician_asking_about_a_theme_in_everyday_words_takes_it_up() {
        let got = themes(&with_an_aside("And how are things at work at the moment?"));
        assert_eq!(got, ["alcohol use", "work stress"]);
        // A single word of a marker ("down") takes nothing up.
        let got = themes(&with_an_aside("Let me write that down."));
        assert_eq!(got, ["alcohol use"]);
    }

    /// A couple's session: the clinician, then each partner in turn.
    fn couple(turns: &[(&str, &str)]) -> Transcript {
        use crate::model::transcript::{Item, Role};
        let items = turns.iter().flat_map(|&(partner, said)| {
            [
                clinician("And how was that for you?"),
                Item::Turn {
                    speaker: partner.into(),
                    role: Role::Client,
                    text: said.into(),
                },
            ]
        });
        transcript(items.collect())
    }

    #[test]
    fn a_couples_relationship_comes_first_though_its_effects_take_more_of_the_talk() {
        let mut turns = vec![(
            "Chloe",
            "We had a row about who does bath time, a proper row.",
        )];
        for _ in 0..6 {
            turns.push((
                "Marcus",
                "Alfie was up four times, I've not slept properly in weeks.",
            ));
            turns.push(("Chloe", "Neither of us sleeps, and then I snap at him."));
        }
        let got = themes(&couple(&turns));
        assert_eq!(
            got.first().map(String::as_str),
            Some("relationships"),
            "{got:?}"
        );
        // One person saying the same: the nights and the snapping lead.
        let alone: Vec<_> = turns.iter().map(|&(_, said)| ("Chloe", said)).collect();
        let got = themes(&couple(&alone));
        assert_ne!(
            got.first().map(String::as_str),
            Some("relationships"),
            "{got:?}"
        );
    }

    #[test]
    fn a_couples_relationship_is_suggested_though_never_named() {
        let mut turns = Vec::new();
        for _ in 0..5 {
            turns.push(("Marcus", "He was up at five again, I did the bottle."));
            turns.push(("Chloe", "And I did the nursery run and the shopping after."));
        }
        let s = suggest(&couple(&turns));
        let first = s.themes.first().expect("a theme");
        assert_eq!(
            (first.tag.as_str(), first.evidence.as_str()),
            (
                "relationships",
                "And I did the nursery run and the shopping after."
            )
        );
        // Two speakers nobody named: as likely the clinician and a client.
        use crate::model::transcript::{Item, Role};
        let unnamed: Vec<Item> = turns
            .iter()
            .map(|&(partner, said)| Item::Turn {
                speaker: partner.into(),
                role: Role::Unknown,
                text: said.into(),
            })
            .collect();
        let s = suggest(&transcript(unnamed));
        assert!(s.themes.iter().all(|t| t.tag != "relationships"));
        // A partner who only says hello does not make a couple.
        turns.truncate(9);
        let hello: Vec<_> = turns
            .iter()
            .map(|&(_, said)| ("Marcus", said))
            .chain([("Chloe", "Hello.")])
            .collect();
        assert!(
            suggest(&couple(&hello))
                .themes
                .iter()
                .all(|t| t.tag != "relationships")
        );
    }

    /// A session mostly about anger in which the client twice speaks of
    /// cutting, and the clinician comes back to it `times` times.
    fn anger_then_cutting(times: usize) -> Vec<String> {
        let mut turns: Vec<String> = Vec::new();
        for _ in 0..6 {
            turns.push("What set it off?".into());
            turns.push("I was so angry, I lost my temper with Mum again.".into());
        }
        turns.push("And after the row?".into());
        turns.push("I cut myself on Friday night.".into());
        turns.push("Mm.".into());
        turns.push("On Sunday I wanted to cut again but I held the ice.".into());
        for n in 0..3 {
            turns.push(if n < times {
                "Let's go back over the self-harm on Friday.".into()
            } else {
                "Okay.".into()
            });
            turns.push("Alright.".into());
        }
        turns
    }

    #[test]
    fn self_harm_the_clinician_works_on_leads_though_anger_takes_more_talk() {
        let turns = anger_then_cutting(3);
        let got = themes(&session(
            &turns.iter().map(String::as_str).collect::<Vec<_>>(),
        ));
        assert_eq!(
            got.first().map(String::as_str),
            Some("self-harm"),
            "{got:?}"
        );
        // Asked about once, it is a question of risk, not the subject.
        let turns = anger_then_cutting(1);
        let got = themes(&session(
            &turns.iter().map(String::as_str).collect::<Vec<_>>(),
        ));
        assert_eq!(got.first().map(String::as_str), Some("anger"), "{got:?}");
    }

    #[test]
    fn poor_sleep_is_the_subject_only_when_it_clearly_leads_the_talk() {
        let mut turns = Vec::new();
        for _ in 0..5 {
            turns.extend([
                "How has work been?",
                "My manager piled more on, the workload is mad.",
                "And at night?",
                "I can't sleep, I lie awake going over it.",
            ]);
        }
        turns.extend(["Anything else?", "I lie awake from three, every night."]);
        let got = themes(&session(&turns));
        assert_eq!(
            got.first().map(String::as_str),
            Some("work stress"),
            "{got:?}"
        );
        for _ in 0..3 {
            turns.extend(["And then?", "I can't sleep again till six."]);
        }
        let got = themes(&session(&turns));
        assert_eq!(got.first().map(String::as_str), Some("sleep"), "{got:?}");
    }

    /// A long session in which the client speaks of the baby and of
    /// washing in turn, the baby first; the clinician asks about one.
    fn washing_and_the_baby(asked: &'static str) -> Transcript {
        let mut turns = Vec::new();
        for n in 0..30 {
            turns.push(if n % 2 == 1 { asked } else { "Mm." });
            turns.push(if n % 2 == 0 {
                "The baby was teething all week, up four times a night."
            } else {
                "I scrubbed my hands with bleach after the post came."
            });
        }
        session(&turns)
    }

    #[test]
    fn what_the_clinician_keeps_asking_about_leads_when_the_clients_talk_is_even() {
        let got = themes(&washing_and_the_baby("What did the germs make you do?"));
        assert_eq!(got.first().map(String::as_str), Some("anxiety"), "{got:?}");
        let got = themes(&washing_and_the_baby("Go on."));
        assert_eq!(
            got.first().map(String::as_str),
            Some("parenting"),
            "{got:?}"
        );
    }

    #[test]
    fn hearing_and_sight_that_are_going_are_a_long_term_illness() {
        let got = themes(&listening(&[
            "My ears are ringing from the minute I wake up.",
            "The audiologist says my hearing aids will help a bit.",
            "And my eyesight is going too, glaucoma the optician reckons.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("long-term illness"),
            "{got:?}"
        );
        // Ringing someone is not a noise in the ears.
        let got = themes(&listening(&[
            "The ringing, I'll do it Monday, I'll ring them first thing.",
            "Then I'll take the bypass to my sister's.",
        ]));
        assert!(!got.contains(&"long-term illness".to_string()), "{got:?}");
    }

    #[test]
    fn washing_against_germs_and_checking_again_are_anxiety_but_the_laundry_is_not() {
        let got = themes(&listening(&[
            "I scrubbed my hands raw with the nail brush.",
            "Anything from outside feels dirty, so I use the hand gel after.",
            "I kept checking the cooker, over and over.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("anxiety"), "{got:?}");
        let got = themes(&listening(&[
            "My jeans went through the wash again.",
            "He gave me a dirty look when I put the washing out.",
        ]));
        assert!(!got.contains(&"anxiety".to_string()), "{got:?}");
    }

    #[test]
    fn fear_of_a_thing_and_keeping_away_from_it_are_anxiety() {
        let got = themes(&listening(&[
            "Lifts scare me, I'm frightened of getting stuck.",
            "I avoid them, I take the stairs every time.",
        ]));
        assert!(got.contains(&"anxiety".to_string()), "{got:?}");
    }

    #[test]
    fn prison_and_a_licence_in_everyday_words_are_offending() {
        let got = themes(&listening(&[
            "Since I got out I've kept my head down.",
            "One slip and they'll recall me, it's all in my licence conditions.",
            "The judge said it was GBH, it was one punch.",
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("offending"),
            "{got:?}"
        );
        let got = themes(&listening(&[
            "I passed my test, I've got my driving licence now.",
            "Since I got out of the house more I feel better.",
        ]));
        assert!(!got.contains(&"offending".to_string()), "{got:?}");
    }

    #[test]
    fn cocaine_in_everyday_words_is_drug_use() {
        let got = themes(&listening(&[
            "Someone always has a bag after closing.",
            "A couple of lines and I'm wide awake till five.",
            "Anyone want a bump, they say, and that's me.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("drug use"), "{got:?}");
    }

    #[test]
    fn a_night_spent_watching_the_clock_is_talk_of_sleep() {
        let got = themes(&listening(&[
            "I looked at the clock at one, then at half two.",
            "I lie there thinking about the bills.",
        ]));
        assert_eq!(got.first().map(String::as_str), Some("sleep"), "{got:?}");
        // The hour of what is done at night is no talk of sleep.
        let got = themes(&listening(&[
            "I was on the slots till two in the morning.",
            "Then again at three in the morning, chasing it.",
        ]));
        assert!(!got.contains(&"sleep".to_string()), "{got:?}");
    }

    #[test]
    fn weight_told_in_stones_and_hunger_that_will_not_stop_are_diet_and_weight() {
        let got = themes(&listening(&[
            "The weight has gone on since the new tablets, I'm sixteen stone now.",
            "I'm hungry all the time, none of my clothes fit.",
        ]));
        assert!(got.contains(&"diet and weight".to_string()), "{got:?}");
        let got = themes(&listening(&[
            "It's a weight off my shoulders, that letter.",
            "The school is a stone's throw from ours.",
        ]));
        assert!(!got.contains(&"diet and weight".to_string()), "{got:?}");
    }
}
