use super::*;
use crate::model::Client;
use crate::model::note::{NoteFormat, Section};
use crate::model::timeline::EntryKind;
use chrono::{NaiveDate, NaiveTime};

fn session(id: &str, note: &str) -> Session {
    let day = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let mut s = Session::next(id.into(), "c1", &[], day, NoteFormat::Soap, 0);
    s.note.set_text(Section::Subjective, note.into());
    s
}

fn alex() -> Client {
    Client::new("c1".into(), "Alex", 0).unwrap()
}

fn ids(found: &[Found]) -> Vec<&str> {
    found.iter().map(|f| f.session_id.as_str()).collect()
}

fn find(index: &[Indexed], q: &str) -> Vec<Found> {
    search(index, Some(&Query::parse(q).unwrap()), &Filters::default())
}

#[test]
fn case_and_accents_are_ignored() {
    let index = [index_session(
        &session("s1", "Talked about the Café and Zoë’s job."),
        &alex(),
    )];
    assert_eq!(ids(&find(&index, "cafe")), ["s1"]);
    assert_eq!(ids(&find(&index, "ZOE'S")), ["s1"]);
    assert!(find(&index, "tea").is_empty());
}

#[test]
fn every_word_must_be_found_but_not_together() {
    let index = [
        index_session(&session("s1", "Sleep improved. Work is calmer."), &alex()),
        index_session(&session("s2", "Sleep is still poor."), &alex()),
    ];
    assert_eq!(ids(&find(&index, "sleep work")), ["s1"]);
    assert_eq!(ids(&find(&index, "sleep")), ["s1", "s2"]);
}

#[test]
fn a_quoted_phrase_matches_only_as_written() {
    let index = [
        index_session(&session("s1", "We began a thought record today."), &alex()),
        index_session(&session("s2", "A record of every thought."), &alex()),
    ];
    assert_eq!(ids(&find(&index, "\"thought record\"")), ["s1"]);
    assert_eq!(ids(&find(&index, "thought record")), ["s1", "s2"]);
    assert_eq!(Query::parse("  \"\"  "), None);
    assert_eq!(
        Query::parse("\"Thought Record\" café")
            .unwrap()
            .first_term(),
        "thought record"
    );
}

#[test]
fn the_client_name_tags_homework_and_timeline_are_searched_too() {
    let mut s = session("s1", "");
    s.tags.themes.push("perfectionism".into());
    s.timeline.add(
        NaiveTime::from_hms_opt(10, 5, 0).unwrap(),
        "Tearful about the review",
        EntryKind::Note,
    );
    s.homework.add(crate::model::homework::Assignment::new(
        "a1",
        "Evening walk",
    ));
    let index = [index_session(
        &s,
        &Client::new("c1".into(), "Alex Kim", 0).unwrap(),
    )];
    for (q, place) in [
        ("kim", "Client"),
        ("perfection", "Themes"),
        ("tearful", "Timeline"),
        ("walk", "Homework"),
    ] {
        let found = find(&index, q);
        assert_eq!(found[0].snippets[0].place, place, "{q}");
    }
}

#[test]
fn a_snippet_shows_the_hit_as_written_with_words_around_it() {
    let long = format!(
        "{} The client said “Perfectionism keeps me up.” {}",
        "x".repeat(60),
        "y".repeat(60)
    );
    let index = [index_session(&session("s1", &long), &alex())];
    let snippet = &find(&index, "perfectionism")[0].snippets[0];
    assert_eq!(snippet.place, "Subjective");
    assert_eq!(snippet.hit, "Perfectionism");
    assert!(snippet.before.starts_with('…') && snippet.before.ends_with("said “"));
    assert!(snippet.after.starts_with(" keeps me up.”") && snippet.after.ends_with('…'));
}

#[test]
fn a_result_names_its_session_as_the_client_page_does() {
    let index = [index_session(&session("s1", "Sleep."), &alex())];
    assert_eq!(
        find(&index, "sleep")[0].label,
        "Session 1 of 12 · 31 Jul 2025"
    );
}

#[test]
fn filters_narrow_by_client_tag_dates_risk_and_signing() {
    let day = |d| NaiveDate::from_ymd_opt(2025, 7, d).unwrap();
    let mut a = session("s1", "Sleep.");
    a.date = day(1);
    a.tags.themes.push("sleep".into());
    a.risk.level = crate::model::ratings::RiskLevel::High;
    let mut b = session("s2", "Sleep again.");
    b.date = day(20);
    b.sign("Dr. Lee", 0).unwrap();
    let sam = Client::new("c2".into(), "Sam", 0).unwrap();
    let mut c = session("s3", "Sleep for Sam.");
    c.client_id = "c2".into();
    let index = [
        index_session(&a, &alex()),
        index_session(&b, &alex()),
        index_session(&c, &sam),
    ];
    let sleep = Query::parse("sleep").unwrap();
    let with = |filters: Filters| ids(&search(&index, Some(&sleep), &filters)).join(",");
    assert_eq!(with(Filters::default()), "s1,s2,s3");
    assert_eq!(
        with(Filters {
            client_id: Some("c2".into()),
            ..Filters::default()
        }),
        "s3"
    );
    assert_eq!(
        with(Filters {
            tag: Some("sleep".into()),
            ..Filters::default()
        }),
        "s1"
    );
    assert_eq!(
        with(Filters {
            from: Some(day(10)),
            to: Some(day(25)),
            ..Filters::default()
        }),
        "s2"
    );
    assert_eq!(
        with(Filters {
            risk_flagged: true,
            ..Filters::default()
        }),
        "s1"
    );
    assert_eq!(
        with(Filters {
            signed: Some(true),
            ..Filters::default()
        }),
        "s2"
    );
    assert_eq!(
        with(Filters {
            signed: Some(false),
            ..Filters::default()
        }),
        "s1,s3"
    );
    let risky = Filters {
        risk_flagged: true,
        ..Filters::default()
    };
    assert_eq!(ids(&search(&index, None, &risky)), ["s1"]);
    let tagged = Filters {
        tag: Some(" SLEEP ".into()),
        ..Filters::default()
    };
    assert_eq!(ids(&search(&index, None, &tagged)), ["s1"]);
}
