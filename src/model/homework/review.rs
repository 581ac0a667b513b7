//! The review of an assignment in a later session: how much got done, what
//! was in the way, and what happens next.

use super::{Completion, Decision, Obstacle};
use crate::model::{Choice, order};
use serde::{Deserialize, Serialize};

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
            order::sort_by_key(&mut self.obstacles, |o| obstacle_rank(*o));
        }
    }
}

fn obstacle_rank(o: Obstacle) -> usize {
    Obstacle::ALL
        .iter()
        .position(|x| *x == o)
        .unwrap_or(usize::MAX)
}
