/**
 * Is only a teaser of the story visible? JSON-LD isAccessibleForFree=false (with hasPart
 * selectors naming the hidden part), paywall containers, a story ending in "Jetzt weiterlesen …".
 */
import { isObject, list, str } from './jsonld';
import type { PageMetadata } from './metadata';
import { REGEXPS } from './patterns';
import type { PartialReason } from './story';

const isFalse = (v: unknown) => v === false || (typeof v === 'string' && /^false$/i.test(v.trim()));

export function detectPartial(
  meta: PageMetadata,
  storyText: string,
  paywallRemoved: boolean,
  original: Document,
): null | { reason: PartialReason } {
  const article = meta.article;
  if (article && isFalse(article.isAccessibleForFree)) {
    // The hidden part is named by cssSelector; when that part is on the page, the story is whole.
    const selectors = list(article.hasPart)
      .filter(isObject)
      .filter((p) => isFalse(p.isAccessibleForFree))
      .map((p) => str(p.cssSelector))
      .filter(Boolean);
    const hiddenPartPresent = selectors.some((sel) => {
      try {
        const el = original.querySelector(sel);
        return !!el && (el.textContent ?? '').trim().length > 200;
      } catch {
        return false;
      }
    });
    if (!hiddenPartPresent) return { reason: 'paywall' };
  }
  const tail = storyText.slice(-300);
  if (REGEXPS.truncatedEnding.test(tail)) return { reason: 'truncated' };
  if (paywallRemoved && storyText.length < 1500) return { reason: 'paywall' };
  return null;
}
