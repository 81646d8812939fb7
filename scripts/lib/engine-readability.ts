/**
 * The baseline: plain Readability.js as Firefox Reader View runs it, mapped to our output
 * line the way the corpus README's baseline does (byline = its byline string, images = every
 * <img> left in its content, no captions or credits).
 */
import { Readability } from '@mozilla/readability';
import type { Photo } from '../../src/core/story';
import { createDocumentEngine, DEFAULT_DOM, elapsed } from './document-engine';
import type { Engine, EngineOptions } from './engine';
import { failedRecord, type PageInput, type PageRecord } from './page-record';

const ENGINE = 'readability';

/** Runs Readability on `doc`, which it mutates: pass a clone when the document is needed again. */
export function extractWithReadability(doc: Document, page: PageInput): PageRecord {
  const started = performance.now();
  try {
    const article = new Readability(doc, { serializer: (node: Node) => node as Element }).parse();
    const ms = elapsed(started);
    if (!article?.content)
      return { ...failedRecord(page, ENGINE, 'Readability found no article', ms), noStory: 'no-content' };
    const images: Photo[] = Array.from(article.content.querySelectorAll('img'), (img) => ({
      src: img.getAttribute('src') ?? '',
      alt: img.getAttribute('alt') ?? '',
      caption: '',
      credit: '',
    }));
    return {
      file: page.file,
      url: page.url,
      ok: true,
      title: article.title ?? '',
      subtitle: article.excerpt ?? '',
      byline: article.byline ? [{ name: article.byline }] : [],
      published: article.publishedTime ?? null,
      siteName: article.siteName ?? '',
      lang: article.lang ?? '',
      images,
      text: article.textContent ?? '',
      html: article.content.innerHTML,
      removed: [],
      partial: null,
      diagnostics: null,
      ms,
      engine: ENGINE,
    };
  } catch (error) {
    return failedRecord(page, ENGINE, error, elapsed(started));
  }
}

export async function createReadabilityEngine(options: EngineOptions): Promise<Engine> {
  return createDocumentEngine(ENGINE, options.dom ?? DEFAULT_DOM, extractWithReadability);
}
