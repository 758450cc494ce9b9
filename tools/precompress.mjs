// Writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9) beside every text and wasm file of a built dist,
// so that a server sends them as they are instead of compressing on each request (geai-sandbox --dist,
// nginx's gzip_static and brotli_static, Caddy's precompressed). Brotli from Node's zlib, gzip from GNU gzip (see
// `gzip` below): nothing to install.
//
// usage: node tools/precompress.mjs DIST
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { spawnSync } from "node:child_process";

// GNU gzip -9 when there is one (Debian always has it): Node's zlib at level 9 makes a larger file (the
// dashboard's wasm: 250,079 B against gzip's 246,113), and the .gz twin is what a browser without brotli gets.
function gzip(path, bytes) {
  const gnu = spawnSync("gzip", ["-9", "-n", "-c", path], { maxBuffer: 1 << 30 });
  return gnu.status === 0 ? gnu.stdout : gzipSync(bytes, { level: 9 });
}

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".txt"]);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(name))) yield path;
  }
}

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node tools/precompress.mjs DIST");
  process.exit(2);
}
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzip(path, bytes));
}
