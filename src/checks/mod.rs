//! What the dashboard checks before it sends anything, shared by every screen that takes the same input, and
//! the shape the problems take. Plain Rust with no DOM, tested natively.

pub mod email;
mod field_errors;
pub mod limit;

pub use field_errors::{place_refusal, FieldErrors};
