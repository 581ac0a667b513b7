use super::super::tests::everything;
use super::super::*;
use super::Pulled;
use super::keys::{VaultKey, WrappedKeys};
use super::sealing;
use crate::model::Client;
use crate::model::note::Section;

const PASSPHRASE: &str = "correct horse battery";

/// Argon2id at its cheapest, so tests run fast; the real cost is measured
/// by `make bench` (`unlock_ms`).
fn cheap() -> Kdf {
    Kdf::with_cost(64, 1)
}

fn alex() -> Client {
    let mut client = Client::new("c1".into(), "Alex Rivera", 0).unwrap();
    client.notes = "panic attacks on the train".into();
    client
}

/// A store holding Alex and one session, vault off.
fn stored() -> (MemoryBackend, Store) {
    let backend = MemoryBackend::new();
    let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
    store.save_client(&alex()).unwrap();
    let mut session = super::super::tests::session("s1", "c1", 1);
    session
        .note
        .set_text(Section::Subjective, "Worked on the avoidance ladder".into());
    store.save_session(&session).unwrap();
    (backend, store)
}

fn unlock(backend: &MemoryBackend, passphrase: &str) -> Result<Store, VaultError> {
    let header = VaultHeader::read(backend)?.expect("the vault is on");
    let unlocked = header.unlock(passphrase)?;
    Ok(Store::open_unlocked(Box::new(backend.clone()), unlocked)?.0)
}

fn assert_no_plaintext(backend: &MemoryBackend) {
    for (key, value) in everything(backend) {
        if sealing::stays_plain(&key) {
            continue;
        }
        assert!(sealing::is_sealed(&value), "{key} is not sealed");
        for phrase in ["Alex", "Rivera", "panic", "avoidance", "ladder"] {
            assert!(!key.contains(phrase) && !value.contains(phrase), "{key}");
        }
    }
}

#[test]
fn turning_the_vault_on_seals_every_record_and_unlocking_reads_them_back() {
    let (backend, mut store) = stored();
    let turned_on = store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    assert_eq!(turned_on.unfinished, None);
    assert_eq!(store.vault().unwrap().stage, VaultStage::On);
    assert_no_plaintext(&backend);
    // The tab that turned it on keeps working.
    assert_eq!(store.client("c1").unwrap().unwrap().name, "Alex Rivera");

    let store = unlock(&backend, PASSPHRASE).unwrap();
    assert_eq!(store.client("c1").unwrap().unwrap().notes, alex().notes);
    let session = store.session("s1").unwrap().unwrap();
    assert!(
        session
            .note
            .text(Section::Subjective)
            .contains("avoidance ladder")
    );
}

#[test]
fn writes_after_unlocking_are_sealed_too() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let mut store = unlock(&backend, PASSPHRASE).unwrap();
    let mut client = store.client("c1").unwrap().unwrap();
    client.notes = "Alex slept better".into();
    store.save_client(&client).unwrap();
    store
        .save_client(&Client::new("c2".into(), "Sam Okafor", 0).unwrap())
        .unwrap();
    assert_no_plaintext(&backend);
    assert!(
        everything(&backend)
            .iter()
            .all(|(_, v)| !v.contains("Okafor"))
    );
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_nothing() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let before = everything(&backend);
    backend.take_writes();
    assert!(matches!(
        unlock(&backend, "correct horse battery!"),
        Err(VaultError::WrongPassphrase)
    ));
    assert_eq!(
        VaultError::WrongPassphrase.to_string(),
        "That passphrase does not match."
    );
    assert_eq!(backend.take_writes(), Vec::<String>::new());
    assert_eq!(everything(&backend), before);
}

#[test]
fn a_changed_ciphertext_does_not_open_and_is_reported_as_damaged() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let key = client_key("c1");
    let mut units: Vec<char> = backend.raw(&key).unwrap().chars().collect();
    let middle = units.len() / 2;
    units[middle] = if units[middle] == 'a' { 'b' } else { 'a' };
    backend.plant(&key, &units.into_iter().collect::<String>());

    let store = unlock(&backend, PASSPHRASE).unwrap();
    match store.client("c1") {
        Err(StorageError::Damaged { reason, .. }) => assert!(reason.contains("encrypted")),
        other => panic!("expected damaged, got {other:?}"),
    }
}

