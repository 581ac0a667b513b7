use crate::state::MergePreview;
use leptos::prelude::*;

/// What a merge would do: counts, then the records that differ by name,
/// and what either way of restoring does with records that cannot be read.
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
        {list(
            "Newer in the backup, made from this device's version, taken:",
            merging.newer_in_file,
        )}
        {list(
            "Changed both here and in the backup: merging keeps this device's version and the backup's beside it, for you to choose between:",
            merging.conflicts,
        )}
        {list(
            "Cannot be read on this device, so the backup downloaded first cannot hold it; merging or replacing keeps it exactly as stored, under Problems in “This device”, to download:",
            merging.damaged,
        )}
    }
}
