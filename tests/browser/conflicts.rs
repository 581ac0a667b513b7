//! Two tabs on one store: another tab's saves are heard through storage
//! events and followed while nothing here waits, and when both changed a
//! record, this tab's version is set aside until the clinician chooses.

use crate::support::{
    button, control, fill_storage, free_storage, hide_page, incompressible, mount_at, notes,
    open_store, seed_session, settle, stored, text_of, type_into,
};
use sessionpad::model::note::Section;
use sessionpad::storage::{clinician_key, session_key};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// The event the browser fires in this tab when another tab writes `key`.
fn storage_event(key: &str) {
    js_sys::eval(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: {key:?} }}))"
    ))
    .unwrap();
}

/// What another tab does: it saves its own version of the session over the
/// stored one (read at the stored revision), and this tab hears of it only if
/// `announce` (a page back from the back/forward cache hears nothing).
fn another_tab_saves(note: &str, announce: bool) {
    let mut store = open_store();
    let mut theirs = store.session("s1").unwrap().unwrap();
    theirs.note.set_text(Section::Free, note.into());
    store.save_session(&theirs).unwrap();
    if announce {
        storage_event(&session_key("s1"));
    }
}

fn conflict_shown(root: &web_sys::HtmlElement) -> bool {
    text_of(root, "[aria-label='Changed in another tab']")
        .contains("This session was also changed in another tab or window")
}

fn conflict_copies() -> Vec<String> {
    open_store()
        .conflict_copies()
        .unwrap()
        .iter()
        .map(|c| c.key())
        .collect()
}

/// This tab typed, another tab saved without this one hearing of it, and
/// this tab typed again: its version is set aside and the choice offered.
async fn conflicting_edits() -> (web_sys::HtmlElement, impl Drop) {
    seed_session();
    let (root, app) = mount_at("#/session/s1");
    settle().await;
    type_into(&notes(&root), "Mine.");
    settle().await;
    another_tab_saves("Theirs.", false);
    type_into(&notes(&root), "Mine, then more.");
    settle().await;
    assert!(conflict_shown(&root));
    assert_eq!(stored("s1").note.text(Section::Free), "Theirs.");
    assert_eq!(conflict_copies().len(), 1);
    (root, app)
}

#[wasm_bindgen_test]
async fn a_change_from_another_tab_is_taken_in_quietly_when_nothing_here_waits() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    type_into(&notes(&root), "Mine.");
    settle().await;
    another_tab_saves("Mine. Theirs.", true);
    settle().await;
    assert_eq!(notes(&root).value(), "Mine. Theirs.");
    assert!(!conflict_shown(&root));
    type_into(&notes(&root), "Mine. Theirs. Mine again.");
    settle().await;
    assert_eq!(
        stored("s1").note.text(Section::Free),
        "Mine. Theirs. Mine again."
    );
    assert_eq!(conflict_copies(), Vec::<String>::new());
    root.remove();
}

#[wasm_bindgen_test]
async fn keep_mine_writes_this_tabs_version_over_the_other_and_removes_the_copy() {
    let (root, _app) = conflicting_edits().await;
    button(&root, "Keep mine").click();
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), "Mine, then more.");
    assert_eq!(notes(&root).value(), "Mine, then more.");
    assert!(!conflict_shown(&root));
    assert_eq!(conflict_copies(), Vec::<String>::new());
    // Typing goes on over the kept version, with no new conflict.
    type_into(&notes(&root), "Mine, then more. And on.");
    settle().await;
    assert_eq!(
        stored("s1").note.text(Section::Free),
        "Mine, then more. And on."
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn keep_theirs_shows_the_other_tabs_version_and_drops_this_ones() {
    let (root, _app) = conflicting_edits().await;
    button(&root, "Keep theirs").click();
    settle().await;
    assert_eq!(notes(&root).value(), "Theirs.");
    assert_eq!(stored("s1").note.text(Section::Free), "Theirs.");
    assert!(!conflict_shown(&root));
    assert_eq!(conflict_copies(), Vec::<String>::new());
    hide_page();
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), "Theirs.");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_refused_edit_meeting_another_tabs_version_is_set_aside_not_lost() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    fill_storage();
    let mine = incompressible("Mine, refused.");
    type_into(&notes(&root), &mine);
    settle().await;

    free_storage();
    another_tab_saves("Theirs, saved.", true);
    settle().await;
    // The waiting edit was written at once, beside theirs, not over it.
    assert!(conflict_shown(&root));
    assert_eq!(notes(&root).value(), mine);
    assert_eq!(stored("s1").note.text(Section::Free), "Theirs, saved.");
    button(&root, "Keep theirs").click();
    settle().await;
    assert_eq!(notes(&root).value(), "Theirs, saved.");
    hide_page();
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), "Theirs, saved.");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_client_changed_in_two_tabs_offers_the_same_choice_and_keep_theirs_shows_theirs() {
    seed_session();
    let (root, _app) = mount_at("#/client/c1");
    settle().await;
    let goals: web_sys::HtmlTextAreaElement = control(&root, "Treatment goals").unchecked_into();
    type_into(&goals, "Sleep");
    settle().await;
    let mut other_tab = open_store();
    let mut theirs = other_tab.client("c1").unwrap().unwrap();
    theirs.course.goals = "Sleep\nWork".into();
    other_tab.save_client(&theirs).unwrap();

    type_into(&goals, "Sleep\nRest");
    settle().await;
    assert!(
        text_of(&root, "[aria-label='Changed in another tab']")
            .contains("This client was also changed in another tab or window")
    );
    assert_eq!(conflict_copies().len(), 1);
    button(&root, "Keep theirs").click();
    settle().await;
    assert_eq!(goals.value(), "Sleep\nWork");
    assert_eq!(
        open_store().client("c1").unwrap().unwrap().course.goals,
        "Sleep\nWork"
    );
    assert_eq!(conflict_copies(), Vec::<String>::new());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_clinicians_details_follow_another_tab_while_nothing_here_waits() {
    seed_session();
    let (root, _app) = mount_at("#/");
    settle().await;
    let mut other_tab = open_store();
    let mut theirs = other_tab.clinician().unwrap();
    theirs.name = "Dr. Lee".into();
    other_tab.save_clinician(&theirs).unwrap();
    storage_event(&clinician_key());
    settle().await;
    let name: web_sys::HtmlInputElement = control(&root, "Your name").unchecked_into();
    assert_eq!(name.value(), "Dr. Lee");
    root.remove();
}
