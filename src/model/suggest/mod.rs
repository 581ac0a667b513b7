//! Suggestions for the session note: intervention and theme tags from the
//! app's vocabulary, homework the client agreed to or was given, and how
//! last session's homework went.
//!
//! Everything is keyword based and deliberately conservative: the clinician
//! confirms each suggestion, so a miss costs a click while a wrong
//! suggestion costs trust.

mod homework;
mod matching;
mod review;

use super::homework::Completion;
use super::tags::{INTERVENTIONS, THEMES, Term};
use super::transcript::{Item, Role, Transcript};
use chrono::NaiveTime;
use homework::{client_task, clinician_task, is_step_question};
use matching::{find_any, sentences};
use review::Reviews;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSuggestion {
    pub tag: String,
    /// The phrase that triggered the tag, as written.
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

/// Last session's homework as the conversation reviewed it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewSuggestion {
    /// The task as the clinician named it when asking about it.
    pub task: String,
    /// Only when the client's words support a guess.
    pub completion: Option<Completion>,
    /// On how many days the client did it, if they said.
    pub days: Option<u8>,
    /// The client's sentence about what got in the way, as written.
    pub obstacle: Option<String>,
    pub mark: Option<NaiveTime>,
    /// The clinician's question, as written.
    pub quote: String,
    /// The client's first sentence in reply, as written.
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Suggestions {
    pub interventions: Vec<TagSuggestion>,
    pub themes: Vec<TagSuggestion>,
    pub homework: Vec<HomeworkSuggestion>,
    pub reviews: Vec<ReviewSuggestion>,
}

pub fn suggest(t: &Transcript) -> Suggestions {
    let mut out = Suggestions::default();
    let mut seen_interventions = vec![false; INTERVENTIONS.len()];
    let mut seen_themes = vec![false; THEMES.len()];
    // Whether the most recent clinician turn asked about a step or goal.
    let mut asked_for_step = false;
    let mut reviews = Reviews::default();

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
                            reviews.clinician(text, seg.mark);
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
                            reviews.client(text);
                            for s in sentences(text) {
                                if let Some(task) = client_task(s, asked_for_step) {
                                    out.homework.push(HomeworkSuggestion {
                                        task,
                                        source: HomeworkSource::Client,
                                        mark: seg.mark,
                                        quote: s.to_string(),
                                    });
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
    out.reviews = reviews.found;
    out
}

/// Adds each not-yet-seen tag found in `text`, ordered by where it occurs.
fn collect_tags(text: &str, table: &[Term], seen: &mut [bool], out: &mut Vec<TagSuggestion>) {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (i, term) in table.iter().enumerate() {
        if seen[i] {
            continue;
        }
        if let Some((start, end, _)) = find_any(text, term.keywords) {
            found.push((start, i, end));
        }
    }
    found.sort();
    for (start, i, end) in found {
        seen[i] = true;
        out.push(TagSuggestion {
            tag: table[i].name.to_string(),
            evidence: text[start..end].to_string(),
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
