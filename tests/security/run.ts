/**
 * Runs vector pages in one browser with the built extension: each page is loaded, left alone for
 * a while (what the page runs by itself), then the reader is opened through the toolbar action
 * and left open for as long again. A beacon that fires only with the reader open, or again after
 * the page had gone quiet, counts as executed; the reader's DOM is checked for dangerous constructs.
 */
import { launchChromium } from '../../scripts/lib/browser/chromium';
import { launchFirefox } from '../../scripts/lib/browser/firefox';
import { launchBrowser } from '../../scripts/lib/browser/launch';
import type { BrowserName, BrowserSession, Tab } from '../../scripts/lib/browser/session';
import { waitFor } from '../../scripts/lib/browser/session';
import { type RunningServer, type StaticRoute, startServer } from '../../scripts/lib/serve';
import { buildVectorPages, cleanPage, type Placement, type VectorPage } from './pages';
import { READER_OWN_STYLES, readerCheckCall } from './reader-check';
import type { Vector } from './vectors';

export interface RunOptions {
  batchSize?: number;
  positions?: readonly string[];
  /** Single-field pages for only the first N vectors. */
  singleLimit?: number;
  /** How long the page is watched before and after the reader opens. */
  settleMs?: number;
  /** Pages in flight at once per browser (toolbar clicks are still one at a time). */
  tabs?: number;
  /** The unpacked extension to load (default: dist/ for that browser). */
  extensionDir?: string;
  onProgress?: (done: number, total: number, page: string) => void;
}

export interface ExecutedFinding {
  page: string;
  /** Vector id and position, or `page-guard` for an alert & friends the page trapped itself. */
  vector: string;
  position: string;
  how: 'new-with-reader' | 'again-with-reader' | 'dialog';
}

export interface FlaggedFinding {
  page: string;
  findings: string[];
}

