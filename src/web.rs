//! The few browser facilities the screens need beyond rendering: the clock, the clipboard, saving a file,
//! and window listeners that end with the component that added them. Each hides its web-sys plumbing.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Puts `text` on the clipboard. Fails when the browser refuses (no permission, page not focused).
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.map(drop).map_err(|e| {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "refused".into())
    })
}

/// Offers `content` as a file download named `file_name`, made in the page (nothing is sent anywhere).
pub fn save_file(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    save_parts(file_name, mime, &js_sys::Array::of1(&JsValue::from_str(content)))
}

/// Text as a `Blob`: the browser keeps its bytes outside the WebAssembly memory, so a large download can be
/// built from many of these while this program holds one page at a time.
pub fn text_blob(text: &str) -> Result<web_sys::Blob, String> {
    web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&JsValue::from_str(text))).map_err(describe)
}

/// Offers the concatenation of `parts` (strings or blobs) as a file download named `file_name`.
pub fn save_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: web_sys::HtmlAnchorElement =
        document().create_element("a").map_err(describe)?.dyn_into().map_err(|_| "no anchor element")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download has started from the anchor's click; the URL is only needed until then.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Moves the keyboard focus to the first element matching `selector` after this frame, when what was just
/// rendered is in the document. Nothing happens if there is none.
pub fn focus_after_render(selector: impl Into<String>) {
    let selector = selector.into();
    request_animation_frame(move || {
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Focus cannot fail in a way the user could act on; at worst it stays where it was.
            let _ = element.focus();
        }
    });
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn describe(error: JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Listens to `event` on the window, in the capture phase when `capture` is set (before the router's own
/// listeners), until the current component is cleaned up.
pub fn window_listener(event: &'static str, capture: bool, handler: impl Fn(web_sys::Event) + 'static) {
    let callback = Closure::<dyn Fn(web_sys::Event)>::new(handler).into_js_value();
    let function: &js_sys::Function = callback.unchecked_ref();
    if window().add_event_listener_with_callback_and_bool(event, function, capture).is_err() {
        return;
    }
    let callback = send_wrapper::SendWrapper::new(callback);
    on_cleanup(move || {
        let _ = window().remove_event_listener_with_callback_and_bool(event, callback.unchecked_ref(), capture);
    });
}
