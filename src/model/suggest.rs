//! Suggestions for the session note: intervention and theme tags from the
//! app's vocabulary, and homework the client agreed to or was given.
//!
//! Everything is keyword based and deliberately conservative: the clinician
//! confirms each suggestion, so a miss costs a click while a wrong
//! suggestion costs trust.

use super::transcript::{Item, Role, Transcript};
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSuggestion {
    pub tag: String,
    /// The phrase that triggered the tag.
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HomeworkSource {
    Clinician,
    Client,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeworkSuggestion {
    pub task: String,
    pub source: HomeworkSource,
    pub mark: Option<NaiveTime>,
    /// The sentence the task was taken from, as written.
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Suggestions {
    pub interventions: Vec<TagSuggestion>,
    pub themes: Vec<TagSuggestion>,
    pub homework: Vec<HomeworkSuggestion>,
}

type Table = &'static [(&'static str, &'static [&'static str])];

/// Keywords are lower-case ASCII and matched on word boundaries.
const INTERVENTIONS: Table = &[
    (
        "cognitive restructuring",
        &[
            "cognitive restructuring",
            "challenge that belief",
            "challenge that thought",
            "challenge the thought",
            "evidence that contradicts",
            "evidence for and against",
            "thought record",
            "cognitive distortion",
            "cognitive distortions",
            "reframe",
            "reframing",
            "balanced thought",
            "alternative thought",
        ],
    ),
    (
        "mindfulness",
        &["mindfulness", "mindful", "body scan", "present moment"],
    ),
    (
        "grounding exercise (5-4-3-2-1)",
        &[
            "grounding",
            "three things you can see",
            "five things you can see",
            "5-4-3-2-1",
            "54321",
        ],
    ),
    (
        "breathing exercise",
        &[
            "breathing exercise",
            "breathing exercises",
            "deep breath",
            "deep breaths",
            "breathe in",
            "box breathing",
            "diaphragmatic breathing",
            "paced breathing",
        ],
    ),
    (
        "sleep hygiene",
        &[
            "sleep hygiene",
            "bedtime routine",
            "consistent bedtime",
            "screens before bed",
            "sleep schedule",
        ],
    ),
    (
        "psychoeducation",
        &[
            "psychoeducation",
            "fight or flight",
            "fight-or-flight",
            "how anxiety works",
            "anxiety cycle",
        ],
    ),
    (
        "behavioural activation",
        &[
            "behavioural activation",
            "behavioral activation",
            "activity scheduling",
            "activity diary",
            "pleasant activities",
            "schedule some activities",
        ],
    ),
    (
        "exposure",
        &[
            "exposure",
            "exposure hierarchy",
            "fear ladder",
            "face the fear",
        ],
    ),
    (
        "problem solving",
        &[
            "problem solving",
            "problem-solving",
            "brainstorm solutions",
            "pros and cons",
        ],
    ),
    (
        "relaxation",
        &[
            "relaxation",
            "progressive muscle relaxation",
            "relax your muscles",
        ],
    ),
    (
        "motivational interviewing",
        &[
            "motivational interviewing",
            "readiness to change",
            "importance ruler",
            "how important is it to you",
            "on a scale of 0 to 10",
            "on a scale from 0 to 10",
        ],
    ),
];

const THEMES: Table = &[
    (
        "anxiety",
        &[
            "anxiety", "anxious", "panic", "worry", "worrying", "worried", "nervous",
        ],
    ),
    (
        "perfectionism",
        &[
            "perfectionism",
            "perfectionist",
            "perfectionistic",
            "good enough",
        ],
    ),
    (
        "fear of failure",
        &[
            "fear of failure",
            "fear of failing",
            "afraid of failing",
            "scared of failing",
            "afraid to fail",
        ],
    ),
    (
        "core beliefs",
        &["core belief", "core beliefs", "deep-seated belief"],
    ),
    (
        "low mood",
        &[
            "low mood",
            "depressed",
            "depression",
            "feeling down",
            "feeling low",
            "hopeless",
        ],
    ),
    (
        "sleep",
        &[
            "sleep",
            "sleeping",
            "insomnia",
            "asleep",
            "lie awake",
            "nightmares",
        ],
    ),
    (
        "work stress",
        &[
            "work stress",
            "deadline",
            "deadlines",
            "at work",
            "my boss",
            "my manager",
            "workload",
            "burnout",
            "burned out",
            "burnt out",
        ],
    ),
    (
        "self-esteem",
        &[
            "self-esteem",
            "self esteem",
            "self-worth",
            "self worth",
            "self-confidence",
            "worthless",
            "self-critical",
        ],
    ),
    (
        "relationships",
        &[
            "relationship",
            "relationships",
            "my partner",
            "my wife",
            "my husband",
            "my boyfriend",
            "my girlfriend",
            "breakup",
            "break-up",
            "marriage",
            "divorce",
        ],
    ),
];

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

