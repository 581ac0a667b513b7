use super::super::tests::{everything, session};
use super::super::vault::Kdf;
use super::super::*;
use super::adopt_vault;
use crate::model::note::Section;
use crate::model::{Client, Session};
use crate::storage::vault::open_sealed;
use crate::sync::memory_server::MemoryServer;
use crate::sync::{
    Credentials, Direction, LocalDocs, Replication, Step, Summary, SyncError, VAULT_DOC_ID,
    replication_id,
};
use std::sync::atomic::{AtomicU64, Ordering};

const USER: &str = "dr-okafor";
const PASSWORD: &str = "correct horse battery staple";
const PASSPHRASE: &str = "a long walk by the river";
const ADDRESS: &str = "https://notes.example.org/db/sessionpad";

struct Device {
    name: &'static str,
    backend: MemoryBackend,
    store: Store,
}

fn alex() -> Client {
    let mut client = Client::new("c1".into(), "Alex Rivera", 0).unwrap();
    client.notes = "panic attacks on the train".into();
    client
}

fn with_note(mut session: Session, text: &str) -> Session {
    session.note.set_text(Section::Subjective, text.into());
    session
}

/// The first device: the vault on, Alex and one session.
fn first_device() -> Device {
    let backend = MemoryBackend::new();
    let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
    store.save_client(&alex()).unwrap();
    let first = with_note(session("s1", "c1", 1), "Worked on the avoidance ladder");
    store.save_session(&first).unwrap();
    store
        .turn_on_vault(PASSPHRASE, Kdf::with_cost(64, 1))
        .unwrap();
    Device {
        name: "tablet",
        backend,
        store,
    }
}

/// A new device set up from what the server holds, as "Set up from server" does.
fn set_up_from(server: &mut MemoryServer) -> Device {
    let mut backend = MemoryBackend::new();
    let vault = server
        .handle(
            &crate::sync::Request::get_doc(VAULT_DOC_ID),
            Some(&credentials()),
        )
        .expect("the server answers");
    let header = vault.body["c"]
        .as_str()
        .expect("the vault document")
        .to_string();
    let unlocked = adopt_vault(&mut backend, &header, PASSPHRASE).unwrap();
    let (store, _) = Store::open_unlocked(Box::new(backend.clone()), unlocked).unwrap();
    let mut device = Device {
        name: "laptop",
        backend,
        store,
    };
    device.sync(server).unwrap();
    device
}

fn credentials() -> Credentials {
    Credentials::new(USER, PASSWORD)
}

impl Device {
    /// One run in `direction`, as the app runs it: everything stored taken
    /// in first, then the replicator fed the server's answers.
    fn run(
        &mut self,
        direction: Direction,
        server: &mut MemoryServer,
    ) -> Result<Summary, SyncError> {
        static RUNS: AtomicU64 = AtomicU64::new(0);
        let run = format!("run-{}", RUNS.fetch_add(1, Ordering::Relaxed));
        let id = replication_id(self.name, ADDRESS, direction);
        let mut replication = Replication::new(direction, &id, &run, 100);
        self.store.replica(0).unwrap().take_in_all().unwrap();
        let mut step = replication.start();
        loop {
            step = match step {
                Step::Send(request) => {
                    let reply = server.handle(&request, Some(&credentials()));
                    let mut replica = self.store.replica(0).unwrap();
                    replication.receive(reply, &mut replica)
                }
                Step::Done(summary) => return Ok(summary),
                Step::Failed(error) => return Err(error),
            }
        }
    }

    fn sync(&mut self, server: &mut MemoryServer) -> Result<(), SyncError> {
        self.run(Direction::Pull, server)?;
        self.run(Direction::Push, server)?;
        Ok(())
    }

    fn note(&self, id: &str) -> String {
        let session = self
            .store
            .session(id)
            .unwrap()
            .expect("the session is stored");
        session.note.text(Section::Subjective).to_string()
    }

    fn edit(&mut self, id: &str, text: &str) {
        let session = self.store.session(id).unwrap().unwrap();
        self.store.save_session(&with_note(session, text)).unwrap();
    }

