//! The plan as the clinician says it back: the tasks listed after "So this
//! week, you'll…", and the steps of a closing summary.

use super::frames::find_frame;
use super::homework::{CONTINUING, FAREWELLS, HEDGES, IMPERATIVES, NOT_TASKS, skip_short_clause};
use super::matching::{Heard, Seen, Words, strip_prefix_loose, trim_punct};
use super::task_list::{is_numbered, skip_discourse};
use super::task_text::as_task;

/// How the clinician says back a plan the client made ("So this week,
/// you'll…", "Your plan is to…"): the tasks follow, often several.
pub(super) static RECAP_LEADS: Words = Words::new(&[
    "you'll",
    "you will",
    "you're going to",
    "you are going to",
    "you're planning to",
    "your plan is to",
    "the plan is to",
    "your plan is:",
    "the plan is:",
    "the plan is for you to",
    "you've decided to",
    "you decided to",
    "you've decided on",
    "you decided on",
    "you've agreed to",
    "you agreed to",
    "you've chosen to",
    "you chose to",
    "you've settled on",
    "you've said yes to",
    "you've said you'll",
    "you've offered to",
    // A decision listed after a colon: "And you've decided: two nights off…".
    "you've decided:",
    "you decided:",
    "you've agreed:",
    "you agreed:",
    "you've chosen:",
    "you chose:",
    "you've settled on:",
    "you've picked:",
    "you picked:",
    "what you've decided is",
    "what you've agreed is",
    "what you've chosen is",
]);

/// Words that start a piece of a plan without being a task ("with the
/// patches", "before Friday's pay", "which means…").
static NOT_STEPS: Words = Words::new(&[
    "with",
    "for",
    "in",
    "on",
    "at",
    "by",
    "from",
    "because",
    "so",
    "which",
    "when",
    "while",
    "until",
    "if",
    "as",
    "the",
    "a",
    "an",
    "your",
    "my",
    "his",
    "her",
    "their",
    "our",
    "it",
    "that",
    "this",
    "those",
    "these",
    "there",
    "what",
    "who",
    "where",
    "how",
    "why",
    "but",
    "probably",
    "be",
    "morning",
    "mornings",
    "night",
    "nights",
    "evening",
    "evenings",
    "every",
    "each",
    "twice",
    "once",
    "today",
    "tonight",
    "tomorrow",
    "then",
    "before",
    "after",
    "during",
    "without",
    "about",
    "around",
    "instead",
    "including",
    "all",
]);

/// How a piece of a plan said back opens when it is not the client's step:
/// what the clinician will do ("…, and I'll write to your GP"), or what the
/// client thinks or has ("…, and you're thinking a year").
static SOMEONE_ELSE: Words =
    Words::new(&["i", "we", "you're", "you've", "you'd", "she", "he", "they"]);

/// Before a plan's lead, words that make it a consequence or a fear ("if you
/// stop, you'll end up…"), not the plan.
static NOT_PLANS: Words = Words::new(&[
    "if", "when", "unless", "scared", "afraid", "worried", "worry", "feel", "think", "hope",
]);

/// How the pieces of a list after its lead go on: a piece led by one of
/// these is a step of its own.
static LIST_GOES_ON: Words = Words::new(&["and", "or", "then", "also", "plus"]);

