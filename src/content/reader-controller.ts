import { extractStory } from '../core/extract';
import type { ExtractionResult } from '../core/story';
import type { Translate } from '../reader/i18n';
import { type MountedReader, mountReader } from '../reader/mount';
import { lockPage, type PageSnapshot } from './page-state';

export interface ReaderController {
  isOpen(): boolean;
  open(): ExtractionResult;
  close(): void;
  toggle(): boolean;
}

/** Opens and closes the reader over one document; knows nothing about how it was asked to. */
export function createReaderController(
  doc: Document,
  t: Translate,
  onStateChange: (open: boolean) => void,
): ReaderController {
  let mounted: MountedReader | null = null;
  let snapshot: PageSnapshot | null = null;

  function extract(): ExtractionResult {
    if (!isHtmlDocument(doc)) return { kind: 'no-story', reason: 'not-html', detail: doc.contentType };
    try {
      return extractStory(doc, doc.location?.href ?? doc.URL);
    } catch (error) {
      // An extraction bug must leave the page usable and say so, not throw into the page's console.
      return { kind: 'no-story', reason: 'error', detail: String(error) };
    }
  }

  const controller: ReaderController = {
    isOpen: () => mounted !== null,
    open() {
      const result = extract();
      if (mounted) return result;
      snapshot = lockPage(doc);
      mounted = mountReader(doc, { result, t, onClose: () => controller.close() });
      onStateChange(true);
      return result;
    },
    close() {
      if (!mounted) return;
      mounted.unmount();
      mounted = null;
      snapshot?.restore();
      snapshot = null;
      onStateChange(false);
    },
    toggle() {
      if (mounted) controller.close();
      else controller.open();
      return mounted !== null;
    },
  };
  return controller;
}

function isHtmlDocument(doc: Document): boolean {
  // SVG/XML documents, text/plain and image or media tabs have no story, and no <body> to cover.
  return doc.documentElement instanceof HTMLHtmlElement && /html/i.test(doc.contentType || 'text/html');
}