export interface BrowserRunResult {
  browser: BrowserName;
  pages: number;
  /** vector × position pairs tried in this browser. */
  tried: number;
  excluded: number;
  vectors: number;
  positions: number;
  executed: ExecutedFinding[];
  flagged: FlaggedFinding[];
  /** Pages where the reader did not open at all (nothing was tested there). */
  failures: { page: string; error: string }[];
  /** Beacons the page kept firing by itself (timers, animations): not judged, listed for honesty. */
  repeatingInPage: number;
  /** Requests to rewritten foreign URLs that only the reader made (images from lazy attributes). */
  readerRequests: number;
  /** Pages whose reader showed a "no story" message instead of an article. */
  noStoryPages: number;
  /** Toolbar clicks repeated because the first one brought no reader (see openReader). */
  clickRetries: number;
  /** Findings of the first pass that were re-run alone with a longer watch (see below). */
  unconfirmed: number;
  seconds: number;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
/** A page that takes longer than this counts as not tested (and fails the run). */
const PAGE_TIMEOUT_MS = 45_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HitCounts {
  x: Map<string, number>;
  g: Map<string, number>;
  ext: Set<string>;
}

/** The beacons of one page among all that reached the server from `from` on. */
function countHits(
  hits: readonly string[],
  from: number,
  page: string,
  keys: ReadonlyMap<string, Placement>,
): HitCounts {
  const counts: HitCounts = { x: new Map(), g: new Map(), ext: new Set() };
  for (const hit of hits.slice(from)) {
    const [, kind, first = '', ...rest] = hit.split('?')[0]?.split('/').filter(Boolean) ?? [];
    if (kind === 'g') {
      if (first === page) counts.g.set(rest.join('/'), (counts.g.get(rest.join('/')) ?? 0) + 1);
    } else if (keys.get(first)?.page !== page) {
      // another page's beacon (pages run side by side) or a late one from the previous page
    } else if (kind === 'x') counts.x.set(first, (counts.x.get(first) ?? 0) + 1);
    else if (kind === 'ext') counts.ext.add(hit);
  }
  return counts;
}

/** One toolbar click at a time: the action works on the browser's active tab. */
function createMutex() {
  let tail = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

function onDialog(tab: Tab, listener: () => void): void {
  // Both automation libraries expose the page as `page` with a 'dialog' event; dismissing keeps
  // the tab responsive (an alert in a frame the page's trap does not cover would block it).
  const page = (
    tab as unknown as { page: { on(event: 'dialog', fn: (d: { dismiss(): Promise<void> }) => void): void } }
  ).page;
  page.on('dialog', (dialog) => {
    listener();
    dialog.dismiss().catch(() => undefined);
  });
}

export async function runVectorsInBrowser(
  name: BrowserName,
  vectors: readonly Vector[],
  options: RunOptions = {},
): Promise<BrowserRunResult> {
  const started = Date.now();
  const defaultSettle = options.settleMs ?? 300;
  const routes: Record<string, StaticRoute> = { '/img/p.gif': { body: GIF, type: 'image/gif' } };
  const server: RunningServer = await startServer({ extraRoutes: routes });
  let session: BrowserSession | undefined;
  try {
    const set = buildVectorPages(vectors, {
      origin: server.url,
      batchSize: options.batchSize,
      positions: options.positions,
      singleLimit: options.singleLimit,
    });
    const clean = cleanPage(server.url);
    for (const page of [clean, ...set.pages]) routes[page.path] = { body: page.html };
    const dir = options.extensionDir;
    session = !dir
      ? await launchBrowser(name)
      : name === 'chromium'
        ? await launchChromium({ extensionDir: dir })
        : await launchFirefox({ extensionDir: dir });
    const browserSession = session;
    const exclusive = createMutex();
    const cleanTab = await session.open(server.url + clean.path);
    await exclusive(() => cleanTab.clickToolbar());
    await waitFor(
      () => cleanTab.inReader('(root) => !!root.querySelector(".kt-article")'),
      15_000,
      'the reader on the clean page',
    );
    const ownStyles = (await cleanTab.inReader<string[]>(READER_OWN_STYLES)) ?? [];
    await cleanTab.close();
    const check = readerCheckCall(ownStyles);

    const result: BrowserRunResult = {
      browser: name,
      pages: set.pages.length,
      tried: set.pages.reduce((n, p) => n + p.placements.length, 0),
      excluded: set.excluded.length,
      vectors: vectors.length,
      positions: new Set(set.pages.flatMap((p) => p.placements.map((pl) => pl.position))).size,
      executed: [],
      flagged: [],
      failures: [],
      repeatingInPage: 0,
      readerRequests: 0,
      noStoryPages: 0,
      clickRetries: 0,
      unconfirmed: 0,
      seconds: 0,
    };

    const queue = [...set.pages];
    let done = 0;
    const worker = async () => {
      const dialogs = { count: 0 };
      const freshTab = async () => {
        const opened = await browserSession.open('about:blank');
        onDialog(opened, () => {
          dialogs.count++;
        });
        return opened;
      };
      let tab = await freshTab();
      for (let page = queue.shift(); page; page = queue.shift()) {
        if (process.env.KLARTEXT_SECURITY_DEBUG) process.stderr.write(`[${name}] start ${page.id}\n`);
        try {
          await withTimeout(
            runPage(tab, dialogs, page),
            PAGE_TIMEOUT_MS,
            `${page.id} took longer than ${PAGE_TIMEOUT_MS} ms`,
          );
        } catch (error) {
          result.failures.push({ page: page.id, error: String(error).slice(0, 300) });
          // The tab may be stuck (a modal dialog, a page that never finishes): start over in a new one.
          void tab.close();
          tab = await freshTab();
        }
        options.onProgress?.(++done, set.pages.length, page.id);
      }
      await tab.close();
    };
    await Promise.all(Array.from({ length: options.tabs ?? 3 }, worker));

    // Under load a page's own beacon can arrive after the watch window and look like the reader's
    // doing. Every page with a finding runs again alone, watched five times as long; the figures
    // are the second run's, the first run's count is kept in `unconfirmed`.
    const suspects = new Set([...result.executed.map((e) => e.page), ...result.failures.map((f) => f.page)]);
    if (suspects.size) {
      result.unconfirmed = result.executed.length + result.failures.length;
      result.executed = result.executed.filter((e) => !suspects.has(e.page));
      result.failures = result.failures.filter((f) => !suspects.has(f.page));
      const longSettle = defaultSettle * 5;
      const tab = await browserSession.open('about:blank');
      const dialogs = { count: 0 };
      onDialog(tab, () => {
        dialogs.count++;
      });
      for (const page of set.pages.filter((p) => suspects.has(p.id))) {
        try {
          await withTimeout(
            runPage(tab, dialogs, page, longSettle),
            PAGE_TIMEOUT_MS * 2,
            `${page.id} took too long`,
          );
        } catch (error) {
          result.failures.push({ page: page.id, error: String(error).slice(0, 300) });
        }
      }
      await tab.close();
    }
    result.seconds = Math.round((Date.now() - started) / 100) / 10;
    return result;

    /**
     * Firefox now and then ignores the first toolbar action right after a navigation (the
     * reader never comes); one more click after a generous wait, counted in the report.
     */
    async function openReader(tab: Tab, pageId: string): Promise<string | null> {
      const probe = () =>
        tab.inReader<string>(
          '(root) => root.querySelector(".kt-article") ? "story" : root.querySelector(".kt-message") ? "message" : ""',
        );
      await exclusive(() => tab.clickToolbar());
      try {
        return await waitFor(probe, 6_000, `the reader on ${pageId}`);
      } catch {
        if ((await tab.inReader('(root) => true')) !== null)
          throw new Error(`the reader on ${pageId} opened empty`);
        result.clickRetries++;
        await exclusive(() => tab.clickToolbar());
        return await waitFor(probe, 10_000, `the reader on ${pageId} after a second click`);
      }
    }

    async function runPage(
      tab: Tab,
      dialogs: { count: number },
      page: VectorPage,
      settle = defaultSettle,
    ): Promise<void> {
      const hits = server.hits;
      const count = (from: number) => countHits(hits, from, page.id, set.keys);
      const beforeLoad = hits.length;
      dialogs.count = 0;
      await tab.goto(server.url + page.path);
      await sleep(settle / 2);
      const quietFrom = hits.length;
      await sleep(settle / 2);
      const baseline = count(beforeLoad);
      const lastWindow = count(quietFrom);
      const baselineDialogs = dialogs.count;

      const readerFrom = hits.length;
      const kind = await openReader(tab, page.id);
      if (kind === 'message') result.noStoryPages++;
      await sleep(settle);
      const withReader = count(readerFrom);
      const findings = (await tab.inReader<string[]>(check)) ?? ['reader closed before it could be checked'];
      if (findings.length) result.flagged.push({ page: page.id, findings });

      const placementOf = (key: string): Placement =>
        set.keys.get(key) ?? { page: page.id, vector: `unknown key ${key}`, position: '?' };
      for (const [key] of withReader.x) {
        const seen = baseline.x.get(key) ?? 0;
        if (seen > 0 && (lastWindow.x.get(key) ?? 0) > 0) {
          result.repeatingInPage++;
          continue;
        }
        const { vector, position } = placementOf(key);
        result.executed.push({
          page: page.id,
          vector,
          position,
          how: seen ? 'again-with-reader' : 'new-with-reader',
        });
      }
      for (const [guard] of withReader.g) {
        if ((baseline.g.get(guard) ?? 0) > 0 && (lastWindow.g.get(guard) ?? 0) > 0) {
          result.repeatingInPage++;
          continue;
        }
        result.executed.push({
          page: page.id,
          vector: 'page-guard',
          position: guard,
          how: baseline.g.has(guard) ? 'again-with-reader' : 'new-with-reader',
        });
      }
      if (dialogs.count > baselineDialogs) {
        result.executed.push({ page: page.id, vector: 'dialog', position: '?', how: 'dialog' });
      }
      for (const ext of withReader.ext) if (!baseline.ext.has(ext)) result.readerRequests++;
    }
  } finally {
    await session?.close();
    await server.close();
  }
}
