use super::*;
use crate::model::note::{NoteFormat, Section};
use crate::model::{Client, Clinician, DeviceSettings, Session};
use crate::storage::migrations::holds_records;
use chrono::NaiveDate;
use serde::Serialize;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 31).unwrap()
}

fn open(backend: &MemoryBackend) -> Store {
    let (store, problems) = Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(problems, []);
    store
}

fn client(id: &str) -> Client {
    Client::new(id.into(), "Alex", 0).unwrap()
}

/// Text that does not compress, for filling the quota.
fn unpredictable_text(len: usize) -> String {
    let mut x: u32 = 0x2545_F491;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect()
}

/// Every stored key and its value, raw.
pub(super) fn everything(backend: &MemoryBackend) -> std::collections::BTreeMap<String, String> {
    backend
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| (k.clone(), backend.raw(&k).unwrap()))
        .collect()
}

pub(super) fn session(id: &str, client_id: &str, number: u32) -> Session {
    Session {
        number,
        ..Session::next(id.into(), client_id, &[], day(), NoteFormat::Soap, 0)
    }
}

#[test]
fn a_fresh_store_is_stamped_with_the_current_schema() {
    let backend = MemoryBackend::new();
    let store = open(&backend);
    assert_eq!(
        backend.raw(&schema_key()).as_deref(),
        Some(SCHEMA_VERSION.to_string().as_str())
    );
    assert_eq!(store.index(), &Index::default());
    assert_eq!(store.clients(), (vec![], vec![]));
}

#[test]
fn a_store_holds_records_once_a_client_is_saved_not_before() {
    let backend = MemoryBackend::new();
    assert!(!holds_records(&backend).unwrap());
    let mut store = open(&backend);
    // Opening a new store writes its schema record, which reads as plain text.
    assert!(!holds_records(&backend).unwrap());
    store.save_client(&client("c1")).unwrap();
    assert!(holds_records(&backend).unwrap());
}

#[test]
fn every_record_type_reads_back_what_was_written() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    let mut s = session("s1", "c1", 1);
    s.transcript = Some(crate::model::transcript::parse(SAMPLE).unwrap());
    store.save_client(&client("c1")).unwrap();
    store.save_session(&s).unwrap();
    let settings = DeviceSettings {
        last_backup_at: Some(42),
        ..DeviceSettings::default()
    };
    store.save_settings(&settings).unwrap();
    let reopened = open(&backend);
    assert_eq!(
        reopened.client("c1").unwrap().unwrap().name,
        client("c1").name
    );
    assert_eq!(
        reopened.session("s1").unwrap().unwrap().transcript,
        s.transcript
    );
    assert_eq!(reopened.settings().unwrap(), settings);
    assert_eq!(reopened.index().clients, vec!["c1".to_string()]);
}

#[test]
fn migrating_layout_0_keeps_client_and_index_records_whole() {
    // Layout 0: records present, no schema record yet.
    let backend = MemoryBackend::new();
    let client_json = r#"{"id":"c1","name":"Alex","course":{"planned_sessions":24}}"#;
    let index_json = r#"{"clients":["c1"],"sessions":[]}"#;
    backend.plant(&client_key("c1"), client_json);
    backend.plant(&index_key(), index_json);
    let store = open(&backend);
    assert_eq!(
        backend.raw(&schema_key()).as_deref(),
        Some(SCHEMA_VERSION.to_string().as_str())
    );
    let decoded = |key: &str| {
        codec::decode(&backend.raw(key).unwrap())
            .unwrap()
            .into_owned()
    };
    assert_eq!(decoded(&client_key("c1")), client_json);
    assert_eq!(decoded(&index_key()), index_json);
    let c = store.client("c1").unwrap().unwrap();
    assert_eq!(c.course.planned_sessions, 24);
}

