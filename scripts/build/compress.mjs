// Step "compress" (release builds): writes .br and .gz beside every text and Wasm file, so a
// static server can send them as they are (nginx gzip_static/brotli_static, Caddy
// `file_server { precompressed br gzip }`; see the README).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|webmanifest|json|txt)$/;

export function compressAll(site) {
  const files = readdirSync(site.dir).filter((f) => statSync(join(site.dir, f)).isFile() && COMPRESSIBLE.test(f));
  for (const f of files) {
    const data = site.read(f);
    site.write(`${f}.gz`, gzipSync(data, { level: 9 }));
    site.write(
      `${f}.br`,
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
        },
      }),
    );
  }
  return files.length;
}
