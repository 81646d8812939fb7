/**
 * npm run --silent snapshot -- [--browser chromium|firefox] [--out DIR] [--html] URL...
 *
 * Opens each URL in one headless browser session with the built extension, opens the reader the
 * way the toolbar click does, writes DIR/<i>/reader.png (and with --html DIR/<i>/reader.html, the
 * reader's DOM serialised from its shadow root) and prints one JSON line per URL:
 * {"url","opened","title","byline","images","textLength","message","consoleErrors"}.
 * A local file (.html or .html.gz) may stand for a URL: it is served from 127.0.0.1.
 * Other checks rely on these flags and fields: add fields, never rename them.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { launchBrowser } from './lib/browser/launch';
import { READ_READER_VIEW, type ReaderView, SERIALIZE_READER } from './lib/browser/reader-view';
import type { BrowserName, BrowserSession, Tab } from './lib/browser/session';
import { waitFor } from './lib/browser/session';
import { createProgress } from './lib/progress';
import { NO_SCRIPTS_CSP, type RunningServer, type StaticRoute, startServer } from './lib/serve';

export interface SnapshotRecord {
  url: string;
  opened: boolean;
  title: string;
  byline: ReaderView['byline'];
  images: number;
  textLength: number;
  message: string | null;
  consoleErrors: string[];
  /** Milliseconds from the click until the reader (or its message) was on screen. */
  ms: number;
  error?: string;
}

const USAGE = 'usage: npm run --silent snapshot -- [--browser chromium|firefox] [--out DIR] [--html] URL...';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      browser: { type: 'string', default: 'chromium' },
      out: { type: 'string', default: 'out/snapshot' },
      html: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  if (values.browser !== 'chromium' && values.browser !== 'firefox') {
    process.stderr.write(
      `snapshot: --browser must be chromium or firefox, not "${values.browser}"\n${USAGE}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const browserName: BrowserName = values.browser;
  const outDir = path.resolve(values.out);
  const files = positionals.filter((p) => !/^[a-z][a-z0-9+.-]*:/i.test(p));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    process.stderr.write(`snapshot: no such file: ${missing.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }

  let server: RunningServer | null = null;
  const servedFiles = new Map<string, string>();
  if (files.length > 0) {
    const routes: Record<string, StaticRoute> = {};
    for (const [i, file] of files.entries()) {
      const route = `/snapshot/${i}/${path.basename(file).replace(/\.gz$/, '')}`;
      const bytes = await readFile(file);
      // Served as a site would serve the saved bytes: no charset parameter, so the page's own
      // BOM/meta decides; its scripts stay off (they would only reach for the network).
      routes[route] = {
        body: file.endsWith('.gz') ? gunzipSync(bytes) : bytes,
        type: 'text/html',
        headers: { 'Content-Security-Policy': NO_SCRIPTS_CSP },
      };
      servedFiles.set(file, route);
    }
    server = await startServer({ extraRoutes: routes });
  }
  const urls = positionals.map((p) => {
    const route = servedFiles.get(p);
    return route && server ? `${server.url}${route}` : p;
  });

  const session = await launchBrowser(browserName);
  const progress = createProgress(urls.length, `snapshot (${browserName})`);
  try {
    for (const [index, url] of urls.entries()) {
      const record = await snapshotOne(session, url, path.join(outDir, String(index)), values.html);
      process.stdout.write(`${JSON.stringify(record)}\n`);
      progress.tick(url);
    }
  } finally {
    progress.done();
    await session.close();
    await server?.close();
  }
}

async function snapshotOne(
  session: BrowserSession,
  url: string,
  dir: string,
  html: boolean,
): Promise<SnapshotRecord> {
  const record: SnapshotRecord = {
    url,
    opened: false,
    title: '',
    byline: [],
    images: 0,
    textLength: 0,
    message: null,
    consoleErrors: [],
    ms: 0,
  };
  let tab: Tab | null = null;
  try {
    await mkdir(dir, { recursive: true });
    tab = await session.open(url);
    const started = performance.now();
    await tab.clickToolbar();
    const shown = await waitFor(
      async () => {
        const view = await tab?.inReader<ReaderView>(READ_READER_VIEW).catch(() => null);
        if (view && (view.title || view.message)) return { view };
        const popup = await session.toolbarPopup().catch(() => null);
        return popup?.title ? { popup } : null;
      },
      15_000,
      'the reader or a message',
    );
    record.ms = Math.round(performance.now() - started);
    if ('view' in shown && shown.view) {
      const { view } = shown;
      record.opened = view.message === null;
      record.title = view.title;
      record.byline = view.byline;
      record.images = view.images;
      record.textLength = view.text.length;
      record.message = view.message;
      await settleImages(tab);
      if (html) {
        const markup = await tab.inReader<string>(SERIALIZE_READER);
        await writeFile(path.join(dir, 'reader.html'), readerDocument(markup ?? '', view.title, url));
      }
    } else if ('popup' in shown && shown.popup) {
      record.message = shown.popup.title;
    }
    await tab.screenshot(path.join(dir, 'reader.png'));
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  } finally {
    if (tab) {
      record.consoleErrors = [...tab.consoleErrors];
      await tab.close();
    }
  }
  return record;
}

/** Gives the reader's pictures a moment to decode, so the screenshot shows them. */
async function settleImages(tab: Tab): Promise<void> {
  await waitFor(
    () =>
      tab.inReader<boolean>(
        `(root) => [...root.querySelectorAll('img')].every((img) => img.complete || img.loading === 'lazy')`,
      ),
    3_000,
    'reader images',
  ).catch(() => undefined);
}

function readerDocument(shadowHtml: string, title: string, url: string): string {
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<meta name="klartext-source" content="${escapeHtml(url)}">\n</head>\n<body>\n${shadowHtml}\n</body>\n</html>\n`;
}

await main();