    /// The versions set aside for session `id`, as the conflict view shows them.
    fn set_aside(&self, id: &str) -> Vec<String> {
        let record = RecordRef::Session(id.into());
        let copies = self.store.conflict_copies_of(&record).unwrap();
        copies
            .iter()
            .map(|copy| {
                let session: Session = self.store.conflict_copy(copy).unwrap().unwrap();
                session.note.text(Section::Subjective).to_string()
            })
            .collect()
    }
}

fn server() -> MemoryServer {
    MemoryServer::new(USER, PASSWORD)
}

#[test]
fn a_device_set_up_from_the_server_holds_the_first_ones_clients_and_sessions() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();

    let laptop = set_up_from(&mut server);

    let (clients, problems) = laptop.store.clients();
    assert_eq!(problems, []);
    assert_eq!(clients, vec![tablet.store.client("c1").unwrap().unwrap()]);
    assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
    assert_eq!(laptop.store.index().sessions.len(), 1);
}

#[test]
fn the_server_holds_only_what_the_vault_sealed() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();

    assert_eq!(server.live_ids(), ["client:c1", "session:s1", "vault"]);
    let stored = server.stored_text();
    for phrase in ["Alex", "Rivera", "panic attacks", "avoidance ladder"] {
        assert!(!stored.contains(phrase), "the server can read {phrase:?}");
    }
}

#[test]
fn a_store_without_the_vault_offers_nothing_to_sync() {
    let backend = MemoryBackend::new();
    let (mut store, _) = Store::open(Box::new(backend)).unwrap();
    store.save_client(&alex()).unwrap();
    let mut replica = store.replica(0).unwrap();
    replica.take_in_all().unwrap();
    let changes = replica.changes(&0.into(), 100).unwrap();
    assert_eq!(changes.results, []);
}

#[test]
fn an_edit_on_one_device_reaches_the_other() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut laptop = set_up_from(&mut server);

    tablet.edit("s1", "Ladder step 4: the crowded platform");
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();

    assert_eq!(laptop.note("s1"), "Ladder step 4: the crowded platform");
    assert_eq!(laptop.set_aside("s1"), Vec::<String>::new());
    // Edited again there, it comes back without a conflict.
    laptop.edit("s1", "Ladder step 5");
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();
    assert_eq!(tablet.note("s1"), "Ladder step 5");
    assert_eq!(server.leaves("session:s1").len(), 1);
}

#[test]
fn a_session_changed_on_both_devices_keeps_both_versions_until_one_is_chosen() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut laptop = set_up_from(&mut server);

    tablet.edit("s1", "Written on the tablet");
    laptop.edit("s1", "Written on the laptop");
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();

    for device in [&tablet, &laptop] {
        let mut both = device.set_aside("s1");
        both.push(device.note("s1"));
        both.sort();
        assert_eq!(both, ["Written on the laptop", "Written on the tablet"]);
        let record = RecordRef::Session("s1".into());
        assert!(device.store.changed_on_another_device(&record));
    }
    // Both devices show the same winner, as CouchDB would.
    assert_eq!(tablet.note("s1"), laptop.note("s1"));
    assert_eq!(server.leaves("session:s1").len(), 2);

    // The clinician keeps the version shown on the laptop.
    let record = RecordRef::Session("s1".into());
    let copy = laptop.store.conflict_copies_of(&record).unwrap().remove(0);
    laptop.store.remove_conflict_copy(&copy).unwrap();
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();

    let live = server.leaves("session:s1");
    assert_eq!(live.iter().filter(|l| !l.deleted).count(), 1);
    assert_eq!(tablet.set_aside("s1"), Vec::<String>::new());
    assert!(!tablet.store.changed_on_another_device(&record));
    assert_eq!(tablet.note("s1"), laptop.note("s1"));
}

#[test]
fn a_session_deleted_for_good_on_one_device_waits_in_recently_deleted_on_the_other() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut laptop = set_up_from(&mut server);

    let session = Deletable::Session("s1".into());
    tablet.store.delete_session("s1", 10).unwrap();
    tablet.store.purge(&session).unwrap();
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();

    assert!(server.leaves("session:s1").iter().all(|l| l.deleted));
    assert!(laptop.store.in_recently_deleted(&session));
    assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
    assert!(laptop.backend.raw(&client_key("c1")).is_some());
    assert_eq!(
        laptop.store.take_sync_notices(),
        [
            "A session was deleted on another device. It is in Recently deleted here, where you \
          can restore it."
        ]
    );

    // Restored there, it comes back on every device.
    laptop.store.restore(&session).unwrap();
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();
    assert_eq!(server.live_ids(), ["client:c1", "session:s1", "vault"]);
    assert_eq!(tablet.note("s1"), "Worked on the avoidance ladder");
    assert!(!tablet.store.in_recently_deleted(&session));
}

