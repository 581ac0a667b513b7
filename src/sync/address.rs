//! The database address the clinician types, checked before anything is
//! sent to it: https only, except to this computer, and never with a user
//! name or password inside it, where logs and history would keep them.

use super::http::Request;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stored as the text typed; read back only through [`DatabaseAddress::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct DatabaseAddress(String);

impl From<DatabaseAddress> for String {
    fn from(address: DatabaseAddress) -> String {
        address.0
    }
}

impl TryFrom<String> for DatabaseAddress {
    type Error = AddressError;
    fn try_from(text: String) -> Result<Self, AddressError> {
        Self::parse(&text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressError {
    NotAnAddress,
    PlainHttp,
    CredentialsInAddress,
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotAnAddress => {
                "A database address starts with https:// and names the database, for example https://notes.example.org/db/sessionpad."
            }
            Self::PlainHttp => {
                "Use https://. Plain http:// is only for a database on this computer (localhost or 127.0.0.1)."
            }
            Self::CredentialsInAddress => {
                "Put the user name and password in their own fields, not in the address."
            }
        })
    }
}

impl DatabaseAddress {
    pub fn parse(text: &str) -> Result<Self, AddressError> {
        let text = text.trim().trim_end_matches('/');
        let lower = text.to_ascii_lowercase();
        let (secure, rest) = match (
            lower.strip_prefix("https://"),
            lower.strip_prefix("http://"),
        ) {
            (Some(rest), _) => (true, rest),
            (None, Some(rest)) => (false, rest),
            (None, None) => return Err(AddressError::NotAnAddress),
        };
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        if authority.contains('@') {
            return Err(AddressError::CredentialsInAddress);
        }
        let bad = |c: char| c.is_whitespace() || matches!(c, '?' | '#');
        if authority.is_empty() || path.is_empty() || rest.contains(bad) {
            return Err(AddressError::NotAnAddress);
        }
        let host = authority
            .rsplit_once(':')
            .map_or(authority, |(host, _)| host);
        if !secure && !matches!(host, "localhost" | "127.0.0.1") {
            return Err(AddressError::PlainHttp);
        }
        Ok(Self(text.to_string()))
    }

    /// The address as typed, without a trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where to send `request`.
    pub fn url(&self, request: &Request) -> String {
        format!("{}/{}", self.0, request.target())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_https_address_naming_a_database_is_taken_as_typed() {
        let address = DatabaseAddress::parse(" https://notes.example.org/db/sessionpad/ ").unwrap();
        assert_eq!(address.as_str(), "https://notes.example.org/db/sessionpad");
        let request = Request::get("_changes".into()).query("since", "12-g1A".into());
        assert_eq!(
            address.url(&request),
            "https://notes.example.org/db/sessionpad/_changes?since=12-g1A"
        );
    }

    #[test]
    fn plain_http_is_refused_except_to_this_computer() {
        for local in [
            "http://localhost:5984/sessionpad",
            "http://127.0.0.1:8080/db/sessionpad",
        ] {
            assert!(DatabaseAddress::parse(local).is_ok(), "{local}");
        }
        for remote in [
            "http://notes.example.org/db/sessionpad",
            "http://localhost.example.org/db",
            "http://127.0.0.2/db",
        ] {
            assert_eq!(
                DatabaseAddress::parse(remote),
                Err(AddressError::PlainHttp),
                "{remote}"
            );
        }
    }

    #[test]
    fn a_user_name_or_password_in_the_address_is_refused_and_not_repeated() {
        let error = DatabaseAddress::parse("https://dr:secret@notes.example.org/db").unwrap_err();
        assert_eq!(error, AddressError::CredentialsInAddress);
        assert!(!format!("{error} {error:?}").contains("secret"));
    }

    #[test]
    fn an_address_must_name_a_database_and_nothing_more() {
        for text in [
            "notes.example.org/db",
            "https://",
            "https://notes.example.org",
            "https://notes.example.org/",
            "https://notes.example.org/db?x=1",
            "https://notes.example.org/db#top",
            "ftp://notes.example.org/db",
        ] {
            assert_eq!(
                DatabaseAddress::parse(text),
                Err(AddressError::NotAnAddress),
                "{text}"
            );
        }
    }
}
