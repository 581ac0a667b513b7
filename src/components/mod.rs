//! One screen or widget per file, each a thin view over `model` and `state`.

mod app;
mod capture_panel;
mod client_homework;
mod client_page;
mod clinician_profile;
mod homework_copy;
mod homework_panel;
mod homework_review;
mod note_editor;
mod plan_panel;
mod problem_banner;
mod ratings_panel;
mod roster;
mod save_status;
mod session_editor;
mod session_header;
mod tag_picker;

pub use app::App;
pub use capture_panel::CapturePanel;
pub use client_homework::ClientHomework;
pub use client_page::ClientPage;
pub use clinician_profile::ClinicianProfile;
pub use homework_copy::HomeworkCopy;
pub use homework_panel::HomeworkPanel;
pub use homework_review::HomeworkReview;
pub use note_editor::NoteEditor;
pub use plan_panel::PlanPanel;
pub use problem_banner::ProblemBanner;
pub use ratings_panel::RatingsPanel;
pub use roster::Roster;
pub use save_status::SaveIndicator;
pub use session_editor::{EditedSession, SessionEditor, use_edited_session};
pub use session_header::SessionHeader;
pub use tag_picker::TagPicker;
