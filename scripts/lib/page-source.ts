/** A saved page on disk → a parsed Document, decoded as a browser would decode it. */
import { decodeHtml, readPageBytes } from './decode';
import { type DomLibrary, type ParsedPage, parseDocument } from './dom';
import type { PageInput } from './page-record';

export interface LoadedPage extends ParsedPage {
  /** "windows-1252 (meta)": the encoding used and where it came from. */
  encoding: string;
  parseMs: number;
}

export function loadPage(page: PageInput, dom: DomLibrary): LoadedPage {
  const started = performance.now();
  const decoded = decodeHtml(readPageBytes(page.file));
  const parsed = parseDocument(decoded.text, page.url, dom);
  return {
    ...parsed,
    encoding: `${decoded.encoding} (${decoded.source})`,
    parseMs: Math.round(performance.now() - started),
  };
}
