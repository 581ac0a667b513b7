use super::*;
use crate::storage::tests::session;
use crate::storage::{Backend, MemoryBackend, transcript_key};

fn open(backend: &MemoryBackend) -> Store {
    let (store, problems) = Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(problems, []);
    store
}

fn client(id: &str, name: &str) -> Client {
    Client::new(id.into(), name, 0).unwrap()
}

/// Alex with sessions 1 and 2 (the second imported with a transcript), and Sam with one.
fn two_clients() -> (MemoryBackend, Store) {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    store.save_client(&client("c1", "Alex")).unwrap();
    store.save_client(&client("c2", "Sam")).unwrap();
    store.save_session(&session("s1", "c1", 1)).unwrap();
    let imported = Session {
        transcript: Some(crate::model::transcript::parse("Client: I slept badly.").unwrap()),
        ..session("s2", "c1", 2)
    };
    store.save_session(&imported).unwrap();
    store.save_session(&session("s3", "c2", 1)).unwrap();
    (backend, store)
}

fn ids<T>(records: &[T], id: fn(&T) -> &str) -> Vec<String> {
    records.iter().map(|r| id(r).to_string()).collect()
}

fn session_ids(store: &Store, client_id: &str) -> Vec<String> {
    ids(&store.sessions_of(client_id).0, |s| &s.id)
}

fn client_ids(store: &Store) -> Vec<String> {
    ids(&store.clients().0, |c| &c.id)
}

#[test]
fn a_deleted_session_leaves_the_list_keeps_its_data_and_comes_back_whole() {
    let (backend, mut store) = two_clients();
    let before = backend.raw(&session_key("s2"));
    store.delete_session("s2", 1_000).unwrap();
    assert_eq!(session_ids(&store, "c1"), ["s1"]);
    assert_eq!(backend.raw(&session_key("s2")), before);
    // Another tab opening now sees the same.
    assert_eq!(session_ids(&open(&backend), "c1"), ["s1"]);

    let listed = store.deleted();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].deleted.at, 1_000);
    assert_eq!(
        listed[0].what.label(),
        "Session 2 of 12 with Alex (31 Jul 2025)"
    );

    store.restore(&Deletable::Session("s2".into())).unwrap();
    assert_eq!(session_ids(&store, "c1"), ["s1", "s2"]);
    assert!(store.session("s2").unwrap().unwrap().transcript.is_some());
    assert_eq!(store.deleted(), []);
}

#[test]
fn a_deleted_client_hides_its_sessions_and_restoring_it_brings_them_back() {
    let (backend, mut store) = two_clients();
    store.delete_session("s1", 1).unwrap();
    store.delete_client("c1", 2).unwrap();
    assert_eq!(client_ids(&store), ["c2"]);
    assert_eq!(session_ids(&store, "c1"), Vec::<String>::new());
    let labels: Vec<String> = store.deleted().iter().map(|d| d.what.label()).collect();
    assert_eq!(
        labels,
        [
            "Alex and their 2 sessions",
            "Session 1 of 12 with Alex (31 Jul 2025)"
        ]
    );

    for record in [
        Deletable::Client("c1".into()),
        Deletable::Session("s1".into()),
        Deletable::Session("s2".into()),
    ] {
        assert!(store.in_recently_deleted(&record), "{record:?}");
    }
    assert!(!store.in_recently_deleted(&Deletable::Session("s3".into())));

    store.restore(&Deletable::Client("c1".into())).unwrap();
    assert_eq!(client_ids(&store), ["c1", "c2"]);
    assert!(!store.in_recently_deleted(&Deletable::Session("s2".into())));
    // The session deleted on its own before stays in Recently deleted.
    assert_eq!(session_ids(&store, "c1"), ["s2"]);
    assert_eq!(session_ids(&open(&backend), "c1"), ["s2"]);
}

#[test]
fn restoring_a_session_of_a_deleted_client_restores_the_client_too() {
    let (_, mut store) = two_clients();
    store.delete_session("s1", 1).unwrap();
    store.delete_client("c1", 2).unwrap();
    store.restore(&Deletable::Session("s1".into())).unwrap();
    assert_eq!(client_ids(&store), ["c1", "c2"]);
    assert_eq!(session_ids(&store, "c1"), ["s1", "s2"]);
    assert_eq!(store.deleted(), []);
}

