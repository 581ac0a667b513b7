use super::*;
use crate::sync::doc::{Doc, VAULT_DOC_ID, doc_id, record_of};
use serde_json::json;

fn body(text: &str) -> Body {
    Body {
        v: 1,
        c: text.to_string(),
    }
}

#[test]
fn a_local_save_is_a_child_of_the_winner() {
    let mut record = RecordRevs::default();
    let first = record.saved(&body("one"));
    let second = record.saved(&body("two"));
    assert_eq!((first.pos, second.pos), (1, 2));
    assert_eq!(
        record.tree().path(&second, 10).unwrap().revs().unwrap(),
        vec![second, first]
    );
}

#[test]
fn the_same_edit_from_the_same_parent_is_the_same_revision() {
    let mut a = RecordRevs::default();
    let mut b = RecordRevs::default();
    assert_eq!(a.saved(&body("note")), b.saved(&body("note")));
    assert_ne!(a.saved(&body("more")), b.saved(&body("other")));
}

#[test]
fn a_record_keeps_no_more_revisions_than_its_limit() {
    let mut record = RecordRevs::default().with_revs_limit(3);
    for n in 0..10 {
        record.saved(&body(&n.to_string()));
    }
    let winner = record.winner().unwrap();
    assert_eq!(winner.pos, 10);
    assert_eq!(record.tree().path(&winner, 100).unwrap().ids.len(), 3);
}

#[test]
fn resolving_keeps_the_chosen_version_and_ends_the_other_with_a_tombstone() {
    let mut here = RecordRevs::default();
    let base = here.saved(&body("base"));
    let mut there = RecordRevs::default();
    there.merge(&here.doc("r", &base, Some(&body("base"))).unwrap(), None);
    let mine = here.saved(&body("mine"));
    let theirs = there.saved(&body("theirs"));
    let merged = here.merge(
        &there.doc("r", &theirs, Some(&body("theirs"))).unwrap(),
        Some(&body("mine")),
    );
    let merged = merged.unwrap();
    assert!(merged.learned);
    let (winner, loser, held) = if theirs > mine {
        (theirs.clone(), mine.clone(), body("theirs"))
    } else {
        (mine.clone(), theirs.clone(), body("mine"))
    };
    let expected = if winner == theirs {
        Hold::Body(theirs.clone(), body("theirs"))
    } else {
        Hold::Unchanged
    };
    assert_eq!(merged.hold, expected);
    assert_eq!(
        here.conflicts()
            .into_iter()
            .map(|(r, _)| r)
            .collect::<Vec<_>>(),
        vec![loser.clone()]
    );

    let (tombstones, hold) = here.resolve(&loser, Some(&held)).unwrap();
    assert_eq!(tombstones.len(), 1);
    assert_eq!(tombstones[0].pos, winner.pos + 1);
    assert!(matches!(hold, Hold::Body(r, _) if r == loser));
    assert!(here.conflicts().is_empty());
    assert!(
        here.resolve(&winner, None).is_err(),
        "the ended version is no longer a choice"
    );
}

// Documents

#[test]
fn a_document_id_is_the_records_storage_key_never_its_content() {
    use crate::layout::{PREFIX, RecordRef, vault_key};
    let session = RecordRef::Session("4f1c".into());
    assert_eq!(doc_id(&session).as_deref(), Some("session:4f1c"));
    assert_eq!(record_of("session:4f1c"), Some(session));
    assert_eq!(record_of("client:77"), Some(RecordRef::Client("77".into())));
    assert_eq!(
        doc_id(&RecordRef::Index),
        None,
        "each device rebuilds its index"
    );
    assert_eq!(record_of("session/4f1c"), None, "one spelling only");
    assert_eq!(record_of("conflict:session/4f1c/1"), None);
    assert_eq!(vault_key(), format!("{PREFIX}{VAULT_DOC_ID}"));
}

#[test]
fn a_document_holds_only_its_codec_version_and_ciphertext() {
    let mut record = RecordRevs::default();
    let rev = record.saved(&body("Ysealed"));
    let doc = record
        .doc("session:1", &rev, Some(&body("Ysealed")))
        .unwrap();
    let json = doc.to_json();
    let mut fields: Vec<&String> = json.as_object().unwrap().keys().collect();
    fields.sort();
    assert_eq!(fields, ["_id", "_rev", "_revisions", "c", "v"]);
    assert_eq!(Doc::from_json(&json), Some(doc));

    let ends = record.deleted();
    let tombstone = record.doc("session:1", &ends[0], None).unwrap().to_json();
    assert_eq!(tombstone["_deleted"], json!(true));
    assert!(tombstone.get("c").is_none());
    assert!(Doc::from_json(&json!({ "_id": "x", "_rev": "1-a", "_revisions": { "start": 1, "ids": ["a"] }, "name": "Jane" })).is_none());
}

#[test]
fn deleting_a_record_for_good_ends_every_version_of_it() {
    let mut here = RecordRevs::default();
    let base = here.saved(&body("base"));
    let mut there = RecordRevs::default();
    there.merge(&here.doc("r", &base, Some(&body("base"))).unwrap(), None);
    here.saved(&body("mine"));
    let theirs = there.saved(&body("theirs"));
    here.merge(
        &there.doc("r", &theirs, Some(&body("theirs"))).unwrap(),
        Some(&body("mine")),
    );
    assert_eq!(here.conflicts().len(), 1);

    let ends = here.deleted();
    assert_eq!(ends.len(), 2);
    assert!(
        here.tree().winner().unwrap().deleted,
        "no lost version takes its place"
    );
    assert!(here.conflicts().is_empty());
    assert!(RecordRevs::default().deleted().is_empty(), "nothing to end");
}
