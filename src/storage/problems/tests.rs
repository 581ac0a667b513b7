use super::*;
use crate::layout::{clinician_key, settings_key};
use crate::storage::MemoryBackend;
use crate::storage::error::Problems;
use crate::storage::tests::session;

fn open(backend: &MemoryBackend) -> (Store, Problems) {
    Store::open(Box::new(backend.clone())).unwrap()
}

/// Alex (c1) with two sessions.
fn alex() -> (MemoryBackend, Store) {
    let backend = MemoryBackend::new();
    let (mut store, _) = open(&backend);
    store
        .save_client(&Client::new("c1".into(), "Alex", 0).unwrap())
        .unwrap();
    store.save_session(&session("s1", "c1", 1)).unwrap();
    store.save_session(&session("s2", "c1", 2)).unwrap();
    (backend, store)
}

fn session_ids(store: &Store, client_id: &str) -> Vec<String> {
    store
        .sessions_of(client_id)
        .0
        .into_iter()
        .map(|s| s.id)
        .collect()
}

#[test]
fn a_damaged_client_still_lists_its_sessions_and_they_open_under_a_stand_in() {
    let (backend, _) = alex();
    backend.plant(&client_key("c1"), "garbage");
    let (store, problems) = open(&backend);
    assert_eq!(problems, []);
    let (clients, problems) = store.clients();
    assert_eq!(clients, []);
    assert_eq!(
        problems[0].damaged_record(),
        Some(RecordRef::Client("c1".into()))
    );
    assert_eq!(session_ids(&store, "c1"), ["s1", "s2"]);
    let (opened, client) = store.session_with_client("s2").unwrap().unwrap();
    assert_eq!(opened.id, "s2");
    assert_eq!(client.name, "Client record damaged");
    assert_eq!(backend.raw(&client_key("c1")).as_deref(), Some("garbage"));
}

#[test]
fn a_damaged_clinician_record_is_set_aside_before_defaults_are_used_never_overwritten() {
    let backend = MemoryBackend::new();
    open(&backend);
    backend.plant(&clinician_key(), "{\"name\": \"Dr. Tor");
    let (mut store, problems) = open(&backend);
    assert!(
        matches!(&problems[..], [StorageError::SetAside { key, .. }] if *key == clinician_key())
    );
    assert!(problems[0].to_string().contains("set aside unchanged"));
    assert_eq!(
        backend.raw(&quarantine_key(&clinician_key())).as_deref(),
        Some("{\"name\": \"Dr. Tor")
    );
    assert_eq!(store.clinician(), Ok(Clinician::default()));
    store.save_clinician(&Clinician::default()).unwrap();
    assert_eq!(
        backend.raw(&quarantine_key(&clinician_key())).as_deref(),
        Some("{\"name\": \"Dr. Tor")
    );
}

#[test]
fn a_clinician_record_damaged_after_opening_is_set_aside_before_a_save_replaces_it() {
    let backend = MemoryBackend::new();
    let (mut store, _) = open(&backend);
    // An earlier copy set aside is never written over by a later one.
    backend.plant(&quarantine_key(&clinician_key()), "first damage");
    backend.plant(&clinician_key(), "second damage");
    store.save_clinician(&Clinician::default()).unwrap();
    let copies: Vec<String> = store
        .damaged_records()
        .unwrap()
        .iter()
        .map(|d| store.raw_value(d).unwrap().unwrap())
        .collect();
    assert_eq!(copies, ["first damage", "second damage"]);
    assert_eq!(store.clinician(), Ok(Clinician::default()));
}

#[test]
fn a_damaged_profile_that_cannot_be_set_aside_is_left_where_it_is() {
    let backend = MemoryBackend::new();
    open(&backend);
    backend.plant(&settings_key(), "[[[");
    backend.fail_write_after(0);
    let (mut store, problems) = open(&backend);
    assert!(matches!(&problems[..], [StorageError::Damaged { key, .. }] if *key == settings_key()));
    assert_eq!(backend.raw(&settings_key()).as_deref(), Some("[[["));
    backend.fail_write_after(0);
    assert!(store.save_settings(&DeviceSettings::default()).is_err());
    assert_eq!(backend.raw(&settings_key()).as_deref(), Some("[[["));
}

