//! Chrome DevTools Protocol calls the bench needs beyond WebDriver: scripts that run before the page's own,
//! real key presses, and the JavaScript heap after a garbage collection.

use serde_json::json;

use crate::Browser;

/// Runs `source` in every document this tab loads from now on, before any script of the page. DevTools
/// injects it itself, so the page's Content-Security-Policy does not apply to it (the dashboard forbids
/// inline scripts; the bench checks that the script ran all the same).
pub async fn run_before_page_scripts(browser: &Browser, source: &str) {
    browser.devtools("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source })).await;
}

/// Presses and releases one key in the focused element, as the keyboard would: a trusted `keydown` (with its
/// `keypress` and `input`), then `keyup`. `key` is a printable character or "Backspace".
pub async fn press_key(browser: &Browser, key: &str) {
    let (code, text, key_code) = match key {
        "Backspace" => ("Backspace".to_string(), "", 8),
        _ => {
            let c = key.chars().next().expect("a key");
            (format!("Key{}", c.to_ascii_uppercase()), key, c.to_ascii_uppercase() as u32)
        }
    };
    let mut down = json!({ "type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": key_code });
    if !text.is_empty() {
        down["text"] = json!(text);
    }
    browser.devtools("Input.dispatchKeyEvent", down).await;
    let up = json!({ "type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": key_code });
    browser.devtools("Input.dispatchKeyEvent", up).await;
}

/// Bytes of live objects in the page's JavaScript heap (V8's `usedSize`) right after a full garbage
/// collection. WebAssembly linear memory is not in it.
pub async fn js_heap_after_gc(browser: &Browser) -> u64 {
    browser.devtools("HeapProfiler.collectGarbage", json!({})).await;
    let usage = browser.devtools("Runtime.getHeapUsage", json!({})).await;
    usage["usedSize"].as_f64().unwrap_or(0.0) as u64
}
