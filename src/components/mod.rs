//! The views, grouped by screen: each folder holds one screen and the panels
//! only it uses; `widgets` holds what every screen shares.

pub mod backup;
pub mod client;
pub mod conflict;
pub mod device;
pub mod hand_to_client;
pub mod import;
pub mod record;
pub mod roster;
pub mod search;
pub mod session;
pub mod shell;
pub mod sync;
pub mod vault;
pub mod widgets;

pub use backup::{BackupButton, BackupReminder, RestoreBackup};
pub use client::{ClientHomework, ClientPage, HomeworkCopy, UnresolvedChanges};
pub use conflict::{ConflictNotice, MergeByHand};
pub use device::DevicePanel;
pub use hand_to_client::{HandToClient, PinSetting, Questionnaire, RiskReviewNotice};
pub use import::ImportTranscript;
pub use record::{ExportMarkdown, RecordOf, RecordScreen, RecordView};
pub use roster::{ClinicianProfile, Roster};
pub use search::{SEARCH_BOX_ID, SearchPanel};
pub use session::{
    CapturePanel, EditedSession, HomeworkPanel, HomeworkReview, NoteEditor, PlanPanel,
    RatingsPanel, SessionEditor, SessionHeader, SigningPanel, TagPicker, TranscriptPanel,
    TranscriptSegments, use_edited_session,
};
pub use shell::{
    App, EvictionHint, MessageBanner, NotSavingBar, ProblemBanner, RoomWarning, SaveIndicator,
    UpdatePrompt,
};
pub use sync::{SetUpFromServer, SyncIndicator, SyncNotices, SyncPanel};
pub use vault::{
    AutoLock, LockButton, LockPanel, LockedScreen, RecoveryKeyDialog, RekeyingBar, WrongTriesGate,
};
pub use widgets::{
    ChoiceChips, ChoiceSelect, ConfirmButton, Crumbs, FieldError, FieldForm, InRecentlyDeleted,
    ListSelect, Missing, OptionalDate, Refusal, ScrollRegion, ShowIf, TextArea, TextInput,
    TimeInput, UndoNotice, effect, keyed_list, left_field, or_missing, selected_index,
};
