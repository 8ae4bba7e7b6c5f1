//! The Content-Security-Policy's hashes of the inline script and style (`'sha256-…'`), with the
//! `sha2` and `base64` crates (native only: no Wasm carries them).

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

/// The hash of an inline script or style as its CSP source names it (without `'sha256-`).
pub(super) fn sha256_base64(data: &[u8]) -> String {
    base64(&sha256(data))
}

/// SHA-256 (FIPS 180-4).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_match_known_values() {
        assert_eq!(base64(&sha256(b"")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert_eq!(base64(&sha256(b"abc")), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assert_eq!(base64(b"ab"), "YWI=");
    }

    /// The CSP hash of an inline script: the example of the CSP specification's `script-src`.
    #[test]
    fn the_csp_hash_of_a_script() {
        assert_eq!(sha256_base64(b"alert('Hello, world.');"), "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
    }
}
