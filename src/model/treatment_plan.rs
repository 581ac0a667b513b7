//! A client's treatment plan: problems, the goals for each (with a target
//! date and a status) and the objectives under a goal. Sessions link to the
//! goals they worked on, which is how the plan shows progress.

use super::choice::choice_enum;
use super::clock::format_date;
use super::input::InputError;
use super::order;
use super::session::Session;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

choice_enum! {
    #[derive(Default)]
    GoalStatus {
        #[default]
        NotStarted => "not-started", "Not started";
        InProgress => "in-progress", "In progress";
        Met => "met", "Met";
        Revised => "revised", "Revised";
        Dropped => "dropped", "Dropped";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TreatmentPlan {
    pub problems: Vec<Problem>,
    /// Ids are never reused, so a session's link cannot come to name another goal.
    last_id: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub id: u32,
    pub text: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: u32,
    pub text: String,
    #[serde(default)]
    pub target: Option<NaiveDate>,
    #[serde(default)]
    pub status: GoalStatus,
    #[serde(default)]
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    pub id: u32,
    pub text: String,
}

fn item_text(input: &str) -> Result<String, InputError> {
    let text = input.trim();
    if text.is_empty() {
        Err(InputError::EmptyPlanItem)
    } else {
        Ok(text.to_string())
    }
}

impl TreatmentPlan {
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    fn next_id(&mut self) -> u32 {
        self.last_id += 1;
        self.last_id
    }

    pub fn add_problem(&mut self, text: &str) -> Result<u32, InputError> {
        let text = item_text(text)?;
        let id = self.next_id();
        self.problems.push(Problem {
            id,
            text,
            goals: Vec::new(),
        });
        Ok(id)
    }

    /// Adds a goal under `problem`; `None` if that problem is gone.
    pub fn add_goal(
        &mut self,
        problem: u32,
        text: &str,
        target: Option<NaiveDate>,
    ) -> Result<Option<u32>, InputError> {
        let text = item_text(text)?;
        let id = self.next_id();
        let Some(problem) = self.problems.iter_mut().find(|p| p.id == problem) else {
            return Ok(None);
        };
        problem.goals.push(Goal {
            id,
            text,
            target,
            status: GoalStatus::NotStarted,
            objectives: Vec::new(),
        });
        Ok(Some(id))
    }

    pub fn add_objective(&mut self, goal: u32, text: &str) -> Result<Option<u32>, InputError> {
        let text = item_text(text)?;
        let id = self.next_id();
        Ok(self.goal_mut(goal).map(|g| {
            g.objectives.push(Objective { id, text });
            id
        }))
    }

    pub fn goal(&self, id: u32) -> Option<&Goal> {
        self.goals().find(|g| g.id == id)
    }

    pub fn goal_mut(&mut self, id: u32) -> Option<&mut Goal> {
        self.problems
            .iter_mut()
            .flat_map(|p| p.goals.iter_mut())
            .find(|g| g.id == id)
    }

    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.problems.iter().flat_map(|p| p.goals.iter())
    }

    /// Takes out the problem, goal or objective with this id, and whatever
    /// sits under it.
    pub fn remove(&mut self, id: u32) {
        self.problems.retain(|p| p.id != id);
        for problem in &mut self.problems {
            problem.goals.retain(|g| g.id != id);
            for goal in &mut problem.goals {
                goal.objectives.retain(|o| o.id != id);
            }
        }
    }

    /// The plan as lines for a record: each goal with its status, target and
    /// the sessions that worked on it.
    pub fn outline(&self, sessions: &[Session]) -> Vec<String> {
        let mut lines = Vec::new();
        for problem in &self.problems {
            lines.push(format!("Problem: {}", problem.text));
            for goal in &problem.goals {
                lines.push(format!("Goal: {}", goal.summary(sessions)));
                for objective in &goal.objectives {
                    lines.push(format!("Objective: {}", objective.text));
                }
            }
        }
        lines
    }
}

impl Goal {
    /// "Sleep through the night — In progress, by 1 Sep 2025; addressed in sessions 5, 9".
    pub fn summary(&self, sessions: &[Session]) -> String {
        use super::Choice;
        let mut line = format!("{} — {}", self.text, self.status.label());
        if let Some(target) = self.target {
            line.push_str(&format!(", by {}", format_date(target)));
        }
        line.push_str(&format!("; {}", addressed_in(self.id, sessions)));
        line
    }
}

impl Session {
    /// Marks `goal` as worked on in this session, or not.
    pub fn set_goal_addressed(&mut self, goal: u32, addressed: bool) {
        self.goals_addressed.retain(|&g| g != goal);
        if addressed {
            self.goals_addressed.push(goal);
        }
    }
}

/// The sessions that worked on `goal`, in course order.
pub fn sessions_addressing(goal: u32, sessions: &[Session]) -> Vec<u32> {
    let mut numbers: Vec<u32> = sessions
        .iter()
        .filter(|s| s.goals_addressed.contains(&goal))
        .map(|s| s.number)
        .collect();
    order::sort(&mut numbers);
    numbers
}

/// "addressed in sessions 3, 5" or "not yet addressed in a session".
pub fn addressed_in(goal: u32, sessions: &[Session]) -> String {
    match sessions_addressing(goal, sessions).as_slice() {
        [] => "not yet addressed in a session".into(),
        [one] => format!("addressed in session {one}"),
        many => format!(
            "addressed in sessions {}",
            many.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::choice::tests::keys_round_trip;

    fn plan() -> (TreatmentPlan, u32, u32) {
        let mut plan = TreatmentPlan::default();
        let worry = plan
            .add_problem("Constant worry about work quality")
            .unwrap();
        let sleep = plan
            .add_goal(
                worry,
                "Sleep through the night before deadlines",
                NaiveDate::from_ymd_opt(2025, 9, 1),
            )
            .unwrap()
            .unwrap();
        plan.add_objective(sleep, "Keep a fixed bedtime five nights a week")
            .unwrap();
        (plan, worry, sleep)
    }

    fn session(number: u32, goals: &[u32]) -> Session {
        Session {
            number,
            goals_addressed: goals.to_vec(),
            ..Session::default()
        }
    }

    #[test]
    fn problems_hold_goals_which_hold_objectives() {
        let (mut plan, _, sleep) = plan();
        let goal = plan.goal(sleep).unwrap();
        assert_eq!(goal.status, GoalStatus::NotStarted);
        assert_eq!(
            goal.objectives[0].text,
            "Keep a fixed bedtime five nights a week"
        );
        assert_eq!(plan.add_problem("   "), Err(InputError::EmptyPlanItem));
    }

    #[test]
    fn ids_are_never_reused_after_a_removal() {
        let (mut plan, worry, sleep) = plan();
        plan.remove(sleep);
        assert!(plan.goal(sleep).is_none());
        let next = plan
            .add_goal(worry, "Speak up in reviews", None)
            .unwrap()
            .unwrap();
        assert!(next > sleep);
        plan.remove(worry);
        assert!(plan.is_empty());
        assert_eq!(plan.add_goal(worry, "Orphan", None), Ok(None));
    }

    #[test]
    fn a_goal_shows_the_sessions_that_addressed_it() {
        let (mut plan, _, sleep) = plan();
        plan.goal_mut(sleep).unwrap().status = GoalStatus::InProgress;
        let sessions = vec![session(9, &[sleep]), session(5, &[sleep]), session(6, &[])];
        assert_eq!(sessions_addressing(sleep, &sessions), vec![5, 9]);
        assert_eq!(
            plan.goal(sleep).unwrap().summary(&sessions),
            "Sleep through the night before deadlines — In progress, by 1 Sep 2025; addressed in sessions 5, 9"
        );
        assert_eq!(
            addressed_in(sleep, &sessions[..1]),
            "addressed in session 9"
        );
        assert_eq!(addressed_in(sleep, &[]), "not yet addressed in a session");
    }

    #[test]
    fn a_session_marks_a_goal_addressed_once_and_can_take_it_back() {
        let mut s = session(2, &[]);
        s.set_goal_addressed(4, true);
        s.set_goal_addressed(4, true);
        s.set_goal_addressed(7, true);
        assert_eq!(s.goals_addressed, vec![4, 7]);
        s.set_goal_addressed(4, false);
        assert_eq!(s.goals_addressed, vec![7]);
    }

    #[test]
    fn the_outline_lists_every_level_for_the_record() {
        let (plan, _, _) = plan();
        assert_eq!(
            plan.outline(&[]),
            vec![
                "Problem: Constant worry about work quality",
                "Goal: Sleep through the night before deadlines — Not started, by 1 Sep 2025; not yet addressed in a session",
                "Objective: Keep a fixed bedtime five nights a week",
            ]
        );
    }

    #[test]
    fn goal_statuses_round_trip_and_an_old_client_has_an_empty_plan() {
        keys_round_trip::<GoalStatus>();
        let plan: TreatmentPlan = serde_json::from_str("{}").unwrap();
        assert!(plan.is_empty());
    }
}
