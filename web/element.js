// ICP Filing Advisor as a library (web/element.js, filled in by scripts/build/library.mjs).
//   import { mount, evaluate, questions, version } from './icp-advisor.js';
//   <script type="module" src="./icp-advisor.js"></script>  <icp-advisor flow="need"></icp-advisor>
//
// Importing it where there is no page (server-side rendering, a worker) does nothing but
// export the functions: the element is defined only where custom elements exist.
import init, * as api from './__ICP_BINDINGS__';

const here = (path) => new URL(path, import.meta.url).href;
const inPage = typeof window !== 'undefined' && typeof document !== 'undefined';
let ready;
/** Loads the Wasm once; a failure is an Error that says so (and the next call tries again). */
function load() {
  ready ??= init({ module_or_path: here('./__ICP_WASM__') }).catch((error) => {
    ready = undefined;
    throw new Error(`ICP Filing Advisor: its WebAssembly could not be loaded (${error && error.message ? error.message : error})`);
  });
  return ready;
}

/** Loads the Wasm, and the texts of the language `options` lead to (all but English travel apart). */
async function prepare(options) {
  await load();
  const lang = api.languageFor(options);
  if (lang) await api.loadLanguage(lang, here('./')).catch((e) => console.warn('ICP Filing Advisor:', e.message));
}

// The host page's theme detection, hostTheme() and watchTheme(): static/embed.js is its one
// source (scripts/build/library.mjs copies its lines between "host-theme: begin" and "end").
__ICP_HOST_THEME__
/** The advisors that follow the page's theme (theme "auto"): their element and Wasm handle. */
const following = new Map();
let unwatch = null;
function retheme() {
  for (const [element, advisor] of following) {
    if (element.isConnected) advisor.setTheme(hostTheme(document, window, element));
  }
}
function follow(element, advisor) {
  following.set(element, advisor);
  unwatch ??= watchTheme(document, window, retheme);
  advisor.setTheme(hostTheme(document, window, element));
}
function unfollow(element) {
  following.delete(element);
  if (!following.size && unwatch) {
    unwatch();
    unwatch = null;
  }
}
const named = (theme) => (typeof theme === 'string' ? theme.trim().toLowerCase() : '');

/** The advisor mounted in each element (a second mount() replaces the first). */
const mounted = new WeakMap();

/**
 * Renders an independent advisor into `element` (in its shadow root); returns a handle with
 * `destroy()` and `setTheme('auto' | 'light' | 'dark')`. `options` may be an object or a
 * language tag.
 */
export async function mount(element, options) {
  if (!inPage) throw new Error('ICP Filing Advisor: mount() needs a page (there is no document here)');
  if (!(element instanceof Element)) {
    const got = element === null ? 'null' : Array.isArray(element) ? 'an array' : typeof element === 'object' ? 'an object that is not an element' : `${typeof element === 'undefined' ? 'undefined' : 'a ' + typeof element}`;
    throw new Error(`mount() needs an element of the page to render into, got ${got}`);
  }
  const given = typeof options === 'string' ? { lang: options } : options;
  await prepare(given);
  const plain = given !== null && typeof given === 'object' && !Array.isArray(given);
  // Anything but an object goes to the Wasm as it is, which says what is wrong with it.
  const advisor = api.mount(element, plain ? { stylesheet: here('./__ICP_CSS__'), assets: here('./'), ...given } : given);
  mounted.get(element)?.destroy();
  let theme = named(plain ? given.theme : undefined);
  const handle = {
    /** Removes the advisor (again: nothing happens). */
    destroy() {
      unfollow(element);
      if (mounted.get(element) === handle) mounted.delete(element);
      advisor.destroy();
    },
    /** Its colours: 'light', 'dark', or 'auto' (following the page's theme). */
    setTheme(next) {
      advisor.setTheme(next);
      theme = named(next);
      if (theme === 'light' || theme === 'dark') unfollow(element);
      else follow(element, advisor);
    },
  };
  mounted.set(element, handle);
  if (theme !== 'light' && theme !== 'dark') follow(element, advisor);
  return handle;
}

/** The same advice as `icp-advisor evaluate`; `options`: { lang, lens } or a language tag. */
export async function evaluate(answers, options) {
  await prepare(options);
  return api.evaluate(answers, options);
}

/** A domain name checked offline, as `icp-advisor domain`; `options`: { lang, province } or a language tag. */
export async function checkDomain(name, options) {
  await prepare(options);
  return api.checkDomain(name, options);
}

/** The flows and their questions, as `icp-advisor questions`; `options`: { lang } or a language tag. */
export async function questions(options) {
  await prepare(options);
  return api.questions(options);
}

/** The advisor's version, the rulebook's version and when the current-practice facts were gathered. */
export async function version() {
  await load();
  return api.version();
}

const ATTRIBUTES = ['flow', 'lang', 'theme', 'answers', 'faq-only'];
const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

/**
 * <icp-advisor flow="need" lang="zh-CN" theme="dark" answers="#/need/result?…" faq-only>
 * Renders in its own shadow root; sends bubbling `icp-advisor-change` (detail: the answers),
 * `icp-advisor-result` (detail: the advice as JSON) and `icp-advisor-warning` (an attribute
 * value it went without: detail { option, value, used, message }) events. Its attributes are
 * read as a link is: what is valid is kept, the rest named in a notice and a warning. A change
 * of `theme` recolours it; any other change renders it anew. Moved within the page (removed
 * and put back at once, as client-side routers do), it keeps its answers; removed, it is
 * destroyed.
 */
export class IcpAdvisorElement extends Base {
  static observedAttributes = ATTRIBUTES;
  #handle = null;
  #removal = null;
  #token = null;

  connectedCallback() {
    if (this.#removal !== null) {
      clearTimeout(this.#removal);
      this.#removal = null;
    }
    if (!this.#handle && !this.#token) this.#render();
  }

  disconnectedCallback() {
    if (this.#removal !== null) clearTimeout(this.#removal);
    this.#removal = setTimeout(() => {
      this.#removal = null;
      if (this.isConnected) return;
      this.#token = null;
      this.#handle?.destroy();
      this.#handle = null;
    }, 0);
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected || (!this.#handle && !this.#token)) return;
    const theme = named(value ?? 'auto');
    // A theme recolours the advisor in place (unless a render reading the attributes is on its way).
    if (name === 'theme' && this.#handle && !this.#token && ['auto', 'light', 'dark'].includes(theme)) {
      this.#handle.setTheme(theme);
      return;
    }
    this.#render();
  }

  async #render() {
    const options = { lenient: true };
    for (const name of ['flow', 'lang', 'theme', 'answers']) {
      const value = this.getAttribute(name);
      if (value !== null && value.trim() !== '') options[name] = value;
    }
    if (this.hasAttribute('faq-only')) options.lens = 'faq';
    const token = (this.#token = {});
    try {
      await prepare(options);
      if (token !== this.#token || !this.isConnected) return;
      this.#handle?.destroy();
      this.#handle = await mount(this, options);
    } catch (error) {
      // Not the advisor's input (its attributes are read leniently): the Wasm could not load.
      console.error('<icp-advisor>:', error);
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = String(error && error.message ? error.message : error);
      shadow.replaceChildren(p);
    } finally {
      if (token === this.#token) this.#token = null;
    }
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('icp-advisor')) {
  customElements.define('icp-advisor', IcpAdvisorElement);
}
