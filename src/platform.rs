//! What only the browser knows: the clock and fresh ids.
//!
//! Natively (the tests of `state`'s services) there is no browser: the
//! clock is the system's, and what would wait for a paint, a pause or a
//! promise is never run, so a test writes what is queued by flushing.

use chrono::{NaiveDate, NaiveTime};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now() as i64
    } else {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as i64)
    }
}

/// Today in the device's time zone: a session is dated where it happens.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

pub fn clock_now() -> NaiveTime {
    let d = js_sys::Date::new_0();
    NaiveTime::from_hms_opt(d.get_hours(), d.get_minutes(), 0).unwrap_or_default()
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Hands `text` to the browser as a file download named `file_name`; it is
/// made on this device and never leaves it through the network.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let why = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(why)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(why)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(why)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has started from the URL by now; the object is freed soon after.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The file chosen in the `<input type="file">` that fired `ev`.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

/// A chosen file's contents as text; `None` if the browser cannot read it.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
}

/// A moment (milliseconds since the epoch) as the device's clock showed it.
pub fn local_time(ms: i64) -> chrono::NaiveDateTime {
    let d = js_sys::Date::new(&(ms as f64).into());
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), 0))
        .unwrap_or_default()
}

/// Takes the screen's address out of the URL: a locked page shows nothing
/// of which client or session was open.
pub fn forget_screen() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        );
    }
}

/// Gives the field the cursor is in its `change` now, as leaving it would.
/// A number, a time or a date is taken when its field is left, and a reload,
/// a closed tab, a tablet put to sleep or the browser's Back leave no field
/// first: without this, what was typed there would be dropped while the bar
/// says "Saved". Only fields typed into: a checkbox, a choice or a file acts
/// on its own `change` as it is used, and would act twice.
pub fn take_entry_being_typed() {
    use wasm_bindgen::JsCast;
    let Some(field) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return;
    };
    let typed = match field.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => matches!(
            input.type_().as_str(),
            "text" | "number" | "time" | "date" | "search" | "tel" | "email" | "url"
        ),
        None => field.is_instance_of::<web_sys::HtmlTextAreaElement>(),
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if typed && let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = field.dispatch_event(&change);
    }
}

/// Starts the page again without the screen's address: a fresh page holds
/// no key and nothing decrypted, and opens at the locked screen.
pub fn reload_locked() {
    forget_screen();
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Puts `text` on the clipboard; the browser may refuse without a user gesture.
pub fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Runs `work` after the browser has painted, so what the page shows first
/// is seen before the work holds it: "Unlocking…" while the passphrase is
/// stretched (Argon2id blocks for most of a second), a screen just opened.
pub fn after_paint(work: impl FnOnce() + 'static) {
    if cfg!(target_arch = "wasm32") {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(work, std::time::Duration::ZERO)
        });
    }
}

/// Runs `work` once `wait` has passed; the handle calls it off.
pub fn after(
    wait: std::time::Duration,
    work: impl FnOnce() + 'static,
) -> Option<leptos::prelude::TimeoutHandle> {
    cfg!(target_arch = "wasm32")
        .then(|| leptos::prelude::set_timeout_with_handle(work, wait).ok())
        .flatten()
}

/// Runs `task` beside the page, for what the browser answers later.
pub fn in_background(task: impl std::future::Future<Output = ()> + 'static) {
    if cfg!(target_arch = "wasm32") {
        leptos::task::spawn_local(task);
    }
}

/// Puts `hash` in the URL as a new history entry, at the top of the page.
/// Not through `location.hash`: in WebKit (Safari) a fragment navigation
/// cancels a download the page has just started, such as the backup
/// "Replace everything" makes first. Back and Forward still fire
/// `hashchange`. Another screen opens at its top, wherever the last one was
/// scrolled to (the button that led there may have been far down a long page).
pub fn show_in_url(hash: &str) {
    if cfg!(target_arch = "wasm32")
        && let Some(window) = web_sys::window()
        && window.location().hash().ok().as_deref() != Some(hash)
        && let Ok(history) = window.history()
    {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Runs `work` once the page has been painted and the browser has a moment
/// to spare (within about a second even when it has none), so what is not
/// needed to show the screen stays off the way to it. Browsers without idle
/// callbacks (Safari) run it just after the paint.
pub fn when_idle(work: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    after_paint(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let has_idle =
            js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
        if !has_idle {
            return work();
        }
        let callback = wasm_bindgen::closure::Closure::once_into_js(work);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    });
}
