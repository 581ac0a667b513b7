//! The views, grouped by screen: each folder holds one screen and the panels
//! only it uses; `widgets` holds what every screen shares.

pub mod client;
pub mod conflict;
pub mod device;
pub mod import;
pub mod roster;
pub mod session;
pub mod shell;
pub mod widgets;

pub use client::{ClientHomework, ClientPage, HomeworkCopy, UnresolvedChanges};
pub use conflict::{ConflictNotice, MergeByHand};
pub use device::DevicePanel;
pub use import::ImportTranscript;
pub use roster::{ClinicianProfile, Roster};
pub use session::{
    CapturePanel, EditedSession, HomeworkPanel, HomeworkReview, NoteEditor, PlanPanel,
    RatingsPanel, SessionEditor, SessionHeader, TagPicker, TranscriptPanel, TranscriptSegments,
    use_edited_session,
};
pub use shell::{App, EvictionHint, NotSavingBar, ProblemBanner, SaveIndicator, UpdatePrompt};
pub use widgets::{
    ChoiceChips, ChoiceSelect, Crumbs, FieldError, Missing, OptionalDate, TextArea, TextInput,
    UndoNotice, or_missing,
};
