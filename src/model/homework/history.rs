//! Each assignment's course across sessions, rebuilt from the session records,
//! and how well homework gets done over a course of treatment.

use super::{Assignment, Completion, HomeworkKind, Review};
use crate::model::{Choice, order};
use serde::{Deserialize, Serialize};

/// One session's homework as stored in its record: what was agreed in it and
/// which earlier assignments it reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SessionHomework<'a> {
    pub session_id: &'a str,
    pub number: u32,
    pub assigned: &'a [Assignment],
    pub reviews: &'a [Review],
}

/// A review together with the session it was recorded in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntry {
    pub session_id: String,
    pub number: u32,
    pub review: Review,
}

impl HistoryEntry {
    /// One line of an assignment's history: "Session 13: Partly · Carry over".
    pub fn summary(&self) -> String {
        let r = &self.review;
        let mut parts: Vec<String> = Vec::new();
        if let Some(c) = r.completion {
            parts.push(c.label().to_string());
        }
        if let Some(d) = r.decision {
            parts.push(d.label().to_string());
        }
        if !r.obstacles.is_empty() {
            let mut got = r
                .obstacles
                .iter()
                .map(|o| o.label().to_string())
                .collect::<Vec<_>>();
            if !r.obstacle_other.trim().is_empty() {
                got.push(r.obstacle_other.trim().to_string());
            }
            parts.push(format!("in the way: {}", got.join(", ")));
        }
        if !r.learned.trim().is_empty() {
            parts.push(format!("learned: {}", r.learned.trim()));
        }
        format!("Session {}: {}", self.number, parts.join(" · "))
    }
}

/// The whole course of one assignment across sessions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AssignmentHistory {
    pub assignment: Assignment,
    pub assigned_in: u32,
    pub assigned_session_id: String,
    /// In session order; reviews after closing are kept, nothing is lost.
    pub reviews: Vec<HistoryEntry>,
    /// Number of the first session whose review closed it.
    pub closed_in: Option<u32>,
}

impl AssignmentHistory {
    pub fn is_open(&self) -> bool {
        self.closed_in.is_none()
    }

    /// The most recent completion recorded; reviews that left completion
    /// empty (e.g. only a decision) do not erase an earlier answer.
    pub fn last_completion(&self) -> Option<Completion> {
        self.reviews.iter().rev().find_map(|e| e.review.completion)
    }

    /// The latest session before session `number` that reviewed it.
    pub fn last_reviewed_before(&self, number: u32) -> Option<u32> {
        self.reviews
            .iter()
            .map(|e| e.number)
            .filter(|&n| n < number)
            .max()
    }

    fn refresh_closed_in(&mut self) {
        self.closed_in = self
            .reviews
            .iter()
            .find(|e| e.review.closes())
            .map(|e| e.number);
    }
}

/// Rebuilds every assignment's course from all of a client's sessions.
///
/// A review in session S belongs to the most recently assigned assignment
/// with its id from a session numbered below S, so ids only need to be
/// unique per session. Reviews matching nothing are ignored.
pub fn histories(sessions: &[SessionHomework]) -> Vec<AssignmentHistory> {
    let mut ordered: Vec<&SessionHomework> = sessions.iter().collect();
    order::sort_by_key(&mut ordered, |s| s.number);

    let mut out: Vec<AssignmentHistory> = Vec::new();
    for session in ordered {
        // Reviews first: they can only refer to earlier sessions' assignments.
        for review in session.reviews {
            let target = out.iter_mut().rev().find(|h| {
                h.assignment.id == review.assignment_id && h.assigned_in < session.number
            });
            if let Some(history) = target {
                history.reviews.push(HistoryEntry {
                    session_id: session.session_id.to_string(),
                    number: session.number,
                    review: review.clone(),
                });
            }
        }
        for assignment in session.assigned {
            out.push(AssignmentHistory {
                assignment: assignment.clone(),
                assigned_in: session.number,
                assigned_session_id: session.session_id.to_string(),
                reviews: Vec::new(),
                closed_in: None,
            });
        }
    }
    for history in &mut out {
        history.refresh_closed_in();
    }
    out
}