#[test]
fn a_session_deleted_for_good_on_both_devices_is_gone_from_both() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut laptop = set_up_from(&mut server);
    let session = Deletable::Session("s1".into());
    tablet.store.purge(&session).unwrap();
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();

    laptop.store.purge(&session).unwrap();
    laptop.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();

    assert_eq!(laptop.store.session("s1").unwrap(), None);
    assert_eq!(laptop.store.deleted(), []);
    assert!(server.leaves("session:s1").iter().all(|l| l.deleted));
}

#[test]
fn a_database_of_another_vault_is_refused_and_nothing_here_changes() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut other = first_device();
    other.name = "another practice";
    other.edit("s1", "Another practice's note");
    let before = other.backend.raw(&session_key("s1"));

    let refused = other.run(Direction::Pull, &mut server);

    assert!(
        matches!(&refused, Err(SyncError::VaultRefused(why)) if why.contains("another vault")),
        "{refused:?}"
    );
    assert_eq!(other.backend.raw(&session_key("s1")), before);
    assert_eq!(other.note("s1"), "Another practice's note");
    // Sync stays stopped until the clinician turns it off and on again.
    assert!(other.store.sync_halted().is_some());
    assert!(matches!(
        other.run(Direction::Push, &mut server),
        Err(SyncError::VaultRefused(_))
    ));
    other.store.forget_sync().unwrap();
    assert_eq!(other.store.sync_halted(), None);
}

#[test]
fn a_device_with_notes_of_its_own_cannot_be_set_up_from_the_server() {
    let device = first_device();
    let mut backend = device.backend.clone();
    let header = backend.raw(&vault_key()).unwrap();
    let refused = adopt_vault(&mut backend, &header, PASSPHRASE)
        .err()
        .unwrap();
    assert!(refused.contains("already holds notes"), "{refused}");
}

#[test]
fn a_wrong_passphrase_sets_up_nothing() {
    let mut server = server();
    first_device().sync(&mut server).unwrap();
    let vault = server
        .handle(
            &crate::sync::Request::get_doc(VAULT_DOC_ID),
            Some(&credentials()),
        )
        .unwrap();
    let mut backend = MemoryBackend::new();
    let refused = adopt_vault(&mut backend, vault.body["c"].as_str().unwrap(), "a guess");
    assert_eq!(refused.err().unwrap(), "That passphrase does not match.");
    assert_eq!(backend.raw(&vault_key()), None);
}

#[test]
fn taking_in_an_unchanged_store_again_adds_no_revision() {
    let mut tablet = first_device();
    let mut replica = tablet.store.replica(0).unwrap();
    replica.take_in_all().unwrap();
    let first = replica.changes(&0.into(), 100).unwrap();
    replica.take_in_all().unwrap();
    let again = replica.changes(&first.last_seq, 100).unwrap();
    assert_eq!(again.results, []);
    assert_eq!(first.results.len(), 3, "vault, client and session");
}

#[test]
fn an_open_session_is_not_saved_over_the_other_devices_version_that_won() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut laptop = set_up_from(&mut server);

    tablet.edit("s1", "Written on the tablet");
    tablet.sync(&mut server).unwrap();
    // The laptop's editor holds its own edit, saved under the same number.
    let open = with_note(
        laptop.store.session("s1").unwrap().unwrap(),
        "Written on the laptop",
    );
    let rev = laptop.store.save_session(&open).unwrap();
    laptop.sync(&mut server).unwrap();

    let mut typed_on = open.clone();
    typed_on.rev = rev;
    let saved = laptop
        .store
        .save_session(&with_note(typed_on, "Written on the laptop, more"));
    if laptop.note("s1") == "Written on the tablet" {
        assert!(
            matches!(saved, Err(StorageError::Conflict { .. })),
            "{saved:?}"
        );
    } else {
        assert_eq!(saved, Ok(rev + 1));
    }
    let mut kept = laptop.set_aside("s1");
    kept.push(laptop.note("s1"));
    assert!(kept.contains(&"Written on the tablet".to_string()));
    assert!(kept.iter().any(|t| t.starts_with("Written on the laptop")));
}

