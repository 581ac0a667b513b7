//! Which screen shows: the route, kept in the URL so a reload returns there,
//! and what a search result was opened for.

use crate::platform::show_in_url;
use crate::route::Route;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Navigation {
    route: RwSignal<Route>,
    /// Words a search result was opened for, to show in the session it opens.
    find_on_open: StoredValue<Option<String>>,
}

impl Navigation {
    pub(super) fn new(route: Route) -> Self {
        Self {
            route: RwSignal::new(route),
            find_on_open: StoredValue::new(None),
        }
    }

    pub fn route(&self) -> ReadSignal<Route> {
        self.route.read_only()
    }

    /// Shows the screen the URL names, after the URL changed.
    /// The same screen is not built again: `navigate` already showed it
    /// before the browser reported the new URL.
    pub fn set_route(&self, route: Route) {
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }

    /// Goes to a screen and puts it in the URL, so a reload returns there.
    pub fn navigate(&self, route: Route) {
        show_in_url(&route.hash());
        self.route.set(route);
    }

    /// Opens a session from a search result, to show it at `term`.
    pub fn open_found(&self, session_id: &str, term: String) {
        self.find_on_open.set_value(Some(term));
        self.navigate(Route::Session(session_id.to_string()));
    }

    /// The words the session now opening was searched for, once.
    pub fn take_find_on_open(&self) -> Option<String> {
        self.find_on_open.try_update_value(Option::take).flatten()
    }
}

pub fn use_navigation() -> Navigation {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_result_opens_its_session_and_gives_its_words_once() {
        Owner::new().with(|| {
            let navigation = Navigation::new(Route::Roster);
            navigation.open_found("s1", "sleep".into());
            assert_eq!(
                navigation.route().get_untracked(),
                Route::Session("s1".into())
            );
            assert_eq!(navigation.take_find_on_open(), Some("sleep".into()));
            assert_eq!(navigation.take_find_on_open(), None);
        });
    }

    #[test]
    fn the_url_naming_the_screen_shown_builds_nothing_again() {
        Owner::new().with(|| {
            let navigation = Navigation::new(Route::Roster);
            let shown = RwSignal::new(0);
            let route = navigation.route();
            let follows = Memo::new(move |_| {
                route.track();
                shown.update_untracked(|n| *n += 1);
            });
            follows.get_untracked();
            navigation.set_route(Route::Roster);
            follows.get_untracked();
            assert_eq!(shown.get_untracked(), 1);
            navigation.set_route(Route::Import);
            follows.get_untracked();
            assert_eq!(shown.get_untracked(), 2);
        });
    }
}