#[test]
fn layout_1_session_notes_become_the_free_text_section_of_the_note() {
    let backend = MemoryBackend::new();
    backend.plant(&schema_key(), "1");
    let old = r#"{"id":"s1","client_id":"c1","number":4,"date":"2025-07-31","notes":"Zoë: “slept better”\n"}"#;
    backend.plant(&session_key("s1"), old);
    backend.plant(&session_key("s2"), "{not json");
    backend.plant(
        &index_key(),
        r#"{"clients":[],"sessions":[{"id":"s1","client_id":"c1"},{"id":"s2","client_id":"c1"}]}"#,
    );
    let store = Store::open(Box::new(backend.clone())).unwrap().0;
    assert_eq!(
        backend.raw(&schema_key()).as_deref(),
        Some(SCHEMA_VERSION.to_string().as_str())
    );
    let s = store.session("s1").unwrap().unwrap();
    assert_eq!(s.number, 4);
    assert_eq!(s.note.format, NoteFormat::Free);
    assert_eq!(s.note.text(Section::Free), "Zoë: “slept better”\n");
    assert!(
        !codec::decode(&backend.raw(&session_key("s1")).unwrap())
            .unwrap()
            .contains("\"notes\"")
    );
    // The damaged record is not touched by the migration.
    assert_eq!(
        backend.raw(&session_key("s2")).as_deref(),
        Some("{not json")
    );

    // Running the step again (say, after an interrupted upgrade) changes nothing.
    let migrated = backend.raw(&session_key("s1"));
    backend.plant(&schema_key(), "1");
    Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(backend.raw(&session_key("s1")), migrated);
}

#[test]
fn an_interrupted_migration_leaves_the_old_layout_in_place() {
    let backend = MemoryBackend::new();
    backend.plant(&schema_key(), "1");
    let old = r#"{"id":"s1","client_id":"c1","notes":"words"}"#;
    backend.plant(&session_key("s1"), old);
    backend.set_quota(Some(10));
    let err = Store::open(Box::new(backend.clone())).err().unwrap();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert_eq!(backend.raw(&schema_key()).as_deref(), Some("1"));
    assert_eq!(backend.raw(&session_key("s1")).as_deref(), Some(old));
}

#[test]
fn an_up_to_date_store_is_opened_without_writing() {
    let backend = MemoryBackend::new();
    open(&backend);
    backend.take_writes();
    open(&backend);
    assert_eq!(backend.take_writes(), Vec::<String>::new());
}

#[test]
fn a_damaged_schema_record_is_reported_not_overwritten() {
    let backend = MemoryBackend::new();
    backend.plant(&schema_key(), "{oops");
    let err = Store::open(Box::new(backend.clone())).err().unwrap();
    assert!(matches!(err, StorageError::Damaged { ref key, .. } if *key == schema_key()));
    assert_eq!(backend.raw(&schema_key()).as_deref(), Some("{oops"));
}

#[test]
fn saving_a_session_writes_that_record_and_the_index_only_when_new() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    backend.take_writes();
    store.save_client(&client("c1")).unwrap();
    // The device's id is made at its first save, once.
    assert_eq!(
        backend.take_writes(),
        [crate::layout::device_key(), client_key("c1"), index_key()]
    );

    let mut s = session("s1", "c1", 1);
    s.rev = store.save_session(&s).unwrap();
    assert_eq!(backend.take_writes(), [session_key("s1"), index_key()]);

    s.note
        .set_text(Section::Subjective, "Talked about sleep.".into());
    s.rev = store.save_session(&s).unwrap();
    assert_eq!(backend.take_writes(), [session_key("s1")]);

    let again = open(&backend);
    let loaded = again.session("s1").unwrap().unwrap();
    assert_eq!(loaded.note.text(Section::Subjective), "Talked about sleep.");
    s.saves = loaded.saves;
    assert_eq!(again.sessions_of("c1").0, vec![s]);
}