#[test]
fn a_sealed_record_moved_under_another_key_does_not_open() {
    let (backend, mut store) = stored();
    store
        .save_client(&Client::new("c2".into(), "Sam Okafor", 0).unwrap())
        .unwrap();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    // Alex's sealed record put where Sam's belongs.
    backend.plant(&client_key("c2"), &backend.raw(&client_key("c1")).unwrap());
    let store = unlock(&backend, PASSPHRASE).unwrap();
    assert!(matches!(
        store.client("c2"),
        Err(StorageError::Damaged { .. })
    ));
    assert!(store.client("c1").unwrap().is_some());
}

#[test]
fn a_key_from_another_vault_opens_nothing() {
    let key = VaultKey::random();
    let sealed = key.seal(b"session notes", b"session/s1");
    assert_eq!(
        key.open(&sealed, b"session/s1").unwrap().as_slice(),
        b"session notes"
    );
    assert!(VaultKey::random().open(&sealed, b"session/s1").is_none());
    assert!(key.open(&sealed, b"session/s2").is_none());
    assert!(key.open(&sealed[..10], b"session/s1").is_none());
    // A fresh nonce every time: the same text never seals the same way.
    assert_ne!(key.seal(b"x", b"k"), key.seal(b"x", b"k"));
}

#[test]
fn changing_the_passphrase_rewraps_the_key_and_rewrites_no_record() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let records: Vec<_> = everything(&backend)
        .into_iter()
        .filter(|(k, _)| *k != vault_key())
        .collect();
    assert!(matches!(
        store.change_passphrase("not it at all", "a new passphrase", cheap()),
        Err(VaultError::WrongPassphrase)
    ));
    store
        .change_passphrase(PASSPHRASE, "a new passphrase", cheap())
        .unwrap();
    let after: Vec<_> = everything(&backend)
        .into_iter()
        .filter(|(k, _)| *k != vault_key())
        .collect();
    assert_eq!(after, records);
    assert!(matches!(
        unlock(&backend, PASSPHRASE),
        Err(VaultError::WrongPassphrase)
    ));
    let store = unlock(&backend, "a new passphrase").unwrap();
    assert!(store.client("c1").unwrap().is_some());
}

#[test]
fn the_recovery_key_unlocks_in_any_case_and_with_or_without_dashes() {
    let (backend, mut store) = stored();
    let recovery = store.turn_on_vault(PASSPHRASE, cheap()).unwrap().recovery;
    let text = recovery.text();
    assert_eq!(text.len(), 39);
    assert_eq!(text.split('-').count(), 8);
    // Still the recovery key after a passphrase change.
    store
        .change_passphrase(PASSPHRASE, "another passphrase", cheap())
        .unwrap();
    let header = VaultHeader::read(&backend).unwrap().unwrap();
    for typed in [text.clone(), text.to_uppercase(), text.replace('-', " ")] {
        let unlocked = header.unlock_with_recovery(&typed).unwrap();
        let store = Store::open_unlocked(Box::new(backend.clone()), unlocked)
            .unwrap()
            .0;
        assert!(store.client("c1").unwrap().is_some());
    }
    let wrong = RecoveryKey::random().text();
    assert!(matches!(
        header.unlock_with_recovery(&wrong),
        Err(VaultError::WrongRecoveryKey)
    ));
    assert!(matches!(
        header.unlock_with_recovery("1234"),
        Err(VaultError::NotARecoveryKey)
    ));
}

#[test]
fn an_interrupted_encryption_finishes_at_the_next_unlock() {
    let (backend, mut store) = stored();
    // The header and one record are written, then storage refuses.
    backend.fail_write_after(2);
    let turned_on = store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    assert_eq!(turned_on.unfinished, Some(StorageError::QuotaExceeded));
    assert_eq!(store.vault().unwrap().stage, VaultStage::TurningOn);
    let plain = everything(&backend)
        .iter()
        .filter(|(k, v)| !sealing::stays_plain(k) && !sealing::is_sealed(v))
        .count();
    assert!(plain > 0);
    // Meanwhile both kinds read.
    assert_eq!(store.client("c1").unwrap().unwrap().name, "Alex Rivera");
    assert!(store.session("s1").unwrap().is_some());

    let mut store = unlock(&backend, PASSPHRASE).unwrap();
    store.finish_vault_work().unwrap();
    assert_eq!(store.vault().unwrap().stage, VaultStage::On);
    assert_no_plaintext(&backend);
    assert!(store.session("s1").unwrap().is_some());
}

