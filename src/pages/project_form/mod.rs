//! Creating and editing a project: the same fields, checked in the browser first, then the server's own
//! complaints shown at the field they concern, and never a keystroke lost to a failed save.

mod create;
mod created;
mod edit;
mod fields;
pub(crate) mod input;

pub use create::CreateProjectPage;
pub use edit::EditProjectPage;
