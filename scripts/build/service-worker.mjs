// Step "service worker" (release builds): sw.js precaches every file of this release under a
// cache named after a hash of their contents. Pages (navigations) come from the network first,
// so the next visit gets a new release at once, and from the cache when offline; the hashed
// files come from the cache first. A new release's worker replaces the old cache when it
// activates; until then the old release keeps working offline. The worker is web/service-worker.js.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fill, sha, webSource } from './util.mjs';

/** sw.js: web/service-worker.js, filled in with the release's version and the files it precaches. */
export function serviceWorkerSource(version, precache) {
  return fill('service worker', webSource('service-worker.js'), {
    VERSION: JSON.stringify(version),
    PRECACHE: JSON.stringify(precache),
    PAGES: JSON.stringify(precache.filter((u) => u === './' || u.endsWith('.html'))),
  });
}

export function serviceWorker(site, { exclude }) {
  const shipped = readdirSync(site.dir)
    .filter((f) => statSync(join(site.dir, f)).isFile() && !exclude.includes(f) && f !== 'sw.js' && !/\.(br|gz)$/.test(f))
    .sort();
  const version = sha(shipped.map((f) => f + ':' + sha(site.read(f))).join('\n'));
  const precache = ['./', ...shipped.map((f) => './' + f)];
  const source = serviceWorkerSource(version, precache);
  site.write('sw.js', source);
  return { version, count: precache.length };
}
