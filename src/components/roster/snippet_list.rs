use crate::components::{FieldError, Refusal, TextArea, TextInput, keyed_list};
use crate::model::snippets::{Snippet, parse_snippet_name};
use crate::model::{Clinician, InputError};
use leptos::prelude::*;

/// The clinician's snippets under "Your details": each a `;name` and the
/// text it becomes in a note.
#[component]
pub fn SnippetList(
    profile: RwSignal<Clinician>,
    #[prop(into)] on_change: Callback<Clinician>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<InputError>);
    let refused = Refusal::new(Signal::derive(move || error.get().map(|e| e.to_string())));
    let name_refused = refused.when(move || error.with(|e| e != &Some(InputError::EmptySnippet)));
    let text_refused = refused.when(move || error.with(|e| e == &Some(InputError::EmptySnippet)));
    let change = move |f: &dyn Fn(&mut Vec<Snippet>)| {
        if let Some(updated) = profile.try_update(|p| {
            f(&mut p.snippets);
            p.clone()
        }) {
            on_change.run(updated);
        }
    };
    let add = move |_| {
        let taken = profile.with_untracked(|p| p.snippets.clone());
        let added = parse_snippet_name(&name.get_untracked(), &taken).and_then(|name| {
            let text = text.get_untracked();
            match text.trim().is_empty() {
                true => Err(InputError::EmptySnippet),
                false => Ok(Snippet { name, text }),
            }
        });
        match added {
            Ok(snippet) => {
                change(&|s| s.push(snippet.clone()));
                name.set(String::new());
                text.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="snippets" aria-labelledby="snippets-title">
            <h3 id="snippets-title">"Snippets"</h3>
            <p class="muted">
                "Type ;name then Space in any note field and the snippet's text takes its place. Ctrl+Z (Cmd+Z) takes it back."
            </p>
            <ul role="list" class="plain-list">
                {keyed_list(
                    move || profile.with(|p| p.snippets.clone()),
                    |s| s.name.clone(),
                    move |snippet| {
                        let gone = snippet.name.clone();
                        view! {
                            <li>
                                <strong>{format!(";{}", snippet.name)}</strong>
                                " "
                                <span>{snippet.text}</span>
                                " "
                                <button
                                    type="button"
                                    class="quiet"
                                    aria-label=format!("Remove ;{}", snippet.name)
                                    on:click=move |_| change(&|s| s.retain(|s| s.name != gone))
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    },
                )}
            </ul>
            <TextInput label="Snippet name" placeholder="e.g. safety" value=name refused=name_refused />
            <TextArea label="Snippet text" value=text refused=text_refused />
            <FieldError message=refused />
            <button type="button" on:click=add>"Add snippet"</button>
        </section>
    }
}