#[test]
fn sessions_are_listed_per_client_in_course_order() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    for (id, client_id, n) in [("a", "c1", 2), ("b", "c2", 1), ("c", "c1", 1)] {
        store.save_session(&session(id, client_id, n)).unwrap();
    }
    let (sessions, problems) = store.sessions_of("c1");
    assert!(problems.is_empty());
    assert_eq!(
        sessions
            .iter()
            .map(|s| (s.id.as_str(), s.number))
            .collect::<Vec<_>>(),
        [("c", 1), ("a", 2)]
    );
}

#[test]
fn a_damaged_record_is_reported_left_untouched_and_the_rest_still_loads() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    store.save_session(&session("s1", "c1", 1)).unwrap();
    store.save_session(&session("s2", "c1", 2)).unwrap();
    backend.plant(&session_key("s1"), "{\"number\": \"not a number");

    let mut store = open(&backend);
    let (sessions, problems) = store.sessions_of("c1");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].id, "s2");
    assert_eq!(problems.len(), 1);
    assert!(matches!(&problems[0], StorageError::Damaged { key, .. } if *key == session_key("s1")));
    assert!(
        problems[0]
            .to_string()
            .starts_with("The session record s1 could not be read")
    );

    // Working on the other session never rewrites the damaged one.
    let mut s2 = sessions[0].clone();
    s2.plan_for_next = "more".into();
    store.save_session(&s2).unwrap();
    store.save_session(&session("s3", "c1", 3)).unwrap();
    assert_eq!(
        backend.raw(&session_key("s1")).as_deref(),
        Some("{\"number\": \"not a number")
    );
    assert!(matches!(
        store.session("s1"),
        Err(StorageError::Damaged { .. })
    ));
}

#[test]
fn a_damaged_client_record_leaves_the_other_clients_on_the_roster() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    store.save_client(&client("c2")).unwrap();
    backend.plant(&client_key("c1"), "null null");
    let (clients, problems) = store.clients();
    assert_eq!(
        clients.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["c2"]
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(backend.raw(&client_key("c1")).as_deref(), Some("null null"));
}

#[test]
fn a_damaged_index_is_kept_aside_and_rebuilt_from_the_records() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    store.save_session(&session("s1", "c1", 1)).unwrap();
    backend.plant(&index_key(), "[garbage");

    let (store, problems) = Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains("index record"));
    assert_eq!(
        backend.raw(&quarantine_key(&index_key())).as_deref(),
        Some("[garbage")
    );
    assert_eq!(store.index().clients, ["c1"]);
    assert_eq!(store.sessions_of("c1").0.len(), 1);
}

#[test]
fn a_full_store_refuses_the_save_keeps_what_was_saved_and_says_so() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    let mut s = session("s1", "c1", 1);
    s.note.set_text(Section::Subjective, "first words".into());
    store.save_session(&s).unwrap();
    let saved = backend.raw(&session_key("s1"));

    backend.set_quota(Some(1200));
    s.note
        .set_text(Section::Subjective, unpredictable_text(6000));
    let err = store.save_session(&s).unwrap_err();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(err.to_string().starts_with("Storage is full"));
    assert_eq!(backend.raw(&session_key("s1")), saved);
}

#[test]
fn a_new_record_whose_index_update_fails_is_taken_back_out() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    // The session record is written; the index that follows it is refused.
    backend.fail_write_after(1);
    assert_eq!(
        store.save_session(&session("s1", "c1", 1)),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(backend.raw(&session_key("s1")), None);
    assert!(store.index().sessions.is_empty());
    store.save_session(&session("s1", "c1", 1)).unwrap();
    assert_eq!(store.index().sessions.len(), 1);
}

#[test]
fn unavailable_storage_is_an_error_not_a_panic() {
    let backend = MemoryBackend::new();
    backend.set_unavailable(true);
    let err = Store::open(Box::new(backend.clone())).err().unwrap();
    assert!(matches!(err, StorageError::Unavailable(_)));
    assert!(
        err.to_string()
            .contains("not letting Sessionpad store anything")
    );
}

