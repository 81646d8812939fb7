/**
 * The in-browser half of the benchmark: one headless Chromium with the built extension, one tab
 * that visits every page. Per page, in the same page load: plain Readability and our pipeline
 * (interleaved), then the real toolbar click to the reader's first paint, the JS heap around
 * opening and closing, and (when the extension has auto mode) the auto-open latency on a
 * whitelisted host.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { CDPSession } from 'playwright-core';
import {
  awaitAutoPaint,
  awaitReaderScript,
  type ExtractionRuns,
  extractionRunsScript,
  READ_TIMINGS,
  WATCH_READER_FRAMES,
  WATCH_READER_SCRIPT,
} from './bench-inpage';
import type { BenchPage } from './bench-pages';
import type { ProfileAggregate } from './bench-profile';
import { fastestOf } from './bench-stats';
import { type ChromiumSession, type ChromiumTab, launchChromium } from './browser/chromium';
import { DIST } from './browser/paths';
import { ensureCoreBundle } from './core-bundle';

export interface HeapFigures {
  /** Used JS heap (bytes) after a full GC: before the first click, with the reader open, after closing it. */
  before: number;
  afterOpen: number;
  afterClose: number;
}

/** The reader's own split of the open path (src/reader/mount.tsx `data-kt-timings`). */
export interface ReaderTimings {
  extract: number;
  render: number;
  firstFrame: number | null;
}

export interface PageMeasures {
  id: string;
  set: BenchPage['set'];
  path: string;
  readabilityMs: number | null;
  pipelineMs: number | null;
  /** pipelineMs / readabilityMs: the figure that cancels machine noise. */
  ratio: number | null;
  readabilityRuns: number[];
  pipelineRuns: number[];
  outcome: string | null;
  /** Hash of the pipeline's result (diagnostics left out), to check that speed work changed nothing. */
  digest: string | null;
  steps: Record<string, number>;
  elements: number | null;
  htmlKB: number | null;
  /** Toolbar-click handler start (service worker) → first frame painting the reader. */
  openMs: number | null;
  reader: ReaderTimings | null;
  /** DOMContentLoaded → first frame painting the reader, on a whitelisted host. */
  autoMs: number | null;
  heap: HeapFigures | null;
  errors: string[];
}

export interface BrowserBenchOptions {
  warmup: number;
  reps: number;
  /** Above this (ms), a page gets a single measured round. */
  slowMs: number;
  /** Measure the toolbar open path (and heap). */
  open: boolean;
  /** Measure auto mode when the extension supports it. */
  auto: boolean;
  timeoutMs: number;
  /** When given, the extraction runs are CPU-profiled into it. */
  profile?: ProfileAggregate;
}

export interface BrowserBench {
  /** `sample`: also weigh the heap and time auto mode on this page (both cost a lot of time). */
  measure(page: BenchPage, sample: boolean): Promise<PageMeasures>;
  /** Whether auto mode could be switched on for the local host. */
  readonly autoAvailable: boolean;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

export async function startBrowserBench(
  serverUrl: string,
  options: BrowserBenchOptions,
): Promise<BrowserBench> {
  const coreSource = await readFile(await ensureCoreBundle(), 'utf8');
  const readabilitySource = await readFile(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  const session = await launchChromium({ extensionDir: DIST.chromium });
  const tab = await session.open('about:blank');
  const cdp = await session.context.newCDPSession(tab.page);
  const auto = options.auto ? await enableAutoMode(session, options.timeoutMs) : null;

  const evaluate = async <T>(expression: string, awaitPromise = false): Promise<T> => {
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise,
      returnByValue: true,
    })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return (typeof result.value === 'string' ? JSON.parse(result.value) : result.value) as T;
  };

