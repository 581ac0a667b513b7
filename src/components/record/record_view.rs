use crate::model::record::Block;
use leptos::prelude::*;

/// The record laid out for reading and for paper; nothing in it changes.
#[component]
pub fn RecordView(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading(1, text) => view! { <h1>{text}</h1> }.into_any(),
            Block::Heading(_, text) => view! { <h2>{text}</h2> }.into_any(),
            Block::Facts(facts) => view! {
                <dl class="record-facts">
                    {facts
                        .into_iter()
                        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                        .collect_view()}
                </dl>
            }
            .into_any(),
            Block::Text(text) if text.trim().is_empty() => {
                view! { <p class="muted">"Nothing written."</p> }.into_any()
            }
            Block::Text(text) => view! { <p class="record-text">{text}</p> }.into_any(),
            Block::Items(items) => view! {
                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Signature(name) => view! {
                <p class="signature-line">
                    "Signed: "<span class="sign-here"></span>" Date: "<span class="sign-here short"></span>
                    <br />
                    {name}
                </p>
            }
            .into_any(),
            Block::PageBreak => view! { <hr class="page-break" /> }.into_any(),
        })
        .collect_view()
}
