use crate::layout::{SCHEMA_VERSION, schema_key, session_key};
use crate::model::measures::{Answered, MeasureAnswers};
use crate::model::ratings::Scale;
use crate::model::signing::{Covered, SignatureProblem};
use crate::storage::backend::MemoryBackend;
use crate::storage::codec;
use crate::storage::store::Store;
use crate::storage::{Kdf, VaultHeader};

/// A session as layout 4 kept it: GAD-7 and PHQ-9 totals among its ratings.
const LAYOUT_4_SESSION: &str = r#"{"id":"s1","client_id":"c1","number":7,"date":"2025-06-12","ratings":{"anxiety":5,"mood":6,"gad7":12,"phq9":9},"created_at":1749715200000,"updated_at":1749718800000,"rev":3}"#;

fn layout_4(sessions: &[(&str, &str)]) -> MemoryBackend {
    let backend = MemoryBackend::new();
    backend.plant(&schema_key(), "4");
    for (id, json) in sessions {
        backend.plant(&session_key(id), &codec::encode(json));
    }
    backend
}

fn stored_json(backend: &MemoryBackend, id: &str) -> String {
    codec::decode(&backend.raw(&session_key(id)).unwrap())
        .unwrap()
        .into_owned()
}

fn total_only(answers: &MeasureAnswers) -> Option<u32> {
    match answers.answered {
        Answered::TotalOnly { total } => Some(total),
        Answered::Items { .. } => None,
    }
}

