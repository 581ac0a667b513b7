//! A turn's tasks as a list: how its items are numbered ("Third, …",
//! "Two: …") or announced ("Here's what I'd like you to do."), and which
//! of them only say more of the task before, so they join it.

use super::HomeworkSuggestion;
use super::homework::IMPERATIVES;
use super::matching::{Words, trim_punct};
use super::text::{among, count_words};

/// Words that open a sentence without changing what it asks.
static DISCOURSE: Words = Words::new(&[
    "and", "also", "so", "okay", "ok", "now", "then", "right", "alright", "great", "good",
]);

/// Drops words like "And" or "Also," that open a sentence, a stage direction
/// ("(laughs)"), and the name or place of an item in a list ("Third, …",
/// "Two: …", "The last thing: …", "The plan for this week: …").
pub(super) fn skip_discourse(mut s: &str) -> &str {
    loop {
        // A stage direction in front: "(laughs) So…".
        if let Some(r) = s.strip_prefix('(').and_then(|r| r.split_once(')')) {
            s = r.1.trim_start();
        } else if let Some(r) = DISCOURSE.strip(s) {
            let r = r.trim_start();
            s = r.strip_prefix(',').unwrap_or(r).trim_start();
        } else if let Some(r) = after_number(s) {
            s = r;
        } else {
            return s;
        }
    }
}

/// Whether a sentence opens as a numbered item of a list: "Third, the worry
/// slot at seven", "Five: phone out of the bedroom".
pub(super) fn is_numbered(sentence: &str) -> bool {
    after_number(DISCOURSE.strip(sentence).map_or(sentence, str::trim_start)).is_some()
}

/// What follows the place of an item in a list that `s` opens with, and its
/// comma or colon. A number word counts before a colon, or before a comma
/// and an item of a few words ("One, keep the diary going"): "Two, maybe."
/// answers a question, and "Three, four hours" or "Five, four, three" are
/// counts.
fn after_number(s: &str) -> Option<&str> {
    let ordinal = ORDINALS
        .strip(s)
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix([',', ':']));
    let number = || {
        let r = NUMBERS.strip(s)?.trim_start();
        r.strip_prefix(':').or_else(|| {
            r.strip_prefix(',')
                .filter(|item| count_words(item, 3) >= 3 && !NUMBERS.opens(item.trim_start()))
        })
    };
    ordinal.or_else(number).map(str::trim_start)
}

/// Numbers of list items (see [`after_number`]).
static NUMBERS: Words = Words::new(&["one", "two", "three", "four", "five", "six", "seven"]);

/// The place of an item in a list, or the list's name, before a comma or
/// colon; a longer one before any it starts with.
static ORDINALS: Words = Words::new(&[
    "first",
    "firstly",
    "second",
    "secondly",
    "third",
    "thirdly",
    "fourth",
    "finally",
    "lastly",
    "last",
    "next",
    "the last thing",
    "one last thing",
    "one more thing",
    "the other thing",
    "the first thing",
    "the second thing",
    "the third thing",
    "the plan for this week",
    "the plan for the week",
    "the plan",
    "your homework",
    "the homework",
]);

/// Whether a task only says more about the one given just before it in the
/// same turn: its object is that task ("Keep it in the kitchen drawer",
/// "Have one in the morning"), or it qualifies it ("Not the details",
/// "Including on the road").
pub(super) fn says_more_of_the_last(task: &str) -> bool {
    let mut words = task.split_whitespace().map(trim_punct);
    let (second, third) = (words.nth(1), words.next());
    // "Have one in the morning" points back; "call one friend" does not.
    let one_of_those = second.is_some_and(|w| among(w, &["one"]))
        && third.is_none_or(|w| {
            among(
                w,
                &[
                    "in", "at", "on", "a", "each", "every", "when", "before", "after",
                ],
            )
        });
    QUALIFYING.opens(task)
        || offers_a_choice(task)
        || one_of_those
        || second.is_some_and(|w| among(w, &["it", "them", "those", "any"]))
        || names_by_pronoun(task)
}

