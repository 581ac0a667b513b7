//! Components and storage in headless Chromium, against the real localStorage.
#![cfg(target_arch = "wasm32")]

use sessionpad::components::App;
use sessionpad::model::note::{NoteFormat, Section};
use sessionpad::model::{Choice, Client, Session};
use sessionpad::storage::{
    Backend, LocalStorageBackend, StorageError, Store, clinician_key, schema_key, session_key,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/fields.rs"]
mod fields;
#[path = "browser/vault.rs"]
mod vault;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Lets timers and effects run, and the autosave write once typing pauses:
/// while the status says "Saving…", the write is still waiting.
async fn settle() {
    sleep(20).await;
    for _ in 0..40 {
        let saving = document()
            .query_selector(".save-status")
            .ok()
            .flatten()
            .and_then(|status| status.text_content())
            .is_some_and(|text| text.starts_with("Saving"));
        if !saving {
            return;
        }
        sleep(50).await;
    }
}

fn seed_session() -> Session {
    local_storage().clear().unwrap();
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    let client = Client::new("c1".into(), "Alex", 0).unwrap();
    store.save_client(&client).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let session = Session::next("s1".into(), "c1", &[], date, NoteFormat::Free, 0);
    store.save_session(&session).unwrap();
    session
}

fn mount_at(hash: &str) -> (web_sys::HtmlElement, impl Drop) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), App);
    (root, handle)
}

fn fire(el: &web_sys::Element, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap())
        .unwrap();
}

fn type_into(el: &web_sys::HtmlTextAreaElement, text: &str) {
    el.set_value(text);
    fire(el, "input");
}

/// The form control whose visible label is exactly `label`.
fn control(root: &web_sys::HtmlElement, label: &str) -> web_sys::Element {
    let labels = root.query_selector_all("label").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|l| l.unchecked_into::<web_sys::Element>())
        .find(|l| {
            l.query_selector("span")
                .unwrap()
                .and_then(|s| s.text_content())
                .as_deref()
                == Some(label)
        })
        .and_then(|l| l.query_selector("input, textarea, select").unwrap())
        .unwrap_or_else(|| panic!("no field labelled {label}"))
}

fn set_value(el: &web_sys::Element, value: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
}

