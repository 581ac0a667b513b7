//! The session editor on what it finds stored: what only a record written
//! outside the app can show.

use crate::support::{
    control, fire, local_storage, mount_at, open_store, seed_session, set_value, settle, stored,
    text_of, type_into,
};
use sessionpad::model::note::{NoteFormat, Section};
use sessionpad::model::{Choice, Session};
use sessionpad::storage::session_key;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn typing_notes_saves_the_session_record_to_local_storage() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    assert_eq!(text_of(&root, "h1"), "Session 1 of 12");

    let notes: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea.note-text")
        .unwrap()
        .expect("the notes field")
        .unchecked_into();
    type_into(&notes, "Discussed sleep hygiene — “better this week”.");
    settle().await;

    assert_eq!(text_of(&root, ".save-status"), "Saved");
    let saved = stored("s1");
    assert_eq!(
        saved.note.text(Section::Free),
        "Discussed sleep hygiene — “better this week”."
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_capture_line_adds_a_stamped_entry_to_the_saved_timeline() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    let capture = control(&root, "Capture");
    set_value(&capture, "Client: “I froze in the meeting.”");
    fire(&capture, "input");
    set_value(&control(&root, "At"), "10:07");
    fire(&control(&root, "At"), "input");
    let quote = root.query_selector("input[value=quote]").unwrap().unwrap();
    quote
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .set_checked(true);
    fire(&quote, "change");
    fire(
        &root.query_selector("form.capture-line").unwrap().unwrap(),
        "submit",
    );
    settle().await;

    assert_eq!(root.query_selector_all(".timeline li").unwrap().length(), 1);
    let saved = stored("s1");
    let entry = &saved.timeline.entries()[0];
    assert_eq!(entry.text, "Client: “I froze in the meeting.”");
    assert_eq!(entry.time.format("%H:%M").to_string(), "10:07");
    assert_eq!(entry.kind.key(), "quote");
    assert_eq!(
        control(&root, "Capture")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        ""
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn switching_format_keeps_text_the_new_format_lacks_in_view() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    type_into(
        &control(&root, "Notes").unchecked_into(),
        "Free words — kept.",
    );
    settle().await;
    let format = control(&root, "Format");
    set_value(&format, "birp");
    fire(&format, "change");
    settle().await;

    assert!(text_of(&root, ".leftovers").contains("Free words — kept."));
    for section in ["Behavior", "Intervention", "Response", "Plan"] {
        control(&root, section);
    }
    let saved = stored("s1");
    assert_eq!(saved.note.format, NoteFormat::Birp);
    assert_eq!(saved.note.text(Section::Free), "Free words — kept.");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_out_of_range_score_is_refused_and_the_old_one_kept() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    let anxiety = control(&root, "Anxiety (0–10)");
    set_value(&anxiety, "4");
    fire(&anxiety, "change");
    settle().await;
    set_value(&anxiety, "11");
    fire(&anxiety, "change");
    settle().await;

    assert_eq!(
        text_of(&root, ".ratings-panel .field-error"),
        "Anxiety must be a whole number from 0 to 10."
    );
    assert_eq!(
        anxiety.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "4"
    );
    assert_eq!(stored("s1").ratings.anxiety, Some(4));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_review_is_saved_in_the_reviewing_session_and_the_assigning_one_is_untouched() {
    use sessionpad::model::homework::{Assignment, Completion};
    seed_session();
    let mut store = open_store();
    let mut first = store.session("s1").unwrap().unwrap();
    first
        .homework
        .add(Assignment::new("a1", "Keep a sleep diary"));
    store.save_session(&first).unwrap();
    let first_raw = local_storage().get_item(&session_key("s1")).unwrap();
    let second = Session::next(
        "s2".into(),
        "c1",
        &[first],
        first_date(),
        NoteFormat::Soap,
        0,
    );
    store.save_session(&second).unwrap();

    let (root, _app) = mount_at("#/session/s2");
    settle().await;
    assert!(text_of(&root, "[aria-label='Homework to review']").contains("Keep a sleep diary"));
    // Not done, Partly, Done.
    let radios = root
        .query_selector_all("input[name='completion-a1']")
        .unwrap();
    assert_eq!(radios.length(), 3);
    let done: web_sys::HtmlInputElement = radios.item(2).unwrap().unchecked_into();
    done.set_checked(true);
    fire(&done, "change");
    settle().await;

    let saved = stored("s2");
    assert_eq!(
        saved.review("a1").unwrap().completion,
        Some(Completion::Done)
    );
    assert_eq!(
        local_storage().get_item(&session_key("s1")).unwrap(),
        first_raw
    );
    assert!(text_of(&root, ".review").contains("Closed after this session."));
    root.remove();
}

fn first_date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 8, 7).unwrap()
}

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