#[test]
fn turning_the_lock_off_turns_sync_off_and_leaves_no_password_readable() {
    let mut server = server();
    let mut tablet = first_device();
    let account = crate::sync::Account::from_typed(ADDRESS, USER, PASSWORD, "d1".into()).unwrap();
    tablet.store.save_sync_account(&account).unwrap();
    tablet.sync(&mut server).unwrap();
    assert!(tablet.store.syncs());

    tablet.store.turn_off_vault(PASSPHRASE).unwrap();

    assert!(!tablet.store.syncs());
    let everything = tablet.backend.keys().unwrap();
    for key in everything {
        let value = tablet.backend.raw(&key).unwrap_or_default();
        assert!(
            !value.contains(PASSWORD) && !key.contains(PASSWORD),
            "{key}"
        );
    }
}

#[test]
fn sync_turned_off_and_on_again_offers_nothing_as_changed_twice() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    tablet.store.forget_sync().unwrap();
    tablet.name = "tablet again";
    tablet.sync(&mut server).unwrap();
    assert_eq!(server.leaves("session:s1").len(), 1);
    assert_eq!(server.leaves("client:c1").len(), 1);
}

// The server as an attacker holding the database's password: it rewrites
// documents as new revisions, and the devices must take none of it.

use crate::sync::http::{Method, Request};
use crate::sync::rev_tree::{Rev, RevPath};
use crate::sync::{Body, Doc};

/// The server's winning revision of `id` and its body.
fn on_server(server: &mut MemoryServer, id: &str) -> (Rev, Body) {
    let reply = server
        .handle(&Request::get_doc(id), Some(&credentials()))
        .unwrap();
    let rev = reply.body["_rev"].as_str().unwrap().parse().unwrap();
    (rev, serde_json::from_value(reply.body).unwrap())
}

/// Writes `body` (`None`: a tombstone) as a new revision of `id` on top of
/// the server's winner, as the database's admin can.
fn rewrite(server: &mut MemoryServer, id: &str, body: Option<Body>) {
    let (winner, _) = on_server(server, id);
    let rev = Rev::child(Some(&winner), body.is_none(), b"written by the server");
    let doc = Doc {
        id: id.into(),
        revisions: RevPath {
            start: rev.pos,
            ids: vec![rev.hash.clone(), winner.hash],
        },
        rev,
        body,
    };
    let request = Request {
        method: Method::Post,
        path: "_bulk_docs".into(),
        query: Vec::new(),
        body: Some(serde_json::json!({ "docs": [doc.to_json()], "new_edits": false })),
    };
    server.handle(&request, Some(&credentials())).unwrap();
}

/// The vault document on the server with `change` made to its header.
fn rewrite_header(server: &mut MemoryServer, change: impl FnOnce(&mut serde_json::Value)) {
    let (_, mut body) = on_server(server, VAULT_DOC_ID);
    let mut header: serde_json::Value = serde_json::from_str(&body.c).unwrap();
    change(&mut header);
    body.c = header.to_string();
    rewrite(server, VAULT_DOC_ID, Some(body));
}

/// A tablet and a laptop of one vault, in sync.
fn two_devices() -> (MemoryServer, Device, Device) {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let laptop = set_up_from(&mut server);
    (server, tablet, laptop)
}

/// A change the server makes to the vault header's JSON.
type Change = fn(&mut serde_json::Value);