/// A session as stored in localStorage, read back through the store.
fn stored(id: &str) -> Session {
    let (store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    store.session(id).unwrap().unwrap()
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

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
async fn a_damaged_record_is_shown_in_the_banner_and_left_as_it_was() {
    seed_session();
    local_storage()
        .set_item(&session_key("s1"), "{broken")
        .unwrap();
    let (root, _app) = mount_at("#/client/c1");
    settle().await;

    let banner = text_of(&root, ".banner");
    assert!(
        banner.contains("The session record s1 could not be read"),
        "{banner}"
    );
    assert_eq!(
        local_storage()
            .get_item(&session_key("s1"))
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    // The rest of the page still works.
    assert_eq!(text_of(&root, "h1"), "Alex");
    root.remove();
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_a_typed_quota_error() {
    local_storage().clear().unwrap();
    let mut backend = LocalStorageBackend::open().unwrap();
    let chunk = "x".repeat(1 << 20);
    let result = (0..8).try_for_each(|i| backend.set(&format!("filler/{i}"), &chunk));
    local_storage().clear().unwrap();
    assert_eq!(result, Err(StorageError::QuotaExceeded));
}

#[wasm_bindgen_test]
async fn the_capture_line_adds_a_stamped_entry_to_the_saved_timeline() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    let capture = control(&root, "Capture");
    set_value(&capture, "Client: “I froze in the meeting.”");
    fire(&capture, "input");
    // A time field sends `input`, then `change`, as a time is entered.
    set_value(&control(&root, "At"), "10:07");
    fire(&control(&root, "At"), "input");
    fire(&control(&root, "At"), "change");
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
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
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

/// Fills localStorage until not even one more short record fits; the filler
/// keys start with `filler/`.
fn fill_storage() {
    let storage = local_storage();
    let (mut chunk, mut n) = (1 << 20, 0);
    while chunk > 0 {
        if storage
            .set_item(&format!("filler/{n}"), &"x".repeat(chunk))
            .is_ok()
        {
            n += 1;
        } else {
            chunk /= 2;
        }
    }
}

/// `label` and then letters that do not compress, so that a record holding
/// it grows by more than compression can hide and a full store refuses it.
fn incompressible(label: &str) -> String {
    let mut x: u32 = 0x9E37_79B9 ^ label.len() as u32;
    let noise: String = (0..600)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect();
    format!("{label} {noise}")
}

fn free_storage() {
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("filler/"))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

/// What the app does when the tab is closed or put away: write what is queued.
fn hide_page() {
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

async fn go_to(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    settle().await;
}

fn notes(root: &web_sys::HtmlElement) -> web_sys::HtmlTextAreaElement {
    control(root, "Notes").unchecked_into()
}

fn add_second_session() {
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    let first = store.session("s1").unwrap().unwrap();
    let second = Session::next(
        "s2".into(),
        "c1",
        &[first],
        first_date(),
        NoteFormat::Free,
        0,
    );
    store.save_session(&second).unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_write_stays_queued_and_is_written_once_there_is_room() {
    seed_session();
    add_second_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    fill_storage();

    let first = incompressible("Typed while the device was full.");
    type_into(&notes(&root), &first);
    settle().await;
    assert!(text_of(&root, ".save-status").starts_with("Not saved"));
    assert_eq!(stored("s1").note.text(Section::Free), "");

    // An edit of another session must not push the first one out of the queue.
    go_to("#/session/s2").await;
    let second = incompressible("Second session, also refused.");
    type_into(&notes(&root), &second);
    settle().await;
    let status = text_of(&root, ".save-status");
    assert!(status.starts_with("Not saved"), "{status}");
    assert!(status.ends_with("(2 unsaved changes)"), "{status}");

    free_storage();
    hide_page();
    settle().await;
    assert_eq!(text_of(&root, ".save-status"), "Saved");
    assert_eq!(stored("s1").note.text(Section::Free), first);
    assert_eq!(stored("s2").note.text(Section::Free), second);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_session_opened_again_starts_from_its_queued_edit_not_the_older_stored_one() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    type_into(&notes(&root), "Saved.");
    settle().await;
    fill_storage();
    let refused = incompressible("Saved. Then refused.");
    type_into(&notes(&root), &refused);
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), "Saved.");

    go_to("#/client/c1").await;
    go_to("#/session/s1").await;
    assert_eq!(notes(&root).value(), refused);
    let more = format!("{refused} Then more.");
    type_into(&notes(&root), &more);
    settle().await;

    free_storage();
    hide_page();
    settle().await;
    // A later flush has nothing older to write over it.
    hide_page();
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), more);
    root.remove();
}

/// What another tab does: it saves its own version of the session over the
/// stored one (read at the stored revision), and this tab hears of it only if
/// `announce` (a page back from the back/forward cache hears nothing).
fn another_tab_saves(note: &str, announce: bool) {
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    let mut theirs = store.session("s1").unwrap().unwrap();
    theirs.note.set_text(Section::Free, note.into());
    store.save_session(&theirs).unwrap();
    if announce {
        // The event the browser fires in this tab when another tab writes.
        js_sys::eval(&format!(
            "window.dispatchEvent(new StorageEvent('storage', {{ key: {:?} }}))",
            session_key("s1")
        ))
        .unwrap();
    }
}

fn conflict_shown(root: &web_sys::HtmlElement) -> bool {
    text_of(root, "[aria-label='Changed in another tab']")
        .contains("This session was also changed in another tab or window")
}

fn conflict_copies() -> Vec<String> {
    let (store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    store
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
async fn show_both_puts_the_texts_side_by_side_and_keeps_the_merge() {
    let (root, _app) = conflicting_edits().await;
    button(&root, "Show both").click();
    settle().await;
    let yours: web_sys::HtmlTextAreaElement = control(&root, "Yours: Notes").unchecked_into();
    let theirs: web_sys::HtmlTextAreaElement = control(&root, "Other tab: Notes").unchecked_into();
    assert_eq!(yours.value(), "Mine, then more.");
    assert_eq!(theirs.value(), "Theirs.");
    assert!(theirs.read_only());
    type_into(&yours, "Mine, then more. Theirs.");
    button(&root, "Keep this").click();
    settle().await;
    assert_eq!(
        stored("s1").note.text(Section::Free),
        "Mine, then more. Theirs."
    );
    assert_eq!(notes(&root).value(), "Mine, then more. Theirs.");
    assert!(!conflict_shown(&root));
    assert_eq!(conflict_copies(), Vec::<String>::new());
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

/// Opens "Recently deleted": its list is built the first time it opens.
async fn open_recently_deleted(root: &web_sys::HtmlElement) {
    root.query_selector(".recently-deleted summary")
        .unwrap()
        .expect("Recently deleted is shown")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
}

fn button(root: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| {
            b.get_attribute("aria-label")
                .or_else(|| b.text_content())
                .as_deref()
                == Some(name)
        })
        .unwrap_or_else(|| panic!("no button named {name}"))
}

#[wasm_bindgen_test]
async fn recently_deleted_lists_a_deleted_session_by_name_and_restores_it() {
    seed_session();
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    store.delete_session("s1", 0).unwrap();
    let (root, _app) = mount_at("#/");
    settle().await;

    assert_eq!(
        text_of(&root, ".recently-deleted summary"),
        "Recently deleted (1)"
    );
    open_recently_deleted(&root).await;
    let row = text_of(&root, ".trash-list li");
    assert!(
        row.starts_with("Session 1 of 12 with Alex (31 Jul 2025) · Deleted "),
        "{row}"
    );
    button(&root, "Restore Session 1 of 12 with Alex (31 Jul 2025)").click();
    settle().await;

    assert!(root.query_selector(".recently-deleted").unwrap().is_none());
    let (store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    assert_eq!(store.deleted(), []);
    assert_eq!(store.sessions_of("c1").0.len(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn deleting_for_good_asks_first_and_a_cancelled_question_keeps_everything() {
    seed_session();
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    store.delete_client("c1", 0).unwrap();
    let (root, _app) = mount_at("#/");
    settle().await;
    let purge = "Delete Alex and their 1 session for good";
    open_recently_deleted(&root).await;

    button(&root, purge).click();
    settle().await;
    assert_eq!(
        text_of(&root, "[role=alertdialog] p"),
        "Delete Alex and their 1 session for good? This cannot be undone; the room they took is freed."
    );
    button(&root, "Cancel").click();
    settle().await;
    assert!(root.query_selector("[role=alertdialog]").unwrap().is_none());
    assert!(
        local_storage()
            .get_item(&session_key("s1"))
            .unwrap()
            .is_some()
    );

    button(&root, purge).click();
    settle().await;
    button(&root, "Delete for good").click();
    settle().await;
    assert!(
        local_storage()
            .get_item(&session_key("s1"))
            .unwrap()
            .is_none()
    );
    assert!(root.query_selector(".recently-deleted").unwrap().is_none());
    root.remove();
}

/// Makes reading `window.localStorage` throw, as a browser with site data
/// blocked does; returns what puts it back.
fn block_local_storage() -> impl Drop {
    js_sys::eval(
        "window.__storage = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() {
           throw new DOMException('The operation is insecure.', 'SecurityError');
         } });",
    )
    .unwrap();
    struct Unblock;
    impl Drop for Unblock {
        fn drop(&mut self) {
            js_sys::eval("Object.defineProperty(window, 'localStorage', window.__storage)")
                .unwrap();
        }
    }
    Unblock
}

#[wasm_bindgen_test]
async fn blocked_storage_shows_a_lasting_bar_and_never_says_saved() {
    local_storage().clear().unwrap();
    let _unblock = block_local_storage();
    let (root, _app) = mount_at("#/");
    settle().await;
    let bar = text_of(&root, "[aria-label='Not saving']");
    assert!(bar.starts_with("Not saving: this browser is not letting Sessionpad store anything"));
    assert!(bar.ends_with("What you type now is lost when this page closes."));

    let name = control(&root, "Name or code");
    set_value(&name, "AK-07");
    fire(&name, "input");
    fire(&root.query_selector("form").unwrap().unwrap(), "submit");
    settle().await;
    button(&root, "New session").click();
    settle().await;
    type_into(&notes(&root), "Words that cannot be kept.");
    settle().await;

    let status = text_of(&root, ".save-status");
    assert!(
        status.starts_with("Not saved: this browser is not letting"),
        "{status}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_tab_stops_writing_once_a_newer_version_saved_data_here() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    // What a newer build does first when it opens this storage in another tab.
    local_storage().set_item(&schema_key(), "99").unwrap();
    js_sys::eval(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: {:?} }}))",
        schema_key()
    ))
    .unwrap();
    settle().await;
    assert_eq!(
        text_of(&root, "[aria-label='Reload to keep working'] p"),
        "A newer version of Sessionpad saved data here; reload to keep working"
    );

    type_into(&notes(&root), "Typed in the old tab.");
    settle().await;
    assert!(text_of(&root, ".save-status").starts_with("Not saved"));
    local_storage().set_item(&schema_key(), "3").unwrap();
    assert_eq!(stored("s1").note.text(Section::Free), "");
    root.remove();
}

/// Catches downloads instead of letting the browser save them: each is
/// recorded as [file name, object URL], and the URL is kept readable.
fn catch_downloads() {
    js_sys::eval(
        "window.__downloads = [];
         window.__click = window.__click || HTMLAnchorElement.prototype.click;
         window.__revoke = window.__revoke || URL.revokeObjectURL;
         HTMLAnchorElement.prototype.click = function () {
           window.__downloads.push([this.download, this.href]);
         };
         URL.revokeObjectURL = () => {};",
    )
    .unwrap();
}

fn release_downloads() {
    js_sys::eval(
        "HTMLAnchorElement.prototype.click = window.__click; URL.revokeObjectURL = window.__revoke;",
    )
    .unwrap();
}

/// The name and text of the `n`th download caught.
async fn caught_download(n: u32) -> (String, String) {
    let entry = js_sys::eval(&format!("window.__downloads[{n}]")).unwrap();
    let entry: js_sys::Array = entry.unchecked_into();
    let url = entry.get(1).as_string().unwrap();
    let text = js_sys::eval(&format!("fetch({url:?}).then(r => r.text())")).unwrap();
    let text = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(text))
        .await
        .unwrap();
    (entry.get(0).as_string().unwrap(), text.as_string().unwrap())
}

