use super::*;
use crate::model::note::{NoteFormat, Section};
use crate::model::{Client, Clinician, Session};
use crate::storage::{Backend, MemoryBackend};
use chrono::NaiveDate;
use proptest::prelude::*;

fn open(backend: &MemoryBackend) -> Store {
    Store::open(Box::new(backend.clone())).unwrap().0
}

/// Every key and raw value, to show storage is byte-for-byte the same.
fn everything(backend: &MemoryBackend) -> Vec<(String, Option<String>)> {
    let keys = backend.keys().unwrap();
    keys.into_iter()
        .map(|k| (k.clone(), backend.raw(&k)))
        .collect()
}

fn session(id: &str, client_id: &str, number: u32, note: &str) -> Session {
    let day = NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let mut s = Session {
        number,
        ..Session::next(id.into(), client_id, &[], day, NoteFormat::Free, 0)
    };
    s.note.set_text(Section::Free, note.into());
    s
}

/// A device with two clients, three sessions and the clinician's details.
fn filled() -> (MemoryBackend, Store) {
    let backend = MemoryBackend::new();
    let mut store = open(&backend);
    for (id, name) in [("c1", "Alex"), ("c2", "Sam")] {
        store
            .save_client(&Client::new(id.into(), name, 0).unwrap())
            .unwrap();
    }
    store
        .save_session(&session("s1", "c1", 1, "First 🙂"))
        .unwrap();
    store
        .save_session(&session("s2", "c1", 2, "Second"))
        .unwrap();
    store
        .save_session(&session("s3", "c2", 1, "Sam's first"))
        .unwrap();
    let clinician = Clinician {
        name: "Dr. Lee".into(),
        ..Clinician::default()
    };
    store.save_clinician(&clinician).unwrap();
    (backend, store)
}

fn made(store: &Store) -> String {
    store
        .make_backup("0.1.0", "2026-11-26T09:30:00Z")
        .unwrap()
        .text
}

#[test]
fn a_backup_names_its_format_and_counts_before_the_payload() {
    let (_, store) = filled();
    let made = store.make_backup("0.1.0", "2026-11-26T09:30:00Z").unwrap();
    assert_eq!((made.clients, made.sessions), (2, 3));
    assert!(made.left_out.is_empty());
    let header = made.text.find("\"header\"").unwrap();
    let sha = made.text.find("\"sha256\"").unwrap();
    let payload = made.text.find("\"payload\"").unwrap();
    assert!(header < sha && sha < payload);
    for part in [
        "\"format\":\"sessionpad-backup\"",
        "\"format_version\":1",
        "\"app_version\":\"0.1.0\"",
        "\"created_at\":\"2026-11-26T09:30:00Z\"",
        "\"clients\":2",
        "\"sessions\":3",
    ] {
        assert!(made.text.contains(part), "{part}");
    }
}

#[test]
fn a_backup_restores_into_an_empty_store_whole() {
    let (_, store) = filled();
    let backup = read_backup(&made(&store), None).unwrap();
    let empty = MemoryBackend::new();
    let mut restored = open(&empty);
    restored.replace_with_backup(&backup).unwrap();
    assert_eq!(restored.clients(), store.clients());
    assert_eq!(restored.sessions_of("c1"), store.sessions_of("c1"));
    assert_eq!(restored.clinician(), store.clinician());
    assert_eq!(
        read_backup(&made(&restored), None).unwrap().records,
        backup.records
    );
}

#[test]
fn replacing_removes_records_the_backup_does_not_hold() {
    let (_, store) = filled();
    let backup = read_backup(&made(&store), None).unwrap();
    let (backend, mut other) = filled();
    other
        .save_client(&Client::new("c9".into(), "Extra", 0).unwrap())
        .unwrap();
    other.replace_with_backup(&backup).unwrap();
    assert_eq!(backend.raw(&crate::storage::client_key("c9")), None);
    assert_eq!(other.clients().0.len(), 2);
}

