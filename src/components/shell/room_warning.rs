use crate::components::BackupButton;
use crate::platform::when_idle;
use crate::route::Route;
use crate::state::use_device;
use leptos::prelude::*;

/// From 80 % full, on every screen: how much room is left, and the way to
/// make more before a save is ever refused.
#[component]
pub fn RoomWarning() -> impl IntoView {
    let device = use_device();
    // Measuring looks at every stored record, so it waits until the screen
    // is shown; then it is re-read when records are added or removed, not on
    // every keystroke.
    let shown = RwSignal::new(false);
    when_idle(move || {
        let _ = shown.try_set(true);
    });
    let warning = Memo::new(move |_| {
        if !shown.get() {
            return None;
        }
        device.room().ok()?.warning()
    });
    move || {
        warning.get().map(|warning| {
            view! {
                <section class="notice" aria-label="Storage nearly full">
                    <p>
                        {warning}
                        " Back up, then free space: delete clients or sessions you no longer need and empty them from Recently deleted."
                    </p>
                    <BackupButton />
                    <a class="button-link" href=Route::Roster.hash()>"Free space"</a>
                </section>
            }
        })
    }
}
