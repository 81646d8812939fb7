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
  awaitReaderScript,
  type ExtractionRuns,
  extractionRunsScript,
  READ_TIMINGS,
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
  measure(page: BenchPage): Promise<PageMeasures>;
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
  const auto = options.auto ? await enableAutoMode(session, autoOrigin(serverUrl)) : null;

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

  async function measure(page: BenchPage): Promise<PageMeasures> {
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
    if (options.open) await attempt('open', () => measureOpen(out));
    if (auto)
      await attempt('auto', async () => {
        out.autoMs = await auto.measure(tab, `${autoOrigin(serverUrl)}${page.path}`);
      });
    out.readabilityMs = roundOrNull(out.readabilityMs);
    out.pipelineMs = roundOrNull(out.pipelineMs);
    out.ratio = out.ratio === null ? null : Math.round(out.ratio * 1000) / 1000;
    return out;
  }

  async function measureOpen(out: PageMeasures): Promise<void> {
    const before = await usedHeap(cdp);
    await evaluate(WATCH_READER_SCRIPT);
    const clickStamp = await stampToolbarClicks(session);
    await tab.clickToolbar();
    const paintedAt = await evaluate<number | null>(awaitReaderScript('painted', options.timeoutMs), true);
    if (paintedAt === null) throw new Error('the reader did not appear');
    const clickedAt = await clickStamp();
    out.openMs = clickedAt === null ? null : round1(paintedAt - clickedAt);
    out.reader = await tab.inReader<ReaderTimings>(READ_TIMINGS);
    const afterOpen = await usedHeap(cdp);
    await tab.clickToolbar();
    const closedAt = await evaluate<number | null>(awaitReaderScript('closed', options.timeoutMs), true);
    if (closedAt === null) throw new Error('the reader did not close');
    out.heap = { before, afterOpen, afterClose: await usedHeap(cdp) };
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
function autoOrigin(serverUrl: string): string {
  return serverUrl.replace('//127.0.0.1:', '//localhost:');
}

interface AutoMode {
  measure(tab: ChromiumTab, url: string): Promise<number | null>;
}

/**
 * Auto mode needs the extension's whitelist support (src/content/auto-open.ts); until the build
 * has it, the benchmark reports `auto` as not measured.
 */
async function enableAutoMode(_session: ChromiumSession, _origin: string): Promise<AutoMode | null> {
  return null;
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
