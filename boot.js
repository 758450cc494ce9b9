// Starts the WebAssembly app. Trunk's default loader is an inline <script>, which a strict
// Content-Security-Policy forbids; Trunk.toml's pattern_script puts this file in its place and passes the
// generated module and wasm paths as data attributes.
const tag = document.querySelector("script[data-app-js]");
const app = await import(tag.dataset.appJs);
await app.default({ module_or_path: tag.dataset.appWasm });