/// Whether a task is only a short choice of things, which is what the task
/// before is done with: "…have breakfast before work, porridge or toast".
/// "Text or ring Sam" offers two ways of doing a task, and is one.
fn offers_a_choice(task: &str) -> bool {
    let words: Vec<&str> = task.split_whitespace().take(5).collect();
    words.len() <= 4
        && words
            .iter()
            .skip(1)
            .any(|w| trim_punct(w).eq_ignore_ascii_case("or"))
        && !IMPERATIVES.opens(task)
}

/// Whether a task names the person it is with only as "him" or "her", who
/// is someone of the task before: "I'll ask Sue not to check. I'll talk to
/// her tonight." "Take her to the park" is with someone; "ring her mum"
/// names another.
pub(super) fn names_by_pronoun(task: &str) -> bool {
    let words: Vec<&str> = task.split_whitespace().take(5).map(trim_punct).collect();
    (1..words.len().min(4)).any(|i| {
        among(words[i], &["him", "her"])
            && (i == 1 || among(words[i - 1], &["to", "with"]))
            && words.get(i + 1).is_none_or(|next| {
                among(next, AFTER_SOMEONE) || words[i].eq_ignore_ascii_case("him")
            })
    })
}

/// Words after "her" that make it someone rather than someone's: "tell her
/// tonight", "show her the drawing", not "ring her mum".
const AFTER_SOMEONE: &[&str] = &[
    "up", "back", "about", "on", "at", "that", "you", "to", "tonight", "tomorrow", "today", "when",
    "what", "if", "in", "and", "the", "a", "how", "i", "we", "first", "again", "before", "after",
    "for", "out", "round", "you're", "you'll", "you've", "i'm", "i'll", "i've", "we're", "we'll",
    "it's", "she", "he", "they", "this", "next",
];

/// Words that open a qualification of the task before: "Not the details",
/// or practice of it on what comes to hand: "Practise on little things".
static QUALIFYING: Words = Words::new(&[
    "not",
    "including",
    "also",
    "or",
    "practise on",
    "practice on",
    "practise with",
    "practice with",
]);

/// Adds a task to those of this turn (from `turn` on): one that only says
/// more of the last becomes part of it, so the clinician sees one task with
/// its details. So does the first step after an item of a list that only
/// names its task (`after_name`, see [`only_names`]): "First, the sleep
/// window. Bed not before midnight…" is one task, "The sleep window: bed
/// not before midnight…".
pub(super) fn add_task(
    tasks: &mut Vec<HomeworkSuggestion>,
    turn: usize,
    task: HomeworkSuggestion,
    after_name: bool,
) {
    let fills_the_last = || {
        tasks[turn..].last().is_some_and(|last| {
            says_what_to_write(&last.task, &task.task)
                || says_where_or_when(&last.task, &task.task)
                || rises_after_bed(&last.task, &task.task)
                || part_of_the_outing(&last.task, &task.task)
        })
    };
    let joined_by = if after_name && !is_numbered(&task.quote) {
        ": "
    } else if says_more_of_the_last(&task.task) || fills_the_last() {
        "; "
    } else {
        return tasks.push(task);
    };
    match tasks[turn..].last_mut() {
        Some(last) => {
            let mut more = task.task.chars();
            let first = more.next().map(|c| c.to_lowercase().collect::<String>());
            last.task = format!(
                "{}{joined_by}{}{}",
                last.task,
                first.unwrap_or_default(),
                more.as_str()
            );
        }
        None => tasks.push(task),
    }
}

/// Whether `task` only says what to put in the record `last` keeps: "Keep a
/// food diary on your phone. Write down what you ate and when." is one task,
/// the diary, and how to fill it in.
fn says_what_to_write(last: &str, task: &str) -> bool {
    WRITING.opens(task) && RECORDS.is_in(last)
}

