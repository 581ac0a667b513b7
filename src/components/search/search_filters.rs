use crate::components::OptionalDate;
use crate::model::Client;
use crate::model::search::Filters;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Narrows the results: client, tag, dates, risk, signed or draft.
#[component]
pub fn SearchFilters(filters: RwSignal<Filters>, clients: Vec<Client>) -> impl IntoView {
    let set = move |f: &dyn Fn(&mut Filters)| filters.update(|filters| f(filters));
    let date_field = move |label: &'static str,
                           get: fn(&Filters) -> Option<NaiveDate>,
                           put: fn(&mut Filters, Option<NaiveDate>)| {
        view! {
            <OptionalDate
                label
                value=move || filters.with(get)
                on_date={move |day: Result<_, _>| set(&|f| put(f, day.clone().ok().flatten()))}
            />
        }
    };
    view! {
        <details class="search-filters">
            <summary>"Filters"</summary>
            <div class="grid">
                <label class="field">
                    <span>"Client"</span>
                    <select on:change=move |ev| {
                        let id = event_target_value(&ev);
                        set(&|f| f.client_id = (!id.is_empty()).then(|| id.clone()));
                    }>
                        <option value="">"All clients"</option>
                        {clients
                            .into_iter()
                            .map(|c| view! { <option value=c.id>{c.name}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>"Tag"</span>
                    <input
                        type="text"
                        on:input=move |ev| {
                            let tag = event_target_value(&ev);
                            set(&|f| f.tag = (!tag.trim().is_empty()).then(|| tag.clone()));
                        }
                    />
                </label>
                {date_field("From", |f| f.from, |f, day| f.from = day)}
                {date_field("To", |f| f.to, |f, day| f.to = day)}
                <label class="field">
                    <span>"Note"</span>
                    <select on:change=move |ev| {
                        let signed = match event_target_value(&ev).as_str() {
                            "signed" => Some(true),
                            "draft" => Some(false),
                            _ => None,
                        };
                        set(&|f| f.signed = signed);
                    }>
                        <option value="">"Signed or draft"</option>
                        <option value="signed">"Signed"</option>
                        <option value="draft">"Draft"</option>
                    </select>
                </label>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        set(&|f| f.risk_flagged = on);
                    }
                />
                "Risk moderate or high"
            </label>
        </details>
    }
}
