use crate::state::MergePreview;
use leptos::prelude::*;

/// What a merge would do: counts, then the records that differ by name.
#[component]
pub fn MergeOutline(merging: MergePreview) -> impl IntoView {
    let list = |title: &'static str, names: Vec<String>| {
        (!names.is_empty()).then(|| {
            view! {
                <p>
                    <strong>{title}</strong>
                    {format!(" {}", names.join(", "))}
                </p>
            }
        })
    };
    view! {
        <p>
            {format!(
                "Merging adds {} record(s) this device lacks; {} are the same here.",
                merging.new,
                merging.same,
            )}
        </p>
        {list("Newer here, kept:", merging.newer_here)}
        {list("Newer in the backup, taken:", merging.newer_in_file)}
        {list("Changed in both, both kept:", merging.conflicts)}
    }
}