#[test]
fn a_vault_header_changed_on_the_server_in_any_field_is_refused_and_sync_stops() {
    let changes: [(&str, Change); 9] = [
        ("stage", |h| h["stage"] = "turning_off".into()),
        ("id", |h| h["id"] = "0123456789abcdef".into()),
        ("counter", |h| h["counter"] = 9.into()),
        ("memory", |h| h["kdf"]["memory_kib"] = 128.into()),
        ("passes", |h| h["kdf"]["iterations"] = 2.into()),
        ("salt", |h| h["kdf"]["salt"] = "00".repeat(16).into()),
        ("by passphrase", |h| {
            h["by_passphrase"] = "00".repeat(72).into()
        }),
        ("by recovery", |h| h["by_recovery"] = "00".repeat(72).into()),
        ("no mac", |h| {
            h.as_object_mut().unwrap().remove("mac");
        }),
    ];
    for (field, change) in changes {
        let (mut server, _tablet, mut laptop) = two_devices();
        let before = everything(&laptop.backend);
        rewrite_header(&mut server, change);

        let refused = laptop.run(Direction::Pull, &mut server);

        assert!(
            matches!(refused, Err(SyncError::VaultRefused(_))),
            "{field}: {refused:?}"
        );
        let after = everything(&laptop.backend);
        let changed: Vec<&String> = after
            .iter()
            .filter(|(k, v)| !is_sync_key(k) && before.get(*k) != Some(*v))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(changed, Vec::<&String>::new(), "{field}");
        assert_eq!(
            laptop.store.vault().unwrap().stage,
            VaultStage::On,
            "{field}"
        );
        assert!(laptop.store.sync_halted().is_some(), "{field}");
        // The push side stops too, until the clinician acts.
        let pushed = laptop.run(Direction::Push, &mut server);
        assert!(matches!(pushed, Err(SyncError::VaultRefused(_))), "{field}");
    }
}

#[test]
fn a_header_asking_for_an_unbounded_key_derivation_is_refused_before_any_hashing() {
    let (mut server, _tablet, mut laptop) = two_devices();
    // 4 GiB of Argon2id would take the tablet down; it is never tried.
    rewrite_header(&mut server, |h| {
        h["kdf"]["memory_kib"] = (4u64 << 20).into()
    });
    let refused = laptop.run(Direction::Pull, &mut server);
    let Err(SyncError::VaultRefused(why)) = refused else {
        panic!("{refused:?}");
    };
    assert!(why.contains("4096 MiB"), "{why}");

    // Set up from the server reads the header before it can verify it:
    // it is bounded first.
    let (_, body) = on_server(&mut server, VAULT_DOC_ID);
    let mut backend = MemoryBackend::new();
    let refused = adopt_vault(&mut backend, &body.c, PASSPHRASE)
        .err()
        .unwrap();
    assert!(refused.contains("more than the 1 GiB"), "{refused}");
    assert_eq!(backend.keys().unwrap(), Vec::<String>::new());
}

#[test]
fn a_new_device_takes_only_a_header_sealed_by_the_vault_key() {
    let (mut server, _tablet, _laptop) = two_devices();
    // The server swaps in the wrapped keys of a vault of its own.
    let forged = first_device().store.vault().unwrap();
    rewrite_header(&mut server, |h| {
        h["by_passphrase"] = forged.keys.by_passphrase.clone().into();
        h["kdf"] = serde_json::to_value(&forged.keys.kdf).unwrap();
    });
    let (_, body) = on_server(&mut server, VAULT_DOC_ID);
    let mut backend = MemoryBackend::new();
    let refused = adopt_vault(&mut backend, &body.c, PASSPHRASE)
        .err()
        .unwrap();
    assert!(refused.contains("seal"), "{refused}");
    assert_eq!(backend.keys().unwrap(), Vec::<String>::new());
}

#[test]
fn a_passphrase_changed_on_another_device_is_taken_and_an_older_header_put_back_is_refused() {
    let (mut server, mut tablet, mut laptop) = two_devices();
    let (_, old_header) = on_server(&mut server, VAULT_DOC_ID);
    tablet
        .store
        .change_passphrase(PASSPHRASE, "a new walk by the sea", Kdf::with_cost(64, 1))
        .unwrap();
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();

    let header = laptop.store.vault().unwrap();
    assert_eq!(header.counter, 2);
    assert_eq!(header.stage, VaultStage::On);
    assert!(header.unlock("a new walk by the sea").is_ok());
    assert_eq!(laptop.store.sync_halted(), None);

    // The server puts the header from before the change back.
    rewrite(&mut server, VAULT_DOC_ID, Some(old_header));
    for device in [&mut laptop, &mut tablet] {
        let refused = device.run(Direction::Pull, &mut server);
        assert!(
            matches!(&refused, Err(SyncError::VaultRefused(why)) if why.contains("older")),
            "{refused:?}"
        );
        assert_eq!(device.store.vault().unwrap().counter, 2);
    }
}

