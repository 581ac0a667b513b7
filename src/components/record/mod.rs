//! A session or a whole course as a document: the print view, and the
//! Markdown file the clinician can keep outside the browser.

mod export_markdown;
mod record_screen;
mod record_view;

pub use export_markdown::ExportMarkdown;
pub use record_screen::RecordScreen;
pub use record_view::RecordView;

use crate::model::record::{Block, course_record, file_name, session_record};
use crate::route::Route;
use crate::state::{Records, StorageError};

/// Which record: one session, or a client's whole course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordOf {
    Session(String),
    Course(String),
}

/// A record ready to show or export.
pub struct Record {
    pub blocks: Vec<Block>,
    pub file_name: String,
    /// Where "back" leads, with its link text.
    pub back: (Route, String),
}

impl RecordOf {
    /// Reads what the document shows, as stored (callers flush first).
    pub fn load(&self, records: &Records) -> Result<Option<Record>, StorageError> {
        let clinician = records.clinician().unwrap_or_default();
        match self {
            Self::Session(id) => {
                let Some((session, client)) = records.session_with_client(id)? else {
                    return Ok(None);
                };
                let (course, _) = records.sessions_of(&client.id);
                Ok(Some(Record {
                    blocks: session_record(&session, &client, &clinician, &course),
                    file_name: file_name(
                        &client,
                        &format!("session-{}", session.number),
                        clinician.full_names_in_file_names,
                    ),
                    back: (Route::Session(id.clone()), "Back to the session".into()),
                }))
            }
            Self::Course(id) => {
                let Some(client) = records.client(id)? else {
                    return Ok(None);
                };
                let (sessions, _) = records.sessions_of(id);
                Ok(Some(Record {
                    blocks: course_record(&client, &clinician, &sessions),
                    file_name: file_name(&client, "course", clinician.full_names_in_file_names),
                    back: (
                        Route::Client(id.clone()),
                        format!("Back to {}", client.name),
                    ),
                }))
            }
        }
    }
}
