//! One session's assignments: each task as agreed, the list the clinician
//! orders, and a first draft from a homework idea noted during the session.

use super::HomeworkKind;
use crate::model::wording::capitalised;
use crate::model::{InputError, parse_bounded};
use serde::{Deserialize, Serialize};

/// Below this self-rated likelihood the task is usually too big to get done.
const LIKELIHOOD_THRESHOLD: u8 = 70;

/// One task agreed in a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Assignment {
    pub id: String,
    pub task: String,
    pub kind: HomeworkKind,
    /// Rationale agreed with the client; it is what keeps the task alive.
    pub why: String,
    /// When / how often.
    pub when: String,
    /// Client's own estimate (0–100) that they will do it.
    pub likelihood: Option<u8>,
    /// Expected obstacles, planned for in session.
    pub obstacles: String,
}

impl Assignment {
    pub fn new(id: impl Into<String>, task: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            task: task.into(),
            ..Self::default()
        }
    }

    pub fn likelihood_hint(&self) -> Option<&'static str> {
        match self.likelihood {
            Some(l) if l < LIKELIHOOD_THRESHOLD => Some("Below 70: consider making it smaller."),
            _ => None,
        }
    }
}

/// Parses the likelihood field as typed; an empty field means "not asked".
pub fn parse_likelihood(input: &str) -> Result<Option<u8>, InputError> {
    // At most 100, so the narrowing cannot truncate.
    parse_bounded(input, "Likelihood", 100).map(|n| n.map(|n| n as u8))
}

/// An assignment taken out of a [`HomeworkList`], kept so it can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RemovedAssignment {
    pub index: usize,
    pub assignment: Assignment,
}

/// The assignments agreed in one session, in the order the clinician wants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HomeworkList {
    pub items: Vec<Assignment>,
}

impl HomeworkList {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends the assignment. Refused (returns false) when its id is
    /// already used, since reviews refer to assignments by id.
    pub fn add(&mut self, assignment: Assignment) -> bool {
        if self.position(&assignment.id).is_some() {
            return false;
        }
        self.items.push(assignment);
        true
    }

    pub fn get(&self, id: &str) -> Option<&Assignment> {
        self.items.iter().find(|a| a.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Assignment> {
        self.items.iter_mut().find(|a| a.id == id)
    }

    /// Returns whether anything moved (false at the top or for unknown ids).
    pub fn move_up(&mut self, id: &str) -> bool {
        match self.position(id) {
            Some(i) if i > 0 => {
                self.items.swap(i, i - 1);
                true
            }
            _ => false,
        }
    }

    /// Returns whether anything moved (false at the bottom or for unknown ids).
    pub fn move_down(&mut self, id: &str) -> bool {
        match self.position(id) {
            Some(i) if i + 1 < self.items.len() => {
                self.items.swap(i, i + 1);
                true
            }
            _ => false,
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<RemovedAssignment> {
        let index = self.position(id)?;
        Some(RemovedAssignment {
            index,
            assignment: self.items.remove(index),
        })
    }

    /// Undoes [`Self::remove`], putting the assignment back where it was
    /// (or last, if the list has since shrunk). Returns false, changing
    /// nothing, if an assignment with that id is already present, so a
    /// double undo cannot duplicate it.
    pub fn restore(&mut self, removed: RemovedAssignment) -> bool {
        if self.position(&removed.assignment.id).is_some() {
            return false;
        }
        let index = removed.index.min(self.items.len());
        self.items.insert(index, removed.assignment);
        true
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Assignment> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|a| a.id == id)
    }
}

impl<'a> IntoIterator for &'a HomeworkList {
    type Item = &'a Assignment;
    type IntoIter = std::slice::Iter<'a, Assignment>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Keyword stems per kind, checked in this order; the first hit wins.
const KIND_KEYWORDS: &[(HomeworkKind, &[&str])] = &[
    (
        HomeworkKind::ThoughtRecord,
        &["thought record", "record thoughts"],
    ),
    (HomeworkKind::Exposure, &["exposure", "face", "approach"]),
    (HomeworkKind::SleepRoutine, &["sleep", "bedtime"]),
    (
        HomeworkKind::MindfulnessGrounding,
        &["mindful", "grounding", "breathing", "meditat"],
    ),
    (
        HomeworkKind::BehaviouralActivation,
        &["activity", "schedule", "walk", "plan a"],
    ),
];

/// Turns a "homework idea" noted on the session timeline into an assignment
/// the clinician can then refine. The kind is only a guess.
pub fn assignment_from_idea(id: String, idea: &str) -> Assignment {
    let task = capitalised(strip_idea_prefix(idea.trim()));
    let kind = guess_kind(&task);
    Assignment {
        id,
        task,
        kind,
        ..Assignment::default()
    }
}

fn strip_idea_prefix(idea: &str) -> &str {
    for prefix in ["homework:", "hw:"] {
        if let Some(head) = idea.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            return idea[prefix.len()..].trim_start();
        }
    }
    idea
}

fn guess_kind(task: &str) -> HomeworkKind {
    let lower = task.to_lowercase();
    KIND_KEYWORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| contains_at_word_start(&lower, w)))
        .map_or(HomeworkKind::Other, |(kind, _)| *kind)
}

/// Keywords are stems ("meditat", "walk"), so they may run on into a longer
/// word, but must start one: "face" should not fire on "surface".
fn contains_at_word_start(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        haystack[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}
