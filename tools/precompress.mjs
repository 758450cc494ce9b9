// Writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9) beside every text and wasm file of a built dist,
// so that a server sends them as they are instead of compressing on each request (geai-sandbox --dist,
// nginx's gzip_static and brotli_static, Caddy's precompressed). Node's own zlib: nothing to install.
//
// usage: node tools/precompress.mjs DIST
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

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
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}
