//! The session editor on what it finds stored: what only a record written
//! outside the app can show.

use crate::support::{mount_at, open_store, seed_session, settle, text_of};
use sessionpad::model::note::Section;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_signed_note_changed_behind_its_signature_says_so_when_opened() {
    seed_session();
    let mut store = open_store();
    let mut session = store.session("s1").unwrap().unwrap();
    session.note.set_text(Section::Free, "As signed.".into());
    session.sign("Dr. Lee", 0).unwrap();
    store.save_session(&session).unwrap();
    let (root, app) = mount_at("#/session/s1");
    settle().await;
    assert!(text_of(&root, "[aria-label='Signature']").contains("Signed by Dr. Lee"));
    assert!(
        root.query_selector("[aria-label='Signature'] [role=alert]")
            .unwrap()
            .is_none()
    );
    root.remove();
    drop(app);

    // Written as a tool outside the app would, past the signature.
    let mut changed = store.session("s1").unwrap().unwrap();
    changed
        .note
        .set_text(Section::Free, "Not as signed.".into());
    store.save_session(&changed).unwrap();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    assert_eq!(
        text_of(&root, "[aria-label='Signature'] [role=alert]"),
        "This signed note was changed after signing"
    );
    root.remove();
}
