/** The story HTML as the reader shows it, and how its pictures relate to Story.images. */
import { sanitizedBodyCopy, sanitizeToFragment } from '../core/sanitize';
import type { Photo, Story } from '../core/story';
import { COLUMN_SIZES } from './format';

/**
 * The story body as nodes for the reader, so the page never gets a markup string: a copy of the
 * nodes core sanitized for this Story, or, for a Story core did not make, story.html through the
 * one policy as a DocumentFragment. Pictures load lazily and decode off the main thread, so a
 * long story with many pictures paints its first screen at once; set while the nodes still
 * belong to DOMPurify's inert document, since set after insertion every picture would already
 * have started loading.
 */
export function storyBodyFragment(story: Story, win: Window): DocumentFragment {
  const fragment = sanitizedBodyCopy(story) ?? sanitizeToFragment(story.html, win);
  for (const img of fragment.querySelectorAll('img')) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    if (img.hasAttribute('srcset') && !img.hasAttribute('sizes')) img.setAttribute('sizes', COLUMN_SIZES);
  }
  return fragment;
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