#[test]
fn turning_the_vault_off_needs_the_passphrase_and_opens_every_record() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let mut store = unlock(&backend, PASSPHRASE).unwrap();
    assert!(matches!(
        store.turn_off_vault("wrong passphrase"),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(store.vault().is_some());
    store.turn_off_vault(PASSPHRASE).unwrap();
    assert!(store.vault().is_none());
    assert!(
        everything(&backend)
            .iter()
            .all(|(_, v)| !sealing::is_sealed(v))
    );
    let (store, problems) = Store::open(Box::new(backend.clone())).unwrap();
    assert_eq!(problems, []);
    assert_eq!(store.client("c1").unwrap().unwrap().notes, alex().notes);
}

#[test]
fn a_tab_without_the_key_writes_nothing_once_another_turned_the_vault_on() {
    let (backend, mut plain_tab) = stored();
    let (mut other_tab, _) = Store::open(Box::new(backend.clone())).unwrap();
    other_tab.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let before = everything(&backend);
    assert_eq!(
        plain_tab.save_client(&Client {
            notes: "typed in the plain tab".into(),
            ..alex()
        }),
        Err(StorageError::Locked)
    );
    assert_eq!(everything(&backend), before);
}

#[test]
fn a_tab_holding_an_old_vault_key_writes_nothing_after_the_vault_was_remade() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let mut old_tab = unlock(&backend, PASSPHRASE).unwrap();
    store.turn_off_vault(PASSPHRASE).unwrap();
    store.turn_on_vault("a different one", cheap()).unwrap();
    assert_eq!(old_tab.save_client(&alex()), Err(StorageError::Locked));
    let store = unlock(&backend, "a different one").unwrap();
    assert!(store.client("c1").unwrap().is_some());
}

