/**
 * The one sanitizer policy (issue 7): every HTML string and every URL that leaves core passes
 * through here. Allow-list based, so a tag or attribute nobody thought of is dropped, not kept.
 */
import createDOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { checkBudget } from './budget';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'wbr',
];
const ALLOWED_ATTR = [
  'abbr',
  'alt',
  'cite',
  'colspan',
  'datetime',
  'dir',
  'headers',
  'height',
  'href',
  'lang',
  'media',
  'reversed',
  'rel',
  'rowspan',
  'scope',
  'sizes',
  'span',
  'src',
  'srcset',
  'start',
  'target',
  'title',
  'type',
  'width',
];
/** Named even though the allow-list already excludes them: a later edit of the list must not let them in. */
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'template',
  'noscript',
  'applet',
  'audio',
  'video',
  'canvas',
  'dialog',
  'portal',
];
const FORBID_ATTR = [
  'style',
  'srcdoc',
  'formaction',
  'action',
  'xlink:href',
  'poster',
  'data',
  'background',
  'ping',
];
const LINK_URL = /^(?:https?:|mailto:|tel:)/i;
/**
 * DOMPurify tests every attribute not named here against the URL pattern; these carry no URL.
 * Without the list a strict URL pattern would strip "100vw", "2" or "ltr".
 */
const NON_URL_ATTR = ALLOWED_ATTR.filter((a) => !['href', 'src', 'srcset', 'cite'].includes(a));

// The URL parser's own preprocessing (WHATWG URL): trim C0 controls and spaces, drop tabs/newlines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
const URL_EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const URL_TABS_NEWLINES = /[\t\n\r]/g;

/** An absolute http(s) URL for `url` resolved against `base`, or null for anything else. */
export function safeUrl(url: string | null | undefined, base?: string): string | null {
  if (!url) return null;
  const cleaned = url.replace(URL_EDGES, '').replace(URL_TABS_NEWLINES, '');
  if (!cleaned || cleaned.startsWith('data:') || cleaned.startsWith('blob:')) return null;
  let parsed: URL;
  try {
    parsed = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/** Like safeUrl, but also mailto: and tel: (links may use them; images may not). */
export function safeLinkUrl(url: string | null | undefined, base?: string): string | null {
  const trimmed = (url ?? '').replace(URL_EDGES, '').replace(URL_TABS_NEWLINES, '');
  if (/^(?:mailto|tel):/i.test(trimmed))
    return /[<>"'\s]/.test(trimmed) ? trimmed.replace(/\s+/g, '').replace(/[<>"']/g, '') || null : trimmed;
  return safeUrl(url, base);
}

/** A srcset with every candidate made absolute http(s); unsafe candidates are dropped. */
export function safeSrcset(srcset: string | null | undefined, base?: string): string | null {
  if (!srcset) return null;
  const out: string[] = [];
  for (const candidate of parseSrcset(srcset)) {
    const url = safeUrl(candidate.url, base);
    if (url && /^\d+(?:\.\d+)?[wx]$/.test(candidate.descriptor || '1x')) {
      out.push(
        candidate.descriptor
          ? `${url.replace(/,/g, '%2C')} ${candidate.descriptor}`
          : url.replace(/,/g, '%2C'),
      );
    }
  }
  return out.length ? out.join(', ') : null;
}

export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/** Splits a srcset the way browsers do (HTML spec): a URL runs to whitespace, trailing commas end it. */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const result: SrcsetCandidate[] = [];
  let pos = 0;
  const n = srcset.length;
  while (pos < n) {
    while (pos < n && /[\s,]/.test(srcset.charAt(pos))) pos++;
    if (pos >= n) break;
    let end = pos;
    while (end < n && !/\s/.test(srcset.charAt(end))) end++;
    let url = srcset.slice(pos, end);
    pos = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let close = pos;
      while (close < n && srcset[close] !== ',') close++;
      descriptor = srcset.slice(pos, close).trim().split(/\s+/)[0] ?? '';
      pos = close + 1;
    }
    if (url) result.push({ url, descriptor });
  }
  return result;
}

const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (purifier) return purifier;
  purifier = createDOMPurify(win as unknown as Window & typeof globalThis);
  // Fail closed: DOMPurify returns its input unchanged when the window lacks what it needs
  // (linkedom's window has no document.implementation).
  if (!purifier.isSupported) {
    throw new Error('DOMPurify is not supported by this window (linkedom?): pass a browser or jsdom window');
  }
  // Once per element: a huge story must not run the sanitizer far past the extraction budget.
  purifier.addHook('uponSanitizeElement', () => checkBudget('sanitize'));
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.getAttribute) return;
    const tag = el.nodeName.toLowerCase();
    if (tag === 'a') {
      const href = safeLinkUrl(el.getAttribute('href'));
      if (href) {
        el.setAttribute('href', href);
        el.setAttribute('rel', 'noopener noreferrer');
        el.setAttribute('target', '_blank');
      } else {
        el.removeAttribute('href');
        el.removeAttribute('target');
        el.removeAttribute('rel');
      }
    } else {
      el.removeAttribute('target');
      el.removeAttribute('rel');
    }
    if (el.hasAttribute('src')) {
      const src = safeUrl(el.getAttribute('src'));
      if (src) el.setAttribute('src', src);
      else el.removeAttribute('src');
    }
    if (el.hasAttribute('srcset')) {
      const srcset = safeSrcset(el.getAttribute('srcset'));
      if (srcset) el.setAttribute('srcset', srcset);
      else el.removeAttribute('srcset');
    }
    if (el.hasAttribute('cite') && !safeUrl(el.getAttribute('cite'))) el.removeAttribute('cite');
  });
  purifiers.set(win, purifier);
  return purifier;
}

