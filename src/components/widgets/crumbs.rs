use crate::route::Route;
use leptos::prelude::*;

/// Links back up to the screens above this one: "All clients / Alex".
#[component]
pub fn Crumbs(
    /// The screens between "All clients" and this one, outermost first, with
    /// their link text.
    #[prop(optional)]
    trail: Vec<(Route, String)>,
    /// Starts at "All clients"; off for a page that leads back to one place only.
    #[prop(default = true)]
    from_roster: bool,
) -> impl IntoView {
    let links = from_roster
        .then(|| (Route::Roster, "All clients".to_string()))
        .into_iter()
        .chain(trail)
        .enumerate()
        .map(|(i, (route, text))| {
            view! {
                {(i > 0).then_some(" / ")}
                <a href=route.hash()>{text}</a>
            }
        })
        .collect_view();
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            {links}
        </nav>
    }
}
