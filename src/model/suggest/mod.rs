//! Suggestions for the session note: intervention and theme tags from the
//! app's vocabulary, and homework the client agreed to or was given.
//!
//! Everything is keyword based and deliberately conservative: the clinician
//! confirms each suggestion, so a miss costs a click while a wrong
//! suggestion costs trust.

mod homework;
mod matching;

use super::tags::{INTERVENTIONS, THEMES, Term};
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
fn collect_tags(text: &str, table: &[Term], seen: &mut [bool], out: &mut Vec<TagSuggestion>) {
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for (i, term) in table.iter().enumerate() {
        if seen[i] {
            continue;
        }
        if let Some((pos, _, kw)) = find_any(text, term.keywords) {
            found.push((pos, i, kw));
        }
    }
    found.sort();
    for (_, i, kw) in found {
        seen[i] = true;
        out.push(TagSuggestion {
            tag: table[i].name.to_string(),
            evidence: kw.to_string(),
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
