//! Search across every note, from the roster.

mod search_filters;
mod search_panel;

pub use search_filters::SearchFilters;
pub use search_panel::{SEARCH_BOX_ID, SearchPanel};
