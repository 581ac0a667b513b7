//! The first screen: every client, adding one, what was deleted, and the
//! clinician's own details.

mod clinician_profile;
mod damaged_clients;
mod own_measures;
mod recently_deleted;
mod roster_screen;
mod snippet_list;

pub use clinician_profile::ClinicianProfile;
pub use damaged_clients::DamagedClients;
pub use own_measures::OwnMeasures;
pub use recently_deleted::RecentlyDeleted;
pub use roster_screen::Roster;
pub use snippet_list::SnippetList;
