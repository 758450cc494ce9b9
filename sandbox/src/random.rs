//! Deterministic pseudo-randomness, so that a seed always gives the same organization, ids and request log.
//!
//! SplitMix64 is tiny, fast and good enough for demo data; it is not for secrets a real service would issue.

/// One well-mixed 64-bit value from any input: the request log calls this once per row it looks at.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A stream of values from a seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        mix(self.0)
    }

    /// A value in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A GUID in the 8-4-4-4-12 form the platform uses for ids.
    pub fn guid(&mut self) -> String {
        guid_from(self.next_u64(), self.next_u64())
    }

    /// A token secret: recognisable prefix, 40 hex digits.
    pub fn secret(&mut self, prefix: &str) -> String {
        format!("{prefix}_{:016x}{:016x}{:08x}", self.next_u64(), self.next_u64(), self.next_u64() as u32)
    }
}

pub fn guid_from(a: u64, b: u64) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        (a & 0xfff) as u16,
        ((b >> 48) as u16 & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}
