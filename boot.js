// Starts the WebAssembly app. Trunk's default loader is an inline <script>, which a strict
// Content-Security-Policy forbids; Trunk.toml's pattern_script puts this file in its place and passes the
// generated module and wasm paths as data attributes.
//
// First, the theme the user chose (src/preferences.rs), so that the page does not flash in the other scheme
// while the app loads. A preference only; nothing secret is ever in localStorage.
try {
  const theme = localStorage.getItem("geai-admin.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch (_) {
  // Storage may be disabled: the system's scheme applies.
}
const tag = document.querySelector("script[data-app-js]");
// Compiling starts now, as the bytes arrive, while the JS modules load: left to wasm-bindgen's init, it would
// start only once they had all loaded. A server that does not send application/wasm makes compileStreaming
// fail; init then fetches the path itself, the slower way.
const compiled = WebAssembly.compileStreaming(fetch(tag.dataset.appWasm)).catch(() => tag.dataset.appWasm);
const app = await import(tag.dataset.appJs);
await app.default({ module_or_path: await compiled });
