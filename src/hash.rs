//! Hashing bytes, a leaf: the output folder's record, the PDF keys and the asset fingerprints in
//! URLs all use this one function.

/// The hash of a file's bytes: XXH3-128, stable across versions and platforms, and fast enough to
/// hash a whole site in a few milliseconds. It tells changed files from unchanged ones; it does not
/// guard against attackers, who could as well edit the files.
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The SHA-256 digest of `bytes`, written as a Content-Security-Policy source
/// (`'sha256-<base64>'`), which lets a page run the one inline script with those bytes and no
/// other.
pub fn csp_sha256(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(bytes);
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test vectors of FIPS 180-4 (one block, two blocks) and the empty message, checked
    /// against `sha256sum | xxd -r -p | base64`.
    #[test]
    fn sha256_matches_the_standards_vectors() {
        assert_eq!(
            csp_sha256(b"abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
        assert_eq!(
            csp_sha256(b""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
        assert_eq!(
            csp_sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "'sha256-JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE='"
        );
    }
}
