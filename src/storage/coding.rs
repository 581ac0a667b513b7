//! The code that turns records into stored text and back: JSON for every
//! record type, deflate, the migrations of older layouts, and the key
//! derivation of the vault.
//!
//! It is the largest part of the app and nothing on a first visit needs it:
//! an empty store has nothing to read, and nothing is written before the
//! clinician does something. So the store reaches it only through
//! [`Coding`], and a build with the `split` feature fetches it in a chunk of
//! its own (see `components::shell::lazy_screens::record_code`): before a
//! store with records opens, or in the background right after an empty one
//! has. Other builds (native tests, browser tests) have it from the start.

use super::vault::{Kdf, VaultKey};
use super::{Backend, CodecError, StorageError};
use std::any::{Any, TypeId};
use std::borrow::Cow;

/// A type stored as a record. Only the types listed in [`records!`] are, so
/// reading or writing any other type does not compile.
pub trait Record: Any {}

pub(super) trait Coding: Sync {
    /// The record of type `kind` that `json` holds.
    fn read_json(&self, kind: TypeId, json: &str) -> Result<Box<dyn Any>, String>;
    fn write_json(&self, record: &dyn Any) -> Result<String, String>;
    /// The JSON a stored value holds: inflated when tagged, as it is otherwise.
    fn decode<'a>(&self, stored: &'a str) -> Result<Cow<'a, str>, CodecError>;
    fn encode(&self, json: &str) -> String;
    /// Brings stored data of layout `found` up to the current one.
    fn migrate(&self, backend: &mut dyn Backend, found: u32) -> Result<(), StorageError>;
    fn derive(&self, kdf: &Kdf, passphrase: &str) -> Option<VaultKey>;
}

/// The record types, each read and written through serde_json. One list, so
/// a type cannot be [`Record`] without being coded.
macro_rules! records {
    ($($ty:ty),* $(,)?) => {
        $(impl Record for $ty {})*

        fn record_from_json(kind: TypeId, json: &str) -> Result<Box<dyn Any>, String> {
            $(
                if kind == TypeId::of::<$ty>() {
                    return serde_json::from_str::<$ty>(json)
                        .map(|r| Box::new(r) as Box<dyn Any>)
                        .map_err(|e| e.to_string());
                }
            )*
            unreachable!("every Record is listed")
        }

        fn record_to_json(record: &dyn Any) -> Result<String, String> {
            $(
                if let Some(r) = record.downcast_ref::<$ty>() {
                    return serde_json::to_string(r).map_err(|e| e.to_string());
                }
            )*
            unreachable!("every Record is listed")
        }
    };
}

records!(
    super::Index,
    crate::model::Client,
    crate::model::Session,
    crate::model::Clinician,
    crate::model::DeviceSettings,
    crate::model::transcript::Transcript,
    super::vault::VaultHeader,
    super::replica::Tracked,
    super::replica::Feed,
    crate::sync::Checkpoint,
    crate::sync::Account,
    serde_json::Value,
);

struct Full;

impl Coding for Full {
    fn read_json(&self, kind: TypeId, json: &str) -> Result<Box<dyn Any>, String> {
        record_from_json(kind, json)
    }

    fn write_json(&self, record: &dyn Any) -> Result<String, String> {
        record_to_json(record)
    }

    fn decode<'a>(&self, stored: &'a str) -> Result<Cow<'a, str>, CodecError> {
        super::codec::decode(stored)
    }

    fn encode(&self, json: &str) -> String {
        super::codec::encode(json)
    }

    fn migrate(&self, backend: &mut dyn Backend, found: u32) -> Result<(), StorageError> {
        super::migrations::run_steps(backend, found)
    }

    fn derive(&self, kdf: &Kdf, passphrase: &str) -> Option<VaultKey> {
        kdf.argon2id_key(passphrase)
    }
}

#[cfg(all(feature = "split", target_family = "wasm"))]
static INSTALLED: std::sync::OnceLock<&'static dyn Coding> = std::sync::OnceLock::new();

/// Makes the record code available to the store; called from its chunk.
pub fn install() {
    #[cfg(all(feature = "split", target_family = "wasm"))]
    INSTALLED.get_or_init(|| &Full);
}

/// Whether the store can read and write records yet.
pub fn ready() -> bool {
    coding().is_ok()
}

pub(super) fn coding() -> Result<&'static dyn Coding, StorageError> {
    #[cfg(all(feature = "split", target_family = "wasm"))]
    return INSTALLED.get().copied().ok_or_else(|| {
        StorageError::Failed("Sessionpad is still starting; try again in a moment".into())
    });
    #[cfg(not(all(feature = "split", target_family = "wasm")))]
    Ok(&Full)
}

/// Reads `json` as a `T`.
pub(super) fn from_json<T: Record>(json: &str) -> Result<T, String> {
    let coding = coding().map_err(|e| e.to_string())?;
    let record = coding.read_json(TypeId::of::<T>(), json)?;
    Ok(*record
        .downcast::<T>()
        .expect("decoded as the type asked for"))
}

pub(super) fn to_json<T: Record>(record: &T) -> Result<String, StorageError> {
    coding()?.write_json(record).map_err(StorageError::Failed)
}
