use super::*;
use crate::model::homework::{Completion, Decision, Obstacle};
use crate::model::import::{Accepted, fill_session};
use crate::model::note::{NoteFormat, Section};
use crate::model::ratings::RiskLevel;
use crate::model::sample::sample_data;
use crate::model::suggest::suggest;
use crate::model::transcript::parse;
use chrono::NaiveDate;

const SAMPLE: &str = include_str!("../../../tests/fixtures/session-14-of-24.txt");
const GOLDEN: &str = "tests/fixtures/session-14-of-24.md";

/// The sample workspace with session 14 imported from its transcript,
/// every suggestion accepted, the note drafted and the scores filled in.
fn sample_course() -> (Client, Clinician, Vec<Session>) {
    let mut n = 0;
    let sample = sample_data(
        || {
            n += 1;
            format!("id{n}")
        },
        0,
    );
    let transcript = parse(SAMPLE).unwrap();
    let accepted = Accepted::from(suggest(&transcript));
    let today = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let mut session = Session::next(
        "s14".into(),
        &sample.client.id,
        &sample.sessions,
        today,
        NoteFormat::Soap,
        0,
    );
    let mut a = 0;
    fill_session(
        &mut session,
        transcript,
        &accepted,
        &sample.sessions,
        || {
            a += 1;
            format!("hw{a}")
        },
    );
    session.note.draft_from_timeline(session.timeline.entries());
    session.ratings.anxiety = Some(4);
    session
        .set_score(crate::model::ratings::Scale::Gad7, Some(8), 0)
        .unwrap();
    session.risk.level = RiskLevel::Low;
    session.risk.note = "No ideation; sleep improving.".into();
    let mut sessions = sample.sessions;
    sessions.push(session);
    (sample.client, sample.clinician, sessions)
}

#[test]
fn the_sample_session_exports_as_the_golden_markdown() {
    let (client, clinician, sessions) = sample_course();
    let session = sessions.last().unwrap();
    let markdown = to_markdown(&session_record(session, &client, &clinician, &sessions));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &markdown).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    assert_eq!(
        markdown, golden,
        "run with UPDATE_GOLDEN=1 to accept the new export"
    );
}

#[test]
fn a_session_record_opens_with_who_when_and_how() {
    let (client, clinician, sessions) = sample_course();
    let blocks = session_record(sessions.last().unwrap(), &client, &clinician, &sessions);
    assert_eq!(
        blocks[0],
        Block::Heading(1, "Session 14 of 24 — Alex".into())
    );
    assert_eq!(
        blocks[1],
        Block::Facts(vec![
            ("Client", "Alex (Product Designer)".into()),
            ("Date", "31 Jul 2025".into()),
            ("Time", "10:00–10:31 (31 min)".into()),
            ("Delivery", "In person".into()),
            (
                "Clinician",
                "Dr. Harper Torres, Licensed Clinical Psychologist".into()
            ),
        ])
    );
    assert_eq!(
        blocks.last(),
        Some(&Block::Signature(
            "Dr. Harper Torres, Licensed Clinical Psychologist".into()
        ))
    );
}

#[test]
fn every_section_of_the_format_is_listed_even_when_empty() {
    let (client, clinician, mut sessions) = sample_course();
    let session = sessions.last_mut().unwrap();
    session.note = crate::model::note::Note::new(NoteFormat::Birp);
    let markdown = to_markdown(&session_record(session, &client, &clinician, &[]));
    for heading in ["## Behavior", "## Intervention", "## Response", "## Plan"] {
        assert!(
            markdown.contains(&format!("{heading}\n\n*Nothing written.*")),
            "{heading}"
        );
    }
}

#[test]
fn text_left_from_a_previous_format_is_exported_too() {
    let (client, clinician, sessions) = sample_course();
    let mut session = sessions[0].clone();
    session.note = crate::model::note::Note::new(NoteFormat::Free);
    session.note.set_text(Section::Free, "Intake. Alex".into());
    session.note.set_format(NoteFormat::Soap);
    let markdown = to_markdown(&session_record(&session, &client, &clinician, &sessions));
    assert!(markdown.contains("## Notes (from the previous format)\n\nIntake. Alex"));
}

