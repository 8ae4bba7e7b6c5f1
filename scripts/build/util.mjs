// Small helpers shared by the post-build steps.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Fails the build with one line naming the step. */
export function fail(step, message) {
  throw new Error(`postbuild (${step}): ${message}`);
}
