//! Pieces several screens use.

mod error_panel;
mod status_badge;
mod title;

pub use error_panel::ErrorPanel;
pub use status_badge::StatusBadge;
pub use title::use_title;
