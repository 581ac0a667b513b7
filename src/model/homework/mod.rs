//! Homework between therapy sessions.
//!
//! An assignment agreed in session N is reviewed in session N+1 (and later,
//! if it is carried over). Each review lives in the record of the session
//! that did the reviewing; older session records are never rewritten, so the
//! full course of an assignment is rebuilt here from all sessions together.
//!
//! `assignment` holds what is agreed in a session, `review` how it went, and
//! `history` the course of each assignment across sessions and adherence.

mod assignment;
mod history;
mod review;

pub use assignment::{
    Assignment, HomeworkList, RemovedAssignment, assignment_from_idea, parse_likelihood,
};
pub use history::{
    Adherence, AssignmentHistory, HistoryEntry, SessionHomework, adherence, adherence_by_type,
    due_for_review, histories, unfolded_first,
};
pub use review::Review;

use super::choice::choice_enum;

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

#[cfg(test)]
mod tests;
