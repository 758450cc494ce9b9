// Starts the floor app as the dashboard's boot.js starts the dashboard, so that the two load alike: compiling
// starts as the wasm's bytes arrive, while the JS module loads. (A file, not an inline script: the page's
// Content-Security-Policy allows none.)
const base = new URL(".", import.meta.url);
const compiled = WebAssembly.compileStreaming(fetch(new URL("geai-floor_bg.wasm", base)));
const app = await import(new URL("geai-floor.js", base));
await app.default({ module_or_path: await compiled });