/// The tasks of a plan said back: each item of its list, after "you'll" or
/// "your plan is to", or in a summary after a time frame and a colon ("This
/// week: the walk…; and the diary…"). `summary` says whether the sentence is
/// part of a summary turn; elsewhere the sentence must open with the plan and
/// set a time frame ("So this week, you'll leave it downstairs at night, keep
/// it in the boot, and look at getting the ten milligram ones"). Items are
/// split at semicolons where there are any, their commas then giving details;
/// otherwise at commas, where a last piece that does not go on with "and"
/// only says more of the step before ("…, kept in your pocket", "…, all of
/// it").
pub(super) fn recap_tasks(sentence: &str, summary: bool, heard: &Heard) -> Vec<String> {
    let lead = heard.has(&RECAP_LEADS).then(|| RECAP_LEADS.find(sentence));
    let lead = lead.flatten().map(|(a, b, _)| (a, b));
    // A list after "This week:" is split only into its items: its commas
    // give the steps of one ("keep the log, guess then scan, …").
    let framed = lead.is_none();
    let Some((start, end)) = lead.or_else(|| summary.then(|| framed_list(sentence)).flatten())
    else {
        return Vec::new();
    };
    let before = &sentence[..start];
    // "your belief that you'll lose control": what is thought or said, not
    // the plan.
    let reported = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("that"));
    if reported
        || NOT_PLANS.is_in(before)
        || (!summary && (find_frame(sentence).is_none() || !opens_plan(before)))
    {
        return Vec::new();
    }
    let mut list = sentence[end..].trim_start();
    // "…decided on two things: Sunday…": the count goes.
    if let Some((count, items)) = list.split_once(':')
        && count.split_whitespace().count() <= 3
    {
        list = items;
    }
    // "…decided to ring…, to list…, and to book…".
    let infinitives = sentence[start..end].ends_with("to");
    let items = framed || list.contains(';');
    let pieces: Vec<&str> = list
        .split(if items { &[';'][..] } else { &[',', ';'][..] })
        .map(str::trim)
        .collect();
    let mut tasks = Vec::new();
    for (i, &piece) in pieces.iter().enumerate() {
        let mut item = skip_discourse(piece);
        // "…and at eleven you'll text…": a second lead inside the list,
        // after a few words of when or where, says a step.
        let led = RECAP_LEADS
            .find(item)
            .filter(|&(a, ..)| item[..a].split_whitespace().count() <= 3);
        if let Some((_, e, _)) = led {
            item = item[e..].trim_start();
        }
        // "…, so you've only got cash": what follows from the plan.
        let detail = i > 0 && i + 1 == pieces.len() && !items && !LIST_GOES_ON.opens(piece);
        if led.is_none() && (detail || (!items && NOT_STEPS.opens(piece))) {
            continue;
        }
        if infinitives && let Some(r) = strip_prefix_loose(item, "to") {
            item = r.trim_start();
        }
        while let Some(r) = HEDGES.strip(item) {
            item = r.trim_start();
        }
        if (!items && led.is_none() && NOT_STEPS.opens(item))
            || NOT_TASKS.opens(item)
            || SOMEONE_ELSE.opens(item)
            || only_if_needed(item)
        {
            continue;
        }
        tasks.extend(as_task(item));
    }
    tasks
}

/// Where the list starts in a sentence that opens with a time frame and a
/// colon, "This week: …", and where that lead starts.
fn framed_list(sentence: &str) -> Option<(usize, usize)> {
    let rest = skip_discourse(sentence);
    let at = sentence.len() - rest.len();
    let (0, end) = find_frame(rest)? else {
        return None;
    };
    let colon = rest[end..].trim_start().strip_prefix(':')?;
    Some((at, sentence.len() - colon.len()))
}

/// Words that make what goes before them a fallback for if something
/// happens ("ring me if the nights get worse", "use the plan if you need
/// to"), not a step to take this week.
static CONTINGENT: Words = Words::new(&["if", "unless", "in case"]);

/// A condition that only softens a step ("an early slot if you can").
static IF_ABLE: Words = Words::new(&[
    "if you can",
    "if possible",
    "if you like",
    "if you want",
    "if you fancy",
]);

/// Words before "if" that make what follows a question the step asks
/// ("ask your cousin if you can play"), not its condition.
static ASKING: Words = Words::new(&["ask", "see", "check", "find out", "know", "wonder"]);

/// Whether a step of a plan said back is only for if something happens:
/// "ring me if the nights get worse", "cross over if you see them". A
/// condition first ("if you're awake at three, get up") is the step's rule.
fn only_if_needed(item: &str) -> bool {
    CONTINGENT
        .find(item)
        .is_some_and(|(at, ..)| at > 0 && !IF_ABLE.opens(&item[at..]) && !ASKING.is_in(&item[..at]))
}

/// How a sentence of a closing summary opens when it tells rather than
/// instructs: "You did well", "It's been a hard week", "I'll send it".
static NOT_INSTRUCTING: Words = Words::new(&[
    "you",
    "you're",
    "you've",
    "you'd",
    "i",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "we",
    "we've",
    "we'll",
    "it",
    "it's",
    "that",
    "that's",
    "this",
    "there",
    "there's",
    "he",
    "she",
    "they",
    "let me",
    "let's",
    "thank",
    "thanks",
    "well done",
    "good",
    "great",
    "brilliant",
]);

/// Verbs that tell what happened: "Thursday was a hard day", "On Thursday
/// night you had a thought…".
static HAPPENED: Words = Words::new(&[
    "was", "were", "had", "did", "went", "told", "felt", "managed", "came",
]);

