//! The PIN that hands the tablet back from a client when the lock is off,
//! kept only as a salted hash: Argon2id (at OWASP's minimum cost, since it
//! runs at every hand-back) turns it into a key, and an HMAC under that key
//! is what is stored. A PIN has at most 10⁸ values, so the hash keeps it
//! from being read off the device, not from being found by someone who
//! copies the device's data and tries them all: the wait after wrong tries
//! is what slows someone at the screen.

use super::keys::{Kdf, hex, unhex};
use serde::{Deserialize, Serialize};

const PURPOSE: &[u8] = b"sessionpad hand-back pin";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    kdf: Kdf,
    tag: String,
}

impl PinHash {
    /// The hash of `pin` under a fresh salt.
    pub fn new(pin: &str) -> Self {
        Self::with_kdf(pin, Kdf::with_cost(19 * 1024, 2))
    }

    fn with_kdf(pin: &str, kdf: Kdf) -> Self {
        let key = kdf.derive(pin).expect("freshly made parameters derive");
        Self {
            tag: hex(&key.authenticate(PURPOSE, b"")),
            kdf,
        }
    }

    /// Whether `pin` is the one hashed, compared in constant time; a hash
    /// asking for more than the bounds allows matches nothing.
    pub fn matches(&self, pin: &str) -> bool {
        match (self.kdf.derive(pin), unhex(&self.tag)) {
            (Some(key), Some(tag)) => key.verify(PURPOSE, b"", &tag),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap(pin: &str) -> PinHash {
        PinHash::with_kdf(pin, Kdf::with_cost(8, 1))
    }

    #[test]
    fn only_the_pin_hashed_matches_and_the_pin_itself_is_nowhere_in_the_hash() {
        // Eight digits, the longest PIN: the salt and tag are random hex,
        // where four digits in a row turn up about once in 700 hashes.
        let hash = cheap("24681357");
        assert!(hash.matches("24681357"));
        assert!(!hash.matches("24681358"));
        assert!(!hash.matches(""));
        let stored = serde_json::to_string(&hash).unwrap();
        assert!(!stored.contains("24681357"), "{stored}");
    }

    #[test]
    fn the_same_pin_hashes_differently_under_each_salt() {
        assert_ne!(cheap("2468"), cheap("2468"));
    }
}
