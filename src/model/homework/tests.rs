use super::*;
use crate::model::{Choice, InputError};

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

#[test]
fn enum_keys_round_trip_and_match_serde() {
    use crate::model::choice::tests::keys_round_trip;
    keys_round_trip::<HomeworkKind>();
    keys_round_trip::<Completion>();
    keys_round_trip::<Obstacle>();
    keys_round_trip::<Decision>();
    keys_round_trip::<HistoryFilter>();
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

fn entry(number: u32, review: Review) -> HistoryEntry {
    HistoryEntry {
        session_id: format!("s{number}"),
        number,
        review,
    }
}

#[test]
fn history_entry_summary_reads_as_one_line_in_form_order() {
    let mut r = review("hw", Some(Completion::Partly), Some(Decision::CarryOver));
    r.obstacles = vec![Obstacle::NoTime, Obstacle::Other];
    r.obstacle_other = "  the flu ".into();
    r.learned = " Smaller steps get done ".into();
    assert_eq!(
        entry(13, r).summary(),
        "Session 13: Partly · Carry over · in the way: No time, Other, the flu · \
         learned: Smaller steps get done"
    );
}

#[test]
fn history_entry_summary_leaves_out_what_was_not_recorded() {
    let mut r = review("hw", Some(Completion::Done), None);
    r.obstacle_other = "typed, then Other unticked".into();
    r.learned = "   ".into();
    assert_eq!(entry(14, r).summary(), "Session 14: Done");
    let r = review("hw", None, Some(Decision::Drop));
    assert_eq!(entry(15, r).summary(), "Session 15: Drop");
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
    let r: Review = serde_json::from_str(r#"{"assignment_id":"a","completion":"done"}"#).unwrap();
    assert_eq!(r, review("a", Some(Completion::Done), None));

    let a: Assignment = serde_json::from_str(r#"{"id":"a","task":"Walk"}"#).unwrap();
    assert_eq!(a, Assignment::new("a", "Walk"));
    assert_eq!(a.kind, HomeworkKind::Other);
    assert_eq!(a.likelihood, None);

    let list: HomeworkList = serde_json::from_str("{}").unwrap();
    assert!(list.is_empty());
}

#[test]
fn homework_from_the_last_session_opens_unfolded_and_older_untouched_homework_waits_folded() {
    let s1 = [Assignment::new("old", "Walk daily")];
    let s2 = [Assignment::new("new", "Thought record")];
    let sessions = [
        session(1, "s1", &s1, &[]),
        session(2, "s2", &s2, &[]),
        session(3, "s3", &[], &[]),
    ];
    let due = due_for_review(&sessions, 3);
    assert_eq!(ids(&due), ["old", "new"]);
    assert_eq!(shown(unfolded_first(due, 3)), "new unfolded, old folded");
}

#[test]
fn homework_carried_over_in_the_last_session_opens_unfolded_beside_what_it_agreed() {
    let s1 = [Assignment::new("carried", "Walk daily")];
    let s2 = [Assignment::new("new", "Thought record")];
    let carry = [review(
        "carried",
        Some(Completion::Partly),
        Some(Decision::CarryOver),
    )];
    let sessions = [
        session(1, "s1", &s1, &[]),
        session(2, "s2", &s2, &carry),
        session(3, "s3", &[], &[]),
    ];
    let due = due_for_review(&sessions, 3);
    assert_eq!(due[0].last_reviewed_before(3), Some(2));
    assert_eq!(due[0].last_reviewed_before(2), None);
    assert_eq!(
        shown(unfolded_first(due, 3)),
        "carried unfolded, new unfolded"
    );
}

#[test]
fn older_homework_already_reviewed_in_this_session_stays_unfolded_in_its_place() {
    let s1 = [Assignment::new("old", "Walk daily")];
    let s2 = [Assignment::new("new", "Thought record")];
    let now = [review("old", Some(Completion::Done), None)];
    let sessions = [
        session(1, "s1", &s1, &[]),
        session(2, "s2", &s2, &[]),
        session(3, "s3", &[], &now),
    ];
    assert_eq!(
        shown(unfolded_first(due_for_review(&sessions, 3), 3)),
        "new unfolded, old unfolded"
    );
}

#[test]
fn a_later_review_does_not_count_as_touching_homework_for_an_earlier_session() {
    let s1 = [Assignment::new("old", "Walk daily")];
    let s2 = [Assignment::new("new", "Thought record")];
    let later = [review(
        "old",
        Some(Completion::Partly),
        Some(Decision::CarryOver),
    )];
    let sessions = [
        session(1, "s1", &s1, &[]),
        session(2, "s2", &s2, &[]),
        session(3, "s3", &[], &[]),
        session(4, "s4", &[], &later),
    ];
    assert_eq!(
        shown(unfolded_first(due_for_review(&sessions, 3), 3)),
        "new unfolded, old folded"
    );
}

fn shown(due: Vec<(AssignmentHistory, bool)>) -> String {
    let shown: Vec<_> = due
        .iter()
        .map(|(h, unfolded)| match unfolded {
            true => format!("{} unfolded", h.assignment.id),
            false => format!("{} folded", h.assignment.id),
        })
        .collect();
    shown.join(", ")
}
