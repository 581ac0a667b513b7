//! Which measures a course gives, and in which sessions they are due.

use serde::{Deserialize, Serialize};

/// One measure on a course's schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheduled {
    /// The [`super::Measure::id`].
    pub measure: String,
    pub due: Due,
}

/// When a scheduled measure is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Due {
    EverySession,
    /// Sessions 1, 1 + n, 1 + 2n…
    Every {
        sessions: u32,
    },
    /// The first session and the last one planned.
    StartAndEnd,
}

impl Due {
    /// Whether session `number` of a course of `planned` gives the measure.
    pub fn in_session(self, number: u32, planned: u32) -> bool {
        match self {
            Due::EverySession => true,
            Due::Every { sessions } => number.saturating_sub(1).is_multiple_of(sessions.max(1)),
            Due::StartAndEnd => number == 1 || number == planned,
        }
    }

    /// "Every session", "Every 2 sessions", "At the start and end".
    pub fn label(self) -> String {
        match self {
            Due::EverySession | Due::Every { sessions: 1 } => "Every session".into(),
            Due::Every { sessions } => format!("Every {sessions} sessions"),
            Due::StartAndEnd => "At the start and end".into(),
        }
    }
}

/// The intervals a schedule offers, from every session to every 12th.
pub fn offered() -> Vec<Due> {
    let every = [2, 3, 4, 5, 6, 8, 10, 12].map(|sessions| Due::Every { sessions });
    [Due::EverySession]
        .into_iter()
        .chain(every)
        .chain([Due::StartAndEnd])
        .collect()
}

/// Puts `measure` on the schedule, or changes when it is due; kept in the
/// order first scheduled.
pub fn schedule(schedule: &mut Vec<Scheduled>, measure: &str, due: Due) {
    match schedule.iter_mut().find(|s| s.measure == measure) {
        Some(kept) => kept.due = due,
        None => schedule.push(Scheduled {
            measure: measure.into(),
            due,
        }),
    }
}

/// The measures due in session `number` of a course of `planned`, in the
/// schedule's order.
pub fn due_in(schedule: &[Scheduled], number: u32, planned: u32) -> Vec<&str> {
    schedule
        .iter()
        .filter(|s| s.due.in_session(number, planned))
        .map(|s| s.measure.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheduled(measure: &str, due: Due) -> Scheduled {
        Scheduled {
            measure: measure.into(),
            due,
        }
    }

    #[test]
    fn a_measure_every_two_sessions_is_due_in_sessions_1_3_and_5() {
        let every_2 = Due::Every { sessions: 2 };
        let due: Vec<u32> = (1..=6).filter(|&n| every_2.in_session(n, 12)).collect();
        assert_eq!(due, [1, 3, 5]);
        assert_eq!(every_2.label(), "Every 2 sessions");
    }

    #[test]
    fn at_the_start_and_end_means_the_first_session_and_the_last_planned() {
        let due: Vec<u32> = (1..=14)
            .filter(|&n| Due::StartAndEnd.in_session(n, 12))
            .collect();
        assert_eq!(due, [1, 12]);
        assert!((1..=30).all(|n| Due::EverySession.in_session(n, 12)));
        // A schedule kept with no interval still reads as every session.
        assert!(Due::Every { sessions: 0 }.in_session(2, 12));
    }

    #[test]
    fn scheduling_a_measure_again_changes_when_it_is_due_and_keeps_its_place() {
        let mut kept = Vec::new();
        schedule(&mut kept, "phq9", Due::EverySession);
        schedule(&mut kept, "gad7", Due::StartAndEnd);
        schedule(&mut kept, "phq9", Due::Every { sessions: 2 });
        assert_eq!(
            kept,
            [
                scheduled("phq9", Due::Every { sessions: 2 }),
                scheduled("gad7", Due::StartAndEnd)
            ]
        );
        let labels: Vec<String> = offered().into_iter().map(Due::label).collect();
        assert_eq!(labels.first().map(String::as_str), Some("Every session"));
        assert_eq!(labels[1], "Every 2 sessions");
        assert_eq!(
            labels.last().map(String::as_str),
            Some("At the start and end")
        );
    }

    #[test]
    fn the_measures_due_in_a_session_follow_the_schedules_order() {
        let schedule = [
            scheduled("phq9", Due::EverySession),
            scheduled("pcl5", Due::StartAndEnd),
            scheduled("gad7", Due::Every { sessions: 2 }),
        ];
        assert_eq!(due_in(&schedule, 1, 8), ["phq9", "pcl5", "gad7"]);
        assert_eq!(due_in(&schedule, 2, 8), ["phq9"]);
        assert_eq!(due_in(&schedule, 3, 8), ["phq9", "gad7"]);
        assert_eq!(due_in(&schedule, 8, 8), ["phq9", "pcl5"]);
        let json = serde_json::to_string(&schedule[2]).unwrap();
        assert_eq!(
            json,
            r#"{"measure":"gad7","due":{"kind":"every","sessions":2}}"#
        );
    }
}