#[test]
fn a_review_names_the_homework_it_reviews_and_how_it_went() {
    let (client, clinician, mut sessions) = sample_course();
    let mut earlier = sessions[0].clone();
    earlier
        .homework
        .add(crate::model::homework::Assignment::new(
            "t1",
            "Thought record each evening",
        ));
    sessions[0] = earlier;
    let session = &mut sessions[1];
    let review = session.review_mut("t1");
    review.completion = Some(Completion::Partly);
    review.obstacles = vec![Obstacle::Forgot];
    review.learned = "Writing it down slows the spiral".into();
    review.decision = Some(Decision::Continue);
    let markdown = to_markdown(&session_record(
        &sessions[1],
        &client,
        &clinician,
        &sessions,
    ));
    assert!(markdown.contains(
        "## Homework reviewed\n\n- Thought record each evening: Partly · obstacles: Forgot · \
         learned: Writing it down slows the spiral · Continue\n"
    ));
}

#[test]
fn a_course_lists_its_goals_then_every_session_in_order_each_on_a_new_page() {
    let (client, clinician, sessions) = sample_course();
    let blocks = course_record(&client, &clinician, &sessions);
    assert_eq!(blocks[0], Block::Heading(1, "Course of Alex".into()));
    let titles: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(1, t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(titles.len(), 15);
    assert_eq!(titles[1], "Session 1 of 24 — Alex");
    assert_eq!(titles[14], "Session 14 of 24 — Alex");
    let breaks = blocks.iter().filter(|b| **b == Block::PageBreak).count();
    assert_eq!(breaks, 14);
    let markdown = to_markdown(&blocks);
    assert!(markdown.contains("## Goals\n\n- Loosen perfectionism"));
}

#[test]
fn markdown_in_the_clinicians_text_is_shown_as_typed() {
    assert_eq!(escape("# not a heading"), "\\# not a heading");
    assert_eq!(escape("- not a list"), "\\- not a list");
    assert_eq!(escape("  12. not numbered"), "12\\. not numbered");
    assert_eq!(escape("a - b. 3.5 + 2"), "a - b. 3.5 + 2");
    assert_eq!(
        escape("*a* _b_ [c](d) <e> f|g ~h~ `i` j&k \\"),
        "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> f\\|g \\~h\\~ \\`i\\` j\\&k \\\\"
    );
}

#[test]
fn line_breaks_and_paragraphs_of_a_note_are_kept() {
    let markdown = to_markdown(&[Block::Text(
        "First line\nsecond line\n\nNew paragraph".into(),
    )]);
    assert_eq!(markdown, "First line\\\nsecond line\n\nNew paragraph\n");
}

#[test]
fn a_file_name_gives_the_clients_initials_and_the_record_only() {
    let client = Client::new("c1".into(), "Zoë  O'Brien", 0).unwrap();
    assert_eq!(file_name(&client, "session-3", false), "zo-session-3.md");
    let double = Client::new("c4".into(), "Mary-Jane Watson", 0).unwrap();
    assert_eq!(file_name(&double, "course", false), "mjw-course.md");
    let capital = Client::new("c3".into(), "Élodie", 0).unwrap();
    assert_eq!(file_name(&capital, "course", false), "é-course.md");
}

#[test]
fn a_client_known_by_a_code_is_named_by_the_code() {
    let code = Client::new("c2".into(), "AK-07", 0).unwrap();
    assert_eq!(file_name(&code, "course", false), "ak-07-course.md");
}

#[test]
fn full_names_are_used_only_when_the_clinician_chose_them() {
    let client = Client::new("c1".into(), "Zoë  O'Brien", 0).unwrap();
    assert_eq!(
        file_name(&client, "session-3", true),
        "zoë-o-brien-session-3.md"
    );
    let capital = Client::new("c3".into(), "Élodie", 0).unwrap();
    assert_eq!(file_name(&capital, "course", true), "élodie-course.md");
}

#[test]
fn a_signed_session_exports_its_signature_and_addenda_instead_of_a_blank_line() {
    let (client, clinician, mut sessions) = sample_course();
    let session = sessions.last_mut().unwrap();
    session
        .sign(&clinician.signature_line(), 1_764_149_400_000)
        .unwrap();
    session
        .add_addendum(
            crate::model::signing::AddendumKind::LateEntry,
            "Called the GP.",
            "Dr. Harper Torres",
            1_764_153_000_000,
        )
        .unwrap();
    let hash = session.signature.clone().unwrap().hash;
    let markdown = to_markdown(&session_record(session, &client, &clinician, &[]));
    assert!(!markdown.contains("Signed: ____"));
    assert!(markdown.contains(
        "## Signature\n\n- **Signed by:** Dr. Harper Torres, Licensed Clinical Psychologist\n\
         - **Signed:** 26 Nov 2025, 09:30 UTC\n"
    ));
    assert!(markdown.contains(&format!(
        "- **SHA-256:** {hash}\n- **Check:** Tamper evidence: "
    )));
    assert!(markdown.contains(
        "## Addenda\n\n- Late entry · Dr. Harper Torres · 26 Nov 2025, 10:30 UTC: Called the GP.\n"
    ));
    // A record of a note changed after signing says so where the signature is.
    session.timeline.add(
        chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        "Added after signing",
        crate::model::timeline::EntryKind::Note,
    );
    let markdown = to_markdown(&session_record(session, &client, &clinician, &[]));
    assert!(markdown.contains("- **Check:** This signed note was changed after signing\n"));
}

#[test]
fn the_course_record_holds_the_treatment_plan_and_a_session_its_goals() {
    use crate::model::treatment_plan::GoalStatus;
    let mut client = Client::new("c1".into(), "Alex", 0).unwrap();
    let worry = client.plan.add_problem("Worry about work").unwrap();
    let sleep = client
        .plan
        .add_goal(worry, "Sleep through the night", None)
        .unwrap()
        .unwrap();
    client.plan.goal_mut(sleep).unwrap().status = GoalStatus::InProgress;
    let session = Session {
        client_id: "c1".into(),
        number: 3,
        goals_addressed: vec![sleep],
        ..Session::default()
    };
    let course = [session.clone()];
    let markdown =
        super::markdown::to_markdown(&course_record(&client, &Clinician::default(), &course));
    assert!(markdown.contains("## Treatment plan"), "{markdown}");
    assert!(
        markdown.contains("Goal: Sleep through the night — In progress; addressed in session 3")
    );
    assert!(
        markdown.contains("## Goals addressed\n\n- Sleep through the night"),
        "{markdown}"
    );
}

#[test]
fn a_measure_answered_item_by_item_is_exported_with_every_answer() {
    use crate::model::measures::{self, MeasureAnswers, Respondent};
    let (client, clinician, mut sessions) = sample_course();
    let pcl5 = measures::shipped(measures::PCL5).unwrap();
    let mut values = vec![Some(1); 20];
    values[19] = None;
    let answers = MeasureAnswers::new(&pcl5, Respondent::Paper, values, 0).unwrap();
    sessions.last_mut().unwrap().record_measure(answers);
    let session = sessions.last().unwrap();
    let markdown = to_markdown(&session_record(session, &client, &clinician, &sessions));
    assert!(
        markdown.contains(
            "## PCL-5: No PCL-5 total: item 20 is unanswered, and the PCL-5 is totalled only \
             with every item answered. (the clinician, from the client's paper form)"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("- 1\\. Repeated, disturbing, and unwanted memories of the stressful experience?: 1 — A little bit\n"), "{markdown}");
    assert!(markdown.contains("- 20\\. Trouble falling or staying asleep?: not answered\n"));
    assert!(markdown.contains("- Intrusion (cluster B): 5\n"));
    // Its totals kept as scores are listed as before.
    assert!(markdown.contains("- GAD-7: 8 of 21\n"));
}
