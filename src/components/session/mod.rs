//! The session editor and its panels, which share the edited session through `EditedSession`.

mod capture_panel;
mod delete_session;
mod goals_addressed;
mod homework_panel;
mod homework_review;
mod measures_panel;
mod note_editor;
mod plan_panel;
mod ratings_panel;
mod reveal;
mod session_editor;
mod session_header;
mod signing_panel;
mod snippet_expander;
mod tag_picker;
mod transcript_view;

pub use capture_panel::CapturePanel;
pub use delete_session::DeleteSession;
pub use goals_addressed::GoalsAddressed;
pub use homework_panel::HomeworkPanel;
pub use homework_review::HomeworkReview;
pub use measures_panel::MeasuresPanel;
pub use note_editor::NoteEditor;
pub use plan_panel::PlanPanel;
pub use ratings_panel::RatingsPanel;
pub use session_editor::{EditedSession, SessionEditor, use_edited_session};
pub use session_header::SessionHeader;
pub use signing_panel::SigningPanel;
pub use snippet_expander::SnippetExpander;
pub use tag_picker::TagPicker;
pub use transcript_view::{TranscriptPanel, TranscriptSegments};
