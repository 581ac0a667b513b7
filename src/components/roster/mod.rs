//! The first screen: every client, adding one, and the clinician's own details.

mod clinician_profile;
mod roster_screen;

pub use clinician_profile::ClinicianProfile;
pub use roster_screen::Roster;
