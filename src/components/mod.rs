//! One screen or widget per file, each a thin view over `model` and `state`.

mod app;
mod client_page;
mod clinician_profile;
mod problem_banner;
mod roster;
mod save_status;
mod session_editor;

pub use app::App;
pub use client_page::ClientPage;
pub use clinician_profile::ClinicianProfile;
pub use problem_banner::ProblemBanner;
pub use roster::Roster;
pub use save_status::SaveIndicator;
pub use session_editor::SessionEditor;
