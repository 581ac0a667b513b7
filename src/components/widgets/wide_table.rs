use leptos::prelude::*;

/// A table that scrolls sideways on a narrow screen. The scrolling box is a
/// named region in the tab order, so it can be scrolled from a keyboard and a
/// screen reader says what it holds.
#[component]
pub fn WideTable(
    /// What the table shows, as a screen reader announces the region.
    #[prop(into)]
    label: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
