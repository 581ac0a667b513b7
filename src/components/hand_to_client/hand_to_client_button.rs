use super::PinSetting;
use crate::components::{FieldError, ShowIf, effect};
use crate::model::hand_to_client::Handover;
use crate::model::measures::Measure;
use crate::platform::now_ms;
use crate::state::{HandBackBy, use_hand_to_client, use_records};
use leptos::prelude::*;

/// "Hand to client": the measures to fill in are chosen, then the tablet
/// becomes the questionnaire. Without the lock, a PIN must be set first. A
/// measure the session already holds (entered from paper, say) is not
/// offered: the client's answers would replace it.
#[component]
pub fn HandToClient(
    session: String,
    /// The measures the session already holds answers to.
    #[prop(into)]
    given: Signal<Vec<String>>,
) -> impl IntoView {
    let hand_to_client = use_hand_to_client();
    let choosing = RwSignal::new(false);
    let clinician = use_records().clinician().unwrap_or_default();
    let measures = StoredValue::new(clinician.measures_to_give());
    let chosen = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<String>);
    let session = StoredValue::new(session);
    let hand_over = move || {
        let picked: Vec<Measure> = measures.with_value(|all| {
            let ids = chosen.get_untracked();
            all.iter()
                .filter(|m| ids.contains(&m.id))
                .cloned()
                .collect()
        });
        match Handover::new(&session.get_value(), picked, now_ms()) {
            // Kept first, so every tab and a reload show the questionnaire:
            // when storage refuses it, the notes stay and the dialog says why.
            Some(handover) => match hand_to_client.hand_over(&handover) {
                Ok(()) => choosing.set(false),
                Err(why) => error.set(Some(why)),
            },
            None => error.set(Some("Choose at least one measure to hand over.".into())),
        }
    };
    // Opened, the dialog takes the focus, so the keyboard and a screen
    // reader start inside it.
    let title = NodeRef::<leptos::html::H2>::new();
    effect(move || {
        if let Some(title) = title.get() {
            let _ = title.focus();
        }
    });
    let toggle = move |id: String, on: bool| {
        error.set(None);
        chosen.update(|ids| {
            ids.retain(|i| *i != id);
            if on {
                ids.push(id);
            }
        });
    };

    view! {
        <button type="button" on:click=move |_| choosing.set(true)>"Hand to client"</button>
        <ShowIf when=move || choosing.get()>
            <div class="dialog-backdrop">
                <div
                    class="dialog hand-over"
                    role="dialog"
                    aria-modal="true"
                    aria-label="Hand to client"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            choosing.set(false);
                        }
                    }
                >
                    <h2 tabindex="-1" node_ref=title>"Hand to client"</h2>
                    {move || match hand_to_client.hand_back_by() {
                        HandBackBy::NothingYet => view! {
                            <p>"First set a PIN: you will need it to take the tablet back."</p>
                            <PinSetting />
                        }
                        .into_any(),
                        by => view! {
                            <fieldset class="plain">
                                <legend>"Measures for the client to fill in"</legend>
                                {measures.with_value(|all| {
                                    all.iter()
                                        .map(|m| {
                                            let id = m.id.clone();
                                            let checked = id.clone();
                                            let held = id.clone();
                                            let is_given = Memo::new(move |_| given.with(|g| g.contains(&held)));
                                            let name = format!("{} — {}", m.name, m.title);
                                            view! {
                                                <label class="check">
                                                    <input
                                                        type="checkbox"
                                                        disabled=is_given
                                                        prop:checked=move || chosen.with(|c| c.contains(&checked))
                                                        on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))
                                                    />
                                                    <span>
                                                        {move || if is_given.get() {
                                                            format!("{name} (already in this session: remove it there first to have the client fill it in)")
                                                        } else {
                                                            name.clone()
                                                        }}
                                                    </span>
                                                </label>
                                            }
                                        })
                                        .collect_view()
                                })}
                            </fieldset>
                            <FieldError message=error />
                            <p class="hint">
                                {if by == HandBackBy::Passphrase {
                                    "The tablet then shows the questionnaire and nothing else. Your passphrase takes it back."
                                } else {
                                    "The tablet then shows the questionnaire and nothing else. Your PIN takes it back."
                                }}
                            </p>
                        }
                        .into_any(),
                    }}
                    <div class="dialog-actions">
                        <button
                            type="button"
                            class="primary"
                            disabled=move || hand_to_client.hand_back_by() == HandBackBy::NothingYet
                            on:click=move |_| hand_over()
                        >
                            "Hand to client"
                        </button>
                        <button type="button" on:click=move |_| choosing.set(false)>"Cancel"</button>
                    </div>
                </div>
            </div>
        </ShowIf>
    }
}
