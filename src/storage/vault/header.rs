//! The vault's header: everything that decides how a device reads and
//! writes (the vault's id, how a passphrase becomes a key, the vault key
//! sealed by the passphrase and by the recovery key, and a counter that only
//! goes up), authenticated by an HMAC-SHA-256 under a key derived from the
//! vault key. It stays plain, since unlocking starts from it.
//!
//! The MAC covers an unambiguous encoding of every field but `stage`, which
//! says how far this device got turning the lock on or off: it is this
//! device's alone, never synced and never read from another. A server can
//! therefore neither forge a header nor change one, and since the counter
//! is covered too, it cannot offer an older one as the current one.
//!
//! Rotating the vault key later replaces the id and the wrapped keys: the
//! encoding names its format first, so a rotated header can add a MAC
//! under the old key (checked before anything else) without making any
//! header of this format read otherwise.

use super::keys::{Kdf, VaultKey, WrappedKeys, hex, unhex};
use super::{Unlocked, VaultError, VaultStage};
use crate::layout::vault_key;
use crate::storage::backend::Backend;
use crate::storage::coding;
use crate::storage::error::StorageError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the header's MAC key is derived for, and the encoding's format.
const MAC_PURPOSE: &[u8] = b"sessionpad vault header mac v1";

/// The fields another device sends: the header without `stage`. A header
/// written before the MAC existed also carried `stage` (see
/// [`VaultHeader::from_server`]).
const SHARED_FIELDS: [&str; 7] = [
    "version",
    "id",
    "counter",
    "kdf",
    "by_passphrase",
    "by_recovery",
    "mac",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultHeader {
    pub version: u32,
    /// New with every vault key, so a tab can tell that the vault it
    /// unlocked is still the one in storage.
    pub id: String,
    /// One more with every change of the header's contents (a new
    /// passphrase); 0 in a header written before it existed.
    #[serde(default)]
    pub counter: u64,
    #[serde(flatten)]
    pub keys: WrappedKeys,
    /// The HMAC over everything above, in hex; none in a header written
    /// before it existed, until the device is next unlocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    /// This device's alone.
    pub stage: VaultStage,
}

/// Why a header from the server was not taken, in the clinician's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRefused(pub String);

/// How a header from the server stands to this device's, once verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pulled {
    /// The same header.
    Same,
    /// One this device has gone past (the server has not caught up yet).
    Older,
    /// A later one, made on another device of this vault: to be kept.
    Newer(VaultHeader),
}

/// `bytes` behind their length, so no two sequences of fields encode alike.
fn field(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    out.extend_from_slice(bytes);
}

impl VaultHeader {
    /// The vault in `backend`, if one is on. A header that does not read,
    /// or asks for a key derivation beyond the bounds, is reported, never
    /// taken for "no vault".
    pub fn read(backend: &dyn Backend) -> Result<Option<Self>, StorageError> {
        let Some(raw) = backend.get(&vault_key())? else {
            return Ok(None);
        };
        let damaged = |reason| StorageError::Damaged {
            key: vault_key(),
            reason,
        };
        let header: Self = coding::from_json(&raw).map_err(damaged)?;
        match header.keys.kdf.out_of_bounds() {
            Some(why) => Err(damaged(why)),
            None => Ok(Some(header)),
        }
    }

    pub(in crate::storage) fn write(&self, backend: &mut dyn Backend) -> Result<(), StorageError> {
        backend.set(&vault_key(), &coding::to_json(self)?)
    }

    /// The header as another device may see it: without `stage`.
    pub fn shared(&self) -> String {
        let mut json = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Some(fields) = json.as_object_mut() {
            fields.remove("stage");
        }
        json.to_string()
    }

    /// What the MAC covers: every field but `stage` and the MAC itself.
    fn mac_input(&self) -> Vec<u8> {
        let Kdf {
            algorithm,
            memory_kib,
            iterations,
            parallelism,
            salt,
        } = &self.keys.kdf;
        let mut out = Vec::with_capacity(512);
        field(&mut out, MAC_PURPOSE);
        field(&mut out, &self.version.to_be_bytes());
        field(&mut out, self.id.as_bytes());
        field(&mut out, &self.counter.to_be_bytes());
        field(&mut out, algorithm.as_bytes());
        field(&mut out, &memory_kib.to_be_bytes());
        field(&mut out, &iterations.to_be_bytes());
        field(&mut out, &parallelism.to_be_bytes());
        field(&mut out, salt.as_bytes());
        field(&mut out, self.keys.by_passphrase.as_bytes());
        field(&mut out, self.keys.by_recovery.as_bytes());
        out
    }

    /// Sets the MAC for what the header says now, under `key`.
    pub(in crate::storage) fn authenticate(&mut self, key: &VaultKey) {
        self.mac = Some(hex(&key.authenticate(MAC_PURPOSE, &self.mac_input())));
    }

