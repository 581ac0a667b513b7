use crate::offline::apply_update;
use crate::state::{NewerData, use_saving};
use leptos::prelude::*;

/// A bar that cannot be dismissed while this tab cannot save: storage is
/// blocked, so everything typed lives in this page only, or a newer version
/// of Sessionpad owns the data, so this one must not write over it. The
/// clinician must know before writing.
#[component]
pub fn NotSavingBar() -> impl IntoView {
    let saving = use_saving();
    let blocked = saving.not_saving().map(|why| {
        view! {
            <section class="banner lasting" role="alert" aria-label="Not saving">
                <p>{format!("Not saving: {why}. What you type now is lost when this page closes.")}</p>
            </section>
        }
    });
    let newer = move || {
        saving.newer_data().get().map(|newer| match newer {
            NewerData::AtOpen => view! {
                <section class="banner lasting" role="alert" aria-label="Read-only">
                    <p>
                        "These notes were saved by a newer version of Sessionpad and are shown read-only. "
                        "Open the newer version to edit."
                    </p>
                </section>
            }
            .into_any(),
            NewerData::SinceOpen => view! {
                <section class="banner lasting" role="alert" aria-label="Reload to keep working">
                    <p>"A newer version of Sessionpad saved data here; reload to keep working"</p>
                    <button type="button" class="primary" on:click=move |_| apply_update()>
                        "Reload"
                    </button>
                </section>
            }
            .into_any(),
        })
    };
    view! { {blocked} {newer} }
}
