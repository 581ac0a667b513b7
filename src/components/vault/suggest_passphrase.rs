use crate::model::lock::suggest_passphrase;
use leptos::prelude::*;

/// "Suggest a passphrase": six words picked at random on the device, to
/// take ("Use this passphrase" fills both fields) or ignore. The words stay
/// shown, so they can be learnt or written down first.
#[component]
pub fn SuggestPassphrase(#[prop(into)] on_take: Callback<String>) -> impl IntoView {
    let suggested = RwSignal::new(None::<Result<String, &'static str>>);
    let suggest = move |_| {
        suggested.set(Some(suggest_passphrase(browser_random).map_err(
            |_| "This browser gave no random numbers, so no passphrase can be suggested.",
        )));
    };
    view! {
        <div class="suggest-passphrase">
            <button type="button" on:click=suggest>
                {move || if suggested.with(Option::is_some) { "Suggest another" } else { "Suggest a passphrase" }}
            </button>
            {move || {
                suggested
                    .get()
                    .map(|suggestion| match suggestion {
                        Ok(words) => {
                            let take = words.clone();
                            view! {
                                <p class="suggested-passphrase" aria-label="Suggested passphrase">{words}</p>
                                <p class="muted">
                                    "Six words picked at random. Learn them, or write them down and keep them away from this device."
                                </p>
                                <button type="button" on:click=move |_| on_take.run(take.clone())>
                                    "Use this passphrase"
                                </button>
                            }
                                .into_any()
                        }
                        Err(why) => view! { <p class="field-error" role="alert">{why}</p> }.into_any(),
                    })
            }}
        </div>
    }
}

/// 16 bits from the browser's cryptographic random source.
fn browser_random() -> Result<u16, getrandom::Error> {
    let mut bytes = [0; 2];
    getrandom::fill(&mut bytes)?;
    Ok(u16::from_le_bytes(bytes))
}
