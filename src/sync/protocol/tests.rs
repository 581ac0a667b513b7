use super::*;
use crate::sync::checkpoint::{HistoryEntry, replication_id, start_seq};
use crate::sync::error::Credentials;
use crate::sync::http::{self, NoAnswer};
use crate::sync::memory_server::MemoryServer;
use crate::sync::test_device::Device;
use serde_json::json;
use std::sync::atomic::{AtomicU64, Ordering};

const USER: &str = "dr-okafor";
const PASSWORD: &str = "correct horse battery staple";
const ADDRESS: &str = "https://notes.example.org/db/sessionpad";
fn credentials() -> Credentials {
    Credentials::new(USER, PASSWORD)
}

/// Loses the answer to the `nth` request whose target starts with `prefix`:
/// the server handled it, the device never heard back (or refused what came,
/// as the transport refuses a redirect or an oversized answer).
struct Loss {
    prefix: &'static str,
    nth: usize,
    why: NoAnswer,
}

fn drive(
    replication: &mut Replication,
    mut step: Step,
    device: &mut Device,
    server: &mut MemoryServer,
    auth: &Credentials,
    loss: Option<Loss>,
) -> Result<Summary, SyncError> {
    let mut seen = 0;
    loop {
        match step {
            Step::Send(request) => {
                let mut reply = server.handle(&request, Some(auth));
                if let Some(loss) = &loss
                    && request.target().starts_with(loss.prefix)
                {
                    if seen == loss.nth {
                        reply = Err(loss.why);
                    }
                    seen += 1;
                }
                step = replication.receive(reply, device);
            }
            Step::Done(summary) => return Ok(summary),
            Step::Failed(error) => return Err(error),
        }
    }
}

fn new_run(direction: Direction, name: &str, batch: usize) -> Replication {
    static SESSIONS: AtomicU64 = AtomicU64::new(0);
    let session = format!("session-{}", SESSIONS.fetch_add(1, Ordering::Relaxed));
    Replication::new(
        direction,
        &replication_id(name, ADDRESS, direction),
        &session,
        batch,
    )
}

fn run_with(
    direction: Direction,
    name: &str,
    device: &mut Device,
    server: &mut MemoryServer,
    batch: usize,
    loss: Option<Loss>,
) -> Result<Summary, SyncError> {
    let mut replication = new_run(direction, name, batch);
    let first = replication.start();
    drive(
        &mut replication,
        first,
        device,
        server,
        &credentials(),
        loss,
    )
}

fn push(name: &str, device: &mut Device, server: &mut MemoryServer) -> Summary {
    run_with(Direction::Push, name, device, server, 100, None).expect("the push finishes")
}

fn pull(name: &str, device: &mut Device, server: &mut MemoryServer) -> Summary {
    run_with(Direction::Pull, name, device, server, 100, None).expect("the pull finishes")
}

/// Pull, then push, as a device does when it comes back online.
fn sync_both(name: &str, device: &mut Device, server: &mut MemoryServer) {
    pull(name, device, server);
    push(name, device, server);
}

fn device_with_vault() -> Device {
    let mut device = Device::default();
    device.save(VAULT_DOC_ID, "vault header");
    device
}

/// A device with its vault and `n` sessions.
fn device_with_sessions(n: usize) -> Device {
    let mut device = device_with_vault();
    for n in 0..n {
        device.save(&format!("session:{n:03}"), &format!("Y{n}"));
    }
    device
}

fn server() -> MemoryServer {
    MemoryServer::new(USER, PASSWORD)
}

fn writes(server: &MemoryServer) -> Vec<&String> {
    server
        .log
        .iter()
        .filter(|l| !l.starts_with("GET"))
        .collect()
}
// Requests and credentials

#[test]
fn request_targets_are_percent_encoded() {
    let request = http::Request {
        method: Method::Get,
        path: http::encode("session:4f 1c"),
        query: vec![("open_revs", "[\"1-a\"]".into())],
        body: None,
    };
    assert_eq!(
        request.target(),
        "session%3A4f%201c?open_revs=%5B%221-a%22%5D"
    );
}

#[test]
fn basic_authorization_is_base64_of_user_and_password() {
    assert_eq!(
        Credentials::new("Aladdin", "open sesame").authorization(),
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    );
    assert_eq!(Credentials::new("a", "b").authorization(), "Basic YTpi");
    assert_eq!(
        Credentials::new("ab", "c").authorization(),
        "Basic YWI6Yw=="
    );
}