#[test]
fn the_clinician_profile_round_trips() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    assert_eq!(store.clinician().unwrap(), Clinician::default());
    let c = Clinician {
        name: "Dr. Harper Torres".into(),
        ..Clinician::default()
    };
    store.save_clinician(&c).unwrap();
    assert_eq!(open(&backend).clinician().unwrap(), c);
}

#[test]
fn device_settings_round_trip_and_the_room_tells_our_keys_from_others() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    assert!(!store.settings().unwrap().eviction_hint_dismissed);
    store
        .save_settings(&DeviceSettings {
            eviction_hint_dismissed: true,
            ..DeviceSettings::default()
        })
        .unwrap();
    assert!(open(&backend).settings().unwrap().eviction_hint_dismissed);

    let before = store.room().unwrap();
    backend.plant("someone-else", &"x".repeat(500));
    let after = store.room().unwrap();
    assert_eq!(after.notes, before.notes);
    assert_eq!(after.others, "someone-else".len() + 500);
    store.save_client(&client("c1")).unwrap();
    let expected: usize = backend
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| k.encode_utf16().count() + backend.raw(k).unwrap().encode_utf16().count())
        .sum();
    assert_eq!(store.room().unwrap().notes, expected);
}

#[test]
fn a_session_comes_with_its_client_or_not_at_all_and_a_damaged_client_stands_in() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    store.save_session(&session("s1", "c1", 1)).unwrap();
    store.save_session(&session("orphan", "gone", 1)).unwrap();
    let (s, c) = store.session_with_client("s1").unwrap().unwrap();
    assert_eq!((s.id.as_str(), c.id.as_str()), ("s1", "c1"));
    assert_eq!(store.session_with_client("orphan"), Ok(None));
    assert_eq!(store.session_with_client("nope"), Ok(None));
    backend.plant(&client_key("c1"), "{");
    let (_, stand_in) = store.session_with_client("s1").unwrap().unwrap();
    assert_eq!(stand_in, Client::unreadable("c1"));
}

#[test]
fn two_tabs_adding_records_never_drop_each_others_from_the_index() {
    let backend = MemoryBackend::new();
    let mut first = open(&backend);
    let mut second = open(&backend);
    first.save_client(&client("c1")).unwrap();
    second.save_client(&client("c2")).unwrap();
    second.save_session(&session("s2", "c2", 1)).unwrap();
    first.save_session(&session("s1", "c1", 1)).unwrap();

    let reopened = open(&backend);
    assert_eq!(reopened.index().clients, ["c1", "c2"]);
    assert_eq!(reopened.index().sessions.len(), 2);
    // The first tab learns of the second's client when told the index changed.
    assert_eq!(first.clients().0.len(), 2);
    second.save_client(&client("c3")).unwrap();
    assert_eq!(first.clients().0.len(), 2);
    first.refresh_index();
    assert_eq!(first.clients().0.len(), 3);
}

const SAMPLE: &str = include_str!("../../tests/fixtures/session-14-of-24.txt");

/// A store as layout 2 left it: plain JSON records, the transcript inside
/// its session, schema "2".
fn layout_2_fixture() -> (MemoryBackend, Session, Client) {
    let backend = MemoryBackend::new();
    let alex = client("c1");
    let mut imported = session("s1", "c1", 14);
    imported.transcript = Some(crate::model::transcript::parse(SAMPLE).unwrap());
    imported
        .note
        .set_text(Section::Subjective, "Slept better; “good enough” 🙂".into());
    backend.plant(&schema_key(), "2");
    backend.plant(&client_key("c1"), &plain(&alex));
    backend.plant(&session_key("s1"), &plain(&imported));
    backend.plant(&session_key("s2"), &plain(&session("s2", "c1", 15)));
    backend.plant(&clinician_key(), r#"{"name":"Dr. Harper Torres"}"#);
    backend.plant(&settings_key(), r#"{"eviction_hint_dismissed":true}"#);
    backend.plant(
        &index_key(),
        r#"{"clients":["c1"],"sessions":[{"id":"s1","client_id":"c1"},{"id":"s2","client_id":"c1"}]}"#,
    );
    (backend, imported, alex)
}

/// A record as layout 2 stored it: plain JSON.
fn plain<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap()
}

/// Every record of `backend` decoded, for comparing whole stores.
fn decoded_records(backend: &MemoryBackend) -> Vec<(String, String)> {
    backend
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| *k != schema_key())
        .map(|k| {
            let raw = backend.raw(&k).unwrap();
            (k, codec::decode(&raw).unwrap().into_owned())
        })
        .collect()
}

