use leptos::prelude::*;

/// A box that scrolls on its own (a wide table sideways, a long transcript
/// down): a named region in the tab order, so it can be scrolled from a
/// keyboard and a screen reader says what it holds.
#[component]
pub fn ScrollRegion(
    /// What the box holds, as a screen reader announces the region.
    #[prop(into)]
    label: String,
    /// The class that sets how it scrolls (`table-scroll`, `transcript-scroll`).
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=class role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
