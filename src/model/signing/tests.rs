use super::encoding::Fields;
use super::*;
use crate::model::homework::{Assignment, Completion, Decision, Obstacle};
use crate::model::note::{NoteFormat, Section};
use crate::model::ratings::RiskLevel;
use crate::model::tags::TagKind;
use crate::model::timeline::EntryKind;
use chrono::{NaiveDate, NaiveTime};

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A draft holding something in every part a signature covers.
fn full_draft() -> Session {
    let day = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let mut s = Session::next("s1".into(), "c1", &[], day, NoteFormat::Soap, 0);
    s.set_times(Some(t(10, 0)), Some(t(10, 50))).unwrap();
    s.next_appointment = NaiveDate::from_ymd_opt(2025, 8, 7);
    s.note
        .set_text(Section::Subjective, "Slept better this week.".into());
    s.note
        .set_text(Section::Data, "Written as DAP first.".into());
    s.agenda = "Review the sleep diary.".into();
    s.plan_for_next = "Continue the wind-down routine.".into();
    s.goals_addressed = vec![2, 5];
    s.tags.add(TagKind::Intervention, "Sleep hygiene");
    s.tags.add(TagKind::Theme, "sleep");
    s.ratings.gad7 = Some(8);
    s.risk.level = RiskLevel::Low;
    s.risk.note = "No plan or intent.".into();
    let mut walk = Assignment::new("h1", "Evening walk");
    walk.likelihood = Some(80);
    s.homework.add(walk);
    let review = s.review_mut("h0");
    review.completion = Some(Completion::Partly);
    review.obstacles.push(Obstacle::NoTime);
    review.decision = Some(Decision::Continue);
    s.timeline.add(t(10, 5), "Slept 6 hours", EntryKind::Note);
    s.timeline
        .add(t(10, 20), "Breathing practice", EntryKind::Intervention);
    let transcript = include_str!("../../../tests/fixtures/session-14-of-24.txt");
    s.transcript = Some(crate::model::transcript::parse(transcript).unwrap());
    s
}

fn signed() -> Session {
    let mut s = full_draft();
    s.sign("Dr. Harper Torres, LCP", 1_000).unwrap();
    s
}

/// Asserts that `change`, made after signing, breaks the signature.
fn breaks(what: &str, change: impl Fn(&mut Session)) {
    let mut s = signed();
    change(&mut s);
    assert_eq!(
        s.verify_signature(),
        Err(SignatureProblem::Changed),
        "changing {what} went unnoticed"
    );
}

#[test]
fn a_signed_note_round_trips_through_storage_and_checks_out_as_the_whole_note() {
    let s = signed();
    let sig = s.signature.clone().unwrap();
    assert_eq!(sig.version, CURRENT_VERSION);
    assert_eq!(sig.chain.as_ref().unwrap().addenda, 0);
    assert_eq!(sig.chain.as_ref().unwrap().head, sig.hash);
    let json = serde_json::to_string(&s).unwrap();
    let read: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(read, s);
    assert_eq!(read.verify_signature(), Ok(Covered::WholeNote));
    assert_eq!(Session::default().verify_signature(), Ok(Covered::Nothing));
}

#[test]
fn changing_the_header_breaks_the_signature() {
    breaks("the client", |s| s.client_id = "c2".into());
    breaks("the session", |s| s.id = "s2".into());
    breaks("the number", |s| s.number = 2);
    breaks("the date", |s| s.date = s.date.succ_opt().unwrap());
    breaks("the start", |s| s.start = Some(t(9, 0)));
    breaks("the end", |s| s.end = None);
    breaks("the delivery", |s| {
        s.delivery = crate::model::Delivery::Telehealth;
    });
    breaks("the next appointment", |s| s.next_appointment = None);
}

#[test]
fn changing_who_signed_or_when_breaks_the_signature() {
    breaks("the signer", |s| {
        s.signature.as_mut().unwrap().signer = "Someone else".into();
    });
    breaks("the time", |s| s.signature.as_mut().unwrap().at = 2_000);
}

#[test]
fn changing_any_section_breaks_the_signature_a_former_formats_too() {
    breaks("a section", |s| {
        s.note.set_text(Section::Subjective, "Slept worse.".into());
    });
    breaks("an empty section", |s| {
        s.note.set_text(Section::Plan, "Added later.".into());
    });
    breaks("a former format's section", |s| {
        s.note.set_text(Section::Data, "Rewritten.".into());
    });
    breaks("the format", |s| s.note.set_format(NoteFormat::Dap));
    breaks("the agenda", |s| s.agenda.push('!'));
    breaks("the plan", |s| s.plan_for_next.clear());
}