#[test]
fn credentials_appear_in_no_error_and_no_debug_output() {
    let secret = credentials();
    let mut seen = format!("{secret:?}");
    let mut device = device_with_vault();
    let mut server = server();
    let mut runs = Vec::new();
    let mut replication = new_run(Direction::Push, "a", 100);
    let first = replication.start();
    runs.push(drive(
        &mut replication,
        first,
        &mut device,
        &mut server,
        &Credentials::new(USER, "wrong"),
        None,
    ));
    server.db = None;
    runs.push(run_with(
        Direction::Pull,
        "a",
        &mut device,
        &mut server,
        100,
        None,
    ));
    server.reachable = false;
    runs.push(run_with(
        Direction::Push,
        "a",
        &mut device,
        &mut server,
        100,
        None,
    ));
    for run in &runs {
        let error = run.as_ref().unwrap_err();
        seen.push_str(&format!("{error} {error:?}"));
    }
    for error in [
        SyncError::NotSessionpad,
        SyncError::Unexpected { status: 500 },
    ] {
        seen.push_str(&format!("{error} {error:?}"));
    }
    assert!(!seen.contains(PASSWORD) && !seen.contains(USER), "{seen}");
    assert!(!seen.contains("horse"));
}

// Errors

#[test]
fn a_refused_password_reads_as_wrong_password() {
    let mut device = device_with_vault();
    let mut server = server();
    let mut replication = new_run(Direction::Pull, "a", 100);
    let first = replication.start();
    let wrong = Credentials::new(USER, "not it");
    let error = drive(
        &mut replication,
        first,
        &mut device,
        &mut server,
        &wrong,
        None,
    )
    .unwrap_err();
    assert_eq!(error, SyncError::WrongPassword);
    assert_eq!(
        error.to_string(),
        "The server did not accept this user name and password."
    );
    assert_eq!(SyncError::from_status(403), SyncError::WrongPassword);
}

#[test]
fn a_missing_database_reads_as_no_such_database() {
    let mut device = device_with_vault();
    let mut server = server();
    server.db = None;
    let error = run_with(Direction::Push, "a", &mut device, &mut server, 100, None).unwrap_err();
    assert_eq!(error, SyncError::NoSuchDatabase);
}

#[test]
fn a_database_of_other_documents_reads_as_not_sessionpad() {
    let mut device = device_with_vault();
    let mut server = server();
    let foreign =
        json!({ "docs": [{ "_id": "invoice-1", "_rev": "1-a", "total": 12 }], "new_edits": false });
    let request = http::Request {
        method: Method::Post,
        path: "_bulk_docs".into(),
        query: Vec::new(),
        body: Some(foreign),
    };
    server.handle(&request, Some(&credentials())).unwrap();
    for direction in [Direction::Push, Direction::Pull] {
        let error = run_with(direction, "a", &mut device, &mut server, 100, None).unwrap_err();
        assert_eq!(error, SyncError::NotSessionpad);
    }
    assert_eq!(
        server.live_ids(),
        ["invoice-1"],
        "nothing was written to it"
    );
}

#[test]
fn no_answer_or_a_proxy_without_its_server_reads_as_unreachable() {
    let mut device = device_with_vault();
    let mut server = server();
    server.reachable = false;
    let error = run_with(Direction::Pull, "a", &mut device, &mut server, 100, None).unwrap_err();
    assert_eq!(error, SyncError::Unreachable);
    for status in [502, 503, 504] {
        assert_eq!(SyncError::from_status(status), SyncError::Unreachable);
    }
    assert_eq!(
        SyncError::from_status(500),
        SyncError::Unexpected { status: 500 }
    );
}

// Replication

#[test]
fn a_new_database_is_claimed_with_the_vault_document_first() {
    let mut device = device_with_vault();
    device.save("client:1", "Yclient");
    let mut server = server();
    push("a", &mut device, &mut server);
    let first_write = writes(&server)[0].clone();
    assert_eq!(first_write, "POST _bulk_docs");
    assert_eq!(server.leaves(VAULT_DOC_ID).len(), 1);
    assert_eq!(server.live_ids(), ["client:1", "vault"]);
}

