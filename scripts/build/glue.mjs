// Step "glue" (release builds): shortens wasm-bindgen's import and export names in the Wasm
// and the glue (scripts/shrink.mjs), minifies the glue, and updates the subresource-integrity
// hashes Trunk wrote into index.html for the originals.
import { createHash } from 'node:crypto';
import { shrinkNames } from '../shrink.mjs';
import { fail, minify } from './util.mjs';

export async function shrinkGlue(site, html, { bindings, wasm }) {
  const shrunk = shrinkNames(site.read(wasm), site.text(bindings));
  site.write(wasm, shrunk.wasm);
  site.write(bindings, await minify(shrunk.js));
  for (const file of [wasm, bindings]) {
    const tag = new RegExp(`(<link[^>]*href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]*(")`);
    if (!tag.test(html)) fail('glue', `no integrity attribute for ${file} in index.html`);
    const digest = createHash('sha384').update(site.read(file)).digest('base64');
    html = html.replace(tag, (_, before, after) => `${before}sha384-${digest}${after}`);
  }
  return { html };
}
