//! Secret-ballot keys (T1).
//!
//! A voter is given one random **ballot key** (128 bits, 32 hex digits) when they vote. Two
//! values are derived from it, each by SHA-256 with its own prefix, so neither says anything
//! about the other:
//! - the **receipt** (public): the ballot's row in the ballot store and its line on the tally
//!   sheet; anyone may know it, and it replaces nothing;
//! - the **key hash** (public, in the `ballot-cast` event that names the voter): with it `decide`
//!   checks that a replacement comes with the key of *that voter's* ballot.
//!
//! Nothing that is stored links a voter to a receipt: linking them needs the key, which only the
//! voter was shown and which is stored nowhere.

use sha2::{Digest, Sha256};

/// Hex digits in a ballot key.
pub const KEY_LEN: usize = 32;

fn hashed(prefix: &str, key: &str, bytes: usize) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prefix.as_bytes());
    hasher.update([0]);
    hasher.update(key.as_bytes());
    let digest = hasher.finalize();
    digest[..bytes].iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The key as written by a person: trimmed and lower-cased, if it has the shape of a key.
pub fn normalise_key(text: &str) -> Option<String> {
    let key = text.trim().to_ascii_lowercase();
    (key.len() == KEY_LEN && key.bytes().all(|byte| byte.is_ascii_hexdigit())).then_some(key)
}

/// The public receipt of the ballot cast with `key` (32 hex digits).
pub fn receipt_of(key: &str) -> String {
    hashed("polity ballot receipt", key, 16)
}

/// The hash of `key` recorded with the voter's `ballot-cast` event (64 hex digits).
pub fn key_hash(key: &str) -> String {
    hashed("polity ballot key", key, 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t1_receipt_and_key_hash_are_unrelated_and_stable() {
        let key = "00112233445566778899aabbccddeeff";
        assert_eq!(receipt_of(key).len(), 32);
        assert_eq!(key_hash(key).len(), 64);
        assert!(!key_hash(key).starts_with(&receipt_of(key)));
        assert_eq!(receipt_of(key), receipt_of(key));
        assert_ne!(receipt_of(key), receipt_of("00112233445566778899aabbccddeefe"));
    }

    #[test]
    fn t1_keys_are_read_without_regard_to_case_or_spaces() {
        assert_eq!(
            normalise_key(" 00112233445566778899AABBCCDDEEFF\n").as_deref(),
            Some("00112233445566778899aabbccddeeff")
        );
        assert_eq!(normalise_key("0011"), None);
        assert_eq!(normalise_key("zz112233445566778899aabbccddeeff"), None);
    }
}
