//! Homework detection: tasks the clinician gives and the client agrees to.

use super::frames::{SPAN_LEADS, TIME_FRAMES, find_frame, frame_follows};
use super::matching::{Heard, Words};
use super::summary::planned_task;
use super::task_list::{is_numbered, skip_discourse};
use super::task_text::{POINTING_BACK, as_task};
use super::text::count_words;

/// Wording that hands the client a task.
pub(super) static ASSIGNING: Words = Words::new(&[
    "i'd like you to",
    "i'd like you both to",
    "i want you both to",
    "i would like you to",
    "i want you to",
    "i'd encourage you to",
    "i encourage you to",
    "i'd suggest",
    "i suggest",
    "see if you can",
    "you could try",
    "you might try",
    "try to",
    "try",
]);

/// Wording that is a task on its own, whatever the time frame.
pub(super) static HOMEWORK_WORDS: Words = Words::new(&[
    "for homework",
    "as homework",
    "as your homework",
    "homework is",
    "homework will be",
    "homework for",
]);

/// Leading words removed to turn a clinician sentence into an instruction.
static INSTRUCTION_LEADS: Words = Words::new(&[
    "i'd like you to",
    "i'd like you both to",
    "i want you both to",
    "i would like you to",
    "i want you to",
    "i'd encourage you to",
    "i encourage you to",
    "your homework is to",
    "the homework is to",
    "you could",
    "you might",
    "please",
    "maybe",
]);

/// A clause starting like this is the clinician's own plan for the next
/// session ("For next time, we'll continue…"), not work for the client.
static PLAN_LEADS: Words = Words::new(&[
    // "I'd like us to try a little experiment here": the two of them, now.
    "i'd like us to",
    "i would like us to",
    "i want us to",
    "we'll",
    "we will",
    "we can",
    "we could",
    "we're going to",
    "we are going to",
    "let's",
    "let us",
    "i'll",
    "i will",
]);

/// How a sentence opens when it tells what is usual rather than what this
/// client is to do: "Usually I suggest a date within the next week".
static USUALLY: Words = Words::new(&[
    "usually",
    "normally",
    "generally",
    "typically",
    "often",
    "most people",
    "a lot of people",
    "lots of people",
    "some people",
    "people often",
    "people usually",
    "what i usually",
    "what i normally",
    "what we usually",
    "what we normally",
]);

/// Verbs that make a sentence an instruction when they follow a time frame.
pub(super) static IMPERATIVES: Words = Words::new(&[
    "try", "practice", "practise", "notice", "keep", "write", "make", "pick", "choose", "plan",
    "schedule", "spend", "take", "use", "set", "read", "track", "record", "reflect", "do", "think",
    "jot", "list", "log", "monitor", "observe", "complete", "fill", "continue", "go", "listen",
    "start", "aim", "identify", "consider", "journal", "check", "see", "note", "open", "get",
    "call", "text", "ask", "walk", "leave", "name", "rate", "stick", "switch", "swap", "book",
    "ring", "buy", "cut", "stop", "bring", "give", "reply", "tell", "send", "email", "put", "sign",
    "join", "save",
]);

/// A question that hands the client a task when it has a time frame
/// ("Could you try … before we meet again?").
pub(super) static ASKS: Words = Words::new(&[
    "could you",
    "can you",
    "would you be willing to",
    "would you be up for",
    "would you like to",
    "are you willing to",
    "will you",
    "how about you",
    "what about you",
    "how would you feel about",
    "what would you think about",
    "do you fancy",
    "are you up for",
    // Last: the longer forms above are taken first.
    "would you",
]);

/// What "Would you…?" asks when it asks an opinion, not for a task ("Would
/// you say this week was better?").
static OPINION: Words = Words::new(&[
    "say", "agree", "describe", "call", "rate", "mind", "rather", "prefer", "expect", "guess",
    "think", "be", "feel", "like",
]);

/// Carrying on with a task from before, homework without a time frame.
pub(super) static CONTINUING: Words = Words::new(&[
    "keep up",
    "keep going with",
    "keep on with",
    "keep doing",
    "carry on with",
    "carry on",
    "continue with",
    "continue",
    "stick with",
    // After "Would you be up for…", "How would you feel about…".
    "keeping up",
    "keeping going with",
    "keeping on with",
    "carrying on with",
    "carrying on",
    "continuing with",
    "sticking with",
]);

/// Client wording that commits to doing something.
static COMMITMENTS: Words = Words::new(&[
    "i'm going to",
    "i am going to",
    "i'm gonna",
    "i could",
    "i will",
    "i'll",
    "i plan to",
    "i can try",
    "i want to try",
]);

