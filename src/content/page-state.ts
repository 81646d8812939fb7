/**
 * What opening the reader changes on the page, and how to put it back exactly.
 * Only three things are touched: the root element's inline style (scroll lock), media that was
 * playing, and focus. Each is recorded before the change and restored byte for byte, so the
 * page's DOM serialises the same after closing as before opening.
 */

import { documentRoot } from '../core/sanitize';

export interface PageSnapshot {
  restore(): void;
}

const SCROLL_LOCK_PROPERTIES = ['overflow', 'overscroll-behavior'] as const;

export function lockPage(doc: Document): PageSnapshot {
  const root = documentRoot(doc);
  const win = doc.defaultView;
  const scrollX = win?.scrollX ?? 0;
  const scrollY = win?.scrollY ?? 0;
  const styleAttribute = root.getAttribute('style');
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;

  for (const property of SCROLL_LOCK_PROPERTIES) {
    root.style.setProperty(property, property === 'overflow' ? 'hidden' : 'none', 'important');
  }
  // `* { display: none !important }` hides the root and the reader's layer with it; an inline
  // important declaration wins, and restore() puts the style attribute back as it was.
  if (win?.getComputedStyle(root).display === 'none') root.style.setProperty('display', 'block', 'important');
  const pausedMedia = pausePlayingMedia(doc);

  return {
    restore() {
      if (styleAttribute === null) root.removeAttribute('style');
      else root.setAttribute('style', styleAttribute);
      for (const media of pausedMedia) {
        // A page may forbid autoplay; a rejected play() must not surface as an error of ours.
        media.play().catch(() => undefined);
      }
      if (focused?.isConnected) focused.focus({ preventScroll: true });
      else if (doc.activeElement instanceof HTMLElement) doc.activeElement.blur();
      if (win && (win.scrollX !== scrollX || win.scrollY !== scrollY)) {
        win.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
      }
    },
  };
}

function pausePlayingMedia(doc: Document): HTMLMediaElement[] {
  const paused: HTMLMediaElement[] = [];
  for (const media of doc.querySelectorAll<HTMLMediaElement>('video, audio')) {
    if (!media.paused && !media.ended) {
      media.pause();
      paused.push(media);
    }
  }
  return paused;
}
