//! Suggestions for the session note: intervention and theme tags from the
//! app's vocabulary, and homework the client agreed to or was given.
//!
//! Everything is keyword based and deliberately conservative: the clinician
//! confirms each suggestion, so a miss costs a click while a wrong
//! suggestion costs trust.

mod homework;
mod matching;

use super::transcript::{Item, Role, Transcript};
use chrono::NaiveTime;
use homework::{client_task, clinician_task, is_step_question};
use matching::{find_any, sentences};
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
                                if is_step_question(s) {
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
