/** Small DOM helpers that behave the same in browsers, linkedom and jsdom. */

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
 * True when the element is a small text holder (its children have at most a couple of children
 * themselves): only those can be a label, and testing only them keeps the walk linear.
 */
export function isShallow(el: Element, maxChildren = 4): boolean {
  if (el.childElementCount > maxChildren) return false;
  for (const child of Array.from(el.children)) if (child.childElementCount > 2) return false;
  return true;
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

/** Parses an HTML string inertly in `doc` (a template's content never runs scripts or loads). */
export function parseInert(doc: Document, html: string): DocumentFragment {
  const template = doc.createElement('template') as HTMLTemplateElement;
  template.innerHTML = html;
  if (template.content) return template.content;
  // linkedom without template content support: fall back to a detached div
  const frag = doc.createDocumentFragment();
  const div = doc.createElement('div');
  div.innerHTML = html;
  while (div.firstChild) frag.appendChild(div.firstChild);
  return frag;
}
