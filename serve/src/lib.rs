//! geai-serve: the built dashboard served as production serves it, by two servers.
//!
//! - [`dashboard`]: the files, their precompressed twins, cache and security headers, and the app's routes.
//!   `geai-sandbox --dist` serves the dashboard with it, and so does the forwarding server: one copy of the rules
//!   that deploy/nginx.conf and deploy/Caddyfile repeat for other servers.
//! - [`forward`] (feature `forward`, on by default): the forwarding server behind `cargo xtask run --upstream URL`,
//!   the dashboard on 127.0.0.1 with `/v1/` and `/v2/` (and `/arcee/v2/`) passed to a real installation, so that
//!   the page and the API share one origin and the installation needs no CORS.
//!
//! Why a crate of its own, and not a part of geai-sandbox: the forwarding server talks to people's real
//! installations with their real tokens, so it should carry none of the stand-in's seeded data, fault injection
//! or open CORS, and a program named "sandbox" should never sit in front of production; and it needs an HTTP
//! client with a TLS stack (reqwest, rustls, ring, the web PKI roots) that the sandbox has no use for. The
//! sandbox depends on this crate without the `forward` feature, so it compiles only [`dashboard`].

pub mod dashboard;
#[cfg(feature = "forward")]
pub mod forward;
