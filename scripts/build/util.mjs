// Small helpers shared by the post-build steps.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Hex digest prefix, for content-hashed file names. */
export const sha = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);

/** The folder Trunk builds into, with read/write helpers. */
export function folder(dir) {
  return {
    dir,
    path: (name) => join(dir, name),
    read: (name) => readFileSync(join(dir, name)),
    text: (name) => readFileSync(join(dir, name), 'utf8'),
    write: (name, data) => writeFileSync(join(dir, name), data),
  };
}

/** `require` for the pinned npm tools (scripts/tools.sh installs them). */
export function npmRequire() {
  const npm = process.env.ICP_ADVISOR_NPM || join(process.env.HOME || '', '.cache', 'icp-advisor', 'npm');
  return createRequire(join(npm, 'package.json'));
}

/**
 * Minifies an ES module (or, with `module: false`, a classic script) with terser (release
 * builds); `preamble` is a comment kept at the top.
 */
export async function minify(code, { module = true, preamble } = {}) {
  const { minify: terser } = npmRequire()('terser');
  const format = { comments: false, ...(preamble ? { preamble } : {}) };
  return (await terser(code, { module, compress: { passes: 2 }, mangle: true, format })).code;
}

/** A script of `web/`: the page's JavaScript, with placeholders `__ICP_NAME__` the build fills in. */
export const webSource = (name) => readFileSync(join(ROOT, 'web', name), 'utf8');

/** A placeholder of a `web/` script: `__ICP_` and a name in capitals (words joined by `_`), `__`. */
export const PLACEHOLDER = /__ICP_([A-Z0-9]+(?:_[A-Z0-9]+)*)__/g;

/**
 * `source` (a `web/` script) with each placeholder `__ICP_NAME__` replaced by `values.NAME`
 * (as it is: a name inside a string, JSON for a value in code). Fails the build (naming `step`)
 * on a placeholder that has no value, or a value that has no placeholder.
 */
export function fill(step, source, values) {
  const used = new Set();
  const out = source.replace(PLACEHOLDER, (whole, name) => {
    if (!Object.hasOwn(values, name)) fail(step, `${whole} has no value`);
    used.add(name);
    return String(values[name]);
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) fail(step, `no placeholder __ICP_${unused[0]}__ in the script`);
  return out;
}

/** Fails the build with one line naming the step. */
export function fail(step, message) {
  throw new Error(`postbuild (${step}): ${message}`);
}