#[test]
fn deleting_a_session_for_good_removes_it_and_its_transcript_and_frees_the_room() {
    let (backend, mut store) = two_clients();
    let before = store.room().unwrap();
    store.delete_session("s2", 1).unwrap();
    store.purge(&Deletable::Session("s2".into())).unwrap();
    assert_eq!(backend.raw(&session_key("s2")), None);
    assert_eq!(backend.raw(&transcript_key("s2")), None);
    let after = store.room().unwrap();
    assert_eq!(after.sessions, before.sessions - 1);
    assert!(after.notes < before.notes);
    assert_eq!(store.deleted(), []);
    assert!(store.index().sessions.iter().all(|s| s.id != "s2"));
    assert_eq!(session_ids(&open(&backend), "c1"), ["s1"]);
}

#[test]
fn deleting_a_client_for_good_takes_every_session_of_theirs_and_leaves_the_others() {
    let (backend, mut store) = two_clients();
    store.delete_session("s1", 1).unwrap();
    store.delete_client("c1", 2).unwrap();
    store.purge(&Deletable::Client("c1".into())).unwrap();
    let keys = backend.keys().unwrap();
    for gone in [
        client_key("c1"),
        session_key("s1"),
        session_key("s2"),
        transcript_key("s2"),
    ] {
        assert!(!keys.contains(&gone), "{gone} is still stored");
    }
    assert_eq!(store.deleted(), []);
    let reopened = open(&backend);
    assert_eq!(client_ids(&reopened), ["c2"]);
    assert_eq!(session_ids(&reopened, "c2"), ["s3"]);
    assert_eq!(reopened.index().sessions.len(), 1);
}

#[test]
fn an_index_written_before_deletion_existed_still_reads() {
    let backend = MemoryBackend::new();
    backend.plant(&crate::storage::schema_key(), "2");
    backend.plant(
        &index_key(),
        r#"{"clients":["c1"],"sessions":[{"id":"s1","client_id":"c1"}]}"#,
    );
    backend.plant(&client_key("c1"), r#"{"id":"c1","name":"Alex"}"#);
    backend.plant(
        &session_key("s1"),
        r#"{"id":"s1","client_id":"c1","number":1,"date":"2026-03-12","note":{"format":"free","sections":{}}}"#,
    );
    let store = open(&backend);
    assert_eq!(store.index().deleted, []);
    assert_eq!(client_ids(&store), ["c1"]);
    assert_eq!(session_ids(&store, "c1"), ["s1"]);
}

#[test]
fn a_deletion_in_one_tab_is_kept_when_another_tab_adds_a_record() {
    let (backend, mut first) = two_clients();
    let mut second = open(&backend);
    first.delete_client("c2", 1).unwrap();
    second.save_client(&client("c3", "Kim")).unwrap();
    assert_eq!(client_ids(&open(&backend)), ["c1", "c3"]);
}

#[test]
fn a_refused_deletion_changes_nothing() {
    let (backend, mut store) = two_clients();
    backend.fail_write_after(0);
    assert_eq!(
        store.delete_client("c1", 1),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(client_ids(&store), ["c1", "c2"]);
    assert_eq!(client_ids(&open(&backend)), ["c1", "c2"]);
}

#[test]
fn a_session_deleted_for_good_in_one_tab_is_not_written_back_by_another_that_had_it_open() {
    let (backend, mut one) = two_clients();
    let mut two = open(&backend);
    let mut open_in_two = two.session("s1").unwrap().unwrap();
    one.delete_session("s1", 0).unwrap();
    one.purge(&Deletable::Session("s1".into())).unwrap();

    open_in_two.agenda = "Typed after it was gone".into();
    assert!(matches!(
        two.save_session(&open_in_two),
        Err(StorageError::GoneForGood { .. })
    ));
    assert_eq!(backend.raw(&session_key("s1")), None);
    assert_eq!(session_ids(&open(&backend), "c1"), ["s2"]);
}

#[test]
fn a_session_whose_storage_was_wiped_whole_is_written_back_by_the_tab_that_still_has_it() {
    let (backend, mut store) = two_clients();
    let mut kept = store.session("s1").unwrap().unwrap();
    for key in backend.keys().unwrap() {
        backend.clone().remove(&key).unwrap();
    }
    kept.agenda = "Still on screen".into();
    store.save_session(&kept).unwrap();
    assert!(backend.raw(&session_key("s1")).is_some());
}
