/**
 * Text the page never shows on screen: screen-reader-only labels ("zum Video", "Fotostrecke mit
 * 4 Bildern", "Ende des Videobeitrags") and print-only copies of the date line. Read aloud or
 * printed they make sense; in a reader view they read as stray lines inside the story.
 *
 * Not counted as clutter removed (the reader never saw it), and guarded by length: a site that
 * hides a real block behind such a class by mistake keeps it.
 */
import { classAndId, textOf, walkElements } from '../dom';
import { REGEXPS } from '../patterns';

/** A label or a date line, not a block of story. */
const MAX_INVISIBLE_TEXT = 200;

/**
 * Every name invisibleClass matches contains one of these: one test on the raw attributes lets
 * the walk pass over almost every element without splitting its class list.
 */
const MAYBE_INVISIBLE = /sr|reader|hidden|a11y|hide|invisible|assistive|offscreen|print/i;

export function isInvisibleLabel(el: Element): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!MAYBE_INVISIBLE.test(raw)) return false;
  if (!classAndId(el).some((name) => REGEXPS.invisibleClass.test(name))) return false;
  if (el.getElementsByTagName('h1').length || el.localName === 'h1') return false;
  return textOf(el).length <= MAX_INVISIBLE_TEXT;
}

/** Removes screen-reader-only and print-only elements under the body; returns how many. */
export function removeInvisibleText(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const found: Element[] = [];
  walkElements(body, (el) => {
    if (el !== body && isInvisibleLabel(el)) {
      found.push(el);
      return false;
    }
    return true;
  });
  for (const el of found) el.remove();
  return found.length;
}
