use crate::components::{FieldError, FieldForm, Refusal};
use crate::model::merge::Merge;
use crate::state::{Revised, use_conflicts};
use leptos::prelude::*;

/// The two versions side by side, one pair per text they disagree on: the
/// clinician edits theirs into this tab's version, then keeps the result.
#[component]
pub fn MergeByHand<T>(value: RwSignal<T>) -> impl IntoView
where
    T: Revised + Merge + Send + Sync,
{
    let conflicts = use_conflicts();
    let record = value.with_untracked(Revised::record);
    let theirs = conflicts.theirs::<T>(&record);
    let differences = value.with_untracked(|mine| {
        theirs
            .as_ref()
            .map(|theirs| mine.differences(theirs))
            .unwrap_or_default()
    });
    let merged = StoredValue::new(
        differences
            .iter()
            .map(|d| (d.field, RwSignal::new(d.mine.clone())))
            .collect::<Vec<_>>(),
    );
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    // The text whose merge was refused, which points at the message.
    let refused_field = RwSignal::new(None);
    let theirs = StoredValue::new(theirs);
    let keep_this = move |_| {
        let mut kept = value.get_untracked();
        theirs.with_value(|t| t.iter().for_each(|t| kept.take_additions(t)));
        for (field, text) in merged.get_value() {
            if let Err(e) = kept.set_text(field, text.get_untracked()) {
                refused_field.set(Some(field));
                error.set(Some(e.to_string()));
                return;
            }
        }
        error.set(None);
        if conflicts.keep_version(kept.clone()) {
            value.set(kept);
        }
    };
    let same_texts = differences.is_empty().then(|| {
        view! {
            <p class="hint">
                "The texts are the same in both versions; they differ elsewhere. What only the other tab added (timeline entries, homework, measures, scores, tags) is kept with yours; where both changed the same thing, yours stays."
            </p>
        }
    });
    let pairs = differences
        .into_iter()
        .zip(merged.get_value())
        .map(|(d, (_, text))| {
            let label = d.field.label();
            let field = d.field;
            let refused = refused.when(move || refused_field.get() == Some(field));
            view! {
                <div class="merge-pair grid">
                    <FieldForm>
                        <label class="field">
                            <span>{format!("Yours: {label}")}</span>
                            <textarea
                                rows=6
                                aria-invalid=refused.invalid()
                                aria-describedby=refused.described_by()
                                bind:value=text
                            ></textarea>
                        </label>
                    </FieldForm>
                    <label class="field">
                        <span>{format!("Other tab: {label}")}</span>
                        <textarea rows=6 readonly prop:value=d.theirs></textarea>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="merge" role="group" aria-label="Both versions">
            <p class="hint">
                "Yours is on the left and can be edited; the other tab's is on the right. Bring into yours what to keep, then choose “Keep this”."
            </p>
            {same_texts}
            {pairs}
            <FieldError message=refused />
            <button type="button" class="primary" on:click=keep_this>"Keep this"</button>
        </div>
    }
}
