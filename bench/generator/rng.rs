//! A tiny seeded PRNG (splitmix64): deterministic across platforms and Rust versions, no crates.

/// splitmix64 (Steele, Lea and Flood, 2014): a 64-bit state, good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// A generator for the `i`th thing of a kind, independent of how many values other things drew.
    pub fn derive(seed: u64, stream: u64, i: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA24B_AED4_963E_E407));
        r.0 ^= Rng(i).next_u64();
        r
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi, "{lo}..={hi}");
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One element of `xs` (not empty).
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// `n` distinct indices of `0..len`, in increasing order (`n` <= `len`).
    pub fn sample(&mut self, len: usize, n: usize) -> Vec<usize> {
        let mut idx = self.shuffled(len, n);
        idx.sort_unstable();
        idx
    }

    /// `n` distinct indices of `0..len`, in random order (`n` <= `len`).
    pub fn shuffled(&mut self, len: usize, n: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..len).collect();
        for i in 0..n.min(len) {
            let j = i + self.below(len - i);
            idx.swap(i, j);
        }
        idx.truncate(n.min(len));
        idx
    }
}
