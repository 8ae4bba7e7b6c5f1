// Trunk's post-build hook (see Trunk.toml): runs on the staging folder before it becomes dist/.
// Each step is a small module of scripts/build/; none needs a browser.
//
//   library         icp-advisor.js: the JS API, mount() and <icp-advisor>            always
//                   (release: with the library's own Wasm, `--features library`,
//                   which is also the page's full module: src/ui/handover.rs)
//   loader          Trunk's inline loader → loader-<hash>.js (strict CSP); release:  always
//                   the first module, the full one in the background, the handover
//   glue            short wasm-bindgen names, minified glue, integrity hashes       release
//                   (and icp-advisor.js and embed.js minified)
//   site            first screens, faq.html, rules.html, inline head script and     release
//                   stylesheet with their CSP (`icp-advisor site`, rendered natively)
//   single file     icp-advisor.html (Wasm, JS and CSS inlined)                      release
//   service worker  sw.js (versioned precache; pages network-first)                 release
//   sizes           every file's size, raw / gzip / brotli                          release
//   compress        .br and .gz beside each text and Wasm file                      release
//
// The loader, icp-advisor.js and sw.js are the scripts of web/, filled in (util.mjs, `fill`).
// Uses Node's standard library and, for release builds, the pinned terser (scripts/tools.sh).

import { folder, minify } from './build/util.mjs';
import { trunkNames, loaderSource, externalizeLoader } from './build/loader.mjs';
import { buildLibrary, librarySource } from './build/library.mjs';
import { shrinkGlue } from './build/glue.mjs';
import { renderSite } from './build/site.mjs';
import { singleFile } from './build/single-file.mjs';
import { serviceWorker } from './build/service-worker.mjs';
import { compressAll } from './build/compress.mjs';
import { sizes } from './build/sizes.mjs';

const SINGLE_FILE = 'icp-advisor.html';
const LIBRARY_PREAMBLE = `// ICP Filing Advisor: <icp-advisor>, mount() and the JS API (README: "Embedding in documentation pages").
//   <script type="module" src="./icp-advisor.js"></script>  <icp-advisor flow="need"></icp-advisor>
//   import { mount, evaluate, questions, version } from './icp-advisor.js';`;
const EMBED_PREAMBLE = `// ICP Filing Advisor: the iframe helper (README: "iframe").
//   <iframe data-src="…/embed.html?embed=1&flow=need" data-icp-advisor title="ICP Filing Advisor"></iframe>
//   <script src="…/embed.js" defer></script>`;

async function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  const release = process.env.TRUNK_PROFILE === 'release';
  const site = folder(staging);
  let html = site.text('index.html');
  const names = trunkNames(html);
  const css = (html.match(/href="\.\/([^"]+\.css)"/) || [])[1];

  // Release pages run in two modules: Trunk's (the first) and the library's (the full one).
  const library = release ? await buildLibrary(site) : null;
  let code = loaderSource(names, { full: library, css });
  if (release) code = await minify(code);
  const loader = externalizeLoader(html, code);
  site.write(loader.name, code);
  html = loader.html;
  site.write('icp-advisor.js', librarySource({ ...names, css }));
  if (!release) {
    site.write('index.html', html);
    return;
  }

  const { html: withHashes } = await shrinkGlue(site, html, names);
  site.write('index.html', withHashes);
  // The two scripts a documentation page loads, minified (their sources are commented at length).
  site.write('icp-advisor.js', await minify(librarySource({ ...library, css }), { preamble: LIBRARY_PREAMBLE }));
  site.write('embed.js', await minify(site.text('embed.js'), { module: false, preamble: EMBED_PREAMBLE }));
  renderSite(staging);
  // The single file carries the library's Wasm: its page offers the JS API (window.wasmBindings).
  site.write(SINGLE_FILE, await singleFile(site, site.text('index.html'), { ...library, loader: loader.name, css }, library.glue));
  // The page works offline with its two modules (the library's Wasm is the full one); other
  // pages load icp-advisor.js from their origin.
  const sw = serviceWorker(site, { exclude: [SINGLE_FILE, 'icp-advisor.js'] });
  console.log(`postbuild: service worker version ${sw.version}, ${sw.count} URLs precached`);
  sizes(site, { single: SINGLE_FILE });
  console.log(`postbuild: ${compressAll(site)} files precompressed (.br, .gz)`);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
