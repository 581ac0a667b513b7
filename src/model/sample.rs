//! A ready workspace for a first look: the client, clinician and course of the
//! sample transcript (session 14 of 24 with Alex) and the thirteen sessions
//! before it, so a newcomer sees what a course in progress looks like.

use super::homework::{Assignment, Completion, Decision, HomeworkKind, Obstacle};
use super::measures::{self, Due, Scheduled};
use super::note::{Note, NoteFormat, Section};
use super::ratings::{Ratings, Scale};
use super::{Client, Clinician, Course, Delivery, Session};
use chrono::{Days, NaiveDate, NaiveTime};

pub struct SampleData {
    pub clinician: Clinician,
    pub client: Client,
    pub sessions: Vec<Session>,
}

const EARLIER_NOTES: [&str; 13] = [
    "Intake. Alex, product designer at a startup, reports constant worry about work quality and \
     trouble sleeping before deadlines. Agreed on a course of 24 sessions of CBT.",
    "Psychoeducation on the CBT model and the anxiety cycle. Alex linked late-night reworking \
     of designs to feeling \"never finished\".",
    "Started thought records. First record: \"If the review goes badly I'll be let go.\"",
    "Reviewed thought records; identified all-or-nothing thinking and mind reading.",
    "Sleep: introduced sleep hygiene (fixed bedtime, no work email after 21:00).",
    "Behavioural experiment planned: hand in a draft at 80% and note the reaction.",
    "Experiment done: manager's feedback was constructive. Anxiety before 8/10, after 4/10.",
    "Explored perfectionism as a way to feel safe; traced it to school years.",
    "Mindfulness introduced: three-minute breathing space, daily practice agreed.",
    "Mid-course review: GAD-7 down from 15 at intake to 11. Goals still fit.",
    "Work stress after a reorganisation. Problem solving on workload; Alex spoke to lead.",
    "Core beliefs: \"My worth depends on doing things perfectly.\" Began collecting counter-evidence.",
    "Sleep improving with consistent bedtime; still ruminates some nights. Practised breathing \
     exercise before bed. Plan: continue cognitive restructuring of perfectionism; grounding.",
];

/// Scores per session, in order: anxiety and mood (0–10), GAD-7, PHQ-9.
/// GAD-7 is 15 at intake and 11 at the mid-course review, as the notes say;
/// it rises with the reorganisation in session 11, then falls again.
const SCORES: [[u8; 4]; 13] = [
    [8, 3, 15, 12],
    [8, 3, 15, 12],
    [7, 4, 14, 11],
    [7, 4, 14, 11],
    [7, 4, 13, 10],
    [6, 5, 12, 10],
    [5, 6, 12, 9],
    [6, 5, 12, 9],
    [5, 6, 11, 8],
    [5, 6, 11, 8],
    [6, 5, 12, 9],
    [5, 6, 10, 7],
    [4, 7, 8, 6],
];

/// Homework agreed, as the notes tell it: the session it was agreed in, its
/// kind, the task and when.
const HOMEWORK: [(u32, HomeworkKind, &str, &str); 7] = [
    (
        3,
        HomeworkKind::ThoughtRecord,
        "Thought record when mood drops: situation, thought, feeling, a balanced alternative",
        "Each day",
    ),
    (
        5,
        HomeworkKind::SleepRoutine,
        "Same bedtime every night; no work email after 21:00",
        "Every night",
    ),
    (
        6,
        HomeworkKind::Exposure,
        "Hand in the next draft at 80% and note what happens",
        "Before Friday's review",
    ),
    (
        9,
        HomeworkKind::MindfulnessGrounding,
        "Three-minute breathing space",
        "Once a day, after lunch",
    ),
    (
        11,
        HomeworkKind::Other,
        "List the week's tasks and agree priorities with your lead",
        "Monday morning",
    ),
    (
        12,
        HomeworkKind::ThoughtRecord,
        "Collect evidence against \"my worth depends on doing things perfectly\"",
        "When the thought shows up",
    ),
    (
        13,
        HomeworkKind::MindfulnessGrounding,
        "Breathing exercise before bed",
        "Every night",
    ),
];

/// How it went: the reviewing session, the session that agreed the task,
/// and what got in the way. A task with nothing in the way was done and
/// closes; one with an obstacle was partly done and continues.
const REVIEWS: [(u32, u32, Option<Obstacle>); 9] = [
    (4, 3, Some(Obstacle::NoTime)),
    (5, 3, None),
    (6, 5, Some(Obstacle::Forgot)),
    (7, 6, None),
    (8, 5, None),
    (10, 9, Some(Obstacle::Forgot)),
    (11, 9, None),
    (12, 11, None),
    (13, 12, Some(Obstacle::Avoidance)),
];

/// Adds the course's homework and its reviews to the sessions, in order.
fn add_homework(sessions: &mut [Session], new_id: &mut impl FnMut() -> String) {
    let mut ids = std::collections::HashMap::new();
    for (number, kind, task, when) in HOMEWORK {
        let id = new_id();
        sessions[number as usize - 1].homework.add(Assignment {
            kind,
            when: when.into(),
            ..Assignment::new(id.clone(), task)
        });
        ids.insert(number, id);
    }
    for (number, agreed_in, obstacle) in REVIEWS {
        let review = sessions[number as usize - 1].review_mut(&ids[&agreed_in]);
        review.completion = Some(match obstacle {
            None => Completion::Done,
            Some(_) => Completion::Partly,
        });
        review.decision = obstacle.map(|_| Decision::Continue);
        review.obstacles = obstacle.into_iter().collect();
    }
}