  async function measure(page: BenchPage, sample: boolean): Promise<PageMeasures> {
    const out: PageMeasures = {
      id: page.id,
      set: page.set,
      path: page.path,
      readabilityMs: null,
      pipelineMs: null,
      ratio: null,
      readabilityRuns: [],
      pipelineRuns: [],
      outcome: null,
      digest: null,
      steps: {},
      elements: null,
      htmlKB: null,
      openMs: null,
      reader: null,
      autoMs: null,
      heap: null,
      errors: [],
    };
    const attempt = async (what: string, run: () => Promise<void>) => {
      try {
        await withTimeout(run(), options.timeoutMs, what);
      } catch (error) {
        out.errors.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    };
    await attempt('load', () => tab.goto(`${serverUrl}${page.path}`));
    if (out.errors.length) return out;
    await attempt('extraction', async () => {
      await evaluate(`${readabilitySource}\n;'null'\n//# sourceURL=readability.js`);
      await evaluate(`${coreSource}\n;'null'\n//# sourceURL=klartext-core.js`);
      const runExtraction = () => evaluate<ExtractionRuns>(extractionRunsScript(options));
      const runs = await (options.profile ? options.profile.record(cdp, runExtraction) : runExtraction());
      out.readabilityRuns = runs.readability.map(round1);
      out.pipelineRuns = runs.pipeline.map(round1);
      out.readabilityMs = fastestOf(runs.readability);
      out.pipelineMs = fastestOf(runs.pipeline);
      out.ratio = out.readabilityMs && out.pipelineMs !== null ? out.pipelineMs / out.readabilityMs : null;
      out.outcome = runs.outcome;
      out.digest = runs.digest;
      out.steps = runs.steps;
      out.elements = runs.elements;
      out.htmlKB = runs.htmlKB;
      // The benchmark's own globals must not weigh on the heap figures of the open path.
      await evaluate(`delete window.Readability; delete window.KlartextCore; 'null'`);
    });
    if (options.open) await attempt('open', () => measureOpen(out, sample));
    if (auto && sample)
      await attempt('auto', async () => {
        out.autoMs = await auto.measure(tab, `${autoOrigin(serverUrl)}${page.path}`);
      });
    out.readabilityMs = roundOrNull(out.readabilityMs);
    out.pipelineMs = roundOrNull(out.pipelineMs);
    out.ratio = out.ratio === null ? null : Math.round(out.ratio * 1000) / 1000;
    return out;
  }

  async function measureOpen(out: PageMeasures, weighHeap: boolean): Promise<void> {
    const heap = async () => (weighHeap ? usedHeap(cdp) : 0);
    const before = await heap();
    await evaluate(WATCH_READER_SCRIPT);
    const clickStamp = await stampToolbarClicks(session);
    await tab.clickToolbar();
    const paintedAt = await evaluate<number | null>(awaitReaderScript('painted', options.timeoutMs), true);
    if (paintedAt === null) throw new Error('the reader did not appear');
    const clickedAt = await clickStamp();
    out.openMs = clickedAt === null ? null : round1(paintedAt - clickedAt);
    out.reader = await tab.inReader<ReaderTimings>(READ_TIMINGS);
    const afterOpen = await heap();
    await tab.clickToolbar();
    const closedAt = await evaluate<number | null>(awaitReaderScript('closed', options.timeoutMs), true);
    if (closedAt === null) throw new Error('the reader did not close');
    if (weighHeap) out.heap = { before, afterOpen, afterClose: await heap() };
  }

  return {
    measure,
    autoAvailable: auto !== null,
    async close() {
      await cdp.detach().catch(() => undefined);
      await session.close();
    },
  };
}

/** Used JS heap of the tab's isolate (page and content-script worlds) after a full collection. */
async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/**
 * Stamps the service worker's clock when the action's click listeners run. Ours is added after
 * the extension's own, so it runs right after that listener's synchronous start (a fraction of a
 * millisecond late). Returns a reader for the stamp of the click about to happen.
 */
async function stampToolbarClicks(session: ChromiumSession): Promise<() => Promise<number | null>> {
  const worker = session.serviceWorker();
  if (!worker) return async () => null;
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      __ktBenchClicks?: number[];
      chrome: { action: { onClicked: { addListener(listener: () => void): void } } };
    };
    if (!scope.__ktBenchClicks) {
      scope.__ktBenchClicks = [];
      const clicks = scope.__ktBenchClicks;
      scope.chrome.action.onClicked.addListener(
        () => void clicks.push(performance.timeOrigin + performance.now()),
      );
    }
    scope.__ktBenchClicks.length = 0;
  });
  return async () =>
    (await worker.evaluate(
      () => (globalThis as unknown as { __ktBenchClicks: number[] }).__ktBenchClicks[0] ?? null,
    )) ?? null;
}

/** The whitelisted host for auto mode: another name for the loopback server, never the one the toolbar path uses. */
const AUTO_HOST = 'localhost';

function autoOrigin(serverUrl: string): string {
  return serverUrl.replace('//127.0.0.1:', `//${AUTO_HOST}:`);
}

interface AutoMode {
  measure(tab: ChromiumTab, url: string): Promise<number | null>;
}

const OPTIONS_PAGE = 'src/options/index.html';
/** REVEAL_BOUND_MS of src/content/auto-open.ts plus slack: past it the page shows without a reader. */
const AUTO_WAIT_MS = 4000;

/**
 * Whitelists the auto host the way a person does (the options page, the permission granted as by
 * chrome://extensions "Site access"), then waits for the registered script. Null when this build
 * has no options page for it.
 */
async function enableAutoMode(session: ChromiumSession, timeoutMs: number): Promise<AutoMode | null> {
  const origins = [`http://${AUTO_HOST}/*`, `https://${AUTO_HOST}/*`];
  try {
    await session.approveHostPermissions(origins);
    const options = await session.openExtensionPage(OPTIONS_PAGE);
    try {
      await options.waitForSelector('#host-input', timeoutMs);
      await options.fill('#host-input', AUTO_HOST);
      await options.click('#add-site');
      await options.waitForSelector(
        `#site-list li[data-host="${AUTO_HOST}"][data-granted="true"]`,
        timeoutMs,
      );
      const registered = async () =>
        options.evaluate<boolean>(
          `async () => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.id.endsWith('${AUTO_HOST}'))`,
        );
      const started = Date.now();
      while (!(await registered())) {
        if (Date.now() - started > timeoutMs) throw new Error('the auto-open script was never registered');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await options.close();
    }
  } catch (error) {
    process.stderr.write(
      `bench: auto mode not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    return null;
  }
  return {
    async measure(tab, url) {
      const cdp = await session.context.newCDPSession(tab.page);
      try {
        // From the document's start: the reader may paint before the load event. (Scripts added
        // on a session whose Page domain is off are ignored.)
        await cdp.send('Page.enable');
        const { identifier } = (await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
          source: WATCH_READER_FRAMES,
        })) as {
          identifier: string;
        };
        try {
          await tab.goto(url);
        } finally {
          await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
        }
        return await tab.evaluate<number | null>(awaitAutoPaint(AUTO_WAIT_MS));
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;
const roundOrNull = (ms: number | null) => (ms === null ? null : Math.round(ms * 100) / 100);
