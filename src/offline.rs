//! Working with no network: the service worker that serves the app from its
//! cache, the "new version" hand-over, and asking the browser to keep our data.

use js_sys::Reflect;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// `navigator.serviceWorker` and `navigator.storage` exist only in secure
/// contexts (https, localhost); elsewhere the app simply works online.
fn has(object: &JsValue, name: &str) -> bool {
    Reflect::get(object, &name.into()).is_ok_and(|v| !v.is_undefined())
}

fn container() -> Option<ServiceWorkerContainer> {
    navigator()
        .filter(|n| has(n, "serviceWorker"))
        .map(|n| n.service_worker())
}

fn storage() -> Option<web_sys::StorageManager> {
    navigator()
        .filter(|n| has(n, "storage"))
        .map(|n| n.storage())
}

/// Registers `sw.js`; `on_update` runs when a newer build is installed and
/// waiting to take over from the one this page runs.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_update = Rc::new(on_update);
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A first install has no controller yet: that is not an update.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update();
        }
        let watched = registration.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let (installing, container, on_update) =
                (worker.clone(), container.clone(), on_update.clone());
            let changed = Closure::<dyn Fn()>::new(move || {
                if installing.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    on_update();
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Lets the waiting build take over, then reloads into it; with no build
/// waiting, reloads at once, which fetches the newest one.
pub fn apply_update() {
    let Some(container) = container() else {
        return reload();
    };
    let on_change = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        let registration = JsFuture::from(container.get_registration()).await.ok();
        let Some(waiting) = registration
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting())
        else {
            return reload();
        };
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"type".into(), &"skip-waiting".into());
        let _ = waiting.post_message(&message);
    });
}

async fn ask(promise: Option<Result<js_sys::Promise, JsValue>>) -> Option<bool> {
    JsFuture::from(promise?.ok()?).await.ok()?.as_bool()
}

/// Asks the browser not to evict this site's data; tells whether it agreed.
pub async fn request_persistence() -> Option<bool> {
    ask(storage().map(|s| s.persist())).await
}

pub async fn is_persistent() -> Option<bool> {
    ask(storage().map(|s| s.persisted())).await
}

/// Safari deletes script-written storage after 7 days without a visit unless
/// the app was added to the Home Screen.
pub fn may_evict_unless_installed() -> bool {
    let (Some(window), Some(navigator)) = (web_sys::window(), navigator()) else {
        return false;
    };
    let ua = navigator.user_agent().unwrap_or_default();
    let safari = ua.contains("Safari")
        && !["Chrome", "Chromium", "CriOS", "FxiOS", "EdgiOS", "Android"]
            .iter()
            .any(|other| ua.contains(other));
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || Reflect::get(&navigator, &"standalone".into()).is_ok_and(|v| v.is_truthy());
    safari && !standalone
}
