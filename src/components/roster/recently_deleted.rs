use crate::components::{ConfirmButton, ShowIf, keyed_list};
use crate::model::trash::deleted_when;
use crate::platform::local_time;
use crate::state::{DeletedItem, use_records};
use leptos::prelude::*;

/// Deleted clients and sessions, newest first, each to restore or to delete
/// for good; nothing shows while nothing is deleted. The list is drawn the
/// first time it is opened.
#[component]
pub fn RecentlyDeleted() -> impl IntoView {
    let records = use_records();
    let items = Memo::new(move |_| records.deleted());
    let opened = RwSignal::new(false);
    view! {
        <ShowIf when=move || !items.with(Vec::is_empty)>
            <details
                class="panel recently-deleted"
                on:toggle=move |ev| {
                    if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                        opened.set(true);
                    }
                }
            >
                <summary>{move || format!("Recently deleted ({})", items.with(Vec::len))}</summary>
                <ShowIf when=move || opened.get()><DeletedList items /></ShowIf>
            </details>
        </ShowIf>
    }
}

#[component]
fn DeletedList(items: Memo<Vec<DeletedItem>>) -> impl IntoView {
    let records = use_records();
    view! {
                <ul role="list" class="trash-list">
                    {keyed_list(
                        move || items.get(),
                        |item| item.clone(),
                        move |item| {
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
                                                records.restore(&record.get_value());
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
                                                records.purge(&record.get_value());
                                            }
                                        />
                                    </span>
                                </li>
                            }
                        },
                    )}
                </ul>
    }
}
