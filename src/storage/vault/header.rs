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
//! Re-encrypting with a new key replaces the id and the wrapped keys, and
//! the new header carries a second MAC, under the key before it
//! (`rekeyed_from`): a device still on the old key can tell that whoever
//! made the new header held the vault key, yet cannot read it until the
//! clinician types the new passphrase there. The field is encoded only
//! when present, so every header without it reads as before.

use super::keys::{Kdf, RecoveryKey, VaultKey, WrappedKeys, hex, random, unhex};
use super::{Rekeying, Unlocked, VaultError, VaultStage};
use crate::layout::vault_key;
use crate::model::json::{from_value, to_value};
use crate::storage::backend::Backend;
use crate::storage::coding;
use crate::storage::error::StorageError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the header's MAC key is derived for, and the encoding's format.
const MAC_PURPOSE: &[u8] = b"sessionpad vault header mac v1";
/// What the MAC under the key before a new one is derived for.
const REKEY_PURPOSE: &[u8] = b"sessionpad vault new key mac v1";

/// The fields another device sends: the header without `stage`. A header
/// written before the MAC existed also carried `stage` (see
/// [`VaultHeader::from_server`]).
const SHARED_FIELDS: [&str; 8] = [
    "version",
    "id",
    "counter",
    "kdf",
    "by_passphrase",
    "by_recovery",
    "rekeyed_from",
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
    /// Set when the vault was re-encrypted with a new key: the vault before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rekeyed_from: Option<Rekeyed>,
    /// The HMAC over everything above, in hex; none in a header written
    /// before it existed, until the device is next unlocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    /// This device's alone.
    pub stage: VaultStage,
}

/// The vault a re-encrypted one replaced: its id, and an HMAC under its key
/// over the new header (all but this field and the new MAC), in hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rekeyed {
    pub from: String,
    pub mac: String,
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
    /// The vault re-encrypted with a new key on another device, vouched
    /// for by this vault's key: taken only once the clinician types its
    /// new passphrase here ([`VaultHeader::adopt_new_key`]).
    NewKey(VaultHeader),
}

/// A new vault's id.
pub(in crate::storage) fn new_id() -> String {
    hex(&random::<8>())
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
        let mut json = to_value(self).unwrap_or(Value::Null);
        if let Some(fields) = json.as_object_mut() {
            fields.remove("stage");
        }
        json.to_string()
    }

    /// What the MAC covers: every field but `stage` and the MAC itself.
    fn mac_input(&self) -> Vec<u8> {
        let mut out = self.core_input();
        if let Some(Rekeyed { from, mac }) = &self.rekeyed_from {
            field(&mut out, from.as_bytes());
            field(&mut out, mac.as_bytes());
        }
        out
    }

    /// What both MACs cover: every field but `rekeyed_from`, `stage` and
    /// the MAC.
    fn core_input(&self) -> Vec<u8> {
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
        json["stage"] = to_value(&stage).unwrap_or(Value::Null);
        let header: Self = from_value(&json).map_err(|_| changed("is not a header"))?;
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
        let theirs = Self::from_server(text, self.stage.clone())?;
        if theirs.id != self.id {
            return self.check_other_id(key, theirs);
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

    /// A header from the server under another id than this one: the one
    /// this device re-encrypted away from (older), or one re-encrypted on
    /// another device from this one, carrying a MAC under this vault's
    /// key. Any other is another vault's.
    fn check_other_id(&self, key: &VaultKey, theirs: Self) -> Result<Pulled, HeaderRefused> {
        if self
            .rekeyed_from
            .as_ref()
            .is_some_and(|r| r.from == theirs.id)
        {
            return Ok(Pulled::Older);
        }
        let vouched = theirs.rekeyed_from.as_ref().is_some_and(|r| {
            r.from == self.id
                && unhex(&r.mac)
                    .is_some_and(|tag| key.verify(REKEY_PURPOSE, &theirs.core_input(), &tag))
        });
        match vouched {
            true => Ok(Pulled::NewKey(theirs)),
            false => Err(HeaderRefused(
                "the database belongs to another vault than this device's".into(),
            )),
        }
    }

    /// A new header for this vault re-encrypted under `new_key`, which
    /// `passphrase` and `recovery` open: a new id, the counter up, vouched
    /// for by `key` (this one's), with `key` kept sealed by the new one
    /// until every record is sealed again.
    pub(in crate::storage) fn rekeyed(
        &self,
        key: &VaultKey,
        new_key: &VaultKey,
        passphrase: &str,
        kdf: Kdf,
        recovery: &RecoveryKey,
    ) -> Self {
        let mut header = Self {
            version: self.version,
            id: new_id(),
            counter: self.counter + 1,
            keys: WrappedKeys::new(new_key, passphrase, kdf, recovery),
            rekeyed_from: None,
            mac: None,
            stage: VaultStage::Rekeying(Rekeying {
                previous: key.wrapped_as_previous(new_key),
                after: None,
                adopted: false,
            }),
        };
        let vouch = key.authenticate(REKEY_PURPOSE, &header.core_input());
        header.rekeyed_from = Some(Rekeyed {
            from: self.id.clone(),
            mac: hex(&vouch),
        });
        header.authenticate(new_key);
        header
    }

    /// The header `text`, re-encrypted on another device from this one
    /// (whose key is `key`), opened with its new `passphrase`, which must
    /// not open this one, and checked under the key that opens: only then
    /// is it this device's, with this device's key kept for sealing its
    /// records again.
    pub fn adopt_new_key(
        &self,
        key: &VaultKey,
        text: &str,
        passphrase: &str,
    ) -> Result<(Self, Unlocked), VaultError> {
        let refused = |HeaderRefused(why)| VaultError::Refused(why);
        let Pulled::NewKey(mut theirs) = self.check_from_server(key, text).map_err(refused)? else {
            return Err(refused(HeaderRefused(
                "the server's copy is not a new key for this vault".into(),
            )));
        };
        let unlocked = theirs.unlock(passphrase)?;
        // Whoever learnt the old passphrase, and with it the old key, could
        // vouch for a key of their own wrapped by that passphrase.
        if self.keys.unlock(passphrase).is_some() {
            return Err(refused(HeaderRefused(
                "it opens with the passphrase from before the new key, which a new key never \
                 does, so someone who knows that passphrase may have made it"
                    .into(),
            )));
        }
        if !theirs.is_authentic(&unlocked.key) {
            return Err(refused(HeaderRefused(
                "the server's copy does not carry the seal of the key its passphrase opens".into(),
            )));
        }
        theirs.stage = VaultStage::Rekeying(Rekeying {
            previous: key.wrapped_as_previous(&unlocked.key),
            after: None,
            adopted: true,
        });
        Ok((theirs, unlocked))
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