#[test]
fn migration_3_compresses_every_record_and_moves_the_transcript_to_its_own_key() {
    let (backend, imported, alex) = layout_2_fixture();
    let before = Store::open(Box::new(backend.clone())).map(|_| ());
    assert_eq!(before, Ok(()));
    assert_eq!(
        backend.raw(&schema_key()).as_deref(),
        Some(SCHEMA_VERSION.to_string().as_str())
    );
    for key in backend.keys().unwrap() {
        if key != schema_key() {
            assert!(codec::is_current(&backend.raw(&key).unwrap()), "{key}");
        }
    }
    let record = codec::decode(&backend.raw(&session_key("s1")).unwrap())
        .unwrap()
        .into_owned();
    assert!(record.contains("\"transcript\":null"), "{record}");
    assert!(backend.raw(&transcript_key("s1")).is_some());
    assert!(backend.raw(&transcript_key("s2")).is_none());

    let store = open(&backend);
    assert_eq!(store.session("s1").unwrap().unwrap(), imported);
    assert_eq!(store.client("c1").unwrap().unwrap(), alex);
    assert_eq!(store.clinician().unwrap().name, "Dr. Harper Torres");
    assert!(store.settings().unwrap().eviction_hint_dismissed);
    assert_eq!(store.sessions_of("c1").0.len(), 2);
}

#[test]
fn migration_3_cut_short_at_any_write_finishes_the_same_at_the_next_start() {
    let (complete, _, _) = layout_2_fixture();
    Store::open(Box::new(complete.clone())).unwrap();
    let expected = decoded_records(&complete);
    let writes = complete.take_writes().len();
    for n in 0..writes {
        let (backend, _, _) = layout_2_fixture();
        backend.fail_write_after(n);
        assert_eq!(
            Store::open(Box::new(backend.clone())).err(),
            Some(StorageError::QuotaExceeded),
            "write {n}"
        );
        assert_eq!(backend.raw(&schema_key()).as_deref(), Some("2"));
        Store::open(Box::new(backend.clone())).unwrap();
        assert_eq!(decoded_records(&backend), expected, "cut at write {n}");
    }
}

#[test]
fn a_refused_write_at_any_step_of_adding_a_session_leaves_no_half_saved_record() {
    let mut attempt = 0;
    loop {
        let backend = MemoryBackend::new();
        let mut store = open(&backend);
        store.save_client(&client("c1")).unwrap();
        let before = decoded_records(&backend);
        let mut imported = session("s1", "c1", 1);
        imported.transcript = Some(crate::model::transcript::parse(SAMPLE).unwrap());
        backend.fail_write_after(attempt);
        match store.save_session(&imported) {
            Ok(_) => break,
            Err(e) => {
                assert_eq!(e, StorageError::QuotaExceeded);
                assert_eq!(decoded_records(&backend), before, "write {attempt}");
                assert!(store.index().sessions.is_empty());
                assert_eq!(store.save_session(&imported).unwrap(), 1);
                let stored = store.session("s1").unwrap().unwrap();
                let saves = stored.saves.clone();
                assert_eq!(
                    stored,
                    Session {
                        rev: 1,
                        saves,
                        ..imported
                    }
                );
            }
        }
        attempt += 1;
    }
    assert!(
        attempt >= 3,
        "transcript, session and index were each refused once"
    );
}