/// What a clinician question must be about for the client's answer to count
/// as a commitment.
pub(super) static STEP_QUESTIONS: Words = Words::new(&[
    "step",
    "steps",
    "goal",
    "goals",
    "this week",
    "next week",
    "before our next session",
    "between now and",
    "between sessions",
    "commit",
    "homework",
    "plan",
    "going to do",
    "going to try",
    "like to try",
    "want to try",
    "willing to try",
    "will you try",
    "could you try",
    "might you try",
    "like to do",
    "want to do",
    "what will you",
    "how will you",
    "when will you",
    "into a plan",
    "will you do",
    "could you do",
    "can you do",
    "might you do",
    "would you do",
    // A task offered as a question, "Would it help to have the number to
    // hand?", or asked for: "What would make that easier?"
    "what would make it",
    "what would make that",
    "what would make this",
    "what might make it",
    "what might make that",
    "what could make it",
    "what could make that",
    "would it help to",
    "would it help if you",
    "would it be worth",
    "would it be useful to",
    "would you be willing",
    "are you willing",
    "would you be up for",
    "how about",
    "what if you",
]);

/// A commitment to one of these is a state or a statement about now, not a
/// task ("I'll be honest", "I'll be aware of everything that's going on",
/// "I'll tell you what happened", "I'll need a big number", "I'll let you
/// know"), or a reminder of a task, not one of its own ("I'll put it in my
/// phone").
pub(super) static NOT_TASKS: Words = Words::new(&[
    "be",
    // "I'll need a big number"; "I'll need to ring the GP" is a task.
    "need a",
    "need an",
    "need some",
    "need more",
    "let you know",
    "see you",
    "feel",
    "know",
    "tell you",
    "explain",
    "admit",
    "say",
    "get there",
    "see how it goes",
    "stay aware",
    "keep it in mind",
    "bear that in mind",
    "have to see",
    "find out",
    "see how",
    // "I'll see when she's free", "I'll see what they say": waiting on
    // someone, nothing to do yet.
    "see when",
    "see what",
    "look like",
    "end up",
    "nod off",
    "put a reminder",
    "set a reminder",
    "put it in my phone",
    "put it in the notes",
    "write it on my hand",
    "fall asleep",
    "drop off",
    "sit here",
    "think about it",
    "think about that",
    "think it over",
    "think on it",
    "mull it over",
    "mull that over",
    "have a think",
    "sleep on it",
    // A choice put off is nothing to do yet: "and decide later what
    // happens to it", "and take it from there".
    "decide later",
    "decide after",
    "decide then",
    "decide another time",
    "take it from there",
    "go from there",
    "see from there",
    "leave it for now",
    "worry about that later",
]);

/// How a goodbye opens: "See you next week", "Take care driving".
pub(super) static FAREWELLS: Words = Words::new(&[
    "see you",
    "take care",
    "mind how you go",
    "safe home",
    "safe journey",
    "look after yourself",
    // Kind words for the week, not a task: "Go gently on yourself".
    "go gently",
    "go easy on yourself",
    "be kind to yourself",
    "be gentle with yourself",
    "take it easy",
    "have a good",
    "have a lovely",
    "have a nice",
    "enjoy",
]);

/// Words of an instruction for now, in the session, not for the week.
pub(super) static IN_SESSION: Words = Words::new(&[
    "when you're ready",
    "in your own time",
    "at your own pace",
    "at your own speed",
    "right now",
    "for a minute",
    "for a moment",
    "for a second",
    "for a bit now",
]);

/// Trying, before the task itself ("I'll try to walk").
static TRYING: Words = Words::new(&["try to", "try and"]);

/// A commitment not to do something ("I'll never manage that").
static REFUSING: Words = Words::new(&["not", "never", "n't"]);

/// A condition around a commitment: "If I'm going to come off it, I want it
/// done proper" is not a plan to come off it, nor "otherwise I'll go in
/// there and just say sorry" one to apologise, nor "Else I'll lose it" one
/// to lose it.
static CONDITIONS: Words = Words::new(&["if", "unless", "otherwise", "or else", "else", "in case"]);

/// Someone else's forecast of the client, "she says I'll sit here and tell
/// you it's all fine", "she said I could book a tutorial"; or what the
/// client tells themself each time, "I tell myself I'll save the rest".
static REPORTED: Words = Words::new(&[
    "says",
    "thinks",
    "reckons",
    "tells",
    "claims",
    "she said",
    "he said",
    "they said",
    "said in",
    "said that",
    "told me",
    "tell myself",
    "told myself",
]);

