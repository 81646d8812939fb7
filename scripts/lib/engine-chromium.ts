/**
 * The same core inside headless Chromium: the page's raw bytes come from a localhost server
 * (so Chromium decodes them itself), page scripts are off, and nothing reaches the network.
 * The browser navigates to the page's own URL and the request is answered from localhost, so
 * relative links and document.baseURI resolve as on the site.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Route } from 'playwright-core';
import type { ExtractionResult } from '../../src/core/story';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser/flags';
import { CORE_GLOBAL, ensureCoreBundle } from './core-bundle';
import { declaredEncoding, decodeHtml, readPageBytes } from './decode';
import { elapsed } from './document-engine';
import type { Engine, EngineOptions } from './engine';
import { failedRecord, recordFromResult } from './page-record';
import { NO_SCRIPTS_CSP, startServer } from './serve';

const ENGINE = 'chromium';
const PAGE_TIMEOUT_MS = 30_000;
const PAGE_ROUTE = '/extract-page';

interface InPageResult {
  result: ExtractionResult;
  ms: number;
  characterSet: string;
}

export async function createChromiumEngine(options: EngineOptions): Promise<Engine> {
  const coreSource = await readFile(await ensureCoreBundle(), 'utf8');
  let current: { bytes: Uint8Array; contentType: string } | null = null;
  const server = await startServer({
    extraRoutes: {
      [PAGE_ROUTE]: (_req: IncomingMessage, res: ServerResponse) => {
        if (!current) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, {
          'Content-Type': current.contentType,
          'Content-Security-Policy': NO_SCRIPTS_CSP,
          'Cache-Control': 'no-store',
        });
        res.end(current.bytes);
      },
    },
  });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'klartext-extract-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // page.route answers every request, but preconnect and dns-prefetch hints reach the
    // resolver without a request: no name but localhost resolves at all.
    args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    // Page scripts are stopped by the CSP header, not by javaScriptEnabled: false, which would
    // also stop the callbacks DOMPurify hands the browser (its Trusted Types policy) and make
    // <noscript> content DOM that a reader of the live page never has. Our code arrives by
    // evaluate, which CSP does not govern, so bypassCSP stays off and the header holds.
    serviceWorkers: 'block',
  });
  const localPageUrl = `${server.url}${PAGE_ROUTE}`;

  return {
    name: ENGINE,
    async extract(page) {
      const started = performance.now();
      const tab = await context.newPage();
      try {
        const bytes = readPageBytes(page.file);
        current = { bytes, contentType: contentTypeFor(bytes) };
        const target = withoutHash(page.url);
        await tab.route('**/*', async (route: Route) => {
          const request = route.request();
          if (
            request.isNavigationRequest() &&
            request.frame() === tab.mainFrame() &&
            withoutHash(request.url()) === target
          ) {
            await route.fulfill({ response: await route.fetch({ url: localPageUrl }) });
          } else {
            // Images, styles, frames, beacons: answered here, never fetched.
            await route.fulfill({ status: 404, body: '' });
          }
        });
        await tab.goto(page.url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        const run = `${coreSource}
;(() => {
  const started = performance.now();
  const result = ${CORE_GLOBAL}.extractStory(document, ${JSON.stringify(page.url)}, ${JSON.stringify(options.core ?? {})});
  return JSON.stringify({ result, ms: Math.round(performance.now() - started), characterSet: document.characterSet });
})()`;
        const out = JSON.parse(await tab.evaluate(run)) as InPageResult;
        return {
          ...recordFromResult(page, ENGINE, out.result, out.ms),
          encoding: out.characterSet.toLowerCase(),
        };
      } catch (error) {
        return failedRecord(page, ENGINE, error, elapsed(started));
      } finally {
        current = null;
        await tab.close().catch(() => undefined);
      }
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * A page that declares its charset is served as `text/html` alone, as its server most likely
 * did; an undeclared one gets the charset our decoder settles on, so both engines read the same text.
 */
function contentTypeFor(bytes: Uint8Array): string {
  return declaredEncoding(bytes) ? 'text/html' : `text/html; charset=${decodeHtml(bytes).encoding}`;
}

/** The URL as the browser will request it: normalised, without fragment. */
function withoutHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