pub fn sample_data(mut new_id: impl FnMut() -> String, now: i64) -> SampleData {
    let start_date = NaiveDate::from_ymd_opt(2025, 5, 1).expect("valid date");
    let client = Client {
        id: new_id(),
        name: "Alex".into(),
        occupation: "Product Designer".into(),
        notes: "Works at a design startup. Prefers morning sessions.".into(),
        archived: false,
        course: Course {
            planned_sessions: 24,
            start_date: Some(start_date),
            modality: "CBT".into(),
            goals: "Loosen perfectionism and fear of failure at work\n\
                    Sleep through the night before deadlines\n\
                    Build confidence to lead and speak up"
                .into(),
            measures: [measures::PHQ9, measures::GAD7]
                .into_iter()
                .map(|measure| Scheduled {
                    measure: measure.into(),
                    due: Due::EverySession,
                })
                .collect(),
        },
        plan: Default::default(),
        created_at: now,
        rev: 0,
        saves: Default::default(),
    };
    let mut sessions: Vec<Session> = EARLIER_NOTES
        .iter()
        .zip(SCORES)
        .zip(0u32..)
        .map(|((notes, [anxiety, mood, gad7, phq9]), week)| {
            let mut session = Session {
                id: new_id(),
                client_id: client.id.clone(),
                number: week + 1,
                date: start_date + Days::new(7 * u64::from(week)),
                start: NaiveTime::from_hms_opt(10, 0, 0),
                end: NaiveTime::from_hms_opt(10, 50, 0),
                delivery: Delivery::InPerson,
                note: {
                    let mut note = Note::new(NoteFormat::Free);
                    note.set_text(Section::Free, (*notes).to_string());
                    note
                },
                ratings: Ratings {
                    anxiety: Some(anxiety),
                    mood: Some(mood),
                    ..Ratings::default()
                },
                created_at: now,
                updated_at: now,
                ..Session::default()
            };
            for (scale, total) in [(Scale::Gad7, gad7), (Scale::Phq9, phq9)] {
                let kept = session.set_score(scale, Some(total), now);
                debug_assert!(kept.is_ok(), "the sample's scores are in range");
            }
            session
        })
        .collect();
    add_homework(&mut sessions, &mut new_id);
    SampleData {
        clinician: Clinician {
            name: "Dr. Harper Torres".into(),
            credentials: "Licensed Clinical Psychologist".into(),
            ..Clinician::default()
        },
        client,
        sessions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_the_course_of_the_sample_transcript() {
        let mut n = 0;
        let data = sample_data(
            || {
                n += 1;
                format!("id{n}")
            },
            42,
        );
        assert_eq!(data.client.display_name(), "Alex (Product Designer)");
        assert_eq!(
            data.clinician.signature_line(),
            "Dr. Harper Torres, Licensed Clinical Psychologist"
        );
        assert_eq!(data.client.course.planned_sessions, 24);
        assert_eq!(data.sessions.len(), 13);
        let last = data.sessions.last().unwrap();
        assert_eq!(last.number, 13);
        // Weekly, so the next one falls on the transcript's date, 31 July 2025.
        assert_eq!(last.date, NaiveDate::from_ymd_opt(2025, 7, 24).unwrap());
        assert!(data.sessions.iter().all(|s| s.client_id == data.client.id));
        let ids: std::collections::BTreeSet<_> = data.sessions.iter().map(|s| &s.id).collect();
        assert_eq!(ids.len(), 13);
    }

    #[test]
    fn the_sample_course_reviews_its_homework_and_leaves_the_last_tasks_open() {
        use crate::model::homework::histories;
        let mut n = 0;
        let data = sample_data(
            || {
                n += 1;
                format!("id{n}")
            },
            0,
        );
        let records: Vec<_> = data.sessions.iter().map(Session::homework_record).collect();
        let histories = histories(&records);
        assert_eq!(histories.len(), HOMEWORK.len());
        let open: Vec<_> = histories
            .iter()
            .filter(|h| h.is_open())
            .map(|h| h.assignment.task.as_str())
            .collect();
        assert_eq!(
            open,
            [
                "Collect evidence against \"my worth depends on doing things perfectly\"",
                "Breathing exercise before bed"
            ]
        );
        // Every review is of a task agreed in an earlier session.
        for (number, agreed_in, ..) in REVIEWS {
            assert!(agreed_in < number);
        }
    }

    #[test]
    fn every_sample_session_carries_scores_that_agree_with_its_notes() {
        let data = sample_data(String::new, 0);
        for s in &data.sessions {
            for scale in Scale::ALL {
                let score = s.score(scale).expect("a score on every session");
                assert!(score <= scale.max(), "{scale:?} in session {}", s.number);
            }
        }
        let gad7 = |n: usize| data.sessions[n - 1].score(Scale::Gad7);
        assert_eq!((gad7(1), gad7(10), gad7(13)), (Some(15), Some(11), Some(8)));
        assert!(
            data.sessions[9]
                .note
                .text(Section::Free)
                .contains("15 at intake to 11")
        );
    }
}
