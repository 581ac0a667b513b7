use crate::components::TextInput;
use crate::components::use_edited_session;
use crate::model::tags::{TagKind, type_ahead};
use leptos::prelude::*;

/// Tags from the built-in vocabulary with type-ahead, plus custom ones.
#[component]
pub fn TagPicker(kind: TagKind, label: &'static str) -> impl IntoView {
    let edited = use_edited_session();
    let typed = RwSignal::new(String::new());
    let chosen = move || edited.session.with(|s| s.tags.list(kind).to_vec());
    let add = move |tag: String| {
        edited.change(|s| {
            s.tags.add(kind, &tag);
        });
        typed.set(String::new());
    };
    let suggestions = move || {
        let already = chosen();
        typed.with(|t| type_ahead(kind, t, &already))
    };

    view! {
        <div class="tag-picker">
            <form on:submit=move |ev| {
                ev.prevent_default();
                let tag = typed.get_untracked();
                if !tag.trim().is_empty() {
                    add(tag);
                }
            }>
                <TextInput in_form=true
                    label=label
                    enterkeyhint="done"
                    placeholder="Type to find, Enter to add your own"
                    value=typed
                />
            </form>
            <ul role="list" class="chips" aria-label=format!("Chosen {}", label.to_lowercase())>
                <For
                    each=chosen
                    key=|t| t.clone()
                    children=move |tag| {
                        let removing = tag.clone();
                        let custom = edited.session.with_untracked(|s| s.tags.is_custom(kind, &tag));
                        view! {
                            <li class="chip chosen" class:custom=custom>
                                <span>{tag.clone()}</span>
                                {custom.then(|| view! { <span class="visually-hidden">" (your own)"</span> })}
                                <button
                                    type="button"
                                    aria-label=format!("Remove {tag}")
                                    on:click=move |_| {
                                        edited.change(|s| {
                                            s.tags.remove(kind, &removing);
                                        })
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <ul role="list" class="chips suggestions" aria-label=format!("Suggested {}", label.to_lowercase())>
                <For
                    each=suggestions
                    key=|t| *t
                    children=move |tag| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="chip"
                                    aria-label=format!("Add {tag}")
                                    on:click=move |_| add(tag.to_string())
                                >
                                    {format!("+ {tag}")}
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
        </div>
    }
}
