//! What a deletion takes with it, and how it is put to the clinician before
//! anything goes.

use super::clock::{format_date, format_moment};
use super::{Client, Session};
use chrono::NaiveDateTime;

/// A record about to be deleted, or waiting in Recently deleted, described
/// in the clinician's words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Trashed {
    /// One session; its transcript goes with it.
    Session {
        title: String,
        client: String,
        date: chrono::NaiveDate,
    },
    /// A client goes with every session of their course.
    Client { name: String, sessions: usize },
    /// A record that cannot be read, named by what it was: "client record c1".
    Unreadable(String),
}

impl Trashed {
    pub fn session(session: &Session, client: &Client) -> Self {
        Self::Session {
            title: session.title(client.course.planned_sessions),
            client: client.name.clone(),
            date: session.date,
        }
    }

    pub fn client(client: &Client, sessions: usize) -> Self {
        Self::Client {
            name: client.name.clone(),
            sessions,
        }
    }

    /// "Session 3 of 12 with Alex (12 Mar 2026)", "Alex and their 14 sessions".
    pub fn label(&self) -> String {
        match self {
            Self::Session {
                title,
                client,
                date,
            } => format!("{title} with {client} ({})", format_date(*date)),
            Self::Client { name, sessions: 0 } => name.clone(),
            Self::Client { name, sessions: 1 } => format!("{name} and their 1 session"),
            Self::Client { name, sessions } => format!("{name} and their {sessions} sessions"),
            Self::Unreadable(what) => format!("The {what}, which could not be read"),
        }
    }

    /// Whether the label names more than one record, for the verb that follows it.
    fn plural(&self) -> bool {
        matches!(self, Self::Client { sessions, .. } if *sessions > 0)
    }

    /// Asked before a deletion, which can still be undone.
    pub fn delete_question(&self) -> String {
        let (pronoun, verb) = if self.plural() {
            ("They", "move")
        } else {
            ("It", "moves")
        };
        format!(
            "Delete {}? {pronoun} {verb} to Recently deleted, where you can restore {}.",
            self.label_in_sentence(),
            if self.plural() { "them" } else { "it" }
        )
    }

    /// Asked before deleting for good, which cannot be undone.
    pub fn purge_question(&self) -> String {
        format!(
            "Delete {} for good? This cannot be undone; the room {} took is freed.",
            self.label_in_sentence(),
            if self.plural() { "they" } else { "it" }
        )
    }

    /// The label inside a sentence: "the client record c1, which…".
    fn label_in_sentence(&self) -> String {
        match self {
            Self::Unreadable(what) => format!("the {what}, which could not be read,"),
            _ => self.label(),
        }
    }
}

/// "Deleted 26 Nov 2026, 09:05", in the device's time.
pub fn deleted_when(at: NaiveDateTime) -> String {
    format!("Deleted {}", format_moment(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::note::NoteFormat;
    use chrono::NaiveDate;

    fn alex() -> Client {
        Client::new("c1".into(), "Alex", 0).unwrap()
    }

    fn third_session() -> Session {
        let date = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        Session {
            number: 3,
            ..Session::next("s3".into(), "c1", &[], date, NoteFormat::Free, 0)
        }
    }

    #[test]
    fn a_session_is_named_by_its_place_in_the_course_its_client_and_its_date() {
        let trashed = Trashed::session(&third_session(), &alex());
        assert_eq!(trashed.label(), "Session 3 of 12 with Alex (12 Mar 2026)");
        assert_eq!(
            trashed.delete_question(),
            "Delete Session 3 of 12 with Alex (12 Mar 2026)? It moves to Recently deleted, where you can restore it."
        );
        assert_eq!(
            trashed.purge_question(),
            "Delete Session 3 of 12 with Alex (12 Mar 2026) for good? This cannot be undone; the room it took is freed."
        );
    }

    #[test]
    fn a_client_is_deleted_with_every_session_and_the_question_counts_them() {
        assert_eq!(
            Trashed::client(&alex(), 14).delete_question(),
            "Delete Alex and their 14 sessions? They move to Recently deleted, where you can restore them."
        );
        assert_eq!(
            Trashed::client(&alex(), 1).label(),
            "Alex and their 1 session"
        );
        assert_eq!(
            Trashed::client(&alex(), 0).delete_question(),
            "Delete Alex? It moves to Recently deleted, where you can restore it."
        );
        assert_eq!(
            Trashed::client(&alex(), 2).purge_question(),
            "Delete Alex and their 2 sessions for good? This cannot be undone; the room they took is freed."
        );
    }

    #[test]
    fn an_unreadable_record_is_named_by_what_it_was() {
        let trashed = Trashed::Unreadable("client record c1".into());
        assert_eq!(
            trashed.label(),
            "The client record c1, which could not be read"
        );
        assert_eq!(
            trashed.purge_question(),
            "Delete the client record c1, which could not be read, for good? This cannot be undone; the room it took is freed."
        );
    }

    #[test]
    fn the_time_of_deletion_reads_as_a_date_and_a_clock_time() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap();
        assert_eq!(deleted_when(at), "Deleted 26 Nov 2026, 09:05");
    }
}
