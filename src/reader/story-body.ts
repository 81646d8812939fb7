/** The story HTML as the reader shows it, and how its pictures relate to Story.images. */
import type { Photo } from '../core/story';
import { COLUMN_SIZES } from './format';

/**
 * Pictures in the text load lazily and decode off the main thread, so a long story with many
 * pictures paints its first screen at once. Done on an inert <template> before the HTML is
 * inserted: set afterwards, every picture would already have started loading.
 */
export function prepareBodyHtml(html: string, doc: Document | undefined = globalThis.document): string {
  if (!doc || !/<img\b/i.test(html)) return html;
  const template = doc.createElement('template');
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll('img')) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    if (img.hasAttribute('srcset') && !img.hasAttribute('sizes')) img.setAttribute('sizes', COLUMN_SIZES);
  }
  return template.innerHTML;
}

/** True when the story text already shows this picture (then it is not repeated as the lead). */
export function photoInHtml(photo: Photo, html: string): boolean {
  return html.includes(photo.src) || html.includes(photo.src.replace(/&/g, '&amp;'));
}

/** Index in `photos` of the picture an <img> of the story text shows, or -1. */
export function photoIndexForImage(photos: readonly Photo[], img: HTMLImageElement): number {
  const candidates = new Set([img.currentSrc, img.src, img.getAttribute('src') ?? ''].filter(Boolean));
  return photos.findIndex(
    (photo) => candidates.has(photo.src) || [...candidates].some((src) => photo.srcset?.includes(src)),
  );
}
