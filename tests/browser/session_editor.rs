//! The session editor on what it finds stored: what only a record written
//! outside the app can show.

use crate::support::{
    button, control, fire, mount_at, open_store, seed_session, set_value, settle, sleep, text_of,
};
use sessionpad::model::note::Section;
use wasm_bindgen::JsCast;
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

#[wasm_bindgen_test]
async fn text_typed_in_the_agenda_and_the_capture_line_is_saved_and_shown_elsewhere_once_typing_pauses()
 {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    let agenda = control(&root, "Agenda");
    set_value(&agenda, "Sleep diary");
    fire(&agenda, "input");
    let capture = control(&root, "Capture");
    set_value(&capture, "Slept five hours");
    fire(&capture, "input");
    // The other panels hear of the text once the typing pauses.
    assert!(
        !root.inner_html().contains("Discard agenda"),
        "not at each key"
    );
    sleep(400).await;
    settle().await;
    assert_eq!(
        button(&root, "Discard agenda").text_content().unwrap(),
        "Discard agenda"
    );
    let stored = open_store().session("s1").unwrap().unwrap();
    assert_eq!(
        (stored.agenda.as_str(), stored.draft.as_str()),
        ("Sleep diary", "Slept five hours")
    );
    // Enter takes the line typed into the timeline.
    fire(&capture.closest("form").unwrap().unwrap(), "submit");
    settle().await;
    let stored = open_store().session("s1").unwrap().unwrap();
    let entries: Vec<&str> = stored
        .timeline
        .entries()
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        (entries, stored.draft.as_str()),
        (vec!["Slept five hours"], "")
    );
    assert_eq!(
        capture.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "",
        "the line is cleared for the next"
    );
    root.remove();
}