pub fn suggest(t: &Transcript) -> Suggestions {
    let mut out = Suggestions::default();
    let mut seen_interventions = vec![false; INTERVENTIONS.len()];
    let mut seen_themes = vec![false; THEMES.len()];
    // Whether the most recent clinician turn asked about a step or goal.
    let mut asked_for_step = false;

    for seg in &t.segments {
        for item in &seg.items {
            match item {
                Item::Direction(d) => {
                    collect_tags(
                        d,
                        INTERVENTIONS,
                        &mut seen_interventions,
                        &mut out.interventions,
                    );
                }
                Item::Turn { role, text, .. } => {
                    if *role == Role::Clinician {
                        collect_tags(
                            text,
                            INTERVENTIONS,
                            &mut seen_interventions,
                            &mut out.interventions,
                        );
                    }
                    collect_tags(text, THEMES, &mut seen_themes, &mut out.themes);
                    match role {
                        Role::Clinician => {
                            asked_for_step = false;
                            for s in sentences(text) {
                                if let Some(task) = clinician_task(s) {
                                    out.homework.push(HomeworkSuggestion {
                                        task,
                                        source: HomeworkSource::Clinician,
                                        mark: seg.mark,
                                        quote: s.to_string(),
                                    });
                                }
                                if s.ends_with('?') && find_any(s, STEP_QUESTIONS).is_some() {
                                    asked_for_step = true;
                                }
                            }
                        }
                        Role::Client => {
                            if asked_for_step {
                                for s in sentences(text) {
                                    if let Some(task) = client_task(s) {
                                        out.homework.push(HomeworkSuggestion {
                                            task,
                                            source: HomeworkSource::Client,
                                            mark: seg.mark,
                                            quote: s.to_string(),
                                        });
                                    }
                                }
                            }
                            asked_for_step = false;
                        }
                        Role::Unknown => {}
                    }
                }
            }
        }
    }
    out
}

/// Adds each not-yet-seen tag found in `text`, ordered by where it occurs.
fn collect_tags(text: &str, table: Table, seen: &mut [bool], out: &mut Vec<TagSuggestion>) {
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for (i, (_, keywords)) in table.iter().enumerate() {
        if seen[i] {
            continue;
        }
        if let Some((pos, _, kw)) = find_any(text, keywords) {
            found.push((pos, i, kw));
        }
    }
    found.sort();
    for (_, i, kw) in found {
        seen[i] = true;
        out.push(TagSuggestion {
            tag: table[i].0.to_string(),
            evidence: kw.to_string(),
        });
    }
}

// ---------------------------------------------------------------------------
// Homework
// ---------------------------------------------------------------------------

fn clinician_task(sentence: &str) -> Option<String> {
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

fn client_task(sentence: &str) -> Option<String> {
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

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '!' | '?' | ',' | ';' | '…' | '—' | '-')
    })
}

