use super::{ExportMarkdown, RecordOf, RecordView};
use crate::components::{Crumbs, or_missing};
use crate::state::use_records;
use leptos::prelude::*;

/// A session or a course as it prints: the print stylesheet hides everything
/// but the record, so "Print → Save as PDF" gives the clinical document.
#[component]
pub fn RecordScreen(of: RecordOf) -> impl IntoView {
    let records = use_records();
    records.flush();
    let what = match of {
        RecordOf::Session(_) => "Session",
        RecordOf::Course(_) => "Client",
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    or_missing(what, of.load(&records), move |record| {
        view! {
            <Crumbs from_roster=false trail=vec![record.back] />
            <div class="record-actions">
                <button type="button" class="primary" on:click=print>"Print"</button>
                <ExportMarkdown of label="Export Markdown" />
            </div>
            <article class="record">
                <RecordView blocks=record.blocks />
            </article>
        }
        .into_any()
    })
}