/// What session `current_number` lists under "Homework review".
///
/// Each history is cut to reviews up to and including the current session,
/// so a past session's form shows the state as of that session and not
/// what happened later.
pub fn due_for_review(sessions: &[SessionHomework], current_number: u32) -> Vec<AssignmentHistory> {
    histories(sessions)
        .into_iter()
        .filter(|h| h.assigned_in < current_number)
        .filter_map(|mut h| {
            h.reviews.retain(|e| e.number <= current_number);
            let closed_before = h
                .reviews
                .iter()
                .any(|e| e.number < current_number && e.review.closes());
            // Keep what is being reviewed now, even once this review closes it.
            let reviewed_now = h.reviews.iter().any(|e| e.number == current_number);
            h.refresh_closed_in();
            (!closed_before || reviewed_now).then_some(h)
        })
        .collect()
}

/// `due` (as [`due_for_review`] lists them for session `current_number`),
/// each with whether it opens unfolded. First comes homework agreed or
/// reviewed in the latest earlier session that did either (what today's
/// session follows up), unfolded; then homework left untouched since an
/// older session, folded under its task one tap away, so the review of a
/// long course stays a short page. Reviewing an older one in this session
/// unfolds it but leaves it in its place: nothing moves while being filled in.
pub fn unfolded_first(
    due: Vec<AssignmentHistory>,
    current_number: u32,
) -> Vec<(AssignmentHistory, bool)> {
    let touched = |h: &AssignmentHistory| {
        h.last_reviewed_before(current_number)
            .map_or(h.assigned_in, |n| n.max(h.assigned_in))
    };
    let latest = due.iter().map(touched).max();
    let mut shown: Vec<_> = due
        .into_iter()
        .map(|h| (Some(touched(&h)) == latest, h))
        .collect();
    order::sort_by_key(&mut shown, |(followed_up, _)| !followed_up);
    shown
        .into_iter()
        .map(|(followed_up, h)| {
            let reviewed_now = h.reviews.iter().any(|e| e.number == current_number);
            (h, followed_up || reviewed_now)
        })
        .collect()
}

/// How well homework gets done, counting each assignment once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Adherence {
    pub assigned: usize,
    pub open: usize,
    pub closed: usize,
    /// Assignments with a recorded completion; equals done + partly + not_done.
    pub reviewed: usize,
    pub done: usize,
    pub partly: usize,
    pub not_done: usize,
}

impl Adherence {
    /// Done / reviewed; `None` when nothing has been reviewed yet, so an
    /// empty course is not shown as 0 %.
    pub fn completion_rate(&self) -> Option<f64> {
        (self.reviewed > 0).then(|| self.done as f64 / self.reviewed as f64)
    }

    pub fn percent_label(&self) -> String {
        match self.completion_rate() {
            Some(rate) => format!("{}%", (rate * 100.0).round() as u32),
            None => "—".to_string(),
        }
    }

    fn count(&mut self, history: &AssignmentHistory) {
        self.assigned += 1;
        if history.is_open() {
            self.open += 1;
        } else {
            self.closed += 1;
        }
        if let Some(completion) = history.last_completion() {
            self.reviewed += 1;
            match completion {
                Completion::Done => self.done += 1,
                Completion::Partly => self.partly += 1,
                Completion::NotDone => self.not_done += 1,
            }
        }
    }
}

/// Overall adherence; each assignment counts by its last recorded completion.
pub fn adherence(histories: &[AssignmentHistory]) -> Adherence {
    let mut total = Adherence::default();
    for history in histories {
        total.count(history);
    }
    total
}

/// Adherence per homework type, only for types that occur, in
/// [`HomeworkKind::ALL`] order.
pub fn adherence_by_type(histories: &[AssignmentHistory]) -> Vec<(HomeworkKind, Adherence)> {
    HomeworkKind::ALL
        .iter()
        .filter_map(|&kind| {
            let mut per_kind = Adherence::default();
            for history in histories.iter().filter(|h| h.assignment.kind == kind) {
                per_kind.count(history);
            }
            (per_kind.assigned > 0).then_some((kind, per_kind))
        })
        .collect()
}
