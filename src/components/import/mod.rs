//! Turning a transcript into a session, through a preview the clinician confirms.

mod import_transcript;
mod recording_fields;
mod risk_review;

pub use import_transcript::ImportTranscript;