#[test]
fn a_device_without_a_vault_does_not_claim_a_new_database() {
    let mut device = Device::default();
    device.save("client:1", "Yclient");
    let mut server = server();
    let error = run_with(Direction::Push, "a", &mut device, &mut server, 100, None).unwrap_err();
    assert!(matches!(error, SyncError::Local(_)));
    assert!(server.live_ids().is_empty());
}

#[test]
fn pushing_then_pulling_brings_every_record_to_the_other_device() {
    let mut a = device_with_vault();
    a.save("client:1", "Yclient one");
    a.save("session:1", "Ysession one");
    let mut server = server();
    let pushed = push("a", &mut a, &mut server);
    assert_eq!(pushed.docs_written, 2, "the vault went first, on its own");
    let mut b = Device::default();
    let pulled = pull("b", &mut b, &mut server);
    assert_eq!(pulled.docs_written, 3);
    assert_eq!(b.store, a.store);
    assert_eq!(b.revs, a.revs);
}

#[test]
fn a_second_run_starts_from_the_checkpoint_and_sends_nothing_new() {
    let mut a = device_with_vault();
    a.save("client:1", "Yclient");
    let mut server = server();
    push("a", &mut a, &mut server);
    let mut b = Device::default();
    pull("b", &mut b, &mut server);
    let seq = server.update_seq();
    server.log.clear();

    let again = push("a", &mut a, &mut server);
    assert_eq!((again.docs_read, again.docs_written), (0, 0));
    let pulled = pull("b", &mut b, &mut server);
    assert_eq!((pulled.docs_read, pulled.docs_written), (0, 0));
    assert!(writes(&server).is_empty(), "{:?}", server.log);
    assert!(
        server
            .log
            .iter()
            .any(|l| l.contains(&format!("since={seq}"))),
        "{:?}",
        server.log
    );
    assert_eq!(server.update_seq(), seq);
}

#[test]
fn a_thousand_records_go_in_batches_of_a_hundred() {
    let mut a = device_with_vault();
    for n in 0..1000 {
        a.save(&format!("session:{n:04}"), &format!("Ysession {n}"));
    }
    let mut server = server();
    let pushed = push("a", &mut a, &mut server);
    assert_eq!(pushed.docs_written, 1000);
    let bulk = server
        .log
        .iter()
        .filter(|l| l.starts_with("POST _bulk_docs"))
        .count();
    // The claim, then eleven batches: the vault's change is counted again.
    assert_eq!(bulk, 1 + 11);
    let checkpoints = server
        .log
        .iter()
        .filter(|l| l.starts_with("PUT _local/"))
        .count();
    assert_eq!(checkpoints, 11);

    server.log.clear();
    let mut b = Device::default();
    let pulled = pull("b", &mut b, &mut server);
    assert_eq!(pulled.docs_written, 1001);
    let feeds = server
        .log
        .iter()
        .filter(|l| l.starts_with("GET _changes"))
        .count();
    assert_eq!(feeds, 11, "eleven batches, the last one short");
    assert!(server.log.iter().any(|l| l.contains("limit=100")));
    assert_eq!(b.store, a.store);
}

#[test]
fn both_devices_editing_one_record_offline_keep_both_versions_everywhere() {
    let mut server = server();
    let mut a = device_with_vault();
    a.save("session:1", "Ybase");
    push("a", &mut a, &mut server);
    let mut b = Device::default();
    pull("b", &mut b, &mut server);

    a.save("session:1", "Yfrom the tablet");
    b.save("session:1", "Yfrom the laptop");
    sync_both("a", &mut a, &mut server);
    sync_both("b", &mut b, &mut server);
    sync_both("a", &mut a, &mut server);

    let leaves = server.leaves("session:1");
    assert_eq!(leaves.len(), 2);
    assert_eq!(a.revs["session:1"], b.revs["session:1"]);
    assert_eq!(
        a.text("session:1"),
        b.text("session:1"),
        "the same winner on both"
    );
    let winner = a.revs["session:1"].winner().unwrap();
    assert_eq!(winner, leaves[0].rev, "and on the server");
    let both = [
        a.text("session:1").unwrap().to_string(),
        a.conflicts("session:1")[0].clone(),
    ];
    assert!(both.contains(&"Yfrom the tablet".into()) && both.contains(&"Yfrom the laptop".into()));
    assert_eq!(a.conflicts("session:1"), b.conflicts("session:1"));

    // The clinician keeps the version that lost, on the laptop.
    let keep = a.revs["session:1"].tree().conflicts()[0].clone();
    let kept_text = b.conflicts("session:1")[0].clone();
    b.resolve("session:1", &keep);
    sync_both("b", &mut b, &mut server);
    sync_both("a", &mut a, &mut server);
    for device in [&a, &b] {
        assert_eq!(device.text("session:1"), Some(kept_text.as_str()));
        assert!(device.conflicts("session:1").is_empty());
    }
    assert_eq!(
        server
            .leaves("session:1")
            .iter()
            .filter(|l| !l.deleted)
            .count(),
        1
    );
}

