//! Homework between therapy sessions.
//!
//! An assignment agreed in session N is reviewed in session N+1 (and later,
//! if it is carried over). Each review lives in the record of the session
//! that did the reviewing; older session records are never rewritten, so the
//! full course of an assignment is rebuilt here from all sessions together.

use super::choice::choice_enum;
use super::{Choice, InputError, parse_bounded};
use serde::{Deserialize, Serialize};

choice_enum! {
    /// What kind of between-session task this is.
    #[derive(Default)]
    HomeworkKind {
        ThoughtRecord => "thought_record", "Thought record";
        BehaviouralActivation => "behavioural_activation", "Behavioural activation";
        Exposure => "exposure", "Exposure";
        MindfulnessGrounding => "mindfulness_grounding", "Mindfulness / grounding practice";
        SleepRoutine => "sleep_routine", "Sleep routine";
        #[default]
        Other => "other", "Other";
    }
}

choice_enum! {
    /// How much of the assignment the client managed.
    Completion {
        NotDone => "not_done", "Not done";
        Partly => "partly", "Partly";
        Done => "done", "Done";
    }
}

choice_enum! {
    /// Why an assignment was not (fully) done.
    Obstacle {
        Forgot => "forgot", "Forgot";
        Avoidance => "avoidance", "Avoidance";
        DidntUnderstand => "didnt_understand", "Didn't understand";
        NotImportant => "not_important", "Not important";
        NoTime => "no_time", "No time";
        Other => "other", "Other";
    }
}

choice_enum! {
    /// What happens to the assignment after this review.
    Decision {
        Continue => "continue", "Continue";
        Modify => "modify", "Modify";
        CarryOver => "carry_over", "Carry over";
        Drop => "drop", "Drop";
    }
}

choice_enum! {
    /// Which assignments a history view shows.
    #[derive(Default)]
    HistoryFilter {
        #[default]
        All => "all", "All";
        Open => "open", "Open";
        Closed => "closed", "Closed";
    }
}

impl HistoryFilter {
    pub fn matches(self, history: &AssignmentHistory) -> bool {
        match self {
            Self::All => true,
            Self::Open => history.is_open(),
            Self::Closed => !history.is_open(),
        }
    }
}

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

/// A review of one assignment, stored in the reviewing session's record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub assignment_id: String,
    pub completion: Option<Completion>,
    pub obstacles: Vec<Obstacle>,
    /// Free text for [`Obstacle::Other`].
    pub obstacle_other: String,
    pub learned: String,
    pub decision: Option<Decision>,
}

impl Review {
    pub fn new(assignment_id: impl Into<String>) -> Self {
        Self {
            assignment_id: assignment_id.into(),
            ..Self::default()
        }
    }

    /// Whether the assignment is finished after this review. A done task
    /// that the clinician explicitly keeps going stays open.
    pub fn closes(&self) -> bool {
        match self.decision {
            Some(Decision::Drop) => true,
            Some(Decision::Continue | Decision::Modify | Decision::CarryOver) => false,
            None => self.completion == Some(Completion::Done),
        }
    }

    /// False while the review is still "not reviewed yet".
    pub fn is_started(&self) -> bool {
        self.completion.is_some() || self.decision.is_some()
    }

    /// Checkbox behaviour; the list is kept in [`Obstacle::ALL`] order so
    /// the same set always reads the same way.
    pub fn toggle_obstacle(&mut self, obstacle: Obstacle) {
        if let Some(pos) = self.obstacles.iter().position(|o| *o == obstacle) {
            self.obstacles.remove(pos);
        } else {
            self.obstacles.push(obstacle);
            self.obstacles.sort_by_key(|o| obstacle_rank(*o));
        }
    }
}

