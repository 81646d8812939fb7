/** Small DOM helpers that behave the same in browsers, linkedom and jsdom. */
import { checkBudget } from './budget';

/** Elements that start a new block of text (a line of their own in a reader). */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
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
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function tagName(el: Element): string {
  return el.localName || el.nodeName.toLowerCase();
}

/** Class names and id of an element, lower-cased, one entry each. */
export function classAndId(el: Element): string[] {
  const names: string[] = [];
  const cls = el.getAttribute('class');
  if (cls) for (const c of cls.toLowerCase().split(/\s+/)) if (c) names.push(c);
  const id = el.getAttribute('id');
  if (id) names.push(id.toLowerCase());
  return names;
}

/** True when one of the element's class names or its id matches the token pattern. */
export function hasClassToken(el: Element, pattern: RegExp): boolean {
  for (const name of classAndId(el)) if (pattern.test(name)) return true;
  return false;
}

/**
 * True when the element is a small text holder (a few elements, at most three levels deep):
 * only those can be a label. The bounded check keeps the walk linear even on pages nested
 * thousands of levels deep, where every wrapper would otherwise have its whole text built.
 */
export function isShallow(el: Element, maxElements = 12): boolean {
  // Asked for every element of the page: a sibling walk, no arrays or objects per call.
  let seen = 0;
  let node: Element = el;
  let depth = 0;
  for (;;) {
    const child = node.firstElementChild;
    if (child) {
      if (depth >= 3) return false;
      seen += node.childElementCount;
      if (seen > maxElements) return false;
      node = child;
      depth++;
      continue;
    }
    while (node !== el && !node.nextElementSibling) {
      node = node.parentElement as Element;
      depth--;
    }
    if (node === el) return true;
    node = node.nextElementSibling as Element;
  }
}

/** Depth of the deepest element under root, stopping as soon as it passes `limit`. */
export function nestingDepth(root: Element, limit: number): number {
  let depth = 0;
  let max = 0;
  let node: Element | null = root;
  while (node) {
    if (depth > max) {
      max = depth;
      if (max > limit) return max;
    }
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    if (!node || node === root) break;
    node = node.nextElementSibling;
  }
  return max;
}

/** Whitespace-collapsed text content. */
export function textOf(node: Node | null | undefined): string {
  return collapse(node?.textContent ?? '');
}

export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Share of the element's text that sits inside links (Readability's link density). */
export function linkDensity(el: Element, textLength = textOf(el).length): number {
  if (!textLength) return 0;
  let linkLength = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linkLength += textOf(a).length;
  return linkLength / textLength;
}

/**
 * Depth-first walk over the elements under root in document order, without recursion (pages
 * nest thousands of levels deep). `visit` returns false to skip an element's subtree.
 */
export function walkElements(root: Element, visit: (el: Element) => boolean | undefined): void {
  const stack: Element[] = [root];
  while (stack.length) {
    checkBudget('tree walk');
    const el = stack.pop() as Element;
    if (visit(el) === false) continue;
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Element);
  }
}

export function ancestors(el: Element, stopAt?: Element | null): Element[] {
  const list: Element[] = [];
  let cur = el.parentElement;
  while (cur && cur !== stopAt) {
    list.push(cur);
    cur = cur.parentElement;
  }
  return list;
}

/**
 * Parses an HTML string inertly and returns its nodes as a fragment of `doc`. DOMParser makes a
 * document without scripting or loading (browsers, jsdom and linkedom alike), so nothing in
 * `html` runs or fetches; the nodes are imported, never assigned as markup. The whole-document
 * wrapper is what linkedom needs to put a fragment into <body>.
 */
export function parseInert(doc: Document, html: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
  if (!Parser) return fragment;
  const body = new Parser().parseFromString(
    `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
    'text/html',
  ).body;
  for (const node of Array.from(body?.childNodes ?? [])) fragment.appendChild(doc.importNode(node, true));
  return fragment;
}
