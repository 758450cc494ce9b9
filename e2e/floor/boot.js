// Starts the floor app (a file, not an inline script: the sandbox's Content-Security-Policy allows no inline script).
// The module finds its wasm beside itself, which index.html preloads.
import init from "./geai-floor.js";
init();
