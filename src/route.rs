//! Screens as URL fragments (`#/client/<id>`), so a reload returns to the same
//! screen and the app works from any static host, online or not.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Roster,
    Client(String),
    /// Every assignment of a client's course, with its history.
    ClientHomework(String),
    Session(String),
    /// A session's homework as a plain list to print or show the client.
    HomeworkCopy(String),
    /// Turning a transcript into a session.
    Import,
    /// A session as a document, to print or export.
    SessionRecord(String),
    /// A client's whole course as a document, to print or export.
    CourseRecord(String),
}

impl Route {
    pub fn from_hash(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts[..] {
            ["import"] => Self::Import,
            ["client", id] if valid_id(id) => Self::Client(id.to_string()),
            ["client", id, "homework"] if valid_id(id) => Self::ClientHomework(id.to_string()),
            ["session", id] if valid_id(id) => Self::Session(id.to_string()),
            ["session", id, "homework-copy"] if valid_id(id) => Self::HomeworkCopy(id.to_string()),
            ["session", id, "record"] if valid_id(id) => Self::SessionRecord(id.to_string()),
            ["client", id, "record"] if valid_id(id) => Self::CourseRecord(id.to_string()),
            _ => Self::Roster,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Self::Roster => "#/".to_string(),
            Self::Client(id) => format!("#/client/{id}"),
            Self::ClientHomework(id) => format!("#/client/{id}/homework"),
            Self::Session(id) => format!("#/session/{id}"),
            Self::HomeworkCopy(id) => format!("#/session/{id}/homework-copy"),
            Self::Import => "#/import".to_string(),
            Self::SessionRecord(id) => format!("#/session/{id}/record"),
            Self::CourseRecord(id) => format!("#/client/{id}/record"),
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_round_trip_through_the_fragment() {
        for route in [
            Route::Roster,
            Route::Client("0b5e-41".into()),
            Route::ClientHomework("c-1".into()),
            Route::Session("abc".into()),
            Route::HomeworkCopy("abc".into()),
            Route::Import,
            Route::SessionRecord("abc".into()),
            Route::CourseRecord("c-1".into()),
        ] {
            assert_eq!(Route::from_hash(&route.hash()), route);
        }
    }

    #[test]
    fn anything_unknown_goes_to_the_roster() {
        for hash in [
            "",
            "#",
            "#/",
            "#/nope/1",
            "#/client/",
            "#/client/a/b",
            "#/session/<x>",
        ] {
            assert_eq!(Route::from_hash(hash), Route::Roster, "{hash}");
        }
    }
}
