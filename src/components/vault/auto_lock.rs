use crate::model::clock::format_seconds;
use crate::model::lock::{IdleLock, LockCheck};
use crate::platform::now_ms;
use crate::state::use_records;
use leptos::prelude::*;
use std::time::Duration;

/// Locks after the idle time set under "This device", warning a minute
/// before, and when the app comes back after more than five minutes hidden.
/// Time is the wall clock (`clock`), so a tablet that slept is locked on waking.
#[component]
pub fn AutoLock(
    #[prop(into)] on_lock: Callback<()>,
    #[prop(default = now_ms)] clock: fn() -> i64,
) -> impl IntoView {
    let records = use_records();
    let minutes = records.settings().lock_minutes();
    let idle = StoredValue::new(IdleLock::new(minutes, clock()));
    let warning = RwSignal::new(None::<u32>);
    let locked = StoredValue::new(false);
    let act = move |check: LockCheck| match check {
        LockCheck::Open => warning.set(None),
        LockCheck::Warn { seconds_left } => warning.set(Some(seconds_left)),
        LockCheck::Lock => {
            if !locked.get_value() {
                locked.set_value(true);
                on_lock.run(());
            }
        }
    };
    let touched = move || {
        idle.update_value(|i| i.touched(clock()));
        // Every key is activity: only a shown warning is redrawn.
        if warning.with_untracked(Option::is_some) {
            warning.set(None);
        }
    };
    // Any press or key is activity; moving over the page is not.
    let on_pointer = window_event_listener(leptos::ev::pointerdown, move |_| touched());
    let on_key = window_event_listener(leptos::ev::keydown, move |_| touched());
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let now = clock();
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            idle.update_value(|i| i.hidden(now));
        } else if let Some(check) = idle.try_update_value(|i| i.shown(now)) {
            act(check);
        }
    });
    let ticking = set_interval_with_handle(
        move || {
            if let Some(check) = idle.try_with_value(|i| i.check(clock())) {
                act(check);
            }
        },
        Duration::from_secs(1),
    );
    on_cleanup(move || {
        on_pointer.remove();
        on_key.remove();
        on_visibility.remove();
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    move || {
        warning.get().map(|seconds| {
            view! {
                <div class="lock-warning" role="alert">
                    <span>{format!("Locking in {}", format_seconds(seconds.into()))}</span>
                    <button type="button" on:click=move |_| touched()>
                        "Stay unlocked"
                    </button>
                </div>
            }
        })
    }
}
