//! What every browser test uses: the page, a seeded session, the app mounted
//! at a screen, its fields and buttons, and localStorage filled and freed.

use sessionpad::components::App;
use sessionpad::model::Session;
use sessionpad::model::note::NoteFormat;
use sessionpad::storage::{LocalStorageBackend, Store};
use wasm_bindgen::JsCast;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A store over the real localStorage, as another tab or a fresh start opens it.
pub fn open_store() -> Store {
    Store::open(Box::new(LocalStorageBackend::open().unwrap()))
        .unwrap()
        .0
}

/// Waits `ms` milliseconds, timers and effects running meanwhile.
pub async fn sleep(ms: i32) {
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
pub async fn settle() {
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

/// An empty store, then Alex (client `c1`) with session `s1`, a free-text note.
pub fn seed_session() {
    local_storage().clear().unwrap();
    let mut store = open_store();
    let client = sessionpad::model::Client::new("c1".into(), "Alex", 0).unwrap();
    store.save_client(&client).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let session = Session::next("s1".into(), "c1", &[], date, NoteFormat::Free, 0);
    store.save_session(&session).unwrap();
}

/// The whole app in a fresh element, opened at the screen `hash` names.
pub fn mount_at(hash: &str) -> (web_sys::HtmlElement, impl Drop) {
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

pub async fn go_to(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    settle().await;
}

pub fn fire(el: &web_sys::Element, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap())
        .unwrap();
}

/// Puts `value` in an input, text area or select, as typing or picking would
/// leave it (fire the event the field listens for after).
pub fn set_value(el: &web_sys::Element, value: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
}

pub fn type_into(el: &web_sys::HtmlTextAreaElement, text: &str) {
    el.set_value(text);
    fire(el, "input");
}

/// Every element under `root` that `selector` matches, in document order.
fn all<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> impl Iterator<Item = T> {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .filter_map(move |i| found.item(i))
        .map(|node| node.unchecked_into())
}

/// The form control whose visible label is exactly `label`.
pub fn control(root: &web_sys::HtmlElement, label: &str) -> web_sys::Element {
    all::<web_sys::Element>(root, "label")
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

pub fn notes(root: &web_sys::HtmlElement) -> web_sys::HtmlTextAreaElement {
    control(root, "Notes").unchecked_into()
}

/// The button whose accessible name (its aria-label, else its text) is `name`.
pub fn button(root: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    all::<web_sys::HtmlElement>(root, "button")
        .find(|b| {
            b.get_attribute("aria-label")
                .or_else(|| b.text_content())
                .as_deref()
                == Some(name)
        })
        .unwrap_or_else(|| panic!("no button named {name}"))
}

pub fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// A session as stored in localStorage, read back through the store.
pub fn stored(id: &str) -> Session {
    open_store().session(id).unwrap().unwrap()
}

/// Fills localStorage until not even one more short record fits; the filler
/// keys start with `filler/`.
pub fn fill_storage() {
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

pub fn free_storage() {
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("filler/"))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

/// `label` and then letters that do not compress, so that a record holding
/// it grows by more than compression can hide and a full store refuses it.
pub fn incompressible(label: &str) -> String {
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

/// What the app does when the tab is closed or put away: write what is queued.
pub fn hide_page() {
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}