#[test]
fn stored_key_wrappings_name_their_parameters_so_they_can_be_raised() {
    let key = VaultKey::random();
    let recovery = RecoveryKey::random();
    let wrapped = WrappedKeys::new(&key, PASSPHRASE, cheap(), &recovery);
    let json = serde_json::to_string(&wrapped).unwrap();
    assert!(json.contains(r#""algorithm":"argon2id""#), "{json}");
    assert!(json.contains(r#""memory_kib":64"#), "{json}");
    assert_eq!(Kdf::argon2id().memory_kib, 64 * 1024);
    assert_eq!(Kdf::argon2id().iterations, 3);
    assert_eq!(Kdf::argon2id().salt.len(), 32);
}

#[test]
fn a_backup_made_with_the_vault_on_holds_no_plaintext_and_opens_only_with_its_passphrase() {
    use super::super::backup::{BackupError, read_backup};
    let (_backend, mut store) = stored();
    let plain = read_backup(
        &store
            .make_backup("0.1.0", "2026-11-26T09:30:00Z")
            .unwrap()
            .text,
        None,
    )
    .unwrap();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let text = store
        .make_backup("0.1.0", "2026-11-26T09:30:00Z")
        .unwrap()
        .text;
    for phrase in ["Alex", "Rivera", "panic", "avoidance"] {
        assert!(!text.contains(phrase), "{phrase}");
    }
    // The header stays readable: what the file is and how many it holds.
    assert!(text.contains(r#""clients":1"#) && text.contains(r#""sessions":1"#));

    assert_eq!(read_backup(&text, None), Err(BackupError::Locked));
    assert_eq!(
        read_backup(&text, Some("not the passphrase")),
        Err(BackupError::WrongPassphrase)
    );
    let opened = read_backup(&text, Some(PASSPHRASE)).unwrap();
    assert_eq!(opened.records, plain.records);
    // The payload changed by one digit is refused, as any changed file is.
    let at = text.find(r#""payload": ""#).unwrap() + 40;
    let digit = if &text[at..=at] == "0" { "1" } else { "0" };
    let changed = format!("{}{digit}{}", &text[..at], &text[at + 1..]);
    assert_eq!(
        read_backup(&changed, Some(PASSPHRASE)),
        Err(BackupError::Changed)
    );

    // Restored into a fresh, plain device, it reads as it was.
    let fresh = MemoryBackend::new();
    let (mut elsewhere, _) = Store::open(Box::new(fresh.clone())).unwrap();
    elsewhere.replace_with_backup(&opened).unwrap();
    assert_eq!(elsewhere.client("c1").unwrap().unwrap().notes, alex().notes);
}

#[test]
fn a_backup_keeps_the_passphrase_it_was_made_with_after_a_change() {
    use super::super::backup::read_backup;
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let text = store
        .make_backup("0.1.0", "2026-11-26T09:30:00Z")
        .unwrap()
        .text;
    store
        .change_passphrase(PASSPHRASE, "today's passphrase", cheap())
        .unwrap();
    assert!(read_backup(&text, Some("today's passphrase")).is_err());
    let backup = read_backup(&text, Some(PASSPHRASE)).unwrap();
    // Restored into the locked store, its records are sealed there.
    let mut store = unlock(&backend, "today's passphrase").unwrap();
    store.replace_with_backup(&backup).unwrap();
    assert_no_plaintext(&backend);
    assert!(store.session("s1").unwrap().is_some());
}

#[test]
fn the_room_counts_sealed_records_as_stored() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let store = unlock(&backend, PASSPHRASE).unwrap();
    let stored_units: usize = everything(&backend)
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    let room = store.room().unwrap();
    assert_eq!(room.notes, stored_units);
    assert_eq!(room.sessions, 1);
}

#[test]
fn a_header_written_before_the_mac_gets_one_at_the_next_unlock() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    // As an older build wrote it: no counter, no MAC.
    let mut old: serde_json::Value =
        serde_json::from_str(&backend.raw(&vault_key()).unwrap()).unwrap();
    let fields = old.as_object_mut().unwrap();
    fields.remove("mac");
    fields.remove("counter");
    backend.plant(&vault_key(), &old.to_string());
    let header = VaultHeader::read(&backend).unwrap().unwrap();
    assert_eq!((header.counter, header.mac.as_deref()), (0, None));

    let unlocked = header.unlock(PASSPHRASE).unwrap();
    let key = unlocked.key.clone();
    Store::open_unlocked(Box::new(backend.clone()), unlocked).unwrap();

    let header = VaultHeader::read(&backend).unwrap().unwrap();
    assert_eq!(header.counter, 1);
    assert!(header.is_authentic(&key));
    assert!(!header.is_authentic(&VaultKey::random()));
}

#[test]
fn changing_the_passphrase_moves_the_counter_on_and_seals_the_header_again() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let before = VaultHeader::read(&backend).unwrap().unwrap();
    store
        .change_passphrase(PASSPHRASE, "a new passphrase", cheap())
        .unwrap();
    let after = VaultHeader::read(&backend).unwrap().unwrap();
    assert_eq!((before.counter, after.counter), (1, 2));
    let key = after.unlock("a new passphrase").unwrap().key;
    assert!(after.is_authentic(&key));
    // The old header, put back, no longer passes for the current one.
    assert!(before.is_authentic(&key));
    assert_eq!(
        after.check_from_server(&key, &before.shared()),
        Ok(Pulled::Older)
    );
    assert_eq!(
        before.check_from_server(&key, &after.shared()),
        Ok(Pulled::Newer(after.clone()))
    );
}

#[test]
fn the_stage_stays_on_the_device_and_out_of_the_mac() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let header = VaultHeader::read(&backend).unwrap().unwrap();
    let key = header.unlock(PASSPHRASE).unwrap().key;
    assert!(!header.shared().contains("stage"));
    let turning_off = VaultHeader {
        stage: VaultStage::TurningOff,
        ..header.clone()
    };
    assert!(turning_off.is_authentic(&key));
    // Another device's copy naming a stage was changed on the way.
    let mut sent: serde_json::Value = serde_json::from_str(&header.shared()).unwrap();
    sent["stage"] = "turning_off".into();
    assert!(header.check_from_server(&key, &sent.to_string()).is_err());
}

#[test]
fn a_local_header_asking_for_too_much_is_refused_before_any_hashing() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let mut header = VaultHeader::read(&backend).unwrap().unwrap();
    for (memory_kib, iterations, parallelism) in [(2 << 20, 3, 1), (64, 11, 1), (64, 1, 4)] {
        header.keys.kdf.memory_kib = memory_kib;
        header.keys.kdf.iterations = iterations;
        header.keys.kdf.parallelism = parallelism;
        // 2 GiB of Argon2id would not return quickly: it is never run.
        assert!(matches!(
            header.unlock(PASSPHRASE),
            Err(VaultError::KdfOutOfBounds(_))
        ));
        assert!(
            header
                .unlock_with_recovery(&RecoveryKey::random().text())
                .is_err()
        );
        backend.plant(&vault_key(), &serde_json::to_string(&header).unwrap());
        assert!(matches!(
            VaultHeader::read(&backend),
            Err(StorageError::Damaged { .. })
        ));
    }
    let refused = VaultError::KdfOutOfBounds(header.keys.kdf.out_of_bounds().unwrap());
    assert!(
        refused
            .to_string()
            .contains("refused before trying the passphrase")
    );
}

const NEW_PASSPHRASE: &str = "a new walk by the sea at dawn";

/// A vault holding Alex and a dozen sessions, re-encrypted step by step.
fn twelve_sessions_locked() -> (MemoryBackend, Store) {
    let (backend, mut store) = stored();
    for n in 2..=12 {
        let mut session = super::super::tests::session(&format!("s{n}"), "c1", n);
        session
            .note
            .set_text(Section::Subjective, format!("Session {n}: the ladder"));
        store.save_session(&session).unwrap();
    }
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    (backend, store)
}

/// Whether any record in `backend` still opens with `key`.
fn any_opens_with(backend: &MemoryBackend, key: &VaultKey) -> bool {
    everything(backend)
        .iter()
        .filter(|(k, _)| !sealing::stays_plain(k))
        .any(|(k, v)| sealing::open(k, v, key).is_some())
}

fn subjective(store: &Store, id: &str) -> String {
    let session = store.session(id).unwrap().expect("the session is stored");
    session.note.text(Section::Subjective).to_string()
}

#[test]
fn re_encrypting_cut_short_after_any_step_finishes_at_the_next_unlock_with_the_new_passphrase() {
    let mut steps_before_closing = 0;
    loop {
        let (backend, mut store) = twelve_sessions_locked();
        let old_key = unlock(&backend, PASSPHRASE)
            .unwrap()
            .keyring
            .borrow()
            .clone();
        let (_, old_key) = old_key.unwrap();
        store
            .start_rekeying(PASSPHRASE, NEW_PASSPHRASE, cheap())
            .unwrap();
        let mut finished = false;
        for _ in 0..steps_before_closing {
            let progress = store.vault_work_step(4).unwrap();
            finished = progress.is_none();
            if let Some(progress) = progress {
                assert!(progress.done > 0 && progress.done < progress.total);
            }
        }
        // The tab closes: only the new passphrase opens what is left.
        drop(store);
        assert!(matches!(
            unlock(&backend, PASSPHRASE),
            Err(VaultError::WrongPassphrase)
        ));
        let mut store = unlock(&backend, NEW_PASSPHRASE).unwrap();
        // Records not yet sealed again read all the same meanwhile.
        assert_eq!(subjective(&store, "s7"), "Session 7: the ladder");
        store.finish_vault_work().unwrap();
        assert_eq!(store.vault().unwrap().stage, VaultStage::On);
        assert!(!any_opens_with(&backend, &old_key));
        assert_no_plaintext(&backend);
        let store = unlock(&backend, NEW_PASSPHRASE).unwrap();
        assert_eq!(store.client("c1").unwrap().unwrap().notes, alex().notes);
        for n in 2..=12 {
            assert_eq!(
                subjective(&store, &format!("s{n}")),
                format!("Session {n}: the ladder")
            );
        }
        if finished {
            break;
        }
        steps_before_closing += 1;
    }
    assert!(steps_before_closing > 3, "{steps_before_closing} steps");
}

#[test]
fn re_encrypting_stopped_by_full_storage_inside_a_step_goes_on_from_where_it_was() {
    let (backend, mut store) = twelve_sessions_locked();
    store
        .start_rekeying(PASSPHRASE, NEW_PASSPHRASE, cheap())
        .unwrap();
    store.vault_work_step(4).unwrap();
    backend.fail_write_after(2);
    assert_eq!(store.vault_work_step(4), Err(StorageError::QuotaExceeded));
    backend.fail_write_after(usize::MAX);
    let mut store = unlock(&backend, NEW_PASSPHRASE).unwrap();
    store.finish_vault_work().unwrap();
    assert_eq!(store.vault().unwrap().stage, VaultStage::On);
    for n in 2..=12 {
        assert_eq!(
            subjective(&store, &format!("s{n}")),
            format!("Session {n}: the ladder")
        );
    }
}

#[test]
fn after_re_encrypting_the_old_passphrase_and_recovery_key_open_nothing() {
    let (backend, mut store) = stored();
    let old_recovery = store.turn_on_vault(PASSPHRASE, cheap()).unwrap().recovery;
    let before = VaultHeader::read(&backend).unwrap().unwrap();
    let old_key = before.unlock(PASSPHRASE).unwrap().key;
    let new_recovery = store
        .start_rekeying(PASSPHRASE, NEW_PASSPHRASE, cheap())
        .unwrap();
    store.finish_vault_work().unwrap();

    let after = VaultHeader::read(&backend).unwrap().unwrap();
    assert_ne!(after.id, before.id);
    assert_eq!(after.counter, before.counter + 1);
    assert!(matches!(
        after.unlock(PASSPHRASE),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(matches!(
        after.unlock_with_recovery(&old_recovery.text()),
        Err(VaultError::WrongRecoveryKey)
    ));
    assert!(after.unlock_with_recovery(&new_recovery.text()).is_ok());
    // The old key, however it was had, opens no record now.
    assert!(!any_opens_with(&backend, &old_key));
    let store = unlock(&backend, NEW_PASSPHRASE).unwrap();
    assert_eq!(store.client("c1").unwrap().unwrap().notes, alex().notes);
}

#[test]
fn re_encrypting_needs_the_current_passphrase_and_another_new_one_or_changes_nothing() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let before = everything(&backend);
    assert!(matches!(
        store.start_rekeying("not the passphrase", NEW_PASSPHRASE, cheap()),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(matches!(
        store.start_rekeying(PASSPHRASE, PASSPHRASE, cheap()),
        Err(VaultError::SamePassphrase)
    ));
    assert_eq!(everything(&backend), before);
}

#[test]
fn a_sealed_backup_made_before_re_encrypting_opens_nothing_written_after() {
    use super::super::backup::{BackupError, read_backup};
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let old_key = VaultHeader::read(&backend)
        .unwrap()
        .unwrap()
        .unlock(PASSPHRASE)
        .unwrap()
        .key;
    let old_backup = store.make_backup("0.1.0", "2026-11-26T09:30:00Z").unwrap();
    store
        .start_rekeying(PASSPHRASE, NEW_PASSPHRASE, cheap())
        .unwrap();
    store.finish_vault_work().unwrap();
    let later = with_subjective(super::super::tests::session("s2", "c1", 2), "After");
    store.save_session(&later).unwrap();

    // It still holds, with the old passphrase, the notes it held then.
    let opened = read_backup(&old_backup.text, Some(PASSPHRASE)).unwrap();
    assert!(opened.records.iter().any(|e| e.key == "session/s1"));
    assert!(!opened.records.iter().any(|e| e.key == "session/s2"));
    assert_eq!(
        read_backup(&old_backup.text, Some(NEW_PASSPHRASE)),
        Err(BackupError::WrongPassphrase)
    );
    // The key it carries opens nothing stored now, old notes or new.
    assert!(!any_opens_with(&backend, &old_key));
}

fn with_subjective(mut session: crate::model::Session, text: &str) -> crate::model::Session {
    session.note.set_text(Section::Subjective, text.into());
    session
}

#[test]
fn locking_with_storage_full_still_moves_the_mark_other_tabs_watch() {
    let (backend, mut store) = stored();
    store.turn_on_vault(PASSPHRASE, cheap()).unwrap();
    let mark = crate::layout::lock_key();
    assert_eq!(backend.raw(&mark).as_deref(), Some("0"));
    // Full to the last unit: a new mark cannot be written.
    backend.set_quota(Some(0));
    store.signal_lock(1_700_000_000_000);
    // Taken away, which every other tab hears of as a storage event.
    assert_eq!(backend.raw(&mark), None);
}