#[test]
fn a_record_deleted_for_good_disappears_on_the_other_device() {
    let mut server = server();
    let mut a = device_with_vault();
    a.save("client:1", "Yclient");
    a.save("session:1", "Ysession");
    push("a", &mut a, &mut server);
    let mut b = Device::default();
    pull("b", &mut b, &mut server);
    assert!(b.text("session:1").is_some());

    a.delete("session:1");
    push("a", &mut a, &mut server);
    assert!(server.leaves("session:1")[0].deleted);
    pull("b", &mut b, &mut server);
    assert_eq!(b.text("session:1"), None);
    assert!(b.text("client:1").is_some());
    assert!(!server.live_ids().contains(&"session:1".to_string()));
}

#[test]
fn a_push_whose_answer_was_lost_mid_batch_finishes_next_time_without_duplicates() {
    let mut a = device_with_sessions(250);
    let mut server = server();
    let loss = Loss {
        prefix: "_bulk_docs",
        nth: 2,
        why: NoAnswer::Unreachable,
    };
    let error = run_with(Direction::Push, "a", &mut a, &mut server, 100, Some(loss)).unwrap_err();
    assert_eq!(error, SyncError::Unreachable);
    let written = server.update_seq();
    // The vault, claimed first, comes round again in the first batch.
    assert_eq!(
        written,
        1 + 99 + 100,
        "the claim and two batches, the second unanswered"
    );

    let resumed = push("a", &mut a, &mut server);
    assert_eq!(
        resumed.docs_written, 51,
        "only what the server still lacked"
    );
    assert_eq!(server.update_seq(), 251, "nothing written twice");
    assert_eq!(server.live_ids().len(), 251);
}

#[test]
fn a_pull_cut_off_mid_batch_finishes_next_time_without_losing_anything() {
    let mut a = device_with_sessions(250);
    let mut server = server();
    push("a", &mut a, &mut server);
    let mut b = Device::default();
    let loss = Loss {
        prefix: "_bulk_get",
        nth: 1,
        why: NoAnswer::Unreachable,
    };
    let error = run_with(Direction::Pull, "b", &mut b, &mut server, 100, Some(loss)).unwrap_err();
    assert_eq!(error, SyncError::Unreachable);
    assert_eq!(b.store.len(), 100, "the first batch, checkpointed");

    let resumed = pull("b", &mut b, &mut server);
    assert_eq!(resumed.docs_written, 151);
    assert_eq!(b.store, a.store);
    assert!(b.revs.values().all(|r| r.tree().leaves().len() == 1));
}

#[test]
fn a_pull_fetches_each_batch_in_one_request_or_document_by_document_from_an_older_server() {
    let mut a = device_with_sessions(250);
    let mut server = server();
    push("a", &mut a, &mut server);

    let mut b = Device::default();
    server.log.clear();
    pull("b", &mut b, &mut server);
    assert_eq!(b.store, a.store);
    let bulk = server
        .log
        .iter()
        .filter(|l| l.starts_with("POST _bulk_get"))
        .count();
    assert_eq!(bulk, 3, "one per batch of 100");
    assert!(!server.log.iter().any(|l| l.contains("open_revs")));

    server.bulk_get = false;
    let mut c = Device::default();
    server.log.clear();
    pull("c", &mut c, &mut server);
    assert_eq!(c.store, a.store);
    let one_by_one = server
        .log
        .iter()
        .filter(|l| l.contains("open_revs"))
        .count();
    assert_eq!(one_by_one, 251, "the vault and 250 sessions");
}