/// Whether `task` does what `last` does, with nothing to do it to, only
/// where or when: "I'll ring the GP on Monday. I'll ring from work before
/// the boss gets in."
fn says_where_or_when(last: &str, task: &str) -> bool {
    let mut words = task.split_whitespace().map(trim_punct);
    let (verb, next) = (words.next(), words.next());
    let last_verb = last.split_whitespace().next().map(trim_punct);
    verb.zip(last_verb)
        .is_some_and(|(v, l)| v.eq_ignore_ascii_case(l))
        && next.is_some_and(|w| {
            among(
                w,
                &["from", "at", "in", "on", "before", "after", "when", "first"],
            )
        })
}

/// Whether `task` says how to be at the place `last` goes to: "Go to the
/// quiz on Friday, sit near the door, and stay until the break" is one
/// outing, in several steps.
fn part_of_the_outing(last: &str, task: &str) -> bool {
    GOING.opens(last) && (STAYING.opens(task) || AT_THE_PLACE.is_in(task))
}

/// How a task that goes somewhere opens.
static GOING: Words = Words::new(&[
    "go to",
    "go down to",
    "go along to",
    "go up to",
    "go round to",
    "go into",
    "walk to",
    "walk down to",
    "get to",
    "head to",
    "head down to",
    "pop into",
    "pop down to",
    "visit",
    "attend",
]);

/// How a step of being somewhere opens: where to sit, how long to stay.
static STAYING: Words = Words::new(&[
    "sit near",
    "sit at",
    "sit by",
    "sit in",
    "sit on",
    "stay",
    "aim to stay",
    "try to stay",
    "leave after",
    "leave at",
    "come home after",
    "come away after",
]);

/// Words of a step that is done where one has gone.
static AT_THE_PLACE: Words = Words::new(&[
    "beforehand",
    "when you get there",
    "when i get there",
    "while you're there",
    "while i'm there",
    "once you're there",
    "once i'm there",
    "when you arrive",
    "when i arrive",
]);

/// Whether `task` gives the time to get up after `last` gave the time to go
/// to bed: the two ends of one sleep window ("Go to bed at half twelve, and
/// get up at half six") are one task.
fn rises_after_bed(last: &str, task: &str) -> bool {
    RISING.opens(task) && BEDTIME.is_in(last)
}

/// How a step that gives the time to get up opens.
static RISING: Words = Words::new(&[
    "get up",
    "getting up",
    "up at",
    "up by",
    "be up",
    "out of bed",
    "rise",
    "wake up",
    "alarm",
]);

/// Words that give the time to go to bed.
static BEDTIME: Words = Words::new(&[
    "bed at",
    "bed by",
    "bed not before",
    "bed no earlier",
    "bedtime",
    "lights out",
]);

/// How a step that says what to write down opens.
static WRITING: Words = Words::new(&[
    "write down",
    "write in",
    "note down",
    "jot down",
    "jot",
    "put down",
    "record",
    "log",
]);

/// A record kept between sessions, or filling one in.
static RECORDS: Words = Words::new(&[
    "diary",
    "log",
    "record",
    "sheet",
    "journal",
    "tracker",
    "chart",
    "form",
    "fill it in",
    "fill in",
]);

/// Whether a task is an item of a list that only names it ("First, the
/// sleep window."), its steps to follow.
pub(super) fn only_names(task: &HomeworkSuggestion) -> bool {
    is_numbered(&task.quote) && count_words(&task.task, 4) <= 3
}

/// Whether a sentence only numbers the next item of a list of tasks
/// ("Second.", "Third:") or announces them ("So here's what I'd like you to
/// do."): what follows it in the turn is a task.
pub(super) fn announces_a_task(sentence: &str) -> bool {
    [&ORDINALS, &ANNOUNCING].iter().any(|list| {
        list.strip(skip_discourse(sentence))
            .is_some_and(|r| trim_punct(r).is_empty())
    })
}

/// Sentences that announce the tasks after them and give none themselves.
static ANNOUNCING: Words = Words::new(&[
    "here's what i'd like you to do",
    "here's what i'd like you to try",
    "here's what i would like you to do",
    "here's what i suggest",
    "here's what i'd suggest",
    "here's the plan",
    "this is what i'd like you to do",
    "this is what i'd like you to try",
]);