#[test]
fn an_older_version_put_back_by_the_server_is_kept_aside_and_not_applied() {
    let (mut server, mut tablet, mut laptop) = two_devices();
    let (_, first) = on_server(&mut server, "session:s1");
    tablet.edit("s1", "Ladder step 4: the crowded platform");
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();

    rewrite(&mut server, "session:s1", Some(first));
    for device in [&mut laptop, &mut tablet] {
        device.sync(&mut server).unwrap();
        assert_eq!(device.note("s1"), "Ladder step 4: the crowded platform");
        assert_eq!(device.set_aside("s1"), ["Worked on the avoidance ladder"]);
        let record = RecordRef::Session("s1".into());
        assert!(device.store.changed_on_another_device(&record));
        let notices = device.store.take_sync_notices();
        assert!(
            notices[0].contains("older version of a session"),
            "{notices:?}"
        );
        // Not fetched again, nor set aside twice.
        device.sync(&mut server).unwrap();
        assert_eq!(device.set_aside("s1").len(), 1);
    }
}

#[test]
fn a_value_that_does_not_open_goes_under_problems_and_the_rest_still_lands() {
    let (mut server, mut tablet, mut laptop) = two_devices();
    // The client's ciphertext moved under the session's document: it is
    // sealed by the vault, but for another key, so it does not open there.
    let mut renamed = tablet.store.client("c1").unwrap().unwrap();
    renamed.notes = "panic attacks, fewer since May".into();
    tablet.store.save_client(&renamed).unwrap();
    tablet.sync(&mut server).unwrap();
    let (_, client_body) = on_server(&mut server, "client:c1");
    rewrite(&mut server, "session:s1", Some(client_body));

    laptop.sync(&mut server).unwrap();

    assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
    assert_eq!(
        laptop.store.client("c1").unwrap().unwrap().notes,
        renamed.notes
    );
    let problems = laptop.store.damaged_records().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].what, "Copy of the session record s1, set aside");
    let notices = laptop.store.take_sync_notices();
    assert!(notices[0].contains("does not open"), "{notices:?}");
    // Sync goes on past it: later edits arrive.
    tablet.edit("s1", "Ladder step 5");
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();
    assert_eq!(laptop.note("s1"), "Ladder step 5");
}

#[test]
fn a_client_deleted_by_the_server_waits_in_recently_deleted_and_restores_everywhere() {
    let (mut server, mut tablet, mut laptop) = two_devices();
    rewrite(&mut server, "client:c1", None);
    let client = Deletable::Client("c1".into());
    for device in [&mut laptop, &mut tablet] {
        device.sync(&mut server).unwrap();
        assert!(device.store.in_recently_deleted(&client));
        assert_eq!(
            device.store.client("c1").unwrap().unwrap().name,
            "Alex Rivera"
        );
        assert_eq!(device.note("s1"), "Worked on the avoidance ladder");
    }
    laptop.store.restore(&client).unwrap();
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();
    assert!(server.live_ids().contains(&"client:c1".to_string()));
    assert!(!tablet.store.in_recently_deleted(&client));
}

#[test]
fn sync_bookkeeping_is_sealed_like_every_record() {
    let (_server, tablet, laptop) = two_devices();
    for device in [&tablet, &laptop] {
        let sync_keys: Vec<String> = device
            .backend
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| is_sync_key(k))
            .collect();
        assert!(sync_keys.len() >= 4, "{sync_keys:?}");
        for key in sync_keys {
            let raw = device.backend.raw(&key).unwrap();
            assert!(raw.starts_with(crate::layout::TAG_SEALED), "{key}");
        }
    }
}