#[test]
fn a_refused_write_at_any_point_of_a_restore_or_merge_puts_everything_back() {
    let (_, source) = filled();
    let backup = read_backup(&made(&source), None).unwrap();
    let merge = |s: &mut Store, b: &Backup| s.merge_backup(b).map(drop);
    for restore in [Store::replace_with_backup, merge] {
        for failing_write in 0..backup.records.len() {
            let backend = MemoryBackend::new();
            let mut store = open(&backend);
            store
                .save_client(&Client::new("c7".into(), "Kept", 0).unwrap())
                .unwrap();
            store
                .save_session(&session("s7", "c7", 1, "Kept note"))
                .unwrap();
            let before = everything(&backend);
            backend.fail_write_after(failing_write);
            assert_eq!(
                restore(&mut store, &backup),
                Err(StorageError::QuotaExceeded),
                "write {failing_write}"
            );
            assert_eq!(everything(&backend), before, "write {failing_write}");
        }
    }
}

fn refused(text: &str) -> BackupError {
    read_backup(text, None).unwrap_err()
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(refused(""), BackupError::Empty);
    assert_eq!(refused(" \n"), BackupError::Empty);
}

#[test]
fn a_file_that_is_not_json_is_refused() {
    assert_eq!(refused("Session notes, 3 March"), BackupError::NotJson);
}