const POLICY = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: LINK_URL,
  ADD_URI_SAFE_ATTR: NON_URL_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
};

/**
 * Sanitises an HTML fragment with the one policy. `win` must be a window DOMPurify supports:
 * the page's window in a browser, a jsdom window under Node. URLs must already be absolute
 * (relative ones are dropped, since the reader's base URL is not the page's).
 */
export function sanitizeHtml(html: string, win: Window): string {
  return purifierFor(win).sanitize(html, { ...POLICY, RETURN_TRUSTED_TYPE: false }) as string;
}

/**
 * The same policy, returning the sanitized nodes in the <body> of DOMPurify's inert parsing
 * document: core reads the story's text from them and serializes them once (`.innerHTML` read
 * equals sanitizeHtml's string), instead of parsing the sanitized string a second time.
 */
export function sanitizeToBody(html: string, win: Window): HTMLElement {
  return purifierFor(win).sanitize(html, { ...POLICY, RETURN_DOM: true }) as HTMLElement;
}

/**
 * The sanitized nodes behind each Story that core made, kept in memory only (a Story also leaves
 * as JSON): the reader inserts copies of them instead of sanitizing `Story.html` a second time.
 */
const sanitizedBodies = new WeakMap<object, HTMLElement>();

export function rememberSanitizedBody(story: object, body: HTMLElement): void {
  sanitizedBodies.set(story, body);
}

/** A fresh copy of the nodes core sanitized for `story`, or null for a Story core did not make. */
export function sanitizedBodyCopy(story: object): DocumentFragment | null {
  const body = sanitizedBodies.get(story);
  if (!body) return null;
  const copy = body.cloneNode(true);
  const fragment = body.ownerDocument.createDocumentFragment();
  while (copy.firstChild) fragment.appendChild(copy.firstChild);
  return fragment;
}

/**
 * The same policy, returning nodes instead of a string: what the reader inserts. The nodes
 * belong to DOMPurify's inert parsing document (nothing loads or runs there) until they are
 * appended, so no markup string is ever assigned in the page.
 */
export function sanitizeToFragment(html: string, win: Window): DocumentFragment {
  return purifierFor(win).sanitize(html, { ...POLICY, RETURN_DOM_FRAGMENT: true });
}

/** True when this window can run the sanitizer (false for linkedom). */
export function canSanitizeWith(win: Window | null | undefined): win is Window {
  if (!win) return false;
  try {
    purifierFor(win);
    return true;
  } catch {
    return false;
  }
}

/** Elements whose `name`/`id` become properties of their form or of the document (HTML named properties). */
const NAMED_PROPERTY_ELEMENTS =
  'img, form, embed, object, iframe, input, button, fieldset, output, select, textarea';

/** Calls a DOM method from the prototype chain, past any named property that shadows it. */
function callUnshadowed<T>(target: object, method: string, ...args: unknown[]): T {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, method);
    if (descriptor && typeof descriptor.value === 'function')
      return descriptor.value.apply(target, args) as T;
  }
  throw new TypeError(`no ${method} on ${String(target)}`);
}

function inheritedPropertyNames(target: object, into: Set<string>): void {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) into.add(name);
  }
}

/**
 * DOM clobbering: in `<form><input name="parentNode">` the form's parentNode is the input, so a
 * tree walk that climbs by parentNode (Readability's) loops forever and hangs the tab;
 * `<img name="querySelectorAll">` shadows document.querySelectorAll. The extraction clone drops
 * every such `name`/`id` before anything walks it. Mutates and returns `doc`.
 */
export function defuseClobbering(doc: Document): Document {
  const shadowed = new Set<string>();
  inheritedPropertyNames(doc, shadowed);
  inheritedPropertyNames(callUnshadowed<Element>(doc, 'createElement', 'form'), shadowed);
  for (const el of Array.from(
    callUnshadowed<NodeListOf<Element>>(doc, 'querySelectorAll', NAMED_PROPERTY_ELEMENTS),
  )) {
    for (const attribute of ['name', 'id']) {
      const value = callUnshadowed<string | null>(el, 'getAttribute', attribute);
      if (value !== null && shadowed.has(value)) callUnshadowed(el, 'removeAttribute', attribute);
    }
  }
  return doc;
}

/**
 * `document.documentElement` as the DOM defines it, past a page's `<form name="documentElement">`
 * (Firefox content scripts see such named properties through their Xray wrappers).
 */
export function documentRoot(doc: Document): HTMLElement {
  for (let proto = Object.getPrototypeOf(doc); proto; proto = Object.getPrototypeOf(proto)) {
    const getter = Object.getOwnPropertyDescriptor(proto, 'documentElement')?.get;
    if (getter) return getter.call(doc) as HTMLElement;
  }
  return doc.documentElement;
}
