use super::*;
use crate::model::Clinician;
use crate::storage::MemoryBackend;
use crate::storage::revisions::tests::{client, note_of, open, session};

#[test]
fn a_burst_of_edits_to_one_record_waits_as_one_edit_the_latest() {
    let mut queue = SaveQueue::default();
    queue.put(Edit::Session(Box::new(session("s1", "S"))));
    queue.put(Edit::Session(Box::new(session("s1", "Sle"))));
    queue.put(Edit::Session(Box::new(session("s1", "Slept"))));
    assert_eq!(queue.unsaved(), 1);
    assert_eq!(
        queue.queued(&RecordRef::Session("s1".into())),
        Some(&Edit::Session(Box::new(session("s1", "Slept"))))
    );
}

#[test]
fn a_refused_write_of_one_record_is_kept_when_another_is_edited_and_written() {
    let mut queue = SaveQueue::default();
    let s1 = RecordRef::Session("s1".into());
    queue.put(Edit::Session(Box::new(session("s1", "Slept badly"))));
    queue.failed(&s1, StorageError::QuotaExceeded);
    queue.put(Edit::Client(Box::new(client("Alex"))));
    queue.put(Edit::Clinician(Clinician::default()));
    assert_eq!(queue.unsaved(), 3);
    queue.written(&RecordRef::Client("c1".into()), 1);
    queue.written(&RecordRef::Clinician, 0);
    assert_eq!(queue.unsaved(), 1);
    assert_eq!(queue.first_failure(), Some(&StorageError::QuotaExceeded));
    assert_eq!(
        queue.to_write(),
        vec![Edit::Session(Box::new(session("s1", "Slept badly")))]
    );
    queue.written(&s1, 1);
    assert_eq!(queue.unsaved(), 0);
    assert_eq!(queue.first_failure(), None);
}

#[test]
fn the_next_write_is_based_on_the_revision_this_tab_last_wrote() {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    let mut queue = SaveQueue::default();
    // The screen keeps the copy it opened at revision 0 and keeps typing.
    for note in ["One", "One two", "One two three"] {
        queue.put(Edit::Session(Box::new(session("s1", note))));
        for edit in queue.to_write() {
            let rev = store.save(&edit).unwrap();
            queue.written(&edit.record(), rev);
        }
    }
    assert_eq!(note_of(&store, "s1"), "One two three");
    assert_eq!(store.session("s1").unwrap().unwrap().rev, 3);
    assert_eq!(store.conflict_copies().unwrap(), vec![]);
}