/// Splits on `.`, `!`, `?` followed by whitespace, and on blank lines,
/// keeping the punctuation. Titles like "Dr." do not end a sentence.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let end = match c {
            '.' | '!' | '?' => {
                next.is_none_or(char::is_whitespace)
                    && !(c == '.' && ends_with_title(&text[start..i]))
            }
            '\n' => next == Some('\n'),
            _ => false,
        };
        if end {
            let stop = i + c.len_utf8();
            let s = text[start..stop].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = stop;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

fn ends_with_title(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    [
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "etc", "e.g", "i.e",
    ]
    .iter()
    .any(|t| word.eq_ignore_ascii_case(t))
}

// ---------------------------------------------------------------------------
// Loose matching on the original text
// ---------------------------------------------------------------------------
//
// Matching runs on the text as written (not on a lower-cased copy) so that
// returned positions are valid char boundaries of the original. Keywords are
// lower-case ASCII; curly apostrophes and hyphen variants fold to ASCII.

fn fold(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '′' => '\'',
        '‐' | '‑' | '‒' | '–' => '-',
        _ => c.to_ascii_lowercase(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// If `s` starts with `pat` (loosely) ending on a word boundary, the rest.
fn strip_prefix_loose<'a>(s: &'a str, pat: &str) -> Option<&'a str> {
    let end = match_at(s, 0, pat)?;
    Some(&s[end..])
}

fn strip_suffix_loose<'a>(s: &'a str, pat: &str) -> Option<&'a str> {
    let n = pat.chars().count();
    let (start, _) = s.char_indices().rev().nth(n.checked_sub(1)?)?;
    if s[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    match_at(s, start, pat).filter(|&e| e == s.len())?;
    Some(&s[..start])
}

/// Matches `pat` at byte `start` of `s`; returns the end byte if the match
/// ends on a word boundary.
fn match_at(s: &str, start: usize, pat: &str) -> Option<usize> {
    let mut it = s.get(start..)?.char_indices();
    let mut end = start;
    for p in pat.chars() {
        let (i, c) = it.next()?;
        if fold(c) != p {
            return None;
        }
        end = start + i + c.len_utf8();
    }
    let next = s[end..].chars().next();
    let last_is_word = pat.chars().next_back().is_some_and(is_word_char);
    if last_is_word && next.is_some_and(is_word_char) {
        return None;
    }
    Some(end)
}

/// Earliest word-bounded occurrence of any pattern: (start, end, pattern).
/// On a tie the longer pattern wins.
fn find_any<'p>(s: &str, pats: &[&'p str]) -> Option<(usize, usize, &'p str)> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if !prev.is_some_and(is_word_char) || !is_word_char(c) {
            let f = fold(c);
            let best = pats
                .iter()
                .filter(|p| p.starts_with(f))
                .filter_map(|p| match_at(s, i, p).map(|e| (e, *p)))
                .max_by_key(|&(e, _)| e);
            if let Some((e, p)) = best {
                return Some((i, e, p));
            }
        }
        prev = Some(c);
    }
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::transcript::parse;

    const SAMPLE: &str = include_str!("../../tests/fixtures/session-14-of-24.txt");

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
    fn sample_themes() {
        let s = suggest(&parse(SAMPLE).unwrap());
        assert_eq!(
            tags(&s.themes),
            vec![
                ("anxiety", "anxious"),
                ("work stress", "deadlines"),
                ("perfectionism", "good enough"),
                ("core beliefs", "core beliefs"),
                ("fear of failure", "fear of failure"),
                ("sleep", "sleep"),
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
    fn word_boundaries_and_folding() {
        assert_eq!(find_any("unworried", &["worried"]), None);
        assert_eq!(find_any("Worried.", &["worried"]), Some((0, 7, "worried")));
        assert_eq!(
            find_any("a 5–4–3–2–1 drill", &["5-4-3-2-1"]).map(|x| x.2),
            Some("5-4-3-2-1")
        );
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

    proptest::proptest! {
        #[test]
        fn arbitrary_turns_never_panic(
            items in proptest::collection::vec((0u8..4, "(?s).{0,200}"), 0..12)
        ) {
            use crate::model::transcript::{Header, Segment};
            let items = items
                .into_iter()
                .map(|(k, text)| match k {
                    0 => Item::Direction(text),
                    1 => Item::Turn { speaker: "A".into(), role: Role::Clinician, text },
                    2 => Item::Turn { speaker: "B".into(), role: Role::Client, text },
                    _ => Item::Turn { speaker: "C".into(), role: Role::Unknown, text },
                })
                .collect();
            let t = Transcript {
                header: Header::default(),
                segments: vec![Segment { mark: None, items }],
                end: None,
                ended: false,
            };
            let _ = suggest(&t);
        }
    }

    #[test]
    fn non_ascii_never_panics() {
        let src = "Therapist: 今週は、i’d like you to 書く。 This week, try — “ÉÉÉ”… \
                   Before our next session, ж.\n\nClient: I will ÿ̈ ✓.\n";
        let _ = suggest(&parse(src).unwrap());
    }
}