#[test]
fn two_devices_and_one_server_end_with_the_same_records() {
    let mut server = server();
    let mut a = device_with_vault();
    a.save("client:a", "Yclient from a");
    sync_both("a", &mut a, &mut server);
    let mut b = Device::default();
    sync_both("b", &mut b, &mut server);
    b.save("client:b", "Yclient from b");
    b.save("client:a", "Yclient from a, edited on b");
    a.save("session:a", "Ysession from a");
    for _ in 0..2 {
        sync_both("b", &mut b, &mut server);
        sync_both("a", &mut a, &mut server);
    }
    assert_eq!(a.store, b.store);
    assert_eq!(a.text("client:a"), Some("Yclient from a, edited on b"));
    assert_eq!(a.revs, b.revs);
    assert_eq!(
        server.live_ids(),
        ["client:a", "client:b", "session:a", "vault"]
    );
    let text = server.stored_text();
    assert!(text.contains("Yclient from b"));
}

#[test]
fn a_longpoll_pass_reads_the_feed_from_where_the_last_ended() {
    let mut server = server();
    let mut a = device_with_vault();
    push("a", &mut a, &mut server);
    let mut b = Device::default();
    let mut replication = new_run(Direction::Pull, "b", 100);
    let first = replication.start();
    drive(
        &mut replication,
        first,
        &mut b,
        &mut server,
        &credentials(),
        None,
    )
    .unwrap();
    a.save("session:1", "Ynew");
    push("a", &mut a, &mut server);

    server.log.clear();
    let step = replication.again(&mut b, Some(25_000));
    let Step::Send(request) = &step else {
        panic!("a request")
    };
    let since = server.update_seq() - 1;
    assert_eq!(
        request.target(),
        format!("_changes?style=all_docs&since={since}&limit=100&feed=longpoll&timeout=25000")
    );
    let summary = drive(
        &mut replication,
        step,
        &mut b,
        &mut server,
        &credentials(),
        None,
    )
    .unwrap();
    assert_eq!(summary.docs_written, 1);
    assert_eq!(b.text("session:1"), Some("Ynew"));
    assert!(
        !server
            .log
            .iter()
            .any(|l| l == "GET " || l.starts_with("GET vault")),
        "no second check"
    );
}

#[test]
fn checkpoints_that_differ_meet_at_the_newest_run_both_remember() {
    let entry = |session: &str, seq: u64| HistoryEntry {
        session_id: session.into(),
        start_last_seq: Value::from(0),
        recorded_seq: Value::from(seq),
        docs_read: 0,
        docs_written: 0,
    };
    let older = Checkpoint::after(entry("s1", 10), &[]);
    let source = Checkpoint::after(entry("s2", 20), &older.history);
    let target = Checkpoint::after(entry("s3", 30), &older.history);
    assert_eq!(start_seq(Some(&source), Some(&target)), Value::from(10));
    assert_eq!(start_seq(Some(&source), Some(&source)), Value::from(20));
    assert_eq!(start_seq(Some(&source), None), Value::from(0));
    let strangers = Checkpoint::after(entry("s9", 90), &[]);
    assert_eq!(start_seq(Some(&source), Some(&strangers)), Value::from(0));
    let long = (0..80).fold(older, |c, n| {
        Checkpoint::after(entry(&format!("r{n}"), n), &c.history)
    });
    assert_eq!(long.history.len(), 50);
}

#[test]
fn a_replication_id_is_stable_and_apart_for_each_device_database_and_direction() {
    let id = replication_id("device-1", ADDRESS, Direction::Pull);
    assert_eq!(id, replication_id("device-1", ADDRESS, Direction::Pull));
    assert_ne!(id, replication_id("device-1", ADDRESS, Direction::Push));
    assert_ne!(id, replication_id("device-2", ADDRESS, Direction::Pull));
    assert_ne!(
        id,
        replication_id("device-1", "https://other.example.org/db", Direction::Pull)
    );
}

#[test]
fn a_checkpoint_replaced_meanwhile_is_read_again_and_written() {
    let mut server = server();
    let mut a = device_with_vault();
    push("a", &mut a, &mut server);
    a.save("session:1", "Y1");
    // The same replication run twice at once: the second finds the first's checkpoint.
    let mut replication = new_run(Direction::Push, "a", 100);
    let mut step = replication.start();
    let mut interfered = false;
    while let Step::Send(request) = &step {
        if request.method == Method::Put && !interfered {
            interfered = true;
            let mut other = new_run(Direction::Push, "a", 100);
            let first = other.start();
            a.save("session:2", "Y2");
            drive(&mut other, first, &mut a, &mut server, &credentials(), None).unwrap();
        }
        let reply = server.handle(request, Some(&credentials()));
        step = replication.receive(reply, &mut a);
    }
    assert!(matches!(step, Step::Done(_)), "{step:?}");
    assert_eq!(
        server
            .log
            .iter()
            .filter(|l| l.starts_with("PUT _local/"))
            .count(),
        1 + 1 + 2
    );
}

