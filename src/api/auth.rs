//! How the token travels: `Authorization: Bearer <token>` (the default, what the SDK and the docs send), or
//! HTTP Basic with the token as user name and an empty password, which one overview of the platform
//! describes and some installations may need.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthScheme {
    #[default]
    Bearer,
    Basic,
}

impl AuthScheme {
    /// The `Authorization` header for `token`.
    pub fn header(self, token: &str) -> (&'static str, String) {
        ("Authorization", self.header_value(token))
    }

    /// The `Authorization` header value for `token`.
    pub fn header_value(self, token: &str) -> String {
        match self {
            Self::Bearer => format!("Bearer {token}"),
            Self::Basic => format!("Basic {}", base64(format!("{token}:").as_bytes())),
        }
    }
}

/// Standard base64 with padding: a few lines here instead of a dependency in the wasm.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> shift) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_both_headers() {
        assert_eq!(AuthScheme::Bearer.header_value("abc"), "Bearer abc");
        // "abc:" and "geai_org_1:" in base64, as `base64` and curl --user would send them.
        assert_eq!(AuthScheme::Basic.header_value("abc"), "Basic YWJjOg==");
        assert_eq!(AuthScheme::Basic.header_value("geai_org_1"), "Basic Z2VhaV9vcmdfMTo=");
    }

    #[test]
    fn base64_pads_every_length() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
    }
}
