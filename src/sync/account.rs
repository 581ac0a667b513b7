//! What this device syncs with: the database, the credentials for it, and
//! the name this device files its checkpoints under. Stored inside the
//! vault, sealed like any record, and never synced itself.

use super::address::DatabaseAddress;
use super::checkpoint::{Direction, replication_id};
use super::error::Credentials;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub address: DatabaseAddress,
    pub credentials: Credentials,
    /// New for every device that turns sync on, so each keeps its own
    /// checkpoints on the server.
    pub device: String,
}

impl Account {
    /// The id both sides file a run's checkpoint under.
    pub fn replication_id(&self, direction: Direction) -> String {
        replication_id(&self.device, self.address.as_str(), direction)
    }
}

/// Why the typed account cannot be used, for the field it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountError {
    Address(super::address::AddressError),
    NoUser,
    NoPassword,
}

impl std::fmt::Display for AccountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Address(e) => e.fmt(f),
            Self::NoUser => f.write_str("Enter the user name the database was set up with."),
            Self::NoPassword => f.write_str("Enter the password for that user name."),
        }
    }
}

impl Account {
    /// The account as typed into "Database address", "User name" and
    /// "Password"; `device` names this device's checkpoints.
    pub fn from_typed(
        address: &str,
        user: &str,
        password: &str,
        device: String,
    ) -> Result<Self, AccountError> {
        let address = DatabaseAddress::parse(address).map_err(AccountError::Address)?;
        let user = user.trim();
        if user.is_empty() {
            return Err(AccountError::NoUser);
        }
        if password.is_empty() {
            return Err(AccountError::NoPassword);
        }
        Ok(Self {
            address,
            credentials: Credentials::new(user, password),
            device,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_taken_as_typed_with_the_user_name_trimmed() {
        let account = Account::from_typed(
            " https://notes.example.org/db/sessionpad/ ",
            " dr-okafor ",
            " spaces count ",
            "d1".into(),
        )
        .unwrap();
        assert_eq!(
            account.address.as_str(),
            "https://notes.example.org/db/sessionpad"
        );
        assert_eq!(
            account.credentials,
            Credentials::new("dr-okafor", " spaces count ")
        );
    }

    #[test]
    fn each_missing_or_unsafe_field_is_named() {
        let typed = |a: &str, u: &str, p: &str| Account::from_typed(a, u, p, "d1".into());
        assert_eq!(
            typed("http://notes.example.org/db/x", "u", "p"),
            Err(AccountError::Address(super::super::AddressError::PlainHttp))
        );
        assert_eq!(typed("https://h/db/x", " ", "p"), Err(AccountError::NoUser));
        assert_eq!(
            typed("https://h/db/x", "u", ""),
            Err(AccountError::NoPassword)
        );
    }

    #[test]
    fn a_stored_account_reads_back_and_never_prints_its_password() {
        let account = Account::from_typed("https://h/db/x", "u", "hunter2", "d1".into()).unwrap();
        let stored = serde_json::to_string(&account).unwrap();
        assert_eq!(serde_json::from_str::<Account>(&stored).unwrap(), account);
        assert!(!format!("{account:?}").contains("hunter2"));
    }
}