#[test]
fn changing_goals_tags_scores_or_risk_breaks_the_signature() {
    breaks("the goals addressed", |s| {
        s.goals_addressed.pop();
    });
    breaks("the goals' order", |s| s.goals_addressed.reverse());
    breaks("a tag", |s| s.tags.themes[0] = "mood".into());
    breaks("a tag's kind", |s| {
        let tag = s.tags.themes.remove(0);
        s.tags.interventions.push(tag);
    });
    breaks("a score", |s| s.ratings.gad7 = Some(9));
    breaks("a cleared score", |s| s.ratings.gad7 = None);
    breaks("the risk level", |s| s.risk.level = RiskLevel::High);
    breaks("the risk note", |s| s.risk.note.clear());
}

#[test]
fn changing_homework_or_its_reviews_breaks_the_signature() {
    breaks("a task", |s| {
        s.homework.items[0].task = "Morning walk".into()
    });
    breaks("a likelihood", |s| s.homework.items[0].likelihood = None);
    breaks("a review", |s| {
        s.reviews[0].decision = Some(Decision::Drop);
    });
    breaks("a review's obstacles", |s| s.reviews[0].obstacles.clear());
    breaks("a review's lesson", |s| s.reviews[0].learned = "x".into());
}

#[test]
fn changing_the_timeline_breaks_the_signature() {
    breaks("an entry's text", |s| {
        let id = s.timeline.entries()[0].id;
        s.timeline.set_text(id, "Slept 9 hours");
    });
    breaks("a new entry", |s| {
        s.timeline.add(t(10, 30), "Added later", EntryKind::Quote);
    });
}

#[test]
fn changing_the_transcript_breaks_the_signature() {
    breaks("a turn", |s| {
        let segments = &mut s.transcript.as_mut().unwrap().segments;
        let mut turn = segments.iter_mut().flat_map(|seg| seg.items.iter_mut());
        let text = turn
            .find_map(|item| match item {
                crate::model::transcript::Item::Turn { text, .. } => Some(text),
                _ => None,
            })
            .unwrap();
        text.push_str(" And more.");
    });
    breaks("the header", |s| {
        s.transcript.as_mut().unwrap().header.client_name = None;
    });
    breaks("its removal", |s| s.transcript = None);
}

#[test]
fn what_is_not_the_note_may_change_without_breaking_the_signature() {
    let mut s = signed();
    s.updated_at = 99;
    s.rev += 3;
    s.draft = "typed into the capture line".into();
    assert_eq!(s.verify_signature(), Ok(Covered::WholeNote));
}

#[test]
fn a_note_is_signed_once_and_only_with_a_name() {
    let mut s = signed();
    assert_eq!(
        s.sign("Someone else", 2_000),
        Err(InputError::AlreadySigned)
    );
    let mut draft = Session::default();
    assert_eq!(draft.sign("  ", 0), Err(InputError::NoSigner));
    assert!(!draft.is_signed());
}

#[test]
fn addenda_chain_to_the_signature_and_to_each_other_and_the_signature_records_the_end() {
    let mut s = signed();
    assert!(
        Session::default()
            .add_addendum(AddendumKind::Correction, "x", "me", 1)
            .is_err()
    );
    assert!(
        s.add_addendum(AddendumKind::LateEntry, "  ", "Dr. T", 2_000)
            .is_err()
    );
    s.add_addendum(AddendumKind::LateEntry, "Called the GP.", "Dr. T", 2_000)
        .unwrap();
    s.add_addendum(AddendumKind::Correction, "GAD-7 was 8.", "Dr. T", 3_000)
        .unwrap();
    let sig = s.signature.clone().unwrap();
    assert_eq!(s.addenda[0].previous, sig.hash);
    assert_eq!(s.addenda[1].previous, s.addenda[0].hash);
    let chain = sig.chain.unwrap();
    assert_eq!((chain.addenda, chain.head), (2, s.addenda[1].hash.clone()));
    assert_eq!(s.verify_signature(), Ok(Covered::WholeNote));
}

fn with_three_addenda() -> Session {
    let mut s = signed();
    for (at, text) in [
        (2_000, "Called the GP."),
        (3_000, "Meant weekly."),
        (4_000, "Risk reviewed."),
    ] {
        s.add_addendum(AddendumKind::Clarification, text, "Dr. T", at)
            .unwrap();
    }
    s
}

#[test]
fn a_changed_or_removed_addendum_is_detected() {
    let s = with_three_addenda();
    let mut changed = s.clone();
    changed.addenda[0].text = "Did not call the GP.".into();
    assert_eq!(changed.verify_signature(), Err(SignatureProblem::Changed));
    let mut removed = s.clone();
    removed.addenda.remove(1);
    assert_eq!(removed.verify_signature(), Err(SignatureProblem::Changed));
    let mut moved = s.clone();
    moved.addenda.swap(1, 2);
    assert_eq!(moved.verify_signature(), Err(SignatureProblem::Changed));
    assert!(
        SignatureProblem::Changed
            .to_string()
            .starts_with("This signed note was changed")
    );
}

