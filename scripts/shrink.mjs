// Shrinks wasm-bindgen's output for release builds (used by scripts/postbuild.mjs).
//
// wasm-bindgen names every import and internal export after the Rust item plus a hash
// (`__wbg_instanceof_HtmlInputElement_28751c98d77a5a65`), and both the Wasm and the JS
// glue carry each name in full: about 15 KB before compression. This renames them to short
// names (`a`, `b`, …) in the Wasm's import and export sections and in the glue, keeping the
// exports other code calls by name (the JS API and `memory`). The caller then minifies the
// glue; the end-to-end tests run the result.
//
// Uses only Node's standard library.

/** Wasm exports called by name from outside the glue: never renamed. The glue's own
 * exports (the JS API: `export function evaluate`, `export class Advisor`, …) are found in it,
 * so a new API function needs no change here. */
const ALWAYS_KEPT = ['memory', 'main'];

/** The names the glue exports, and the Wasm exports they are built on. */
function publicNames(js) {
  const names = new Set(ALWAYS_KEPT);
  for (const m of js.matchAll(/^export (?:async )?(?:function|class) ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of js.matchAll(/__wbg_([a-z0-9_]+)_free\b/g)) names.add(m[0]);
  return names;
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

function readName(bytes, at) {
  const [len, start] = readU32(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + len)).toString('utf8'), start + len];
}

function name(text) {
  const b = Buffer.from(text, 'utf8');
  return [...u32(b.length), ...b];
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`shrink: unknown import kind ${kind}`);
  }
}

/** `a`, `b`, … `z`, `A`, … `Z`, `aa`, …: short names that are valid JS identifiers. */
function* shortNames(taken) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let n = 0; ; n++) {
    let s = '';
    let k = n;
    do {
      s = letters[k % letters.length] + s;
      k = Math.floor(k / letters.length) - 1;
    } while (k >= 0);
    if (!taken.has(s)) yield s;
  }
}

const wordPattern = (word, flags) => new RegExp(`(?<![\\w$])${word.replace(/\$/g, '\\$')}(?![\\w$])`, flags);
const mentions = (js, word) => wordPattern(word, '').test(js);

/**
 * Renames imports and internal exports. Returns the new Wasm bytes and glue text, and the
 * number of names changed.
 */
export function shrinkNames(wasm, js) {
  const bytes = new Uint8Array(wasm);
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== '\0asm') throw new Error('shrink: not a Wasm module');
  const renames = new Map();
  const PUBLIC_EXPORTS = publicNames(js);
  const next = shortNames(PUBLIC_EXPORTS);
  const rename = (old) => {
    if (!renames.has(old)) renames.set(old, next.next().value);
    return renames.get(old);
  };
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, bodyStart] = readU32(bytes, at + 1);
    const bodyEnd = bodyStart + size;
    let body = bytes.subarray(bodyStart, bodyEnd);
    if (id === 2 || id === 7) {
      const rewritten = [];
      let p = 0;
      let count;
      [count, p] = readU32(body, p);
      rewritten.push(...u32(count));
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          let module, field;
          [module, p] = readName(body, p);
          [field, p] = readName(body, p);
          const descEnd = skipImportDesc(body, p);
          rewritten.push(...name(module), ...name(rename(field)), ...body.subarray(p, descEnd));
          p = descEnd;
        } else {
          let field;
          [field, p] = readName(body, p);
          const kind = body[p];
          const [, descEnd] = readU32(body, p + 1);
          // Exports the glue never names (if any) keep their names too.
          const keep = PUBLIC_EXPORTS.has(field) || !mentions(js, field);
          rewritten.push(...name(keep ? field : rename(field)), kind, ...body.subarray(p + 1, descEnd));
          p = descEnd;
        }
      }
      if (p !== body.length) throw new Error(`shrink: section ${id} was not read to its end`);
      body = Uint8Array.from(rewritten);
    }
    out.push(Uint8Array.from([id, ...u32(body.length)]), body);
    at = bodyEnd;
  }
  // In the glue the names appear as object keys (imports) and as `wasm.<name>` (exports).
  let glue = js;
  for (const [old, short] of renames) {
    const before = glue;
    glue = glue.replace(wordPattern(old, 'g'), short);
    if (glue === before) throw new Error(`shrink: ${old} does not occur in the glue`);
  }
  return { wasm: Buffer.concat(out), js: glue, renamed: renames.size };
}
