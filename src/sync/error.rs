//! Why a sync did not finish, worded for the clinician, and the
//! credentials that must never show up in any of it.

use super::http::NoAnswer;
use std::fmt;

/// Why a sync run stopped. Nothing is lost when one does: every change
/// stays on this device and goes at the next run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// 401 or 403: the server refused the user name or password.
    WrongPassword,
    /// 404 on the database itself.
    NoSuchDatabase,
    /// The database holds documents but not Sessionpad's vault document, or
    /// documents not shaped like Sessionpad's.
    NotSessionpad,
    /// No answer: offline, the server down, or a proxy saying it could not
    /// reach the server (502, 503, 504).
    Unreachable,
    /// The server answered with a redirect, which is never followed.
    Redirected,
    /// The server sent an answer too long for any Sessionpad exchange.
    TooLarge,
    /// An answer the protocol does not allow at that point.
    Unexpected { status: u16 },
    /// This device could not read or store its side.
    Local(String),
    /// The server's copy of the vault's header failed this device's checks
    /// (another vault's, not sealed by this vault's key, or going back):
    /// nothing of it was applied, and sync stays stopped until the
    /// clinician turns it off and on again.
    VaultRefused(String),
    /// The vault was re-encrypted with a new key on another device: sync
    /// waits until the clinician types its new passphrase on this one.
    NewKeyElsewhere,
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::WrongPassword => {
                f.write_str("The server did not accept this user name and password.")
            }
            Self::NoSuchDatabase => f.write_str("There is no database at this address."),
            Self::NotSessionpad => f.write_str(
                "The database at this address holds something other than Sessionpad notes.",
            ),
            Self::Unreachable => f.write_str("The server could not be reached."),
            Self::Redirected => f.write_str(
                "The server tried to send this device to another address. Sessionpad only talks \
                 to the address in sync settings, so nothing was sent or taken.",
            ),
            Self::TooLarge => f.write_str(
                "The server sent far more than any batch of notes can be. It was not read, and \
                 nothing here changed.",
            ),
            Self::Unexpected { status } => write!(
                f,
                "The server gave an answer Sessionpad does not understand (status {status})."
            ),
            Self::Local(reason) => {
                write!(f, "This device could not take part in sync: {reason}")
            }
            Self::VaultRefused(reason) => write!(
                f,
                "Sync has stopped: the lock settings the server holds for your notes were \
                 refused ({reason}). Nothing from them was applied, your notes here are \
                 unchanged and still encrypted, and this device sends nothing more. If the \
                 passphrase was just changed on another device, let that device sync, then turn \
                 sync off and on again here. If sync stops again, the database may have been \
                 tampered with: tell whoever runs it, and set your devices up again from a \
                 database you trust."
            ),
            Self::NewKeyElsewhere => f.write_str(
                "Sync has paused: your notes were re-encrypted with a new key on another device. \
                 Type the new passphrase below to take the new key on this device too; until \
                 then nothing is sent or taken, and your notes here stay as they are.",
            ),
        }
    }
}

impl From<NoAnswer> for SyncError {
    fn from(why: NoAnswer) -> Self {
        match why {
            NoAnswer::Unreachable => Self::Unreachable,
            NoAnswer::Redirected => Self::Redirected,
            NoAnswer::TooLarge => Self::TooLarge,
        }
    }
}

impl SyncError {
    /// The reason an unwelcome HTTP status gives.
    pub fn from_status(status: u16) -> Self {
        match status {
            401 | 403 => Self::WrongPassword,
            404 => Self::NoSuchDatabase,
            502..=504 => Self::Unreachable,
            _ => Self::Unexpected { status },
        }
    }
}

/// A user name and password for the database. Shown nowhere: its `Debug`
/// hides both, and only [`Credentials::authorization`] spells them, for the
/// transport's `Authorization` header. Stored only sealed, in the vault.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Credentials {
    user: String,
    password: String,
}

impl Credentials {
    pub fn new(user: &str, password: &str) -> Self {
        Self {
            user: user.to_string(),
            password: password.to_string(),
        }
    }

    /// The user name, shown beside the database it is used for.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The `Authorization` header's value: HTTP Basic.
    pub fn authorization(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Credentials(hidden)")
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