    /// Gives the header in `backend` its MAC when it has none (written
    /// before the MAC existed) or one that no longer fits, now that the key
    /// of vault `id` is at hand: the header's own migration, run at every
    /// unlock, since no schema step holds the key.
    pub(in crate::storage) fn authenticate_stored(
        backend: &mut dyn Backend,
        id: &str,
        key: &VaultKey,
    ) -> Result<(), StorageError> {
        match Self::read(backend)? {
            Some(mut header) if header.id == id && !header.is_authentic(key) => {
                header.counter = header.counter.max(1);
                header.authenticate(key);
                header.write(backend)
            }
            _ => Ok(()),
        }
    }

    /// Whether the MAC is there and was made with `key` over what the
    /// header says now.
    pub fn is_authentic(&self, key: &VaultKey) -> bool {
        let tag = self.mac.as_deref().and_then(unhex);
        tag.is_some_and(|tag| key.verify(MAC_PURPOSE, &self.mac_input(), &tag))
    }

    /// A header as the server holds it, read without trusting it: only the
    /// fields a device sends, a key derivation within bounds. Its `stage`
    /// is this device's `stage`, whatever the text says; only a header
    /// without a MAC, written before there was one, may name one at all.
    pub fn from_server(text: &str, stage: VaultStage) -> Result<Self, HeaderRefused> {
        let changed = |why: &str| HeaderRefused(format!("the server's copy {why}"));
        let json: Value = serde_json::from_str(text).map_err(|_| changed("is not a header"))?;
        let fields = json.as_object().ok_or_else(|| changed("is not a header"))?;
        let pre_mac = !fields.contains_key("mac");
        let sent = |k: &&String| SHARED_FIELDS.contains(&k.as_str()) || (pre_mac && *k == "stage");
        if let Some(odd) = fields.keys().find(|k| !sent(k)) {
            return Err(changed(&format!(
                "holds “{odd}”, which no device sends, so it was changed on the server"
            )));
        }
        let mut json = json;
        json["stage"] = serde_json::to_value(stage).unwrap_or(Value::Null);
        let header: Self = serde_json::from_value(json).map_err(|_| changed("is not a header"))?;
        match header.keys.kdf.out_of_bounds() {
            Some(why) => Err(changed(&format!("was refused unread: {why}"))),
            None => Ok(header),
        }
    }

    /// How the header `text` from the server stands to this one, which
    /// `key` (this vault's) opened. Refused when it is another vault's,
    /// or does not carry this vault's MAC, or carries the same counter over
    /// other contents. A header written before the MAC existed passes (as
    /// older) only if it says exactly what this one says: it is this
    /// device's own, not yet replaced on the server.
    pub fn check_from_server(&self, key: &VaultKey, text: &str) -> Result<Pulled, HeaderRefused> {
        let theirs = Self::from_server(text, self.stage)?;
        if theirs.id != self.id {
            return Err(HeaderRefused(
                "the database belongs to another vault than this device's".into(),
            ));
        }
        let same_contents = theirs.mac_input() == self.mac_input();
        let before_macs = Self {
            counter: 0,
            ..self.clone()
        };
        if theirs.mac.is_none() && theirs.mac_input() == before_macs.mac_input() {
            return Ok(Pulled::Older);
        }
        if !theirs.is_authentic(key) {
            return Err(HeaderRefused(
                "the server's copy does not carry this vault's seal, so it was made or changed \
                 without the vault key"
                    .into(),
            ));
        }
        match theirs.counter.cmp(&self.counter) {
            std::cmp::Ordering::Greater => Ok(Pulled::Newer(theirs)),
            std::cmp::Ordering::Equal if same_contents => Ok(Pulled::Same),
            std::cmp::Ordering::Equal => Err(HeaderRefused(
                "the server's copy says something else under the same number: the passphrase \
                 may have been changed on two devices at once, and then changing it again on \
                 this one settles which holds"
                    .into(),
            )),
            std::cmp::Ordering::Less => Ok(Pulled::Older),
        }
    }

    pub fn unlock(&self, passphrase: &str) -> Result<Unlocked, VaultError> {
        self.within_bounds()?;
        let key = self
            .keys
            .unlock(passphrase)
            .ok_or(VaultError::WrongPassphrase)?;
        Ok(self.unlocked(key))
    }

    pub fn unlock_with_recovery(&self, typed: &str) -> Result<Unlocked, VaultError> {
        self.within_bounds()?;
        let recovery = super::RecoveryKey::parse(typed).ok_or(VaultError::NotARecoveryKey)?;
        let key = self
            .keys
            .unlock_with_recovery(&recovery)
            .ok_or(VaultError::WrongRecoveryKey)?;
        Ok(self.unlocked(key))
    }

    /// Refuses, before any hashing, a key derivation that could hang the
    /// device.
    fn within_bounds(&self) -> Result<(), VaultError> {
        match self.keys.kdf.out_of_bounds() {
            Some(why) => Err(VaultError::KdfOutOfBounds(why)),
            None => Ok(()),
        }
    }

    fn unlocked(&self, key: VaultKey) -> Unlocked {
        Unlocked {
            id: self.id.clone(),
            key,
        }
    }
}
