/** An engine that runs under Node on a parsed Document: load, run, free, never throw. */
import type { DomLibrary } from './dom';
import type { Engine } from './engine';
import { failedRecord, type PageInput, type PageRecord } from './page-record';
import { loadPage } from './page-source';

/**
 * jsdom by default: the core's sanitizer needs a window DOMPurify supports, and linkedom's
 * lacks document.implementation (see src/core/sanitize.ts).
 */
export const DEFAULT_DOM: DomLibrary = 'jsdom';

export function createDocumentEngine(
  name: string,
  dom: DomLibrary,
  run: (doc: Document, page: PageInput) => PageRecord,
): Engine {
  return {
    name,
    async extract(page) {
      const started = performance.now();
      let loaded: ReturnType<typeof loadPage> | undefined;
      try {
        loaded = loadPage(page, dom);
        return { ...run(loaded.document, page), encoding: loaded.encoding };
      } catch (error) {
        return failedRecord(page, name, error, elapsed(started));
      } finally {
        loaded?.close();
      }
    },
    async close() {},
  };
}

export function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
