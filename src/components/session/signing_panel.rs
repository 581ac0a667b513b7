use crate::components::{
    ChoiceSelect, ConfirmButton, FieldError, Refusal, TextArea, use_edited_session,
};
use crate::model::format_moment;
use crate::model::signing::AddendumKind;
use crate::model::{Choice, Session};
use crate::platform::{local_time, now_ms};
use leptos::prelude::*;

/// "Sign note"; once signed, who signed and when, whether the note still
/// matches its signature, the addenda, and the form to add one.
#[component]
pub fn SigningPanel(#[prop(into)] signer: String) -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    let signed = move || session.with(Session::is_signed);
    let signer = StoredValue::new(signer);
    let question = Signal::derive(move || {
        format!(
            "Sign this note as {}? After signing it can be changed only by dated addenda.",
            signer.get_value()
        )
    });
    let sign = Callback::new(move |()| {
        edited.try_change(|s| s.sign(&signer.get_value(), now_ms()));
    });
    let kind = RwSignal::new(AddendumKind::default());
    let text = RwSignal::new(String::new());
    let addendum_error = RwSignal::new(None::<String>);
    let addendum_refused = Refusal::new(addendum_error);
    let save_addendum = move |_| {
        let added = edited.try_change_telling(addendum_error, |s| {
            s.add_addendum(
                kind.get_untracked(),
                &text.get_untracked(),
                &signer.get_value(),
                now_ms(),
            )
        });
        if added {
            text.set(String::new());
        }
    };

    view! {
        <section class="panel signing" aria-label="Signature">
            <h2>"Signature"</h2>
            <Show
                when=signed
                fallback=move || {
                    view! {
                        <p class="muted">
                            "A draft. Signing fixes the note and keeps tamper evidence of it; later changes go in dated addenda."
                        </p>
                        <ConfirmButton label="Sign note" question confirm="Sign" on_confirm=sign />
                    }
                }
            >
                <p>
                    {move || {
                        session
                            .with(|s| s.signature.clone())
                            .map(|sig| format!("Signed by {} on {}.", sig.signer, format_moment(local_time(sig.at))))
                    }}
                </p>
                {move || {
                    session
                        .with(Session::verify_signature)
                        .ok()
                        .map(|covered| view! { <p class="muted">{covered.describe()}</p> })
                }}
                <FieldError message=Signal::derive(move || {
                    session.with(|s| s.verify_signature().err().map(|changed| changed.to_string()))
                }) />
                <ol class="addenda">
                    {move || {
                        session
                            .with(|s| s.addenda.clone())
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <li>
                                        <strong>{a.kind.label()}</strong>
                                        <span class="muted">{format!(" · {} · {}", a.author, format_moment(local_time(a.at)))}</span>
                                        <p class="record-text">{a.text}</p>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <h3>"Add addendum"</h3>
                <ChoiceSelect<AddendumKind> label="Kind" value=kind on_pick=move |k| kind.set(k) />
                <TextArea label="Addendum" value=text refused=addendum_refused />
                <FieldError message=addendum_refused />
                <button type="button" on:click=save_addendum>"Save addendum"</button>
            </Show>
        </section>
    }
}