#[test]
fn a_passphrase_changed_on_two_devices_at_once_stops_sync_until_one_changes_it_again() {
    let (mut server, mut tablet, mut laptop) = two_devices();
    tablet
        .store
        .change_passphrase(PASSPHRASE, "the tablet's new one", Kdf::with_cost(64, 1))
        .unwrap();
    laptop
        .store
        .change_passphrase(PASSPHRASE, "the laptop's new one", Kdf::with_cost(64, 1))
        .unwrap();
    tablet.sync(&mut server).unwrap();
    let refused = laptop.sync(&mut server);
    assert!(
        matches!(&refused, Err(SyncError::VaultRefused(why)) if why.contains("two devices at once")),
        "{refused:?}"
    );

    // The laptop changes it again, then sync is turned off and on there.
    laptop
        .store
        .change_passphrase(
            "the laptop's new one",
            "the one to keep",
            Kdf::with_cost(64, 1),
        )
        .unwrap();
    laptop.store.forget_sync().unwrap();
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();

    for device in [&tablet, &laptop] {
        let header = device.store.vault().unwrap();
        assert_eq!(header.counter, 3);
        assert!(header.unlock("the one to keep").is_ok());
        assert_eq!(device.store.sync_halted(), None);
    }
}

const NEW_PASSPHRASE: &str = "a new walk by the sea at dawn";

/// Re-encrypts `device` with a new key under `NEW_PASSPHRASE`, to the end.
fn rekey(device: &mut Device) {
    device
        .store
        .start_rekeying(PASSPHRASE, NEW_PASSPHRASE, Kdf::with_cost(64, 1))
        .unwrap();
    device.store.finish_vault_work().unwrap();
}

fn the_key(device: &Device) -> super::super::vault::VaultKey {
    let ring = device.store.keyring.borrow();
    ring.as_ref().expect("unlocked").1.clone()
}

#[test]
fn a_new_key_made_on_another_device_is_taken_only_once_its_new_passphrase_is_typed_there() {
    let (mut server, mut tablet, mut laptop) = two_devices();
    let old_key = the_key(&laptop);
    rekey(&mut tablet);
    tablet.sync(&mut server).unwrap();
    // The server's records are all sealed under the new key now.
    let (_, s1) = on_server(&mut server, "session:s1");
    assert!(open_sealed(&session_key("s1"), &s1.c, &old_key).is_none());
    assert!(open_sealed(&session_key("s1"), &s1.c, &the_key(&tablet)).is_some());

    // The laptop stops, keeps its key and its notes, and asks.
    let before = laptop.store.vault().unwrap();
    assert_eq!(laptop.sync(&mut server), Err(SyncError::NewKeyElsewhere));
    assert!(laptop.store.new_key_waiting());
    assert!(laptop.store.sync_halted().is_some());
    assert_eq!(laptop.store.vault().unwrap(), before);
    assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
    assert_eq!(
        laptop.run(Direction::Push, &mut server),
        Err(SyncError::NewKeyElsewhere)
    );
    // The old passphrase does not open the new key.
    assert!(matches!(
        laptop.store.adopt_new_key(PASSPHRASE),
        Err(VaultError::WrongPassphrase)
    ));
    assert_eq!(laptop.store.vault().unwrap(), before);

    laptop.store.adopt_new_key(NEW_PASSPHRASE).unwrap();
    laptop.store.finish_vault_work().unwrap();
    assert!(!laptop.store.new_key_waiting());
    assert_eq!(
        laptop.store.vault().unwrap().id,
        tablet.store.vault().unwrap().id
    );
    laptop.sync(&mut server).unwrap();
    assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
    // Sealing again was no change of a note: nothing was set aside.
    assert!(laptop.set_aside("s1").is_empty());
    assert!(
        everything(&laptop.backend)
            .iter()
            .filter(|(k, _)| !super::super::vault::stays_plain(k))
            .all(|(k, v)| open_sealed(k, v, &old_key).is_none())
    );

    // Both go on syncing under the new key.
    laptop.edit("s1", "Written on the laptop after the new key");
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();
    assert_eq!(tablet.note("s1"), "Written on the laptop after the new key");
    assert!(tablet.set_aside("s1").is_empty());
    // The header taken is the one sent, so it is one revision on the server.
    assert_eq!(server.leaves(VAULT_DOC_ID).len(), 1);
    for device in [&laptop, &tablet] {
        let header = VaultHeader::read(&device.backend).unwrap().unwrap();
        assert!(header.unlock(PASSPHRASE).is_err());
        assert!(header.unlock(NEW_PASSPHRASE).is_ok());
    }
}

