//! Hashing bytes, a leaf: the output folder's record, the PDF keys and the asset fingerprints in
//! URLs all use this one function.

/// The hash of a file's bytes: XXH3-128, stable across versions and platforms, and fast enough to
/// hash a whole site in a few milliseconds. It tells changed files from unchanged ones; it does not
/// guard against attackers, who could as well edit the files.
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}
