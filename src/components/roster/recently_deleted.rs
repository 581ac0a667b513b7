use crate::components::ConfirmButton;
use crate::model::trash::deleted_when;
use crate::platform::local_time;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Deleted clients and sessions, newest first, each to restore or to delete
/// for good; nothing shows while nothing is deleted.
#[component]
pub fn RecentlyDeleted() -> impl IntoView {
    let state = use_app_state();
    let items = Memo::new(move |_| state.read(|s| s.deleted()));
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <details class="panel recently-deleted">
                <summary>{move || format!("Recently deleted ({})", items.with(Vec::len))}</summary>
                <ul class="trash-list">
                    <For
                        each=move || items.get()
                        key=|item| item.clone()
                        children=move |item| {
                            let label = item.what.label();
                            let record = StoredValue::new(item.deleted.record.clone());
                            view! {
                                <li>
                                    <span>
                                        <strong>{label.clone()}</strong>
                                        <span class="muted">
                                            {format!(" · {}", deleted_when(local_time(item.deleted.at)))}
                                        </span>
                                    </span>
                                    <span class="card-actions">
                                        <button
                                            type="button"
                                            aria-label=format!("Restore {label}")
                                            on:click=move |_| {
                                                state.restore(&record.get_value());
                                            }
                                        >
                                            "Restore"
                                        </button>
                                        <ConfirmButton
                                            label="Delete for good"
                                            aria_label=format!("Delete {label} for good")
                                            question=item.what.purge_question()
                                            confirm="Delete for good"
                                            on_confirm=move |()| {
                                                state.purge(&record.get_value());
                                            }
                                        />
                                    </span>
                                </li>
                            }
                        }
                    />
                </ul>
            </details>
        </Show>
    }
}
