//! Search across every note, from the roster.

mod search_panel;

pub use search_panel::{SEARCH_BOX_ID, SearchPanel};