#[test]
fn a_missing_index_is_rebuilt_from_the_records() {
    let (backend, _) = alex();
    Backend::remove(&mut backend.clone(), &index_key()).unwrap();
    let (store, problems) = open(&backend);
    assert_eq!(problems, []);
    assert_eq!(store.index().clients, ["c1"]);
    assert_eq!(session_ids(&store, "c1"), ["s1", "s2"]);
    assert!(backend.raw(&index_key()).is_some());
}

#[test]
fn records_the_index_does_not_know_are_taken_back_in_on_opening() {
    let (backend, mut store) = alex();
    let index = store.index().clone();
    store.save_session(&session("s3", "c1", 3)).unwrap();
    store
        .save_client(&Client::new("c2".into(), "Sam", 0).unwrap())
        .unwrap();
    // As if the index write of another tab had been lost.
    write(&mut backend.clone(), &index_key(), &index).unwrap();
    let (store, _) = open(&backend);
    assert_eq!(store.index().clients, ["c1", "c2"]);
    assert_eq!(session_ids(&store, "c1"), ["s1", "s2", "s3"]);
}

#[test]
fn the_problems_list_names_damaged_records_and_copies_set_aside() {
    let (backend, _) = alex();
    backend.plant(&client_key("c1"), "garbage");
    backend.plant(&transcript_key("s1"), "Zgarbage");
    backend.plant(&index_key(), "[");
    let (store, _) = open(&backend);
    let listed: Vec<(String, usize)> = store
        .damaged_records()
        .unwrap()
        .into_iter()
        .map(|d| (d.what, d.sessions))
        .collect();
    assert_eq!(
        listed,
        [
            ("Client record c1".to_string(), 2),
            ("Copy of the index record, set aside".to_string(), 0),
            ("Transcript of session record s1".to_string(), 0),
        ]
    );
}

#[test]
fn removing_a_damaged_session_drops_it_from_the_index_and_frees_its_keys() {
    let (backend, _) = alex();
    backend.plant(&session_key("s1"), "garbage");
    let (mut store, _) = open(&backend);
    let damaged = store.damaged_records().unwrap().remove(0);
    assert_eq!(damaged.file_name(), "sessionpad-session-s1.txt");
    assert_eq!(
        store.raw_value(&damaged).unwrap().as_deref(),
        Some("garbage")
    );
    store.remove_damaged(&damaged, 5).unwrap();
    assert_eq!(backend.raw(&session_key("s1")), None);
    assert_eq!(store.damaged_records().unwrap(), []);
    let (reopened, _) = open(&backend);
    assert_eq!(
        reopened
            .index()
            .sessions
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["s2"]
    );
}

#[test]
fn removing_a_damaged_client_keeps_its_sessions_under_a_blank_client() {
    let (backend, _) = alex();
    backend.plant(&client_key("c1"), "garbage");
    let (mut store, _) = open(&backend);
    let damaged = store.damaged_records().unwrap().remove(0);
    assert_eq!(
        damaged.remove_question(),
        "Remove the client record c1 for good? Download it first if you may need it. \
         Its 2 sessions stay, under a blank client you can rename."
    );
    store.remove_damaged(&damaged, 5).unwrap();
    let (clients, problems) = store.clients();
    assert_eq!(problems, []);
    assert_eq!(clients[0].name, "Unnamed client");
    assert_eq!(session_ids(&store, "c1"), ["s1", "s2"]);
}

#[test]
fn removing_a_damaged_client_without_sessions_drops_it_from_the_roster() {
    let backend = MemoryBackend::new();
    let (mut store, _) = open(&backend);
    store
        .save_client(&Client::new("c9".into(), "Kim", 0).unwrap())
        .unwrap();
    backend.plant(&client_key("c9"), "garbage");
    let damaged = store.damaged_records().unwrap().remove(0);
    store.remove_damaged(&damaged, 5).unwrap();
    assert_eq!(backend.raw(&client_key("c9")), None);
    assert_eq!(store.index().clients, Vec::<String>::new());
}
