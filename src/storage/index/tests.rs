use super::*;
use crate::layout::{client_key, session_key};
use crate::model::Client;
use crate::model::note::NoteFormat;
use crate::storage::backend::MemoryBackend;
use chrono::NaiveDate;

fn session_of(id: &str, client_id: &str) -> SessionRef {
    SessionRef {
        id: id.into(),
        client_id: client_id.into(),
    }
}

/// Alex (c1) with s1 and s2, Sam (c2) with s3.
fn two_clients() -> Index {
    Index {
        clients: vec!["c1".into(), "c2".into()],
        sessions: vec![
            session_of("s1", "c1"),
            session_of("s2", "c1"),
            session_of("s3", "c2"),
        ],
        deleted: Vec::new(),
    }
}

fn deleted(record: Deletable) -> Deleted {
    Deleted { record, at: 1 }
}

fn live(index: &Index) -> (Vec<&str>, Vec<&str>) {
    (
        index.live_clients().map(String::as_str).collect(),
        index.live_sessions().map(|s| s.id.as_str()).collect(),
    )
}

#[test]
fn a_deleted_session_leaves_the_live_lists_and_its_client_stays() {
    let mut index = two_clients();
    index.deleted.push(deleted(Deletable::Session("s2".into())));
    assert_eq!(live(&index), (vec!["c1", "c2"], vec!["s1", "s3"]));
    assert!(index.is_deleted(&Deletable::Session("s2".into())));
    assert!(!index.is_deleted(&Deletable::Client("c1".into())));
}

#[test]
fn a_deleted_client_hides_every_session_of_theirs_without_marking_them() {
    let mut index = two_clients();
    index.deleted.push(deleted(Deletable::Client("c1".into())));
    assert_eq!(live(&index), (vec!["c2"], vec!["s3"]));
    assert!(index.session_hidden(&session_of("s1", "c1")));
    assert!(!index.is_deleted(&Deletable::Session("s1".into())));
}

#[test]
fn deleting_a_client_for_good_takes_all_their_sessions_and_a_session_only_itself() {
    let index = two_clients();
    let client = Deletable::Client("c1".into());
    assert_eq!(index.sessions_taken_by(&client), ["s1", "s2"]);
    let session = Deletable::Session("s3".into());
    assert_eq!(index.sessions_taken_by(&session), ["s3"]);
}

#[test]
fn a_lost_index_is_rebuilt_from_the_records_and_written_back() {
    let mut backend = MemoryBackend::new();
    let alex = Client::new("c1".into(), "Alex", 0).unwrap();
    write(&mut backend, &client_key("c1"), &alex).unwrap();
    let day = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let session = Session::next("s1".into(), "c1", &[], day, NoteFormat::Soap, 0);
    write(&mut backend, &session_key("s1"), &session).unwrap();
    backend.plant(&session_key("s2"), "not a session");
    backend.take_writes();

    let index = complete_index(&mut backend, None).unwrap();
    assert_eq!(index.clients, ["c1"]);
    assert_eq!(
        index.sessions,
        [session_of("s1", "c1"), session_of("s2", "")],
        "an unreadable session is indexed under no client, never forgotten"
    );
    assert_eq!(backend.take_writes(), [index_key()]);
    assert_eq!(
        read::<Index>(&backend, &index_key()),
        Ok(Some(index.clone()))
    );

    let again = complete_index(&mut backend, Some(index.clone())).unwrap();
    assert_eq!(again, index);
    assert_eq!(
        backend.take_writes(),
        Vec::<String>::new(),
        "a whole index is not written again"
    );
}

#[test]
fn completing_the_index_of_read_only_data_writes_nothing() {
    let mut backend = MemoryBackend::new();
    let alex = Client::new("c1".into(), "Alex", 0).unwrap();
    write(&mut backend, &client_key("c1"), &alex).unwrap();
    backend.take_writes();
    let (index, added) = completed_index(&backend, Some(Index::default())).unwrap();
    assert!(added);
    assert_eq!(index.clients, ["c1"]);
    assert_eq!(backend.take_writes(), Vec::<String>::new());
}
