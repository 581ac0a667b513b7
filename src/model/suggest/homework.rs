//! Homework detection: tasks the clinician gives and the client agrees to.

use super::matching::{find_any, strip_prefix_loose, strip_suffix_loose, trim_punct};

/// Phrases that set a session-to-session time frame. Sorted longest first
/// where one is a prefix of another, so the longest leading one is stripped.
const TIME_FRAMES: &[&str] = &[
    "before our next session",
    "before the next session",
    "before next session",
    "before we meet again",
    "before we meet next",
    "before next time",
    "for next time",
    "for next week",
    "for next session",
    "between now and next",
    "between now and then",
    "between sessions",
    "over the next week",
    "over the coming week",
    "in the coming week",
    "during the week",
    "this week",
    "next week",
];

/// Wording that hands the client a task.
const ASSIGNING: &[&str] = &[
    "i'd like you to",
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
];

/// Wording that is a task on its own, whatever the time frame.
const HOMEWORK_WORDS: &[&str] = &[
    "for homework",
    "as homework",
    "as your homework",
    "homework is",
    "homework will be",
    "homework for",
];

/// Leading words removed to turn a clinician sentence into an instruction.
const INSTRUCTION_LEADS: &[&str] = &[
    "i'd like you to",
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
];

/// A clause starting like this is the clinician's own plan for the next
/// session ("For next time, we'll continue…"), not work for the client.
const PLAN_LEADS: &[&str] = &[
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
];

/// Verbs that make a sentence an instruction when they follow a time frame.
const IMPERATIVES: &[&str] = &[
    "try", "practice", "practise", "notice", "keep", "write", "make", "pick", "choose", "plan",
    "schedule", "spend", "take", "use", "set", "read", "track", "record", "reflect", "do", "think",
    "jot", "list", "log", "monitor", "observe", "complete", "fill", "continue", "go", "listen",
    "start", "aim", "identify", "consider", "journal", "check", "see",
];

/// Client wording that commits to doing something.
const COMMITMENTS: &[&str] = &[
    "i'm going to",
    "i am going to",
    "i'm gonna",
    "i could",
    "i will",
    "i'll",
    "i plan to",
    "i can try",
    "i want to try",
];

/// What a clinician question must be about for the client's answer to count
/// as a commitment.
const STEP_QUESTIONS: &[&str] = &[
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
    "will you do",
    "could you do",
    "can you do",
];

/// Hedges between a commitment and the task itself.
const HEDGES: &[&str] = &[
    "maybe",
    "probably",
    "definitely",
    "also",
    "really",
    "at least",
];

/// A clinician question about a step or goal, so the client's answer may be
/// a commitment.
pub(super) fn is_step_question(sentence: &str) -> bool {
    sentence.ends_with('?') && find_any(sentence, STEP_QUESTIONS).is_some()
}

pub(super) fn clinician_task(sentence: &str) -> Option<String> {
    let mut rest = sentence.trim();
    let lead = TIME_FRAMES.iter().find_map(|p| strip_prefix_loose(rest, p));
    if let Some(r) = lead {
        rest = skip_short_clause(r);
    }
    if PLAN_LEADS
        .iter()
        .any(|p| strip_prefix_loose(rest, p).is_some())
    {
        return None;
    }
    let assigned = find_any(sentence, HOMEWORK_WORDS).is_some()
        || (find_any(sentence, ASSIGNING).is_some() && find_any(sentence, TIME_FRAMES).is_some())
        || (lead.is_some()
            && (ASSIGNING
                .iter()
                .chain(INSTRUCTION_LEADS)
                .chain(IMPERATIVES)
                .any(|p| strip_prefix_loose(rest, p).is_some())));
    if !assigned {
        return None;
    }
    if let Some(r) = INSTRUCTION_LEADS
        .iter()
        .find_map(|p| strip_prefix_loose(rest, p))
    {
        rest = r;
    }
    as_task(rest)
}

pub(super) fn client_task(sentence: &str) -> Option<String> {
    let (_, end, _) = find_any(sentence, COMMITMENTS)?;
    let mut rest = sentence[end..].trim_start();
    while let Some(r) = HEDGES.iter().find_map(|h| strip_prefix_loose(rest, h)) {
        rest = r.trim_start();
    }
    if ["not", "never", "n't"]
        .iter()
        .any(|n| strip_prefix_loose(rest, n).is_some())
    {
        return None;
    }
    as_task(rest)
}

/// After a leading time frame, drops a short remainder of that clause
/// ("Between now and next Tuesday, write…" → "write…").
fn skip_short_clause(r: &str) -> &str {
    let r = r.trim_start();
    if let Some(rest) = r.strip_prefix(',') {
        return rest.trim_start();
    }
    if let Some(i) = r.find(',')
        && r[..i].split_whitespace().count() <= 3
    {
        return r[i + 1..].trim_start();
    }
    r
}

/// Tidies a clause into an instruction: no trailing time frame or
/// punctuation, first letter capitalised. None if too little is left.
fn as_task(clause: &str) -> Option<String> {
    let mut s = trim_punct(clause);
    if let Some(r) = TIME_FRAMES.iter().find_map(|p| strip_suffix_loose(s, p)) {
        s = trim_punct(r);
    }
    if s.split_whitespace().count() < 2 {
        return None;
    }
    let mut chars = s.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}
