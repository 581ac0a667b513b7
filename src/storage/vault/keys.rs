//! The vault's keys and its primitives, all from audited RustCrypto crates:
//! Argon2id turns a passphrase into a key, XChaCha20-Poly1305 seals, HKDF
//! and HMAC (SHA-256) authenticate the header.
//!
//! A random vault key seals the records. It is itself stored sealed twice:
//! by a key derived from the passphrase and by the recovery key, so changing
//! the passphrase re-seals 32 bytes and no record.
//!
//! Secrets are wiped when dropped: keys are held in `Zeroizing`, the cipher
//! wipes its key (`chacha20poly1305` does on drop) and Argon2 its memory
//! (its `zeroize` feature). `hmac` and `sha2` do not wipe their own state:
//! an HMAC's holds only the key derived for it, but the hasher that turns
//! the recovery key into its wrapping key keeps the recovery key in its
//! buffer until that memory is reused.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub const KEY_BYTES: usize = 32;
pub const NONCE_BYTES: usize = 24;
const SALT_BYTES: usize = 16;
const RECOVERY_BYTES: usize = 16;

/// Fresh random bytes; the browser's `crypto.getRandomValues`.
pub fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0; N];
    getrandom::fill(&mut bytes).expect("the platform offers secure randomness");
    bytes
}

/// A 256-bit key, wiped from memory when dropped.
#[derive(Clone)]
pub struct VaultKey(Zeroizing<[u8; KEY_BYTES]>);

impl VaultKey {
    pub fn random() -> Self {
        Self(Zeroizing::new(random()))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_ref().into())
    }

    /// `nonce ‖ ciphertext ‖ tag`, under a fresh random nonce.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        let nonce: [u8; NONCE_BYTES] = random();
        let sealed = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .expect("sealing in memory cannot fail");
        [nonce.as_slice(), &sealed].concat()
    }

    /// What [`seal`](Self::seal) sealed; `None` for a wrong key, changed
    /// bytes or other associated data.
    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if sealed.len() < NONCE_BYTES {
            return None;
        }
        let (nonce, body) = sealed.split_at(NONCE_BYTES);
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
            .ok()
            .map(Zeroizing::new)
    }

    /// A key for one `purpose` only, derived from this one (HKDF-SHA-256),
    /// so a key that authenticates never also seals.
    fn derived(&self, purpose: &[u8]) -> VaultKey {
        let mut key = Zeroizing::new([0; KEY_BYTES]);
        Hkdf::<Sha256>::new(None, self.0.as_ref())
            .expand(purpose, key.as_mut())
            .expect("32 bytes is a valid HKDF-SHA-256 length");
        VaultKey(key)
    }

    fn hmac(&self, purpose: &[u8], message: &[u8]) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.derived(purpose).0.as_ref())
            .expect("HMAC takes a key of any length");
        mac.update(message);
        mac
    }

    /// HMAC-SHA-256 of `message` under a key derived for `purpose`.
    pub fn authenticate(&self, purpose: &[u8], message: &[u8]) -> Vec<u8> {
        self.hmac(purpose, message).finalize().into_bytes().to_vec()
    }

    /// Whether `tag` is [`authenticate`](Self::authenticate)'s for
    /// `message`, compared in constant time.
    pub fn verify(&self, purpose: &[u8], message: &[u8], tag: &[u8]) -> bool {
        self.hmac(purpose, message).verify_slice(tag).is_ok()
    }

    /// This key sealed by `by`, kept while records sealed with it are
    /// sealed again under `by`.
    pub(in crate::storage) fn wrapped_as_previous(&self, by: &VaultKey) -> String {
        self.wrapped_by(by, AS_PREVIOUS)
    }

    pub(in crate::storage) fn previous_unwrapped(wrapped: &str, by: &VaultKey) -> Option<Self> {
        Self::unwrapped_by(wrapped, by, AS_PREVIOUS)
    }

    /// This key sealed by `by`, to be stored.
    fn wrapped_by(&self, by: &VaultKey, purpose: &[u8]) -> String {
        hex(&by.seal(self.0.as_ref(), purpose))
    }

    fn unwrapped_by(wrapped: &str, by: &VaultKey, purpose: &[u8]) -> Option<Self> {
        let bytes = by.open(&unhex(wrapped)?, purpose)?;
        let mut key = Zeroizing::new([0; KEY_BYTES]);
        if bytes.len() != KEY_BYTES {
            return None;
        }
        key.copy_from_slice(&bytes);
        Some(Self(key))
    }
}

/// How a passphrase becomes a key. Stored with the vault, so it can be
/// raised later without locking anyone out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub salt: String,
}

/// The most a header may ask of Argon2id: beyond this, unlocking would
/// hang or exhaust the tablet, so such a header is refused unhashed.
pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
pub const MAX_ITERATIONS: u32 = 10;