#[test]
fn the_servers_own_design_documents_are_left_where_they_are() {
    let mut server = server();
    let mut a = device_with_vault();
    a.save("client:1", "Yclient");
    push("a", &mut a, &mut server);
    let design = json!({ "docs": [{ "_id": "_design/auth", "_rev": "1-d", "validate_doc_update": "function () {}" }], "new_edits": false });
    let request = http::Request {
        method: Method::Post,
        path: "_bulk_docs".into(),
        query: Vec::new(),
        body: Some(design),
    };
    server.handle(&request, Some(&credentials())).unwrap();
    let mut b = Device::default();
    let pulled = pull("b", &mut b, &mut server);
    assert_eq!(pulled.docs_written, 2);
    assert!(!b.revs.contains_key("_design/auth"));
    assert!(!server.log.iter().any(|l| l.starts_with("GET _design")));
}

#[test]
fn a_checkpoint_whose_answer_was_lost_costs_at_most_one_batch_again() {
    let mut a = device_with_sessions(250);
    let mut server = server();
    // Reading the checkpoint is the first request under _local/, then one write per batch.
    let lost = || {
        Some(Loss {
            prefix: "_local/",
            nth: 2,
            why: NoAnswer::Unreachable,
        })
    };
    let error = run_with(Direction::Push, "a", &mut a, &mut server, 100, lost()).unwrap_err();
    assert_eq!(error, SyncError::Unreachable);
    let resumed = push("a", &mut a, &mut server);
    assert_eq!(resumed.docs_written, 51);
    assert_eq!(server.update_seq(), 251);

    let mut b = Device::default();
    let error = run_with(Direction::Pull, "b", &mut b, &mut server, 100, lost()).unwrap_err();
    assert_eq!(error, SyncError::Unreachable);
    let resumed = pull("b", &mut b, &mut server);
    assert_eq!(
        resumed.docs_written, 51,
        "the server's checkpoint went through"
    );
    assert_eq!(b.store, a.store);
    assert!(b.revs.values().all(|r| r.tree().leaves().len() == 1));
}

#[test]
fn a_refused_oversized_answer_stops_the_pull_with_its_reason_and_the_next_run_lands_the_rest() {
    let mut a = device_with_sessions(150);
    let mut server = server();
    push("a", &mut a, &mut server);
    let mut b = Device::default();
    let loss = Loss {
        prefix: "_bulk_get",
        nth: 1,
        why: NoAnswer::TooLarge,
    };
    let error = run_with(Direction::Pull, "b", &mut b, &mut server, 100, Some(loss)).unwrap_err();
    assert_eq!(error, SyncError::TooLarge);
    assert_eq!(
        b.store.len(),
        100,
        "only the batch before the refused answer"
    );

    pull("b", &mut b, &mut server);
    assert_eq!(b.store, a.store);
}

#[test]
fn a_document_the_server_mangled_is_named_and_skipped_and_the_rest_lands() {
    let mut tablet = device_with_sessions(2);
    let mut server = server();
    push("tablet", &mut tablet, &mut server);
    // A live document without a body, as the server alone can make one.
    let mangled = json!({
        "docs": [{ "_id": "session:000", "_rev": "9-ff", "_revisions": { "start": 9, "ids": ["ff"] } }],
        "new_edits": false,
    });
    let request = http::Request {
        method: Method::Post,
        path: "_bulk_docs".into(),
        query: Vec::new(),
        body: Some(mangled),
    };
    server.handle(&request, Some(&credentials())).unwrap();

    for bulk_get in [true, false] {
        server.bulk_get = bulk_get;
        let mut laptop = Device::default();
        let summary = pull("laptop", &mut laptop, &mut server);
        assert_eq!(summary.unreadable, ["session:000"], "bulk_get: {bulk_get}");
        assert_eq!(laptop.text("session:001"), Some("Y1"));
        assert_eq!(laptop.text(VAULT_DOC_ID), Some("vault header"));
    }
}