#[test]
fn typing_in_a_note_rewrites_the_session_record_and_never_the_transcript() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    let mut s = session("s1", "c1", 1);
    s.transcript = Some(crate::model::transcript::parse(SAMPLE).unwrap());
    s.rev = store.save_session(&s).unwrap();
    backend.take_writes();
    s.note
        .set_text(Section::Subjective, "A few more words".into());
    s.rev = store.save_session(&s).unwrap();
    assert_eq!(backend.take_writes(), [session_key("s1")]);
    let stored = store.session("s1").unwrap().unwrap();
    assert_eq!(
        stored,
        Session {
            saves: stored.saves.clone(),
            ..s
        }
    );
}

#[test]
fn the_quota_counts_utf16_code_units_as_chromium_does() {
    let backend = MemoryBackend::new();
    let mut raw = backend.clone();
    backend.set_quota(Some(4));
    // "k" plus an emoji (two code units) plus "é" (one): four units.
    raw.set("k", "🙂é").unwrap();
    assert_eq!(raw.set("k", "🙂🙂"), Err(StorageError::QuotaExceeded));
    assert_eq!(backend.raw("k").as_deref(), Some("🙂é"));
}

#[test]
fn the_room_averages_sessions_with_their_transcripts() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    let mut imported = session("s1", "c1", 1);
    imported.transcript = Some(crate::model::transcript::parse(SAMPLE).unwrap());
    store.save_session(&imported).unwrap();
    store.save_session(&session("s2", "c1", 2)).unwrap();
    let units = |key: String| {
        key.encode_utf16().count() + backend.raw(&key).unwrap().encode_utf16().count()
    };
    let room = store.room().unwrap();
    assert_eq!(room.sessions, 2);
    assert_eq!(
        room.session_units,
        units(session_key("s1")) + units(transcript_key("s1")) + units(session_key("s2"))
    );
    assert!(room.sessions_left().is_some());
}

#[test]
fn why_nothing_is_saved_reads_as_a_clause_for_the_not_saving_bar() {
    assert_eq!(
        StorageError::Unavailable("SecurityError: The operation is insecure.".into())
            .not_saving_reason(),
        "this browser is not letting Sessionpad store anything (SecurityError: The operation is insecure.)"
    );
    assert_eq!(
        StorageError::NewerSchema { found: 4 }.not_saving_reason(),
        "the notes here were saved by a newer version of Sessionpad (layout 4)"
    );
    assert_eq!(
        StorageError::Damaged {
            key: schema_key(),
            reason: "“x” is not a layout version".into()
        }
        .not_saving_reason(),
        "the schema record could not be read (“x” is not a layout version)"
    );
}

#[test]
fn the_clinicians_own_tags_come_from_every_live_session_without_their_transcripts() {
    use crate::model::tags::TagKind::{Intervention, Theme};
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1")).unwrap();
    store.save_client(&client("c2")).unwrap();
    let mut first = session("s1", "c1", 1);
    first.tags.add(Theme, "Caring for mother");
    first.tags.add(Theme, "perfectionism");
    first.transcript = Some(crate::model::transcript::parse(SAMPLE).unwrap());
    let mut second = session("s2", "c2", 1);
    second.tags.add(Intervention, "EMDR resourcing");
    second.tags.add(Theme, "caring  for mother");
    let mut gone = session("s3", "c2", 2);
    gone.tags.add(Theme, "Only in a deleted session");
    for s in [&first, &second, &gone] {
        store.save_session(s).unwrap();
    }
    store.delete_session("s3", 0).unwrap();
    // A transcript that cannot be read is never touched.
    backend.plant(&transcript_key("s1"), "not a record");
    let (own, problems) = store.own_tags();
    assert_eq!(problems, []);
    assert_eq!(own.interventions, ["EMDR resourcing"]);
    assert_eq!(own.themes, ["Caring for mother"]);

    backend.plant(&session_key("s2"), "not a record");
    let (own, problems) = store.own_tags();
    assert_eq!(own.themes, ["Caring for mother"]);
    assert!(matches!(&problems[..], [StorageError::Damaged { .. }]));
}
