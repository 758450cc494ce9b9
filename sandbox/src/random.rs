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
        format!("{prefix}_{}", self.hex(40))
    }

    /// `digits` lowercase hex digits, 16 from each value drawn; a last, shorter group takes the value's low bits.
    pub fn hex(&mut self, digits: usize) -> String {
        let mut hex = String::with_capacity(digits);
        while hex.len() < digits {
            let width = (digits - hex.len()).min(16);
            let value = self.next_u64() & (u64::MAX >> (64 - 4 * width));
            hex.push_str(&format!("{value:0width$x}"));
        }
        hex
    }
}

/// Draws from the stream a stored seed names, then moves the seed on past what was drawn: how things created at
/// run time get ids that a replayed session repeats.
pub fn draw<R>(seed: &mut u64, f: impl FnOnce(&mut Rng) -> R) -> R {
    let mut rng = Rng::new(*seed);
    let drawn = f(&mut rng);
    *seed = rng.next_u64();
    drawn
}

/// A GUID that is a pure function of `key`: for ids that must come out the same wherever they are made (a
/// project's roles, a person invited by e-mail) without drawing from, and so shifting, any seeded stream.
pub fn guid_of(key: &str) -> String {
    let hash = hash_text(key);
    guid_from(mix(hash), mix(hash ^ 0x5bd1_e995))
}

/// FNV-1a over the text's bytes: stable across runs and platforms, unlike `std`'s hasher.
fn hash_text(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_digits_come_in_groups_of_sixteen_and_a_secret_is_forty() {
        let (a, b, c) = {
            let mut r = Rng::new(9);
            (r.next_u64(), r.next_u64(), r.next_u64())
        };
        assert_eq!(Rng::new(9).secret("p"), format!("p_{a:016x}{b:016x}{:08x}", c as u32));
        assert_eq!(Rng::new(9).hex(32), format!("{a:016x}{b:016x}"));
        assert_eq!(Rng::new(9).hex(12), format!("{:012x}", a & 0xffff_ffff_ffff));
    }

    #[test]
    fn guid_of_is_a_stable_guid_per_key() {
        assert_eq!(guid_of("a"), guid_of("a"));
        assert_ne!(guid_of("a"), guid_of("b"));
        let guid = guid_of("project/role");
        let groups: Vec<usize> = guid.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12], "{guid}");
    }

    #[test]
    fn draw_moves_the_seed_on() {
        let mut seed = 5;
        let first = draw(&mut seed, |r| r.hex(8));
        let second = draw(&mut seed, |r| r.hex(8));
        assert_ne!(first, second);
        assert_ne!(seed, 5);
    }
}