#[test]
fn a_chain_with_its_last_addenda_cut_off_is_detected() {
    let s = with_three_addenda();
    for keep in 0..3 {
        let mut cut = s.clone();
        cut.addenda.truncate(keep);
        assert_eq!(
            cut.verify_signature(),
            Err(SignatureProblem::Changed),
            "cut to {keep}"
        );
    }
    // A version 2 signature without its record of the chain is refused too.
    let mut unrecorded = s.clone();
    unrecorded.signature.as_mut().unwrap().chain = None;
    assert_eq!(
        unrecorded.verify_signature(),
        Err(SignatureProblem::Changed)
    );
}

/// A note as the app signed it before version 2: the hash was computed in
/// 32-bit wasm, lengths in 4 bytes, over the v1 JSON (checked here against
/// a hash computed outside Rust, from that JSON).
fn signed_with_v1() -> Session {
    let day = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let mut s = Session::next("s1".into(), "c1", &[], day, NoteFormat::Soap, 0);
    s.note
        .set_text(Section::Subjective, "Slept better this week.".into());
    s.ratings.gad7 = Some(8);
    let stored = r#"{"signer":"Dr. Lee","at":1000,
        "hash":"d3aec25f6fe04f4205af64cbb5c498d3256c155306c8649536f4b5005f778173"}"#;
    s.signature = Some(serde_json::from_str(stored).unwrap());
    s
}

#[test]
fn a_note_signed_with_version_one_still_checks_out_as_the_older_narrower_check() {
    let mut s = signed_with_v1();
    assert_eq!(s.signature.as_ref().unwrap().version, 1);
    assert_eq!(s.verify_signature(), Ok(Covered::OlderNarrowerCheck));
    assert!(
        Covered::OlderNarrowerCheck
            .describe()
            .starts_with("Signed with an older, narrower check")
    );
    // Its addenda go on chaining as version 1 did, and check out.
    s.add_addendum(AddendumKind::LateEntry, "Called the GP.", "Dr. Lee", 2_000)
        .unwrap();
    assert_eq!(s.signature.as_ref().unwrap().chain, None);
    assert_eq!(s.verify_signature(), Ok(Covered::OlderNarrowerCheck));
    // It stays narrow: the timeline was never covered, the text was.
    let mut timeline = s.clone();
    timeline
        .timeline
        .add(t(10, 0), "Not covered", EntryKind::Note);
    assert_eq!(timeline.verify_signature(), Ok(Covered::OlderNarrowerCheck));
    s.note.set_text(Section::Subjective, "Slept worse.".into());
    assert_eq!(s.verify_signature(), Err(SignatureProblem::Changed));
    // Stored again, it keeps its version.
    let json = serde_json::to_string(&signed_with_v1()).unwrap();
    let read: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(read.verify_signature(), Ok(Covered::OlderNarrowerCheck));
}

#[test]
fn a_signature_from_a_newer_version_is_not_called_changed() {
    let mut s = signed();
    s.signature.as_mut().unwrap().version = 3;
    assert_eq!(s.verify_signature(), Err(SignatureProblem::Newer(3)));
    assert!(
        SignatureProblem::Newer(3)
            .to_string()
            .contains("Update Sessionpad")
    );
}

#[test]
fn fields_are_written_with_u64_little_endian_lengths_on_every_platform() {
    let mut f = Fields::new("p", 2);
    f.text("ab", "xyz");
    f.optional("o", None);
    f.optional("o", Some(""));
    let mut expected = Vec::new();
    let mut field = |tag: &[u8], value: &[u8]| {
        expected.extend_from_slice(&(tag.len() as u64).to_le_bytes());
        expected.extend_from_slice(tag);
        expected.extend_from_slice(&(value.len() as u64).to_le_bytes());
        expected.extend_from_slice(value);
    };
    field(b"purpose", b"p");
    field(b"version", &[2, 0, 0, 0, 0, 0, 0, 0]);
    field(b"ab", b"xyz");
    field(b"o", &[0]);
    field(b"o", &[1]);
    let bytes = f.into_bytes();
    assert_eq!(bytes, expected);
    // The first length, spelled out: 7 ("purpose") in eight bytes.
    assert_eq!(&bytes[..9], &[7, 0, 0, 0, 0, 0, 0, 0, b'p']);
}

#[test]
fn fields_that_only_move_a_boundary_encode_differently() {
    let digest = |parts: [(&str, &str); 2]| {
        let mut f = Fields::new("p", 2);
        for (tag, value) in parts {
            f.text(tag, value);
        }
        f.digest()
    };
    assert_ne!(
        digest([("a", "bc"), ("d", "")]),
        digest([("a", "b"), ("d", "c")])
    );
}

#[test]
fn addendum_kinds_round_trip_through_their_keys() {
    crate::model::choice::tests::keys_round_trip::<AddendumKind>();
}
