//! `<Show>` compiled once for the whole app.
//!
//! Leptos's `<Show>` compiles its memo of the condition and its switch between
//! children and fallback again for every condition closure and children type.
//! [`ShowIf`] erases both (the condition behind `dyn`, the children as a
//! `ChildrenFn`), so one `<Show>` serves every panel and each use only adds a
//! box around its condition. Rows of long lists keep their own `<Show>`.

use leptos::prelude::*;

type When = Box<dyn Fn() -> bool + Send + Sync>;

/// Its children while `when()` is true, else `fallback`, as `<Show>` draws
/// them: the condition is memoized, and the children are drawn again only
/// when it turns true.
#[component(transparent)]
pub fn ShowIf<W>(
    when: W,
    children: ChildrenFn,
    #[prop(optional, into)] fallback: ViewFn,
) -> impl IntoView
where
    W: Fn() -> bool + Send + Sync + 'static,
{
    erased_show(Box::new(when), children, fallback)
}

/// The one `<Show>`.
fn erased_show(when: When, children: ChildrenFn, fallback: ViewFn) -> impl IntoView {
    view! { <Show when=move || when() fallback>{children()}</Show> }
}