impl Kdf {
    /// Why these parameters are refused, if they are: Argon2id only, at most
    /// 1 GiB and 10 passes, one lane. Checked on every read, before hashing.
    pub fn out_of_bounds(&self) -> Option<String> {
        if self.algorithm != "argon2id" {
            return Some(format!("it names “{}”, not Argon2id", self.algorithm));
        }
        if self.memory_kib > MAX_MEMORY_KIB || self.iterations > MAX_ITERATIONS {
            return Some(format!(
                "it asks for {} MiB and {} passes of Argon2id, more than the 1 GiB and 10 passes \
                 Sessionpad allows",
                self.memory_kib / 1024,
                self.iterations
            ));
        }
        if self.parallelism != 1 || self.iterations == 0 {
            return Some(format!(
                "it asks for {} lanes and {} passes of Argon2id, where Sessionpad uses one lane \
                 and at least one pass",
                self.parallelism, self.iterations
            ));
        }
        None
    }

    /// Argon2id with m = 64 MiB, t = 3, p = 1: above OWASP's minimum
    /// (19 MiB, t = 2), and still under a second and a half to unlock.
    pub fn argon2id() -> Self {
        Self::with_cost(64 * 1024, 3)
    }

    /// A fresh salt with the given cost; tests use a cheap one.
    pub fn with_cost(memory_kib: u32, iterations: u32) -> Self {
        Self {
            algorithm: "argon2id".into(),
            memory_kib,
            iterations,
            parallelism: 1,
            salt: hex(&random::<SALT_BYTES>()),
        }
    }

    /// The key `passphrase` derives; `None` when these parameters are not
    /// ones this build can run.
    pub(super) fn derive(&self, passphrase: &str) -> Option<VaultKey> {
        if self.out_of_bounds().is_some() {
            return None;
        }
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_BYTES),
        )
        .ok()?;
        let mut key = Zeroizing::new([0; KEY_BYTES]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), &unhex(&self.salt)?, key.as_mut())
            .ok()?;
        Some(VaultKey(key))
    }
}

/// The one-time code that opens the vault without the passphrase: 128
/// random bits, written as 8 groups of 4 hex digits so it can be typed back.
pub struct RecoveryKey(Zeroizing<[u8; RECOVERY_BYTES]>);

impl RecoveryKey {
    pub fn random() -> Self {
        Self(Zeroizing::new(random()))
    }

    /// "3f9a-0c12-…"; what the clinician prints or copies.
    pub fn text(&self) -> String {
        hex(self.0.as_ref())
            .as_bytes()
            .chunks(4)
            .map(|group| std::str::from_utf8(group).expect("hex is ASCII"))
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a typed key back, ignoring case, spaces and dashes.
    pub fn parse(typed: &str) -> Option<Self> {
        let digits: Zeroizing<String> = Zeroizing::new(
            typed
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect(),
        );
        let bytes = Zeroizing::new(unhex(&digits)?);
        if bytes.len() != RECOVERY_BYTES {
            return None;
        }
        let mut key = Zeroizing::new([0; RECOVERY_BYTES]);
        key.copy_from_slice(&bytes);
        Some(Self(key))
    }

    /// The key it wraps with. The recovery key is already random and
    /// full-strength, so a hash suffices where a passphrase needs Argon2id.
    fn key(&self) -> VaultKey {
        let mut hash = Sha256::new();
        hash.update(b"sessionpad recovery key v1");
        hash.update(self.0.as_ref());
        let mut key = Zeroizing::new([0; KEY_BYTES]);
        hash.finalize_into(key.as_mut().into());
        VaultKey(key)
    }
}

const BY_PASSPHRASE: &[u8] = b"sessionpad vault key, by passphrase";
const BY_RECOVERY: &[u8] = b"sessionpad vault key, by recovery key";
const AS_PREVIOUS: &[u8] = b"sessionpad previous vault key, by the new one";

/// The vault key, sealed by the passphrase and by the recovery key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKeys {
    pub kdf: Kdf,
    pub by_passphrase: String,
    pub by_recovery: String,
}

impl WrappedKeys {
    pub fn new(key: &VaultKey, passphrase: &str, kdf: Kdf, recovery: &RecoveryKey) -> Self {
        let by = kdf
            .derive(passphrase)
            .expect("freshly made parameters derive");
        Self {
            by_passphrase: key.wrapped_by(&by, BY_PASSPHRASE),
            by_recovery: key.wrapped_by(&recovery.key(), BY_RECOVERY),
            kdf,
        }
    }

    pub fn unlock(&self, passphrase: &str) -> Option<VaultKey> {
        let by = self.kdf.derive(passphrase)?;
        VaultKey::unwrapped_by(&self.by_passphrase, &by, BY_PASSPHRASE)
    }

    pub fn unlock_with_recovery(&self, recovery: &RecoveryKey) -> Option<VaultKey> {
        VaultKey::unwrapped_by(&self.by_recovery, &recovery.key(), BY_RECOVERY)
    }

    /// The same vault key under a new passphrase (and a new salt); the
    /// recovery key still opens it.
    pub fn rewrapped(&self, key: &VaultKey, passphrase: &str, kdf: Kdf) -> Self {
        let by = kdf
            .derive(passphrase)
            .expect("freshly made parameters derive");
        Self {
            by_passphrase: key.wrapped_by(&by, BY_PASSPHRASE),
            by_recovery: self.by_recovery.clone(),
            kdf,
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}
