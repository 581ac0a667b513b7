use super::*;
use crate::model::note::{NoteFormat, Section};
use crate::storage::{MemoryBackend, conflict_key};
use chrono::NaiveDate;

pub(in crate::storage) fn session(id: &str, note: &str) -> Session {
    let date = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let mut s = Session::next(id.into(), "c1", &[], date, NoteFormat::Free, 0);
    s.note.set_text(Section::Free, note.into());
    s
}

pub(in crate::storage) fn client(name: &str) -> Client {
    Client::new("c1".into(), name, 0).unwrap()
}

pub(in crate::storage) fn open(backend: &MemoryBackend) -> Store {
    Store::open(Box::new(backend.clone())).unwrap().0
}

pub(in crate::storage) fn note_of(store: &Store, id: &str) -> String {
    let s = store.session(id).unwrap().unwrap();
    s.note.text(Section::Free).to_string()
}

/// Session "s1" saved as "Base", then another tab's "Theirs" over it, then
/// this tab's "Mine", still based on "Base": the copy it was set aside as.
fn theirs_then_stale_mine(store: &mut Store) -> RecordRef {
    store.save_session(&session("s1", "Base")).unwrap();
    store
        .save_session(&Session {
            rev: 1,
            ..session("s1", "Theirs")
        })
        .unwrap();
    let stale = Session {
        rev: 1,
        ..session("s1", "Mine")
    };
    match store.save_session(&stale) {
        Err(StorageError::Conflict { copy, .. }) => copy,
        other => panic!("a stale write must conflict, not {other:?}"),
    }
}

#[test]
fn a_write_over_a_revision_another_tab_moved_is_set_aside_and_theirs_kept() {
    let backend = MemoryBackend::new();
    let mut mine = open(&backend);
    let mut theirs = open(&backend);
    let read = session("s1", "Slept");
    assert_eq!(mine.save_session(&read).unwrap(), 1);
    let at_1 = mine.session("s1").unwrap().unwrap();
    let their_edit = Session {
        rev: 1,
        ..session("s1", "Slept. Theirs.")
    };
    assert_eq!(theirs.save_session(&their_edit).unwrap(), 2);

    let my_edit = Session {
        rev: at_1.rev,
        ..session("s1", "Slept. Mine.")
    };
    let copy = RecordRef::Conflict(Box::new(RecordRef::Session("s1".into())), 1);
    assert_eq!(
        mine.save_session(&my_edit),
        Err(StorageError::Conflict {
            record: RecordRef::Session("s1".into()),
            copy: copy.clone(),
        })
    );
    assert_eq!(note_of(&mine, "s1"), "Slept. Theirs.");
    assert_eq!(mine.session("s1").unwrap().unwrap().rev, 2);
    assert!(
        backend
            .raw(&conflict_key(&RecordRef::Session("s1".into()), 1))
            .is_some()
    );
    let aside: Session = mine.conflict_copy(&copy).unwrap().unwrap();
    assert_eq!(aside.note.text(Section::Free), "Slept. Mine.");
    assert_eq!(
        mine.conflict_copies_of(&RecordRef::Session("s1".into()))
            .unwrap(),
        vec![copy]
    );
}

#[test]
fn keeping_a_version_writes_it_over_the_stored_one_and_removes_the_copy() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    let copy = theirs_then_stale_mine(&mut store);
    let merged = Edit::Session(Box::new(session("s1", "Theirs and mine")));
    assert_eq!(store.keep_version(&copy, &merged).unwrap(), 3);
    assert_eq!(note_of(&store, "s1"), "Theirs and mine");
    assert_eq!(store.conflict_copies().unwrap(), vec![]);
}

#[test]
fn a_second_stale_write_is_set_aside_under_the_next_number() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("Alex")).unwrap();
    store
        .save_client(&Client {
            rev: 1,
            ..client("Alex K")
        })
        .unwrap();
    for _ in 0..2 {
        assert!(matches!(
            store.save_client(&Client {
                rev: 1,
                ..client("Alex M")
            }),
            Err(StorageError::Conflict { .. })
        ));
    }
    let record = RecordRef::Client("c1".into());
    assert_eq!(
        store.conflict_copies_of(&record).unwrap(),
        vec![
            RecordRef::Conflict(Box::new(record.clone()), 1),
            RecordRef::Conflict(Box::new(record.clone()), 2)
        ]
    );
    assert_eq!(store.client("c1").unwrap().unwrap().name, "Alex K");
}

#[test]
fn records_written_before_revisions_read_as_revision_0_and_accept_a_write() {
    let backend = MemoryBackend::new();
    let legacy = r#"{"id":"c1","name":"Alex","course":{"planned_sessions":24}}"#;
    backend.plant(&crate::storage::client_key("c1"), legacy);
    backend.plant(
        &crate::storage::index_key(),
        r#"{"clients":["c1"],"sessions":[]}"#,
    );
    let mut store = open(&backend);
    let read = store.client("c1").unwrap().unwrap();
    assert_eq!(read.rev, 0);
    assert_eq!(store.save_client(&read).unwrap(), 1);
}

#[test]
fn a_conflict_copy_key_names_its_record_and_number() {
    let copy = RecordRef::Conflict(Box::new(RecordRef::Session("s1".into())), 2);
    assert_eq!(copy.key(), "sessionpad/v1/conflict/session/s1/2");
    assert_eq!(RecordRef::from_key(&copy.key()), Some(copy));
    assert_eq!(RecordRef::from_key("sessionpad/v1/conflict/index/1"), None);
    assert_eq!(
        RecordRef::from_key("sessionpad/v1/conflict/session/s1/x"),
        None
    );
}

#[test]
fn unresolved_session_copies_are_listed_under_their_client() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("Alex")).unwrap();
    theirs_then_stale_mine(&mut store);
    assert_eq!(
        store.sessions_with_conflicts("c1").unwrap(),
        vec!["s1".to_string()]
    );
    assert_eq!(
        store.sessions_with_conflicts("c2").unwrap(),
        Vec::<String>::new()
    );
}