fn obstacle_rank(o: Obstacle) -> usize {
    Obstacle::ALL
        .iter()
        .position(|x| *x == o)
        .unwrap_or(usize::MAX)
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
    let task = capitalise_first(strip_idea_prefix(idea.trim()));
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

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
    ordered.sort_by_key(|s| s.number);

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

#[cfg(test)]
mod tests {
    use super::*;

    fn review(id: &str, completion: Option<Completion>, decision: Option<Decision>) -> Review {
        Review {
            completion,
            decision,
            ..Review::new(id)
        }
    }

    fn session<'a>(
        number: u32,
        session_id: &'a str,
        assigned: &'a [Assignment],
        reviews: &'a [Review],
    ) -> SessionHomework<'a> {
        SessionHomework {
            session_id,
            number,
            assigned,
            reviews,
        }
    }

    fn ids(histories: &[AssignmentHistory]) -> Vec<&str> {
        histories.iter().map(|h| h.assignment.id.as_str()).collect()
    }

    // ---- enums ----

    fn check_keys<T: Copy + PartialEq + std::fmt::Debug + Serialize>(
        all: &[T],
        key: fn(T) -> &'static str,
        from_key: fn(&str) -> Option<T>,
    ) {
        for &v in all {
            assert_eq!(from_key(key(v)), Some(v));
            assert_eq!(key(v), key(v).to_lowercase());
            // Storage uses the same key as the select controls.
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!("\"{}\"", key(v))
            );
        }
        assert_eq!(from_key("nonsense"), None);
    }

    #[test]
    fn enum_keys_round_trip_and_match_serde() {
        check_keys(HomeworkKind::ALL, HomeworkKind::key, HomeworkKind::from_key);
        check_keys(Completion::ALL, Completion::key, Completion::from_key);
        check_keys(Obstacle::ALL, Obstacle::key, Obstacle::from_key);
        check_keys(Decision::ALL, Decision::key, Decision::from_key);
        check_keys(
            HistoryFilter::ALL,
            HistoryFilter::key,
            HistoryFilter::from_key,
        );
    }

    #[test]
    fn enum_labels() {
        let labels: Vec<_> = HomeworkKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            [
                "Thought record",
                "Behavioural activation",
                "Exposure",
                "Mindfulness / grounding practice",
                "Sleep routine",
                "Other"
            ]
        );
        let labels: Vec<_> = Completion::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(labels, ["Not done", "Partly", "Done"]);
        let labels: Vec<_> = Obstacle::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            [
                "Forgot",
                "Avoidance",
                "Didn't understand",
                "Not important",
                "No time",
                "Other"
            ]
        );
        let labels: Vec<_> = Decision::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(labels, ["Continue", "Modify", "Carry over", "Drop"]);
        assert_eq!(HomeworkKind::default(), HomeworkKind::Other);
        assert_eq!(HistoryFilter::default(), HistoryFilter::All);
    }

    // ---- assignment fields ----

    #[test]
    fn parse_likelihood_bounds() {
        let err = Err(InputError::OutOfRange {
            what: "Likelihood",
            max: 100,
        });
        assert_eq!(parse_likelihood(""), Ok(None));
        assert_eq!(parse_likelihood("   "), Ok(None));
        assert_eq!(parse_likelihood("0"), Ok(Some(0)));
        assert_eq!(parse_likelihood("100"), Ok(Some(100)));
        assert_eq!(parse_likelihood(" 85 "), Ok(Some(85)));
        assert_eq!(parse_likelihood("101"), err);
        assert_eq!(parse_likelihood("-1"), err);
        assert_eq!(parse_likelihood("x"), err);
        assert_eq!(parse_likelihood("7.5"), err);
        assert_eq!(parse_likelihood("1000"), err);
    }

    #[test]
    fn likelihood_hint_threshold() {
        let mut a = Assignment::new("a", "Walk");
        assert_eq!(a.likelihood_hint(), None);
        a.likelihood = Some(69);
        assert_eq!(
            a.likelihood_hint(),
            Some("Below 70: consider making it smaller.")
        );
        a.likelihood = Some(70);
        assert_eq!(a.likelihood_hint(), None);
        a.likelihood = Some(0);
        assert!(a.likelihood_hint().is_some());
    }

    #[test]
    fn idea_prefix_stripping_and_capitalising() {
        let a = assignment_from_idea("x".into(), "  Homework: notice   ");
        assert_eq!(a.id, "x");
        assert_eq!(a.task, "Notice");
        assert_eq!(
            assignment_from_idea("x".into(), "HW:call mum").task,
            "Call mum"
        );
        assert_eq!(
            assignment_from_idea("x".into(), "hw: call mum").task,
            "Call mum"
        );
        assert_eq!(
            assignment_from_idea("x".into(), "homework: call mum").task,
            "Call mum"
        );
        // The prefix is only removed at the start.
        assert_eq!(
            assignment_from_idea("x".into(), "review the HW: sheet").task,
            "Review the HW: sheet"
        );
        assert_eq!(assignment_from_idea("x".into(), "élan").task, "Élan");
        assert_eq!(assignment_from_idea("x".into(), "  ").task, "");
        assert_eq!(assignment_from_idea("x".into(), "HW:").task, "");
    }

    #[test]
    fn idea_kind_guessing() {
        let kind = |idea: &str| assignment_from_idea("x".into(), idea).kind;
        assert_eq!(
            kind("Thought record after arguments"),
            HomeworkKind::ThoughtRecord
        );
        assert_eq!(
            kind("HW: record thoughts at work"),
            HomeworkKind::ThoughtRecord
        );
        assert_eq!(kind("Exposure: supermarket queue"), HomeworkKind::Exposure);
        assert_eq!(kind("Face the lift twice"), HomeworkKind::Exposure);
        assert_eq!(kind("approach a colleague"), HomeworkKind::Exposure);
        assert_eq!(kind("Same bedtime every night"), HomeworkKind::SleepRoutine);
        assert_eq!(kind("sleep diary"), HomeworkKind::SleepRoutine);
        assert_eq!(kind("Mindful eating"), HomeworkKind::MindfulnessGrounding);
        assert_eq!(
            kind("5-4-3-2-1 grounding"),
            HomeworkKind::MindfulnessGrounding
        );
        assert_eq!(
            kind("Breathing exercise"),
            HomeworkKind::MindfulnessGrounding
        );
        assert_eq!(kind("meditation app"), HomeworkKind::MindfulnessGrounding);
        assert_eq!(
            kind("Pleasant activity daily"),
            HomeworkKind::BehaviouralActivation
        );
        assert_eq!(
            kind("Schedule the week"),
            HomeworkKind::BehaviouralActivation
        );
        assert_eq!(kind("walk 10 min"), HomeworkKind::BehaviouralActivation);
        assert_eq!(kind("Plan a call"), HomeworkKind::BehaviouralActivation);
        assert_eq!(kind("Call mum"), HomeworkKind::Other);
        // Keywords must start a word.
        assert_eq!(kind("Polish the surface"), HomeworkKind::Other);
        // The earlier kind wins when several match.
        assert_eq!(
            kind("Record thoughts before bedtime"),
            HomeworkKind::ThoughtRecord
        );
    }

    // ---- review ----

    #[test]
    fn review_closing_rules() {
        use Completion::*;
        use Decision::*;
        assert!(review("a", Some(Done), None).closes());
        assert!(!review("a", Some(Done), Some(Continue)).closes());
        assert!(!review("a", Some(Done), Some(Modify)).closes());
        assert!(!review("a", Some(Done), Some(CarryOver)).closes());
        for completion in [None, Some(NotDone), Some(Partly), Some(Done)] {
            assert!(review("a", completion, Some(Drop)).closes());
        }
        assert!(!review("a", Some(Partly), None).closes());
        assert!(!review("a", Some(NotDone), None).closes());
        let empty = Review::new("a");
        assert!(!empty.closes());
        assert!(!empty.is_started());
        assert!(review("a", None, Some(Continue)).is_started());
        assert!(review("a", Some(NotDone), None).is_started());
    }

    #[test]
    fn toggle_obstacle_adds_removes_and_keeps_order() {
        let mut r = Review::new("a");
        r.toggle_obstacle(Obstacle::NoTime);
        r.toggle_obstacle(Obstacle::Forgot);
        assert_eq!(r.obstacles, [Obstacle::Forgot, Obstacle::NoTime]);
        r.toggle_obstacle(Obstacle::NoTime);
        assert_eq!(r.obstacles, [Obstacle::Forgot]);
        r.toggle_obstacle(Obstacle::Forgot);
        assert!(r.obstacles.is_empty());
    }

    // ---- list ----

    fn list_of(ids: &[&str]) -> HomeworkList {
        let mut list = HomeworkList::new();
        for id in ids {
            assert!(list.add(Assignment::new(*id, format!("task {id}"))));
        }
        list
    }

    fn list_ids(list: &HomeworkList) -> Vec<&str> {
        list.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn list_add_get_and_duplicates() {
        let mut list = HomeworkList::default();
        assert!(list.is_empty());
        assert!(list.add(Assignment::new("a", "one")));
        assert!(!list.add(Assignment::new("a", "again")));
        assert_eq!(list.len(), 1);
        list.get_mut("a").unwrap().task = "edited".into();
        assert_eq!(list.get("a").unwrap().task, "edited");
        assert!(list.get_mut("zz").is_none());
    }

    #[test]
    fn list_reorder_stops_at_ends() {
        let mut list = list_of(&["a", "b", "c"]);
        assert!(!list.move_up("a"));
        assert!(!list.move_down("c"));
        assert!(!list.move_up("missing"));
        assert_eq!(list_ids(&list), ["a", "b", "c"]);
        assert!(list.move_up("c"));
        assert_eq!(list_ids(&list), ["a", "c", "b"]);
        assert!(list.move_down("a"));
        assert_eq!(list_ids(&list), ["c", "a", "b"]);
        assert!(!list.move_up("c"));
        assert!(!list.move_down("b"));
    }

    #[test]
    fn list_remove_and_restore_at_original_index() {
        let mut list = list_of(&["a", "b", "c"]);
        let removed = list.remove("b").unwrap();
        assert_eq!(removed.index, 1);
        assert_eq!(list_ids(&list), ["a", "c"]);
        assert!(list.restore(removed.clone()));
        assert_eq!(list_ids(&list), ["a", "b", "c"]);
        assert_eq!(list.get("b").unwrap().task, "task b");
        // A second undo must not duplicate it.
        assert!(!list.restore(removed));
        assert_eq!(list.len(), 3);
        assert!(list.remove("missing").is_none());

        // If the list shrank meanwhile, it comes back last.
        let removed = list.remove("c").unwrap();
        list.remove("b").unwrap();
        assert!(list.restore(removed));
        assert_eq!(list_ids(&list), ["a", "c"]);
    }

    // ---- across sessions ----

    #[test]
    fn journey_two_assignments() {
        use Completion::*;
        let s1 = [
            Assignment::new("A", "Walk"),
            Assignment::new("B", "Thought record"),
        ];
        let s2_reviews = [
            review("A", Some(Done), None),
            review("B", Some(Partly), Some(Decision::CarryOver)),
        ];

        // Before session 2 has recorded anything.
        let before = [session(1, "s1", &s1, &[]), session(2, "s2", &[], &[])];
        assert_eq!(ids(&due_for_review(&before, 2)), ["A", "B"]);

        let sessions = [
            session(1, "s1", &s1, &[]),
            session(2, "s2", &[], &s2_reviews),
        ];
        // Marking A done in session 2 does not drop it from session 2's form.
        let due2 = due_for_review(&sessions, 2);
        assert_eq!(ids(&due2), ["A", "B"]);
        assert_eq!(due2[0].closed_in, Some(2));
        assert_eq!(ids(&due_for_review(&sessions, 3)), ["B"]);

        let all = histories(&sessions);
        assert_eq!(ids(&all), ["A", "B"]);
        assert_eq!(all[0].assigned_in, 1);
        assert_eq!(all[0].assigned_session_id, "s1");
        assert_eq!(all[0].closed_in, Some(2));
        assert!(!all[0].is_open());
        assert!(all[1].is_open());
        assert_eq!(all[1].closed_in, None);
        assert_eq!(all[1].reviews.len(), 1);
        assert_eq!(all[1].reviews[0].session_id, "s2");
        assert_eq!(all[1].reviews[0].number, 2);
        assert_eq!(all[1].reviews[0].review, s2_reviews[1]);
        assert_eq!(all[1].last_completion(), Some(Partly));

        let adh = adherence(&all);
        assert_eq!(
            adh,
            Adherence {
                assigned: 2,
                open: 1,
                closed: 1,
                reviewed: 2,
                done: 1,
                partly: 1,
                not_done: 0,
            }
        );
        assert_eq!(adh.completion_rate(), Some(0.5));
        assert_eq!(adh.percent_label(), "50%");
    }

    #[test]
    fn carried_over_then_done() {
        let s12 = [Assignment::new("hw", "Exposure ladder step 2")];
        let r13 = [review(
            "hw",
            Some(Completion::Partly),
            Some(Decision::CarryOver),
        )];
        let r14 = [review("hw", Some(Completion::Done), None)];
        let sessions = [
            session(12, "s12", &s12, &[]),
            session(13, "s13", &[], &r13),
            session(14, "s14", &[], &r14),
        ];
        let all = histories(&sessions);
        assert_eq!(all.len(), 1);
        let h = &all[0];
        let numbers: Vec<u32> = h.reviews.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [13, 14]);
        assert_eq!(h.reviews[0].review.completion, Some(Completion::Partly));
        assert_eq!(h.reviews[1].review.completion, Some(Completion::Done));
        assert_eq!(h.closed_in, Some(14));
        assert_eq!(h.last_completion(), Some(Completion::Done));

        assert!(due_for_review(&sessions, 15).is_empty());
        let due14 = due_for_review(&sessions, 14);
        assert_eq!(ids(&due14), ["hw"]);
        assert_eq!(due14[0].reviews.len(), 2);
        let due13 = due_for_review(&sessions, 13);
        assert_eq!(ids(&due13), ["hw"]);
        // Session 13's form shows the state as of session 13, not later.
        assert_eq!(due13[0].reviews.len(), 1);
        assert_eq!(due13[0].closed_in, None);
        assert!(due_for_review(&sessions, 12).is_empty());

        // Each assignment counts once, by its last review.
        let adh = adherence(&all);
        assert_eq!(
            (adh.assigned, adh.reviewed, adh.done, adh.partly),
            (1, 1, 1, 0)
        );
        assert_eq!(adh.percent_label(), "100%");
    }

    #[test]
    fn done_but_continued_stays_open_and_drop_closes() {
        let s1 = [
            Assignment::new("cont", "Walk"),
            Assignment::new("drop", "Diary"),
            Assignment::new("blank", "Call"),
        ];
        let r2 = [
            review("cont", Some(Completion::Done), Some(Decision::Continue)),
            review("drop", Some(Completion::NotDone), Some(Decision::Drop)),
            Review::new("blank"),
        ];
        let sessions = [session(1, "s1", &s1, &[]), session(2, "s2", &[], &r2)];
        let all = histories(&sessions);
        assert!(all[0].is_open());
        assert_eq!(all[1].closed_in, Some(2));
        assert!(all[2].is_open());
        // The blank review is kept but records no completion.
        assert_eq!(all[2].reviews.len(), 1);
        assert_eq!(all[2].last_completion(), None);
        assert_eq!(ids(&due_for_review(&sessions, 3)), ["cont", "blank"]);

        let adh = adherence(&all);
        assert_eq!(
            (adh.assigned, adh.open, adh.closed, adh.reviewed),
            (3, 2, 1, 2)
        );
        assert_eq!((adh.done, adh.not_done), (1, 1));
    }

    #[test]
    fn last_completion_survives_decision_only_review() {
        let s1 = [Assignment::new("a", "Walk")];
        let r2 = [review(
            "a",
            Some(Completion::Partly),
            Some(Decision::Modify),
        )];
        let r3 = [review("a", None, Some(Decision::Drop))];
        let sessions = [
            session(1, "s1", &s1, &[]),
            session(2, "s2", &[], &r2),
            session(3, "s3", &[], &r3),
        ];
        let all = histories(&sessions);
        assert_eq!(all[0].closed_in, Some(3));
        assert_eq!(all[0].last_completion(), Some(Completion::Partly));
    }

    #[test]
    fn reviews_after_closing_are_listed_and_shown_in_their_session() {
        let s1 = [Assignment::new("a", "Walk")];
        let r2 = [review("a", Some(Completion::Done), None)];
        let r3 = [review("a", Some(Completion::NotDone), None)];
        let sessions = [
            session(1, "s1", &s1, &[]),
            session(2, "s2", &[], &r2),
            session(3, "s3", &[], &r3),
        ];
        let all = histories(&sessions);
        assert_eq!(all[0].reviews.len(), 2);
        assert_eq!(all[0].closed_in, Some(2));
        assert_eq!(all[0].last_completion(), Some(Completion::NotDone));
        assert_eq!(ids(&due_for_review(&sessions, 3)), ["a"]);
        assert!(due_for_review(&sessions, 4).is_empty());
    }

    #[test]
    fn sessions_out_of_order_give_the_same_result() {
        let s1 = [Assignment::new("a", "Walk"), Assignment::new("b", "Sleep")];
        let s2 = [Assignment::new("c", "Diary")];
        let r2 = [review("b", Some(Completion::Done), None)];
        let r3 = [
            review("c", Some(Completion::NotDone), Some(Decision::Continue)),
            review("a", Some(Completion::Partly), None),
        ];
        let ordered = [
            session(1, "s1", &s1, &[]),
            session(2, "s2", &s2, &r2),
            session(3, "s3", &[], &r3),
        ];
        let shuffled = [ordered[2], ordered[0], ordered[1]];
        let all = histories(&shuffled);
        assert_eq!(all, histories(&ordered));
        assert_eq!(ids(&all), ["a", "b", "c"]);
        assert_eq!(all[0].reviews[0].number, 3);
        assert_eq!(ids(&due_for_review(&shuffled, 3)), ["a", "c"]);
        assert_eq!(ids(&due_for_review(&shuffled, 4)), ["a", "c"]);
    }

    #[test]
    fn unknown_and_misplaced_reviews_are_ignored() {
        let s1 = [Assignment::new("a", "Walk")];
        let r1 = [review("a", Some(Completion::Done), None)];
        let r2 = [review("ghost", Some(Completion::Done), None)];
        let sessions = [session(1, "s1", &s1, &r1), session(2, "s2", &[], &r2)];
        let all = histories(&sessions);
        assert_eq!(ids(&all), ["a"]);
        // A review cannot predate or coincide with the assignment.
        assert!(all[0].reviews.is_empty());
        assert!(all[0].is_open());
        assert_eq!(ids(&due_for_review(&sessions, 2)), ["a"]);
    }

    #[test]
    fn per_session_ids_resolve_to_the_latest_earlier_assignment() {
        let s1 = [Assignment::new("1", "Walk")];
        let s2 = [Assignment::new("1", "Diary")];
        let r2 = [review("1", Some(Completion::Done), None)];
        let r3 = [review("1", Some(Completion::Partly), None)];
        let sessions = [
            session(1, "s1", &s1, &[]),
            session(2, "s2", &s2, &r2),
            session(3, "s3", &[], &r3),
        ];
        let all = histories(&sessions);
        assert_eq!(all[0].assignment.task, "Walk");
        assert_eq!(all[0].closed_in, Some(2));
        assert_eq!(all[1].assignment.task, "Diary");
        assert_eq!(all[1].reviews[0].number, 3);
        assert!(all[1].is_open());
    }

    #[test]
    fn empty_input() {
        assert!(histories(&[]).is_empty());
        assert!(due_for_review(&[], 1).is_empty());
        let adh = adherence(&[]);
        assert_eq!(adh, Adherence::default());
        assert_eq!(adh.completion_rate(), None);
        assert_eq!(adh.percent_label(), "—");
        assert!(adherence_by_type(&[]).is_empty());
        let nothing_assigned = [session(1, "s1", &[], &[])];
        assert!(histories(&nothing_assigned).is_empty());
    }

    #[test]
    fn percent_label_rounds() {
        let adh = Adherence {
            reviewed: 3,
            done: 2,
            ..Adherence::default()
        };
        assert_eq!(adh.percent_label(), "67%");
        let adh = Adherence {
            reviewed: 3,
            ..Adherence::default()
        };
        assert_eq!(adh.percent_label(), "0%");
    }

    #[test]
    fn adherence_by_type_in_type_order() {
        let with_kind = |id: &str, kind| Assignment {
            kind,
            ..Assignment::new(id, id)
        };
        let s1 = [
            with_kind("sleep", HomeworkKind::SleepRoutine),
            with_kind("tr1", HomeworkKind::ThoughtRecord),
            with_kind("tr2", HomeworkKind::ThoughtRecord),
        ];
        let r2 = [
            review("tr1", Some(Completion::Done), None),
            review("tr2", Some(Completion::NotDone), Some(Decision::Modify)),
        ];
        let sessions = [session(1, "s1", &s1, &[]), session(2, "s2", &[], &r2)];
        let by_type = adherence_by_type(&histories(&sessions));
        let kinds: Vec<_> = by_type.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [HomeworkKind::ThoughtRecord, HomeworkKind::SleepRoutine]
        );
        let tr = by_type[0].1;
        assert_eq!(
            (tr.assigned, tr.reviewed, tr.done, tr.not_done),
            (2, 2, 1, 1)
        );
        assert_eq!((tr.open, tr.closed), (1, 1));
        assert_eq!(tr.percent_label(), "50%");
        let sleep = by_type[1].1;
        assert_eq!((sleep.assigned, sleep.reviewed, sleep.open), (1, 0, 1));
        assert_eq!(sleep.percent_label(), "—");
    }

    #[test]
    fn filter_by_state() {
        let s1 = [Assignment::new("a", "Walk"), Assignment::new("b", "Diary")];
        let r2 = [review("a", Some(Completion::Done), None)];
        let sessions = [session(1, "s1", &s1, &[]), session(2, "s2", &[], &r2)];
        let all = histories(&sessions);
        let pick = |f| -> Vec<String> {
            all.iter()
                .filter(|h| HistoryFilter::matches(f, h))
                .map(|h| h.assignment.id.clone())
                .collect()
        };
        assert_eq!(pick(HistoryFilter::All), ["a", "b"]);
        assert_eq!(pick(HistoryFilter::Open), ["b"]);
        assert_eq!(pick(HistoryFilter::Closed), ["a"]);
    }

    // ---- storage ----

    #[test]
    fn json_round_trip() {
        let mut r = review("a", Some(Completion::Partly), Some(Decision::CarryOver));
        r.obstacles = vec![Obstacle::DidntUnderstand, Obstacle::Other];
        r.obstacle_other = "Flat flooded".into();
        r.learned = "Smaller steps".into();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Review>(&json).unwrap(), r);

        let a = Assignment {
            kind: HomeworkKind::Exposure,
            why: "Test the prediction".into(),
            when: "Mon, Wed".into(),
            likelihood: Some(80),
            obstacles: "Tiredness".into(),
            ..Assignment::new("a", "Bus ride")
        };
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Assignment>(&json).unwrap(), a);

        let list = HomeworkList { items: vec![a] };
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(serde_json::from_str::<HomeworkList>(&json).unwrap(), list);
    }

    #[test]
    fn old_records_with_missing_fields_still_decode() {
        let r: Review =
            serde_json::from_str(r#"{"assignment_id":"a","completion":"done"}"#).unwrap();
        assert_eq!(r, review("a", Some(Completion::Done), None));

        let a: Assignment = serde_json::from_str(r#"{"id":"a","task":"Walk"}"#).unwrap();
        assert_eq!(a, Assignment::new("a", "Walk"));
        assert_eq!(a.kind, HomeworkKind::Other);
        assert_eq!(a.likelihood, None);

        let list: HomeworkList = serde_json::from_str("{}").unwrap();
        assert!(list.is_empty());
    }
}
