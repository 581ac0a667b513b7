//! Sync between devices: its line in the status bar, turning it on under
//! "This device", and setting a new device up from the server.

mod account_fields;
mod adopt_new_key;
mod set_up_from_server;
mod sync_indicator;
mod sync_panel;

pub use account_fields::AccountFields;
pub use set_up_from_server::SetUpFromServer;
pub use sync_indicator::{SyncIndicator, SyncNotices};
pub use sync_panel::SyncPanel;
