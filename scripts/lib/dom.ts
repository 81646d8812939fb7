/**
 * HTML string → Document under Node, with linkedom (fast, default) or jsdom (closer to a
 * browser). Either way the document knows its URL, so relative links resolve as in the page.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

export type DomLibrary = 'linkedom' | 'jsdom';

export const DOM_LIBRARIES: readonly DomLibrary[] = ['linkedom', 'jsdom'];

export interface ParsedPage {
  document: Document;
  /** Frees what the library holds (jsdom keeps a window alive until closed). */
  close(): void;
}

export function parseDocument(html: string, url: string, library: DomLibrary = 'linkedom'): ParsedPage {
  return library === 'jsdom' ? parseWithJsdom(html, url) : parseWithLinkedom(html, url);
}

// One silent console for every jsdom window: CSS it cannot parse is not our concern.
const quietConsole = new VirtualConsole();

function parseWithJsdom(html: string, url: string): ParsedPage {
  const dom = new JSDOM(html, {
    url: httpUrlOr(url),
    contentType: 'text/html',
    virtualConsole: quietConsole,
  });
  return { document: dom.window.document, close: () => dom.window.close() };
}

function parseWithLinkedom(html: string, url: string): ParsedPage {
  const { document } = parseHTML(html) as unknown as { document: Document };
  // linkedom has no notion of a document URL; Readability and the core read these.
  const base = document.querySelector('base[href]')?.getAttribute('href');
  const baseURI = base ? resolveOr(base, url) : url;
  Object.defineProperties(document, {
    URL: { value: url, configurable: true },
    documentURI: { value: url, configurable: true },
    baseURI: { value: baseURI, configurable: true },
  });
  return { document, close: () => {} };
}

function resolveOr(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return base;
  }
}

/** jsdom refuses URLs it cannot parse; keep the page usable with a stand-in. */
function httpUrlOr(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'https://example.invalid/';
  }
}