/// Verbs that say how things are: "Your blood tests are high, about forty
/// units a week".
static STATES: Words = Words::new(&["is", "are", "isn't", "aren't"]);

/// Words of a routine, which a step of a plan has and a story rarely does.
static ROUTINE: Words = Words::new(&[
    "every",
    "each",
    "twice",
    "from tonight",
    "from now on",
    "a day",
    "a night",
    "a week",
    "per day",
    "per week",
]);

/// Whether `s` says a routine; "each other" says none ("The two things help
/// each other"), where "every other day" does.
fn has_routine(s: &str) -> bool {
    let mut found = false;
    ROUTINE.each(s, |a, b, _| {
        let each_other = s[a..b].eq_ignore_ascii_case("each")
            && strip_prefix_loose(s[b..].trim_start(), "other").is_some();
        found = !each_other;
        if found { Seen::Enough } else { Seen::More }
    });
    found
}

/// How a condition opens.
static IF: Words = Words::new(&["if", "unless"]);

/// How a clause of reason, concession or time since opens.
static REASON: Words = Words::new(&[
    "since",
    "because",
    "as",
    "although",
    "though",
    "even though",
    "given that",
]);

/// How a main clause opens when it states rather than instructs: "If it
/// gets bad, you've got the numbers", "…, it's fine to stop", and after a
/// time frame, "Once a week's plenty".
static STATING: Words = Words::new(&[
    "you've", "you're", "you'd", "it's", "that's", "there's", "we", "i", "'s", "is",
]);

/// How a conditional step opens: "If you're not asleep in twenty minutes,
/// get up".
static IF_YOU: Words = Words::new(&["if you"]);

/// A step of the plan as the clinician's closing summary lists it, often
/// without a verb: "Worry time every day at half six", "At work, check
/// once", "And keep the diary going", "Rob will text from the station",
/// "Third, the worry slot at seven". It is in instruction form (a verb
/// first, perhaps after a short phrase), or numbered as an item of the
/// list, or has a time frame or a routine, or says who will do it.
/// Questions, praise, what the clinician will do and what happened are not
/// steps.
pub(super) fn planned_task(sentence: &str) -> Option<String> {
    let sentence = sentence.trim();
    let rest = skip_discourse(sentence);
    if sentence.ends_with('?') {
        return None;
    }
    // "Next week we'll look at how it's gone": a time frame first, and then
    // the clinician's plan or a statement all the same.
    let framed = match find_frame(rest) {
        // "Once a week's plenty": the frame is what is talked of.
        Some((0, end)) if STATING.opens(rest[end..].trim_start()) => return None,
        Some((0, end)) => skip_discourse(skip_short_clause(&rest[end..])),
        _ => rest,
    };
    // "If the signs come back, you've got the plan": a reminder of what the
    // client has, not a step.
    let main = if IF.opens(framed) || REASON.opens(framed) {
        framed
            .split_once(',')
            .map_or(framed, |(_, m)| m.trim_start())
    } else {
        framed
    };
    let instructs = |r: &str| IMPERATIVES.opens(r) || CONTINUING.opens(r);
    // "Since you moved, the evenings are long": a reason or a time since
    // leads a story, unless an instruction follows it.
    // "Sam, you've been…": a name the sentence is addressed to goes.
    let addressed = match framed.split_once(',') {
        Some((name, r)) if !name.contains(' ') && name.starts_with(char::is_uppercase) => {
            r.trim_start()
        }
        _ => framed,
    };
    if NOT_INSTRUCTING.opens(framed)
        || NOT_INSTRUCTING.opens(addressed)
        || FAREWELLS.opens(framed)
        || STATING.opens(main)
        || (REASON.opens(framed) && !instructs(main))
    {
        return None;
    }
    // The main clause's own first clause: "Since the mornings are hard,
    // walk…" tells how things are only to give a step.
    let first_clause = main.split(',').next().unwrap_or(main);
    if (HAPPENED.is_in(first_clause) || STATES.is_in(first_clause)) && !IF_YOU.opens(rest) {
        return None;
    }
    let verb_first = [rest, skip_short_clause(rest)].into_iter().any(instructs);
    let someone_will = rest.split_whitespace().nth(1) == Some("will");
    let step = verb_first
        || is_numbered(sentence)
        || someone_will
        || IF_YOU.opens(rest)
        || find_frame(rest).is_some()
        || has_routine(rest);
    if !step {
        return None;
    }
    as_task(rest)
}

