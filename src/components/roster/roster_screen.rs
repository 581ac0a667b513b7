use super::{DamagedClients, RecentlyDeleted};
use crate::components::TextInput;
use crate::components::{
    BackupReminder, ClinicianProfile, DevicePanel, RestoreBackup, SearchPanel, SetUpFromServer,
    ShowIf,
};
use crate::components::{FieldError, Refusal};
use crate::layout::RecordRef;
use crate::model::{Client, sample::sample_data};
use crate::platform::{new_id, now_ms};
use crate::route::Route;
use crate::state::{Records, use_navigation, use_records};
use leptos::prelude::*;

/// Everything in the sample ships inside the app; loading it is local only.
fn load_sample(records: Records) {
    let data = sample_data(new_id, now_ms());
    let keep_profile = records.clinician().is_ok_and(|c| !c.name.is_empty());
    if !keep_profile {
        records.edit(data.clinician.clone());
        // Written now, so "Your details" shows it as the roster refills.
        records.flush();
    }
    if records.commit(&data.client) {
        for session in &data.sessions {
            if !records.commit(session) {
                break;
            }
        }
    }
}

/// The client roster: add, rename, archive; an empty roster offers the sample.
#[component]
pub fn Roster() -> impl IntoView {
    let records = use_records();
    let navigation = use_navigation();
    let roster = Memo::new(move |_| {
        let (clients, problems) = records.clients();
        let damaged: Vec<String> = problems
            .iter()
            .filter_map(|p| match p.damaged_record() {
                Some(RecordRef::Client(id)) => Some(id),
                _ => None,
            })
            .collect();
        (clients, damaged)
    });
    let clients = Memo::new(move |_| roster.with(|(clients, _)| clients.clone()));
    let damaged = Memo::new(move |_| roster.with(|(_, damaged)| damaged.clone()));
    let show_archived = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Client::new(new_id(), &new_name.get_untracked(), now_ms()) {
            Ok(client) => {
                error.set(None);
                if records.commit(&client) {
                    new_name.set(String::new());
                    navigation.navigate(Route::Client(client.id));
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let visible = move || {
        clients
            .get()
            .into_iter()
            .filter(|c| show_archived.get() || !c.archived)
            .collect::<Vec<_>>()
    };
    let archived_count = move || clients.with(|cs| cs.iter().filter(|c| c.archived).count());

    view! {
        <section class="roster" aria-labelledby="roster-title">
            <div class="section-head">
                <h1 id="roster-title">"Clients"</h1>
                <button type="button" on:click=move |_| navigation.navigate(Route::Import)>
                    "Import transcript"
                </button>
            </div>
            <form class="inline-form" on:submit=add>
                <TextInput in_form=true label="Name or code" value=new_name refused />
                <button type="submit" class="primary">"New client"</button>
            </form>
            <FieldError message=refused />
            <ShowIf when=move || !clients.with(Vec::is_empty)>
                <BackupReminder />
                <SearchPanel />
            </ShowIf>
            <ShowIf when=move || clients.with(Vec::is_empty) && damaged.with(Vec::is_empty)>
                <div class="empty-state">
                    <p>"No clients yet. Add one above, or look around a workspace with a course in progress."</p>
                    <button type="button" on:click=move |_| load_sample(records)>
                        "Load sample data"
                    </button>
                    <RestoreBackup />
                    <SetUpFromServer />
                </div>
            </ShowIf>
            <ul role="list" class="card-list">
                <For
                    each=visible
                    key=|c| (c.id.clone(), c.name.clone(), c.archived)
                    children=move |client| view! { <ClientRow client /> }
                />
                <DamagedClients ids=damaged />
            </ul>
            <ShowIf when=move || { archived_count() > 0 }>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || show_archived.get()
                        on:change=move |ev| show_archived.set(event_target_checked(&ev))
                    />
                    {move || format!("Show archived clients ({})", archived_count())}
                </label>
            </ShowIf>
            <RecentlyDeleted />
            <ClinicianProfile />
            <DevicePanel />
        </section>
    }
}

#[component]
fn ClientRow(client: Client) -> impl IntoView {
    let records = use_records();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(client.name.clone());
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let client = StoredValue::new(client);
    let name = client.with_value(|c| c.name.clone());
    let archived = client.with_value(|c| c.archived);

    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut updated = client.get_value();
        match updated.rename(&draft.get_untracked()) {
            Ok(()) => {
                error.set(None);
                renaming.set(false);
                records.commit(&updated);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let toggle_archive = move |_| {
        let mut updated = client.get_value();
        updated.archived = !updated.archived;
        records.commit(&updated);
    };
    let summary = client.with_value(Client::summary);

    view! {
        <li class="card" class:archived=archived>
            <Show
                when=move || renaming.get()
                fallback=move || {
                    view! {
                        <a class="card-main" href=client.with_value(|c| Route::Client(c.id.clone()).hash())>
                            <strong>{client.with_value(|c| c.name.clone())}</strong>
                            <span class="muted">{summary.clone()}</span>
                            {archived.then(|| view! { <span class="badge">"Archived"</span> })}
                        </a>
                    }
                }
            >
                <form class="inline-form card-main" on:submit=rename>
                    <TextInput in_form=true label="New name or code" value=draft refused />
                    <button type="submit" class="primary">"Save name"</button>
                    <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                    <FieldError message=refused />
                </form>
            </Show>
            <div class="card-actions">
                <button
                    type="button"
                    aria-label=format!("Rename {name}")
                    on:click=move |_| renaming.set(true)
                >
                    "Rename"
                </button>
                <button
                    type="button"
                    aria-label=format!("{} {name}", if archived { "Restore" } else { "Archive" })
                    on:click=toggle_archive
                >
                    {if archived { "Restore" } else { "Archive" }}
                </button>
            </div>
        </li>
    }
}
