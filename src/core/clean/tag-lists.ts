/**
 * Tag lists ("Tags: Stock Car, Interlagos, …"): links the page itself marks as tags (`rel="tag"`,
 * WordPress and most blog engines) make a keyword line, not a sentence of the story. The largest
 * container that is still mostly those links goes, with the label beside them.
 */
import { textOf } from '../dom';

const MAX_TAG_LIST_TEXT = 600;
/** Share of the container's text the tag links make: the rest is a label and separators. */
const MIN_TAG_SHARE = 0.6;

function tagShare(el: Element, tagLinks: Element[]): number {
  const total = textOf(el).length;
  if (!total) return 0;
  let linked = 0;
  for (const a of tagLinks) if (el.contains(a)) linked += textOf(a).length;
  return linked / total;
}

export function findTagLists(doc: Document): Element[] {
  const links = Array.from(doc.querySelectorAll('a[rel~="tag"]'));
  if (!links.length) return [];
  const found = new Set<Element>();
  for (const link of links) {
    let container: Element | null = null;
    for (let cur = link.parentElement; cur && cur !== doc.body; cur = cur.parentElement) {
      if (cur.localName === 'h1' || cur.getElementsByTagName('h1').length) break;
      if (textOf(cur).length > MAX_TAG_LIST_TEXT || tagShare(cur, links) < MIN_TAG_SHARE) break;
      container = cur;
    }
    if (container) found.add(container);
  }
  return Array.from(found).filter((el) => !Array.from(found).some((o) => o !== el && o.contains(el)));
}

/** Removes tag lists; returns how many. */
export function removeTagLists(doc: Document): number {
  const lists = findTagLists(doc);
  for (const el of lists) el.remove();
  return lists.length;
}
