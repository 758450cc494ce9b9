//! Pieces several screens use.

mod confirm_dialog;
mod error_panel;
mod field;
pub mod form;
mod installation_badge;
mod language_choice;
pub mod limits;
pub mod list;
mod modal;
mod navigation;
mod needs_project_token;
mod organization_scope;
mod palette;
mod routed_project;
mod secret;
mod shown_once;
mod status_badge;
mod theme_choice;
mod time;
mod title;
mod toasts;
mod unsaved;
mod usage_limit;

pub use confirm_dialog::ConfirmDialog;
pub use error_panel::ErrorPanel;
pub use field::{project_options, CheckboxField, SelectField, TextField};
// For screens that build their option lists (labels read from the current texts) rather than pass a constant.
#[allow(unused_imports)]
pub use installation_badge::InstallationBadges;
pub use language_choice::LanguageChoice;
pub use list::{scroll_to_row, DataTable, FanOut, Load, Loaded, SortDirection, SortHeader, VirtualRows};
pub use modal::Modal;
pub use navigation::{MainNavigation, Menu, MenuButton, SESSION_ID};
pub use needs_project_token::NeedsProjectToken;
pub use organization_scope::organization_id_or_reason;
pub use palette::{register_palette_action, CommandPalette, PaletteButton};
pub use routed_project::RoutedProject;
pub use secret::{CopyButton, MaskedSecret};
pub use shown_once::{use_secret_shelf, SecretShelf, ShownOnce, ShownOnceDialog, ShownOnceSecrets};
pub use status_badge::{StatusBadge, TokenStatusBadge};
pub use theme_choice::ThemeChoice;
pub use time::RelativeTime;
pub use title::use_title;
pub use toasts::{use_toasts, ToastRegion, Toasts};
pub use unsaved::guard_unsaved_changes;
pub use usage_limit::{limit_status_label, usage_level, UsageLevel, UsageLimitView};
