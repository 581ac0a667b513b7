use super::RecordOf;
use crate::components::FieldError;
use crate::model::record::to_markdown;
use crate::platform::download;
use crate::state::{use_records, use_saving};
use leptos::prelude::*;

/// Downloads the record as a Markdown file, written from what is saved
/// (queued edits are written first).
#[component]
pub fn ExportMarkdown(of: RecordOf, #[prop(into)] label: String) -> impl IntoView {
    let records = use_records();
    let saving = use_saving();
    let error = RwSignal::new(None);
    let export = move |_| {
        records.flush();
        match of.load(&records) {
            Ok(Some(record)) => {
                let markdown = to_markdown(&record.blocks);
                let result = download(&record.file_name, "text/markdown;charset=utf-8", &markdown);
                error.set(
                    result
                        .err()
                        .map(|why| format!("The file could not be made ({why}).")),
                );
            }
            Ok(None) => error.set(Some("This record no longer exists.".into())),
            Err(e) => saving.report(&e),
        }
    };
    view! {
        <button type="button" on:click=export>{label}</button>
        <FieldError message=error />
    }
}