/// Hedges between a commitment and the task itself.
pub(super) static HEDGES: Words = Words::new(&[
    "maybe",
    "probably",
    "definitely",
    "also",
    "really",
    "at least",
    "just",
    "still",
    "always",
    "actually",
    "even",
]);

/// A clinician question about a step or goal, so the client's answer may be
/// a commitment. `heard`: the lists heard in the sentence, as for each
/// function here given one. A question that opens with a condition ("If it
/// falls through, what will you say to yourself?") asks what the client
/// would do then, not what they will do this week.
pub(super) fn is_step_question(sentence: &str, heard: &Heard) -> bool {
    sentence.ends_with('?')
        && heard.has(&STEP_QUESTIONS)
        && !CONDITIONS.opens(skip_discourse(sentence))
}

/// Whether a clinician's turn only prompts for the next step of a plan
/// being made: a question of a few words ("And the walk?", "Anything else?").
pub(super) fn follows_up(turn: &str) -> bool {
    turn.trim_end().ends_with('?') && count_words(turn, 7) <= 6
}

/// The instruction after a first clause that sets the time frame:
/// "Over the next two weeks, schedule…", "Every morning until we meet, open…".
fn after_leading_frame(s: &str) -> Option<&str> {
    let (start, end) = find_frame(s)?;
    if start == 0 {
        return Some(skip_short_clause(&s[end..]));
    }
    let comma = s.find(',')?;
    // "Text Dave tonight, and go…": a first clause that instructs is a task
    // with its own frame, not a frame for the clause after it.
    (end <= comma
        && s[..comma].split_whitespace().count() <= 8
        && !IMPERATIVES.opens(skip_discourse(s)))
    .then(|| s[comma + 1..].trim_start())
}

/// A task the clinician gives in `sentence` (`heard` its lists), with its
/// time frame there or, `framed_nearby`, in the sentence next to it (see
/// [`super::frames::frame_follows`] and [`super::frames::frame_asked_before`]). A sentence that only
/// announces tasks ([`super::task_list::announces_a_task`]) is not asked.
pub(super) fn clinician_task(
    sentence: &str,
    heard: &Heard,
    framed_nearby: impl Fn() -> bool,
) -> Option<String> {
    let mut rest = skip_discourse(sentence);
    // Most sentences have no time frame: none is looked for in their parts.
    let any_frame = heard.has(&TIME_FRAMES) || heard.has(&SPAN_LEADS);
    let lead = any_frame.then(|| after_leading_frame(rest)).flatten();
    if let Some(r) = lead {
        rest = skip_discourse(r);
    }
    if PLAN_LEADS.opens(rest) || FAREWELLS.opens(rest) || USUALLY.opens(rest) {
        return None;
    }
    // Looked for only where a rule below needs it.
    let framed = || (any_frame && find_frame(sentence).is_some()) || framed_nearby();
    let question = sentence.ends_with('?');
    let asked = if question { ASKS.strip(rest) } else { None };
    // A question asks about a task ("What will you try this week?"); only
    // "Could you…?" and the like hand one over.
    if question && asked.is_none_or(|task| OPINION.opens(task.trim_start())) {
        return None;
    }
    if heard.has(&IN_SESSION) {
        return None;
    }
    let wrapped = asked.or_else(|| INSTRUCTION_LEADS.strip(rest));
    let task = wrapped.map_or(rest, str::trim_start);
    let continuing = CONTINUING.opens(task);
    // An imperative with its time frame in the same clause: the frame of
    // "Keep practising, and reach out before our next session" is not the task's.
    let first_clause = rest.split(',').next().unwrap_or(rest);
    let imperative = || any_frame && IMPERATIVES.opens(rest) && find_frame(first_clause).is_some();
    // "At the end we'll pick something to try this week": what follows the
    // clinician's own plan is part of it.
    let assigning = || {
        ASSIGNING
            .find(sentence)
            .is_some_and(|(at, ..)| !PLAN_LEADS.is_in(&sentence[..at]))
    };
    let assigned = heard.has(&HOMEWORK_WORDS)
        || (heard.has(&ASSIGNING) && framed() && assigning())
        || (lead.is_some()
            && [&ASSIGNING, &INSTRUCTION_LEADS, &IMPERATIVES]
                .iter()
                .any(|w| w.opens(rest)))
        || (asked.is_some() && (continuing || framed()))
        || (asked.is_none() && continuing)
        || imperative();
    if !assigned {
        return None;
    }
    as_task(task)
}

