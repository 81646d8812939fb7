/** The engine under Node: our core on a jsdom (or linkedom) Document. */
import type { ExtractOptions } from '../../src/core/story';
import { type ExtractStory, loadExtractStory } from './core';
import { createDocumentEngine, DEFAULT_DOM, elapsed } from './document-engine';
import type { Engine, EngineOptions } from './engine';
import { failedRecord, type PageInput, type PageRecord, recordFromResult } from './page-record';

const ENGINE = 'node';

export function extractWithCore(
  extractStory: ExtractStory,
  doc: Document,
  page: PageInput,
  options?: ExtractOptions,
): PageRecord {
  const started = performance.now();
  try {
    return recordFromResult(page, ENGINE, extractStory(doc, page.url, options), elapsed(started));
  } catch (error) {
    return failedRecord(page, ENGINE, error, elapsed(started));
  }
}

export async function createNodeEngine(options: EngineOptions): Promise<Engine> {
  const extractStory = await loadExtractStory();
  return createDocumentEngine(ENGINE, options.dom ?? DEFAULT_DOM, (doc, page) =>
    extractWithCore(extractStory, doc, page, options.core),
  );
}
