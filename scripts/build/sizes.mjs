// Step "sizes" (release builds): prints every shipped file's size raw, gzip and brotli.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export function sizes(site, { single }) {
  const rows = readdirSync(site.dir)
    .filter((f) => statSync(join(site.dir, f)).isFile() && !/\.(br|gz)$/.test(f))
    .sort()
    .map((f) => {
      const data = site.read(f);
      return { file: f, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, br: brotliCompressSync(data).length };
    });
  const pad = (v, n) => String(v).padStart(n);
  console.log('postbuild: release files (bytes: raw / gzip -9 / brotli):');
  for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 8)} ${pad(r.br, 8)}`);
  const main = rows.filter((r) => r.file !== single);
  const sum = (k) => main.reduce((a, r) => a + r[k], 0);
  console.log(`  ${'total (without the single file)'.padEnd(44)} ${pad(sum('raw'), 9)} ${pad(sum('gzip'), 8)} ${pad(sum('br'), 8)}`);
  return rows;
}
