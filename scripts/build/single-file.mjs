// Step "single file" (release builds): icp-advisor.html with the Wasm, the JS and the CSS
// inlined, for opening from disk (file://) or mailing. It has the start screens of index.html;
// it is no embed target, keeps no service worker, and marks <html data-single-file> (so the
// app offers no links to static pages beside it).
//
// Its policy: index.html's, with the hashes of its inline module and of the whole stylesheet
// (inlined after index.html's first-module rules) added to script-src and style-src. That hash
// is added to csp.txt too, so the header the README recommends for the whole folder lets the
// single-file edition run as well; the file carries the policy in its own <meta> for file://,
// where no header applies.
import { readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fail, minify } from './util.mjs';

/** The policy with `'sha256-…'` of `text` added to its `directive` (script-src, style-src). */
function withHash(csp, directive, text) {
  const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const at = new RegExp(`((?:^|; )${directive} [^;]*)`);
  if (!at.test(csp)) fail('single file', `the policy has no ${directive}`);
  return csp.includes(hash) ? csp : csp.replace(at, `$1 ${hash}`);
}

/** The texts files (texts.<code>.<pack>.<hash>.txt), inlined as JSON strings the app reads
 * (src/ui/texts.rs: the element #icp-advisor-<file name>). */
function inlineTexts(site) {
  return readdirSync(site.dir)
    .filter((f) => /^texts\.[A-Za-z0-9-]+\.[a-z0-9-]+\.[0-9a-f]+\.txt$/.test(f))
    .sort()
    .map((file) => {
      const json = JSON.stringify(site.text(file)).replace(/</g, '\\u003c');
      return `<script type="application/json" id="icp-advisor-${file}">${json}</script>`;
    })
    .join('');
}

export async function singleFile(site, html, { bindings, wasm, loader, css }, glue) {
  const csp = site.text('csp.txt').trim();
  let code = glue.replace(/^export (function|class) /gm, '$1 ').replace(/^export \{[^}]*\};?\s*$/gm, '');
  if (/^export /m.test(code)) fail('single file', 'an export was left in the bindings; the single-file edition needs updating');
  const wasmB64 = site.read(wasm).toString('base64');
  const script = await minify(
    `${code}\n` +
      `const wasmBytes = Uint8Array.from(atob(${JSON.stringify(wasmB64)}), (c) => c.charCodeAt(0));\n` +
      `await __wbg_init({ module_or_path: wasmBytes });\n` +
      // The library's Wasm (for the JS API below) starts the app only when asked.
      `startApp();\n` +
      `window.wasmBindings = { evaluate, questions, version, loadLanguage };\n`,
  );
  const icon = site.read('icon.svg').toString('base64');
  const module = `\n${script}\n`;
  // index.html inlines only the first module's rules (src/site/first_screens.rs, page_css); this file is the
  // full module, so the whole stylesheet follows them (the same rules again, then the rest, in
  // the stylesheet's order: the cascade is the whole file's).
  const style = site.text(css).replace(/\/\*[\s\S]*?\*\//g, '');
  const policy = withHash(withHash(csp, 'script-src', module), 'style-src', style);
  if (!html.includes('<meta http-equiv="Content-Security-Policy" content="')) fail('single file', 'index.html has no policy to extend');
  const single = html
    .replace('<html lang="en">', '<html lang="en" data-single-file>')
    // Its own policy (opened from disk, no header applies): index.html's and its module's hash.
    .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`)
    // No static pages beside it: its links into them lead into the app.
    .replace(/href="\.\/faq(\.[a-zA-Z-]+)?\.html"/g, 'href="#/faq"')
    .replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, '')
    .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`)
    .replace(`<script type="module" src="./${loader}"></script>`, () => `<script type="module">${module}</script>`)
    .replace('</style>', () => `</style><style>${style}</style>`);
  if (!single.includes(`<style>${style}</style>`)) fail('single file', 'the whole stylesheet was not inlined');
  if (single.includes(`src="./${loader}"`)) fail('single file', 'the loader tag was not replaced');
  const texts = inlineTexts(site);
  if (!single.includes('</body>')) fail('single file', 'index.html has no </body>');
  // The folder's policy (the header) lets the single-file edition's module run too.
  site.write('csp.txt', policy + '\n');
  return single.replace('</body>', () => `${texts}</body>`);
}
