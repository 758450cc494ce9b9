//! Creating and editing a project: the same fields, checked in the browser first, then the server's own
//! complaints shown at the field they concern, and never a keystroke lost to a failed save.

mod create;
mod created;
mod edit;
mod fields;
mod input;
mod token_again;

pub use create::CreateProjectPage;
pub use edit::EditProjectPage;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// After a check failed: focus the first field marked invalid, so keyboard and screen-reader users land on
/// what needs fixing (after this frame, when the messages are in the document).
fn focus_first_invalid() {
    request_animation_frame(|| {
        let field = document().query_selector("main [aria-invalid=true]").ok().flatten();
        if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = field.focus();
        }
    });
}