/// What a client said they will do in one turn, with the sentence each is
/// from. An option weighed aloud ("I could take the dog out") gives way to
/// a choice made after it in the same turn ("I'll walk Pickle round the
/// block when Barry starts"): only the choice is the task.
/// A commitment's time frame may follow it as a sentence of its own (see
/// [`super::frames::frame_follows`]).
/// Asked for the plan, the client may say its steps back as a list, as a
/// clinician sums up ("Every day, the door handle, no washing after. And the
/// diary after each go."): from one that opens with its time frame on, such
/// steps are tasks too; so are the items of a list the client numbers
/// ("One, keep the diary going"), asked or not.
pub(super) fn client_tasks<'s>(said: &[&'s str], asked_for_step: bool) -> Vec<(&'s str, String)> {
    let mut listing = false;
    let mut found: Vec<(&str, String, bool)> = Vec::new();
    for (n, &s) in said.iter().enumerate() {
        let framed = || asked_for_step || frame_follows(said.get(n + 1).copied());
        if let Some((task, weighed)) = client_task(s, framed) {
            found.push((s, task, weighed));
        } else if is_numbered(s)
            || asked_for_step
                && (listing || find_frame(skip_discourse(s)).is_some_and(|(a, _)| a == 0))
        {
            let step = planned_task(s);
            listing = step.is_some();
            found.extend(step.map(|task| (s, task, false)));
        }
    }
    let last_choice = found.iter().rposition(|&(_, _, weighed)| !weighed);
    found
        .into_iter()
        .enumerate()
        .filter(|&(i, (_, _, weighed))| !weighed || last_choice.is_none_or(|c| i > c))
        .map(|(_, (s, task, _))| (s, task))
        .collect()
}

/// How an option opens when it is one more of those weighed.
static ALTERNATIVE: Words = Words::new(&["or", "either"]);

/// Wording that weighs an option rather than choosing it.
static WEIGHING: Words = Words::new(&["i could"]);

/// What a client said they will do: after a question about a step
/// (`framed` says whether there was one, or a time frame next to the
/// sentence), or with a time frame of its own ("I'll cook twice over the
/// next week"); and whether it was only weighed (see [`WEIGHING`]).
fn client_task(sentence: &str, framed: impl Fn() -> bool) -> Option<(String, bool)> {
    // Most sentences commit to nothing: their frames are not looked for.
    let (start, end, _) = COMMITMENTS.find(sentence)?;
    if !framed() && find_frame(sentence).is_none() {
        return None;
    }
    let weighed = WEIGHING.opens(&sentence[start..]);
    // "Or I could go out but not smoke": one more alternative, none chosen.
    if weighed && ALTERNATIVE.opens(skip_discourse(sentence)) {
        return None;
    }
    let clause = sentence[..start].rsplit(',').next().unwrap_or_default();
    if CONDITIONS.is_in(clause) || REPORTED.is_in(clause) {
        return None;
    }
    let mut rest = sentence[end..].trim_start();
    while let Some(r) = HEDGES.strip(rest) {
        rest = r.trim_start();
    }
    let attempted = TRYING.strip(rest).map_or(rest, str::trim_start);
    if REFUSING.opens(rest) || NOT_TASKS.opens(attempted) {
        return None;
    }
    Some((as_task(rest)?, weighed))
}

/// After a leading time frame, drops a short remainder of that clause
/// ("Between now and next Tuesday, write…" → "write…").
pub(super) fn skip_short_clause(r: &str) -> &str {
    let r = r.trim_start();
    if let Some(rest) = r.strip_prefix([',', ':']) {
        return rest.trim_start();
    }
    if let Some(i) = r.find(',')
        && r[..i].split_whitespace().count() <= 3
    {
        return r[i + 1..].trim_start();
    }
    r
}

/// A further step after a task given in the same turn, as an instruction of
/// its own: "Try not to smoke in the first hour after you wake up. And don't
/// smoke in the van.", "Third, I'd like you to book the blood test."
pub(super) fn next_step(sentence: &str) -> Option<String> {
    // "On Monday, give your update without notes."
    let rest = skip_discourse(sentence);
    let rest = after_leading_frame(rest).map_or(rest, skip_discourse);
    let led = INSTRUCTION_LEADS.strip(rest).map(str::trim_start);
    let rest = led.unwrap_or(rest);
    let instructs = led.is_some() || IMPERATIVES.opens(rest) || DONT.opens(rest);
    if sentence.ends_with('?') || !instructs || NOT_TASKS.opens(rest) || POINTING_BACK.opens(rest) {
        return None;
    }
    as_task(rest)
}

/// An instruction not to do something.
pub(super) static DONT: Words = Words::new(&["don't", "do not", "never"]);