#[test]
fn a_header_with_a_new_id_not_made_with_this_vaults_key_is_refused() {
    let forgeries: [Change; 4] = [
        // The wrapped key swapped for one the server chose.
        |h| h["by_passphrase"] = "00".repeat(72).into(),
        // The MAC under the old key replaced.
        |h| h["rekeyed_from"]["mac"] = "ab".repeat(32).into(),
        // Said to come from another vault.
        |h| h["rekeyed_from"]["from"] = "0123456789abcdef".into(),
        // Without its MAC under the old key.
        |h| {
            h.as_object_mut().unwrap().remove("rekeyed_from");
        },
    ];
    for forge in forgeries {
        let (mut server, mut tablet, mut laptop) = two_devices();
        rekey(&mut tablet);
        tablet.sync(&mut server).unwrap();
        rewrite_header(&mut server, forge);
        let before = laptop.store.vault().unwrap();
        let refused = laptop.sync(&mut server);
        assert!(
            matches!(refused, Err(SyncError::VaultRefused(_))),
            "{refused:?}"
        );
        assert!(!laptop.store.new_key_waiting());
        assert!(laptop.store.adopt_new_key(NEW_PASSPHRASE).is_err());
        assert_eq!(laptop.store.vault().unwrap(), before);
        assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
    }
}

#[test]
fn a_new_key_made_by_someone_who_learnt_the_old_passphrase_is_not_taken_with_that_passphrase() {
    let (mut server, tablet, mut laptop) = two_devices();
    // Whoever knows the old passphrase has the old key, and vouches with it
    // for a key of their own, wrapped by that same passphrase.
    let header = tablet.store.vault().unwrap();
    let old_key = the_key(&tablet);
    let theirs = super::super::vault::VaultKey::random();
    let recovery = super::super::vault::RecoveryKey::random();
    let forged = header.rekeyed(
        &old_key,
        &theirs,
        PASSPHRASE,
        Kdf::with_cost(64, 1),
        &recovery,
    );
    let (_, mut body) = on_server(&mut server, VAULT_DOC_ID);
    body.c = forged.shared();
    rewrite(&mut server, VAULT_DOC_ID, Some(body));

    assert_eq!(laptop.sync(&mut server), Err(SyncError::NewKeyElsewhere));
    let before = laptop.store.vault().unwrap();
    let refused = laptop.store.adopt_new_key(PASSPHRASE);
    assert!(
        matches!(&refused, Err(VaultError::Refused(why)) if why.contains("from before the new key")),
        "{refused:?}"
    );
    assert_eq!(laptop.store.vault().unwrap(), before);
    assert!(laptop.store.new_key_waiting());
    assert_eq!(laptop.note("s1"), "Worked on the avoidance ladder");
}

#[test]
fn a_device_takes_a_new_id_only_when_sync_stores_a_version_that_does_not_hold_its_own() {
    let mut server = server();
    let mut tablet = first_device();
    tablet.sync(&mut server).unwrap();
    let mut laptop = set_up_from(&mut server);
    laptop.edit("s1", "Laptop, first");
    laptop.sync(&mut server).unwrap();
    let laptop_id = laptop.store.device_id().unwrap();

    // The tablet's edit, made from the laptop's version, holds it.
    tablet.sync(&mut server).unwrap();
    tablet.edit("s1", "Tablet, on top");
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();
    assert_eq!(laptop.note("s1"), "Tablet, on top");
    assert_eq!(laptop.store.device_id().unwrap(), laptop_id);

    // Changed on both: the device whose version lost its place starts anew.
    tablet.edit("s1", "Written on the tablet");
    laptop.edit("s1", "Written on the laptop");
    let tablet_id = tablet.store.device_id().unwrap();
    tablet.sync(&mut server).unwrap();
    laptop.sync(&mut server).unwrap();
    tablet.sync(&mut server).unwrap();
    let (won, lost) = if tablet.note("s1") == "Written on the tablet" {
        ((&mut tablet, tablet_id), (&mut laptop, laptop_id))
    } else {
        ((&mut laptop, laptop_id), (&mut tablet, tablet_id))
    };
    assert_eq!(won.0.store.device_id().unwrap(), won.1);
    assert_ne!(lost.0.store.device_id().unwrap(), lost.1);
}