#[test]
fn migration_5_moves_gad7_and_phq9_totals_into_measures_as_totals_entered_by_the_clinician() {
    let backend = layout_4(&[("s1", LAYOUT_4_SESSION)]);
    let (store, problems) = Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(problems, []);
    assert_eq!(backend.raw(&schema_key()), Some(SCHEMA_VERSION.to_string()));
    let stored = stored_json(&backend, "s1");
    assert!(!stored.contains("\"gad7\":"), "{stored}");
    assert!(
        stored.contains(r#""ratings":{"anxiety":5,"mood":6}"#),
        "{stored}"
    );
    let s = store.session("s1").unwrap().unwrap();
    let kept: Vec<_> = s
        .measures
        .iter()
        .map(|a| (a.measure.as_str(), a.version, a.at, total_only(a)))
        .collect();
    assert_eq!(
        kept,
        [
            ("gad7", 1, 1_749_715_200_000, Some(12)),
            ("phq9", 1, 1_749_715_200_000, Some(9)),
        ]
    );
    assert_eq!(
        (s.score(Scale::Gad7), s.score(Scale::Phq9)),
        (Some(12), Some(9))
    );
    assert_eq!(
        (s.score(Scale::Anxiety), s.score(Scale::Mood)),
        (Some(5), Some(6))
    );
    assert_eq!((s.rev, s.updated_at), (3, 1_749_718_800_000));
}

#[test]
fn migration_5_leaves_sessions_without_totals_and_damaged_records_as_they_were() {
    let untouched =
        r#"{"id":"s2","client_id":"c1","number":8,"ratings":{"anxiety":4,"gad7":null}}"#;
    let backend = layout_4(&[("s1", LAYOUT_4_SESSION), ("s2", untouched)]);
    backend.plant(&session_key("s3"), "{not json");
    let before_s2 = backend.raw(&session_key("s2"));
    Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(backend.raw(&session_key("s2")), before_s2);
    assert_eq!(
        backend.raw(&session_key("s3")).as_deref(),
        Some("{not json")
    );

    // Running the step again (after an interrupted upgrade) changes nothing.
    let migrated = backend.raw(&session_key("s1"));
    backend.plant(&schema_key(), "4");
    Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(backend.raw(&session_key("s1")), migrated);
}

#[test]
fn migration_5_cut_short_leaves_layout_4_to_finish_at_the_next_start() {
    let backend = layout_4(&[("s1", LAYOUT_4_SESSION)]);
    backend.fail_write_after(0);
    assert!(Store::open(Box::new(backend.clone())).is_err());
    assert_eq!(backend.raw(&schema_key()).as_deref(), Some("4"));
    assert_eq!(stored_json(&backend, "s1"), LAYOUT_4_SESSION);
    let (store, _) = Store::open(Box::new(backend.clone())).unwrap();
    let s = store.session("s1").unwrap().unwrap();
    assert_eq!(s.score(Scale::Gad7), Some(12));
}

/// The layout 4 session above, signed by version 2 before item-level
/// answers: the hash computed outside Rust, from the byte layout in
/// `model/signing/encoding.rs`, with GAD-7 12 and PHQ-9 9 among the scores.
const SIGNED_AT_LAYOUT_4: &str = r#"{"id":"s1","client_id":"c1","number":7,"date":"2025-06-12","ratings":{"anxiety":5,"mood":6,"gad7":12,"phq9":9},"signature":{"signer":"Dr. Harper Torres","at":1749720000000,"hash":"0bf78e1435a8d082599c2de3187604b40efb85b8274509384bfc0d2f45f954cb","version":2,"chain":{"addenda":0,"head":"0bf78e1435a8d082599c2de3187604b40efb85b8274509384bfc0d2f45f954cb"}}}"#;

#[test]
fn a_note_signed_before_item_answers_still_checks_out_after_migration_5() {
    let backend = layout_4(&[("s1", SIGNED_AT_LAYOUT_4)]);
    let (store, _) = Store::open(Box::new(backend.clone())).unwrap();
    let mut s = store.session("s1").unwrap().unwrap();
    assert_eq!(s.total_only(Scale::Gad7), Some(12));
    assert_eq!(s.verify_signature(), Ok(Covered::WholeNote));
    s.remove_measure("phq9");
    assert_eq!(s.verify_signature(), Err(SignatureProblem::Changed));
}

#[test]
fn migration_5_reads_and_reseals_sessions_sealed_by_the_vault() {
    let backend = MemoryBackend::new();
    let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
    store
        .turn_on_vault("correct horse battery", Kdf::with_cost(64, 1))
        .unwrap();
    store
        .backend
        .set(&session_key("s1"), &codec::encode(LAYOUT_4_SESSION))
        .unwrap();
    drop(store);
    backend.plant(&schema_key(), "4");
    let sealed_before = backend.raw(&session_key("s1")).unwrap();
    let header = VaultHeader::read(&backend).unwrap().unwrap();
    let unlocked = header.unlock("correct horse battery").unwrap();
    let (store, _) = Store::open_unlocked(Box::new(backend.clone()), unlocked).unwrap();
    let sealed_after = backend.raw(&session_key("s1")).unwrap();
    assert_ne!(sealed_after, sealed_before);
    assert!(!sealed_after.contains("gad7"));
    let s = store.session("s1").unwrap().unwrap();
    assert_eq!(s.score(Scale::Gad7), Some(12));
    assert_eq!(s.total_only(Scale::Phq9), Some(9));
}

#[test]
fn migration_6_leaves_records_as_they_were_and_the_first_save_traces_its_saves() {
    const LAYOUT_5_SESSION: &str = r#"{"id":"s1","client_id":"c1","number":7,"date":"2025-06-12","created_at":1749715200000,"updated_at":1749718800000,"rev":3}"#;
    let backend = MemoryBackend::new();
    backend.plant(&schema_key(), "5");
    backend.plant(&session_key("s1"), &codec::encode(LAYOUT_5_SESSION));
    let (mut store, problems) = Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(problems, []);
    assert_eq!(backend.raw(&schema_key()), Some("6".to_string()));
    assert_eq!(stored_json(&backend, "s1"), LAYOUT_5_SESSION);
    let session = store.session("s1").unwrap().unwrap();
    assert!(session.saves.is_empty());
    store.save_session(&session).unwrap();
    let saved = store.session("s1").unwrap().unwrap();
    assert_eq!(saved.saves.values().collect::<Vec<_>>(), [&4]);
}
