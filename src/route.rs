//! Screens as URL fragments (`#/client/<id>`), so a reload returns to the same
//! screen and the app works from any static host, online or not.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Roster,
    Client(String),
    Session(String),
}

impl Route {
    pub fn from_hash(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("client", id)) if valid_id(id) => Self::Client(id.to_string()),
            Some(("session", id)) if valid_id(id) => Self::Session(id.to_string()),
            _ => Self::Roster,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Self::Roster => "#/".to_string(),
            Self::Client(id) => format!("#/client/{id}"),
            Self::Session(id) => format!("#/session/{id}"),
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
            Route::Session("abc".into()),
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
