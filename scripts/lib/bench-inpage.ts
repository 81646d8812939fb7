/**
 * Scripts the benchmark evaluates in the page's main world (CDP Runtime.evaluate, which the
 * page's `script-src 'none'` does not block). They return JSON strings.
 */
import { CORE_GLOBAL } from './core-bundle';

export interface ExtractionRuns {
  /** ms per measured run of plain Readability on a clone of the document. */
  readability: number[];
  /** ms per measured run of extractStory on the document (it clones it itself). */
  pipeline: number[];
  /** `story` or `no-story:<reason>`, from the last pipeline run. */
  outcome: string;
  /** Hash of the last pipeline result without its diagnostics: speed work must not change it. */
  digest: string;
  /** The pipeline's own step timings (Diagnostics.timings) from its last run. */
  steps: Record<string, number>;
  elements: number;
  htmlKB: number;
}

/**
 * Readability and the pipeline, interleaved (R P, then P R, …) so a slow stretch of the machine
 * hits both alike; `warmup` rounds are run and dropped. Above `slowMs`, a page gets one measured
 * round only, so pathological pages cannot eat the whole run.
 */
export function extractionRunsScript(options: { warmup: number; reps: number; slowMs: number }): string {
  return `(() => {
  const url = location.href;
  const runs = { readability: [], pipeline: [] };
  let last = null;
  const once = (which) => {
    const t0 = performance.now();
    if (which === 'readability') new Readability(document.cloneNode(true)).parse();
    else last = ${CORE_GLOBAL}.extractStory(document, url);
    return performance.now() - t0;
  };
  let rounds = ${options.warmup + options.reps};
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? ['pipeline', 'readability'] : ['readability', 'pipeline'];
    const times = {};
    for (const which of order) times[which] = once(which);
    if (i < ${options.warmup}) {
      if (Math.max(times.readability, times.pipeline) > ${options.slowMs}) rounds = Math.min(rounds, i + 2);
      continue;
    }
    runs.readability.push(times.readability);
    runs.pipeline.push(times.pipeline);
  }
  const { diagnostics, ...result } = last;
  // The local server's port changes from run to run; the digest must not.
  const text = JSON.stringify(result).split(location.origin).join('ORIGIN');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return JSON.stringify({
    ...runs,
    digest: (hash >>> 0).toString(16).padStart(8, '0'),
    outcome: last.kind === 'story' ? 'story' : 'no-story:' + last.reason,
    steps: (last.diagnostics && last.diagnostics.timings) || {},
    elements: document.getElementsByTagName('*').length,
    htmlKB: Math.round(document.documentElement.outerHTML.length / 1024),
  });
})()`;
}

/**
 * Watches for the reader's host element (the only element added to <html> on a page whose own
 * scripts are blocked) and stamps the frame that first paints it, on the epoch clock the
 * service worker's stamp uses. `window.__ktBench.painted` / `.closed` resolve to epoch ms.
 */
export const WATCH_READER_SCRIPT = `(() => {
  const epoch = () => performance.timeOrigin + performance.now();
  let painted, closed;
  const state = {
    painted: new Promise((resolve) => (painted = resolve)),
    closed: new Promise((resolve) => (closed = resolve)),
  };
  let host = null;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (host || node.nodeType !== 1 || node.localName !== 'div') continue;
        host = node;
        requestAnimationFrame(() => painted(epoch()));
      }
      for (const node of record.removedNodes) if (node === host) closed(epoch());
    }
  }).observe(document.documentElement, { childList: true });
  window.__ktBench = state;
  return 'null';
})()`;

/** Awaits one of WATCH_READER_SCRIPT's promises, or null after `timeoutMs`. */
export function awaitReaderScript(which: 'painted' | 'closed', timeoutMs: number): string {
  return `Promise.race([
  window.__ktBench.${which},
  new Promise((resolve) => setTimeout(() => resolve(null), ${timeoutMs})),
]).then((value) => JSON.stringify(value))`;
}

/** `fn(shadowRoot)` for Tab.inReader: the reader's own timings (src/reader/mount.tsx). */
export const READ_TIMINGS = `(root) => {
  const el = root.querySelector('[data-kt-timings]');
  return el ? JSON.parse(el.dataset.ktTimings) : null;
}`;

/**
 * Installed before the document's own parsing (auto mode): stamps the first frame that has the
 * reader's host on the page. requestAnimationFrame callbacks run right before each paint.
 */
export const WATCH_READER_FRAMES = `(() => {
  const step = () => {
    if (document.querySelector('html > div[style*="2147483647"]')) {
      window.__ktAutoPaint = performance.now();
      return;
    }
    if (performance.now() < 30000) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})()`;

/** Source of a Tab.evaluate function: ms from DOMContentLoaded to the reader's first frame, or null. */
export function awaitAutoPaint(timeoutMs: number): string {
  return `() => new Promise((resolve) => {
  const started = performance.now();
  const check = () => {
    const painted = window.__ktAutoPaint;
    const [navigation] = performance.getEntriesByType('navigation');
    if (painted !== undefined && navigation) resolve(Math.round((painted - navigation.domContentLoadedEventStart) * 10) / 10);
    else if (performance.now() - started > ${timeoutMs}) resolve(null);
    else setTimeout(check, 20);
  };
  check();
})`;
}