#[test]
fn json_that_is_not_a_backup_is_refused() {
    assert_eq!(refused(r#"{"clients": []}"#), BackupError::NotABackup);
    assert_eq!(refused("[1, 2]"), BackupError::NotABackup);
}

#[test]
fn a_file_cut_short_is_refused() {
    let (_, store) = filled();
    let text = made(&store);
    for cut in [text.len() / 3, text.len() / 2, text.len() - 2] {
        assert_eq!(refused(&text[..cut]), BackupError::CutShort, "cut at {cut}");
    }
}

#[test]
fn one_character_changed_anywhere_in_the_records_or_counts_is_refused() {
    let (_, store) = filled();
    let text = made(&store);
    let changed = text.replacen("Second", "Secord", 1);
    assert_ne!(changed, text);
    assert_eq!(refused(&changed), BackupError::Changed);
    let recounted = text.replacen("\"clients\":2", "\"clients\":3", 1);
    assert_eq!(refused(&recounted), BackupError::Changed);
}

#[test]
fn a_backup_from_a_newer_format_is_refused_by_name() {
    let (_, store) = filled();
    let newer = made(&store).replacen("\"format_version\":1", "\"format_version\":2", 1);
    assert_eq!(refused(&newer), BackupError::Newer { format_version: 2 });
    assert!(
        refused(&newer)
            .to_string()
            .contains("made by a newer Sessionpad")
    );
}

#[test]
fn a_file_over_50_mb_is_refused_unread() {
    let huge = format!("{{\"header\": \"{}\"}}", "x".repeat(MAX_BYTES));
    assert_eq!(refused(&huge), BackupError::TooLarge);
}

#[test]
fn a_backup_holding_the_same_record_twice_is_refused() {
    let entry = Entry {
        key: "client/c1".into(),
        value: serde_json::to_value(Client::new("c1".into(), "Alex", 0).unwrap()).unwrap(),
    };
    let (_, text) = file::write(
        "0.1.0",
        "2026-11-26T09:30:00Z",
        vec![entry.clone(), entry],
        None,
    );
    assert_eq!(
        refused(&text),
        BackupError::DuplicateRecord("client/c1".into())
    );
}

#[test]
fn a_record_without_the_structure_of_its_kind_is_refused() {
    let entry = Entry {
        key: "session/s1".into(),
        value: serde_json::json!({ "number": "three" }),
    };
    let (_, text) = file::write("0.1.0", "2026-11-26T09:30:00Z", vec![entry], None);
    assert!(matches!(refused(&text), BackupError::BadRecord { key, .. } if key == "session/s1"));
    let foreign = Entry {
        key: "elsewhere/x".into(),
        value: serde_json::json!({}),
    };
    let (_, text) = file::write("0.1.0", "2026-11-26T09:30:00Z", vec![foreign], None);
    assert!(matches!(refused(&text), BackupError::BadRecord { .. }));
}

#[test]
fn a_damaged_record_is_left_out_of_the_backup_and_named() {
    let (backend, store) = filled();
    backend.plant(&crate::storage::client_key("c2"), "Z\u{1}\u{2}");
    let made = store.make_backup("0.1.0", "2026-11-26T09:30:00Z").unwrap();
    assert_eq!(made.clients, 1);
    assert_eq!(made.left_out.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_store_restores_from_its_backup_with_the_same_records(
        clients in proptest::collection::vec(("[A-Za-zé🙂 '-]{1,20}", "\\PC{0,80}"), 1..4),
        notes in proptest::collection::vec("\\PC{0,200}", 0..6),
    ) {
        let backend = MemoryBackend::new();
        let mut store = open(&backend);
        for (i, (name, goals)) in clients.iter().enumerate() {
            let Ok(mut client) = Client::new(format!("c{i}"), name, 0) else { continue };
            client.course.goals = goals.clone();
            store.save_client(&client).unwrap();
        }
        for (i, note) in notes.iter().enumerate() {
            store.save_session(&session(&format!("s{i}"), "c0", i as u32 + 1, note)).unwrap();
        }
        let backup = read_backup(&made(&store), None).unwrap();
        let empty = MemoryBackend::new();
        let mut restored = open(&empty);
        restored.replace_with_backup(&backup).unwrap();
        prop_assert_eq!(restored.clients(), store.clients());
        prop_assert_eq!(restored.sessions_of("c0"), store.sessions_of("c0"));
        prop_assert_eq!(read_backup(&made(&restored), None).unwrap().records, backup.records);
    }
}

#[test]
fn the_merge_preview_counts_new_and_same_records_and_names_the_differing_ones() {
    let (_, store) = filled();
    let backup = read_backup(&made(&store), None).unwrap();
    let empty = open(&MemoryBackend::new());
    let preview = empty.merge_preview(&backup);
    assert_eq!(preview.new, backup.records.len());
    assert_eq!(store.merge_preview(&backup).same, backup.records.len());

    let (_, mut edited) = filled();
    let mut second = edited.session("s2").unwrap().unwrap();
    second
        .note
        .set_text(Section::Free, "Second, edited here".into());
    edited.save_session(&second).unwrap();
    let preview = edited.merge_preview(&backup);
    assert_eq!(preview.new, 0);
    assert_eq!(preview.conflicts, ["Alex · Session 2"]);
    assert!(preview.damaged.is_empty());
}

fn note_of(store: &Store, id: &str) -> String {
    store
        .session(id)
        .unwrap()
        .unwrap()
        .note
        .text(Section::Free)
        .to_string()
}

fn edit_note(store: &mut Store, id: &str, text: &str) {
    let mut s = store.session(id).unwrap().unwrap();
    s.note.set_text(Section::Free, text.into());
    store.save_session(&s).unwrap();
}

/// The note of the one conflict copy kept beside `id`.
fn copy_note(store: &Store, backend: &MemoryBackend, id: &str) -> String {
    let copies = store
        .conflict_copies_of(&crate::layout::RecordRef::Session(id.into()))
        .unwrap();
    assert_eq!(copies.len(), 1, "copies of {id}");
    let copy: Session = read(backend, &copies[0].key()).unwrap().unwrap();
    copy.note.text(Section::Free).to_string()
}

#[test]
fn merging_an_older_backup_keeps_every_edit_made_here_since_and_adds_what_is_missing() {
    let (_, mut store) = filled();
    let older = read_backup(&made(&store), None).unwrap();
    edit_note(&mut store, "s2", "Second, edited after the backup");
    store
        .save_client(&Client::new("c5".into(), "Only here", 0).unwrap())
        .unwrap();
    let done = store.merge_backup(&older).unwrap();
    assert_eq!(done.newer_here, ["Alex · Session 2"]);
    assert!(done.conflicts.is_empty() && done.newer_in_file.is_empty());
    assert_eq!(note_of(&store, "s2"), "Second, edited after the backup");
    assert!(store.conflict_copies().unwrap().is_empty());
    assert_eq!(store.clients().0.len(), 3);
}

#[test]
fn a_device_restored_from_an_older_backup_takes_the_newer_version_made_from_it() {
    let (_, mut store) = filled();
    let older = read_backup(&made(&store), None).unwrap();
    edit_note(&mut store, "s2", "Second, edited after the backup");
    let newer = read_backup(&made(&store), None).unwrap();
    let backend = MemoryBackend::new();
    let mut other = open(&backend);
    other.replace_with_backup(&older).unwrap();
    let done = other.merge_backup(&newer).unwrap();
    assert_eq!(done.newer_in_file, ["Alex · Session 2"]);
    assert_eq!(note_of(&other, "s2"), "Second, edited after the backup");
    assert!(other.conflict_copies().unwrap().is_empty());
}

#[test]
fn a_tablet_set_up_from_the_laptop_and_edited_there_merges_back_into_the_unchanged_laptop() {
    let (_, mut laptop) = filled();
    let first = read_backup(&made(&laptop), None).unwrap();
    let mut tablet = open(&MemoryBackend::new());
    tablet.replace_with_backup(&first).unwrap();
    edit_note(&mut tablet, "s1", "Written on the tablet");
    edit_note(&mut tablet, "s1", "Written on the tablet, twice");
    let tablets = read_backup(&made(&tablet), None).unwrap();
    let done = laptop.merge_backup(&tablets).unwrap();
    assert_eq!(done.newer_in_file, ["Alex · Session 1"]);
    assert_eq!(note_of(&laptop, "s1"), "Written on the tablet, twice");
}

#[test]
fn saves_made_after_a_restore_rolled_a_note_back_never_claim_the_words_it_dropped() {
    let (_, mut laptop) = filled();
    let first = read_backup(&made(&laptop), None).unwrap();
    edit_note(&mut laptop, "s1", "Words only the second backup holds");
    let second = read_backup(&made(&laptop), None).unwrap();
    // The laptop goes back to the first backup, then is edited past it.
    laptop.replace_with_backup(&first).unwrap();
    edit_note(&mut laptop, "s1", "After going back, once");
    edit_note(&mut laptop, "s1", "After going back, twice");
    let rolled_back = read_backup(&made(&laptop), None).unwrap();

    // A tablet holding the second backup's words keeps them.
    let backend = MemoryBackend::new();
    let mut tablet = open(&backend);
    tablet.replace_with_backup(&second).unwrap();
    let done = tablet.merge_backup(&rolled_back).unwrap();
    assert_eq!(done.conflicts, ["Alex · Session 1"]);
    assert_eq!(note_of(&tablet, "s1"), "Words only the second backup holds");
    assert_eq!(
        copy_note(&tablet, &backend, "s1"),
        "After going back, twice"
    );
}

/// A laptop's backup sets up a tablet, which saves a note three times;
/// later the laptop saves it once. Returns both devices and both backups.
fn laptop_and_tablet() -> [(MemoryBackend, Store, Backup); 2] {
    let (laptop_backend, mut laptop) = filled();
    let first = read_backup(&made(&laptop), None).unwrap();
    let tablet_backend = MemoryBackend::new();
    let mut tablet = open(&tablet_backend);
    tablet.replace_with_backup(&first).unwrap();
    for n in 1..=3 {
        edit_note(&mut tablet, "s1", &format!("First 🙂 Tablet {n}."));
    }
    edit_note(
        &mut laptop,
        "s1",
        "First 🙂 Safety plan agreed with client; crisis line given.",
    );
    let laptops = read_backup(&made(&laptop), None).unwrap();
    let tablets = read_backup(&made(&tablet), None).unwrap();
    [
        (laptop_backend, laptop, tablets),
        (tablet_backend, tablet, laptops),
    ]
}

#[test]
fn a_version_saved_more_often_on_another_device_never_replaces_a_later_edit_here() {
    let [(backend, mut laptop, tablets), _] = laptop_and_tablet();
    let preview = laptop.merge_preview(&tablets);
    assert_eq!(preview.conflicts, ["Alex · Session 1"]);
    laptop.merge_backup(&tablets).unwrap();
    assert_eq!(
        note_of(&laptop, "s1"),
        "First 🙂 Safety plan agreed with client; crisis line given."
    );
    assert_eq!(copy_note(&laptop, &backend, "s1"), "First 🙂 Tablet 3.");
}

#[test]
fn a_version_saved_fewer_times_on_another_device_never_replaces_the_edits_here() {
    let [_, (backend, mut tablet, laptops)] = laptop_and_tablet();
    let done = tablet.merge_backup(&laptops).unwrap();
    assert_eq!(done.conflicts, ["Alex · Session 1"]);
    assert_eq!(note_of(&tablet, "s1"), "First 🙂 Tablet 3.");
    assert_eq!(
        copy_note(&tablet, &backend, "s1"),
        "First 🙂 Safety plan agreed with client; crisis line given."
    );
}

#[test]
fn merging_the_same_backup_twice_keeps_its_version_once() {
    let [(backend, mut laptop, tablets), _] = laptop_and_tablet();
    laptop.merge_backup(&tablets).unwrap();
    let again = laptop.merge_preview(&tablets);
    assert!(again.conflicts.is_empty());
    assert_eq!(again.same, tablets.records.len());
    laptop.merge_backup(&tablets).unwrap();
    assert_eq!(copy_note(&laptop, &backend, "s1"), "First 🙂 Tablet 3.");
}

#[test]
fn a_true_conflict_keeps_ours_and_the_files_version_as_a_copy() {
    let (_, mut store) = filled();
    let common = read_backup(&made(&store), None).unwrap();
    edit_note(&mut store, "s1", "Written on the tablet");
    let tablet = read_backup(&made(&store), None).unwrap();

    let backend = MemoryBackend::new();
    let mut laptop = open(&backend);
    laptop.replace_with_backup(&common).unwrap();
    edit_note(&mut laptop, "s1", "Written on the laptop");
    let done = laptop.merge_backup(&tablet).unwrap();
    assert_eq!(done.conflicts, ["Alex · Session 1"]);
    assert_eq!(note_of(&laptop, "s1"), "Written on the laptop");
    let copies = laptop.conflict_copies().unwrap();
    assert_eq!(copies.len(), 1);
    let copy: Session = read(&backend, &copies[0].key()).unwrap().unwrap();
    assert_eq!(copy.note.text(Section::Free), "Written on the tablet");
}

#[test]
fn records_deleted_in_the_backup_stay_deleted_only_when_new_here() {
    let (_, mut store) = filled();
    store.delete_session("s3", 5).unwrap();
    let backup = read_backup(&made(&store), None).unwrap();
    let empty = MemoryBackend::new();
    let mut fresh = open(&empty);
    fresh.merge_backup(&backup).unwrap();
    assert!(fresh.sessions_of("c2").0.is_empty());
    let (_, mut live) = filled();
    live.merge_backup(&backup).unwrap();
    assert_eq!(live.sessions_of("c2").0.len(), 1);
}

const DAMAGED: &str = "Z\u{1}\u{2} cut short";

/// A device whose record of Sam (client c2) cannot be read.
fn with_damaged_client() -> (MemoryBackend, Store) {
    let (backend, _) = filled();
    backend.plant(&crate::storage::client_key("c2"), DAMAGED);
    let store = open(&backend);
    (backend, store)
}

fn set_aside_text(backend: &MemoryBackend) -> Option<String> {
    backend.raw(&crate::layout::quarantine_key(&crate::storage::client_key(
        "c2",
    )))
}

#[test]
fn the_preview_names_a_record_here_that_cannot_be_read() {
    let (_, store) = filled();
    let backup = read_backup(&made(&store), None).unwrap();
    assert!(store.merge_preview(&backup).damaged.is_empty());
    let (_, damaged) = with_damaged_client();
    assert_eq!(damaged.merge_preview(&backup).damaged, ["Client record c2"]);
}

#[test]
fn replacing_sets_a_record_that_cannot_be_read_aside_with_its_stored_text_unchanged() {
    let (_, source) = filled();
    for backup in [
        read_backup(&made(&source), None).unwrap(),
        read_backup(&made(&open(&MemoryBackend::new())), None).unwrap(),
    ] {
        let (backend, mut store) = with_damaged_client();
        store.replace_with_backup(&backup).unwrap();
        assert_eq!(set_aside_text(&backend).as_deref(), Some(DAMAGED));
        let problems = store.damaged_records().unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p.what == "Copy of the client record c2, set aside")
        );
    }
}

#[test]
fn merging_leaves_a_record_that_cannot_be_read_as_stored_when_the_backup_lacks_it() {
    let elsewhere = open(&MemoryBackend::new());
    let mut other = elsewhere;
    other
        .save_client(&Client::new("c8".into(), "Robin", 0).unwrap())
        .unwrap();
    let backup = read_backup(&made(&other), None).unwrap();
    let (backend, mut store) = with_damaged_client();
    store.merge_backup(&backup).unwrap();
    assert_eq!(
        backend.raw(&crate::storage::client_key("c2")).as_deref(),
        Some(DAMAGED)
    );
}

#[test]
fn merging_a_readable_version_of_a_record_that_cannot_be_read_here_sets_the_stored_text_aside_first()
 {
    let (_, source) = filled();
    let backup = read_backup(&made(&source), None).unwrap();
    let (backend, mut store) = with_damaged_client();
    store.merge_backup(&backup).unwrap();
    assert_eq!(set_aside_text(&backend).as_deref(), Some(DAMAGED));
    assert_eq!(store.client("c2").unwrap().unwrap().name, "Sam");
}

#[test]
fn a_refused_write_puts_a_record_that_cannot_be_read_back_where_it_was() {
    let (_, source) = filled();
    let backup = read_backup(&made(&source), None).unwrap();
    let merge = |s: &mut Store, b: &Backup| s.merge_backup(b).map(drop);
    for restore in [Store::replace_with_backup, merge] {
        for failing_write in 0..3 {
            let (backend, mut store) = with_damaged_client();
            let before = everything(&backend);
            backend.fail_write_after(failing_write);
            assert!(restore(&mut store, &backup).is_err());
            assert_eq!(everything(&backend), before, "write {failing_write}");
        }
    }
}

#[test]
fn a_copy_a_merge_kept_is_told_apart_from_another_tabs_until_it_is_resolved() {
    let [(_, mut laptop, tablets), _] = laptop_and_tablet();
    let s1 = crate::layout::RecordRef::Session("s1".into());
    let s2 = crate::layout::RecordRef::Session("s2".into());
    laptop.merge_backup(&tablets).unwrap();
    assert!(laptop.copy_from_backup(&s1));
    let copy = laptop.conflict_copies_of(&s1).unwrap().remove(0);
    let copied: Session = laptop.conflict_copy(&copy).unwrap().unwrap();
    assert_eq!(copied.rev, laptop.session("s1").unwrap().unwrap().rev);

    // Another tab's version of session 2 is not a backup's.
    let stale = laptop.session("s2").unwrap().unwrap();
    edit_note(&mut laptop, "s2", "Saved in one tab");
    assert!(laptop.save_session(&stale).is_err());
    assert!(!laptop.copy_from_backup(&s2));

    laptop.remove_conflict_copy(&copy).unwrap();
    assert!(!laptop.copy_from_backup(&s1));
    assert!(laptop.merged_copies().is_empty());
}

fn device_id(backend: &MemoryBackend) -> Option<String> {
    read(backend, &crate::layout::device_key()).unwrap()
}

#[test]
fn a_device_takes_a_new_id_when_a_record_holding_its_saves_goes_for_good() {
    let (backend, mut store) = filled();
    let before = device_id(&backend).unwrap();
    store.delete_session("s3", 5).unwrap();
    store
        .purge(&crate::storage::index::Deletable::Session("s3".into()))
        .unwrap();
    assert_ne!(device_id(&backend).unwrap(), before);
}

#[test]
fn storing_another_version_renews_the_id_only_when_it_does_not_hold_ours() {
    let (backend, mut store) = filled();
    let key = crate::storage::session_key("s1");
    let ours: serde_json::Value = read(&backend, &key).unwrap().unwrap();
    let id = device_id(&backend).unwrap();
    let mut later = ours.clone();
    later["saves"]["elsewhere"] = serde_json::json!(9);
    store.before_replacing(&key, Some(&later)).unwrap();
    assert_eq!(device_id(&backend).unwrap(), id);
    let mut other = ours.clone();
    other["saves"] = serde_json::json!({ "elsewhere": 9 });
    store.before_replacing(&key, Some(&other)).unwrap();
    assert_ne!(device_id(&backend).unwrap(), id);
}