/// Puts `text` in the file input labelled `label`, as choosing a file does.
fn choose_file(root: &web_sys::HtmlElement, label: &str, text: &str) {
    let input = control(root, label);
    js_sys::Reflect::set(&js_sys::global(), &"__chosen".into(), &input).unwrap();
    js_sys::Reflect::set(&js_sys::global(), &"__text".into(), &text.into()).unwrap();
    js_sys::eval(
        "const dt = new DataTransfer();
         dt.items.add(new File([window.__text], 'backup.json', { type: 'application/json' }));
         window.__chosen.files = dt.files;
         window.__chosen.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_backup_downloads_every_record_and_restores_into_real_local_storage() {
    let session = seed_session();
    let mut written = stored(&session.id);
    written
        .note
        .set_text(Section::Free, "Kept through a backup 🙂".into());
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    store.save_session(&written).unwrap();
    catch_downloads();

    let (root, app) = mount_at("#/");
    settle().await;
    button(&root, "Back up").click();
    settle().await;
    let (name, text) = caught_download(0).await;
    assert!(
        name.starts_with("sessionpad-backup-") && name.ends_with(".json"),
        "{name}"
    );
    let backup = sessionpad::storage::backup::read_backup(&text, None).unwrap();
    assert_eq!((backup.header.clients, backup.header.sessions), (1, 1));
    root.remove();
    drop(app);

    local_storage().clear().unwrap();
    let (root, _app) = mount_at("#/");
    settle().await;
    choose_file(&root, "Restore from backup", &text);
    settle().await;
    assert!(text_of(&root, "[aria-label='Backup preview']").contains("1 client and 1 session"));
    button(&root, "Replace everything").click();
    settle().await;
    let (safety, _) = caught_download(1).await;
    assert!(safety.ends_with("-before-restore.json"), "{safety}");
    assert_eq!(
        stored("s1").note.text(Section::Free),
        "Kept through a backup 🙂"
    );
    release_downloads();
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
    let (mut other_tab, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
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
    let (store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    assert_eq!(
        store.client("c1").unwrap().unwrap().course.goals,
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
    let (mut other_tab, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    let mut theirs = other_tab.clinician().unwrap();
    theirs.name = "Dr. Lee".into();
    other_tab.save_clinician(&theirs).unwrap();
    js_sys::eval(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: {:?} }}))",
        clinician_key()
    ))
    .unwrap();
    settle().await;
    let name: web_sys::HtmlInputElement = control(&root, "Your name").unchecked_into();
    assert_eq!(name.value(), "Dr. Lee");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_signed_note_changed_behind_its_signature_says_so_when_opened() {
    seed_session();
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
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