/// Whether what comes before a plan's lead only opens it: "So", "Okay, this
/// week,", "And over the next two weeks".
fn opens_plan(before: &str) -> bool {
    let rest = skip_discourse(before.trim());
    let rest = find_frame(rest).map_or(rest, |(_, e)| &rest[e..]);
    trim_punct(skip_discourse(trim_punct(rest))).is_empty()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::suggest::matching::Together;

    fn recap(sentence: &str) -> Vec<String> {
        static LEADS: Together = Together::new(&[&RECAP_LEADS]);
        recap_tasks(sentence, true, &LEADS.heard_in(sentence))
    }

    #[test]
    fn a_step_said_back_only_for_if_something_happens_is_not_a_task_for_the_week() {
        assert_eq!(
            recap(
                "So you'll walk to the shop on Tuesday, phone the clinic if the headaches come \
                 back, and use the breathing if you need to."
            ),
            ["Walk to the shop"]
        );
    }

    #[test]
    fn a_condition_that_softens_a_step_or_a_question_it_asks_keeps_the_step() {
        assert_eq!(
            recap(
                "So you'll book a morning slot if you can, ask your sister if she'll come, and \
                 check with the school if the trip is on."
            ),
            [
                "Book a morning slot if you can",
                "Ask your sister if she'll come",
                "Check with the school if the trip is on"
            ]
        );
    }

    #[test]
    fn a_last_piece_of_a_plan_said_back_without_and_only_says_more_of_the_step() {
        assert_eq!(
            recap("So you'll use the small plate at tea, kept in the cupboard by the cooker."),
            ["Use the small plate at tea"]
        );
        assert_eq!(
            recap("So you'll ring your brother, post the form, and book the eye test."),
            ["Ring your brother", "Post the form", "Book the eye test"]
        );
    }

    #[test]
    fn a_plan_said_as_what_someone_believes_is_not_a_task() {
        assert!(recap("And your worry that you'll faint went down to thirty.").is_empty());
    }

    #[test]
    fn the_steps_of_a_decision_lose_their_to_and_what_only_says_when() {
        assert_eq!(
            recap(
                "And you've decided to clear the spare room, before your mum visits, to ring \
                 the council about the skip, and to ask Priya for a hand."
            ),
            [
                "Clear the spare room",
                "Ring the council about the skip",
                "Ask Priya for a hand"
            ]
        );
    }

    #[test]
    fn a_list_after_a_time_frame_and_a_colon_gives_a_task_an_item() {
        assert_eq!(
            recap(
                "So this week: the swim at the leisure centre, with your sister; the food \
                 diary, every meal; and ring the dentist."
            ),
            [
                "The swim at the leisure centre, with your sister",
                "The food diary, every meal",
                "Ring the dentist"
            ]
        );
    }

    #[test]
    fn a_step_said_back_after_a_few_words_of_when_is_a_step() {
        assert_eq!(
            recap("So you'll tidy the desk, and after tea you'll do an hour of revision."),
            ["Tidy the desk", "Do an hour of revision"]
        );
    }

    #[test]
    fn a_closing_sentence_that_tells_how_things_are_or_says_goodbye_is_no_step() {
        for told in [
            "Since you moved house, the nights have been long, and four glasses every night \
             have filled them.",
            "Your blood pressure readings are high, with three coffees a day on top.",
            "Sam, you've been doing the school run every day on your own.",
            "See you next week, Ana.",
            "(laughs) Take care on the way home.",
        ] {
            assert_eq!(planned_task(told), None, "{told}");
        }
        assert_eq!(
            planned_task("Since the mornings are hard, walk the dog at lunch every day."),
            Some("Since the mornings are hard, walk the dog at lunch every day".into())
        );
        assert_eq!(
            planned_task("The breathing, ten minutes a day after work."),
            Some("The breathing, ten minutes a day after work".into())
        );
    }

    #[test]
    fn a_decision_said_back_before_a_colon_gives_each_item_as_a_task() {
        assert_eq!(
            recap(
                "And you've decided: a swim on Tuesdays, early; no crisps in the house; and \
                 ringing your brother at the weekend."
            ),
            [
                "A swim on Tuesdays, early",
                "No crisps in the house",
                "Ringing your brother"
            ]
        );
    }

    #[test]
    fn what_the_client_has_said_yes_to_is_a_plan_said_back() {
        assert_eq!(
            recap("And you've said yes to keeping a sleep diary by the bed."),
            ["Keeping a sleep diary by the bed"]
        );
    }
}
