import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ChromiumTab } from '../../scripts/lib/browser/chromium';
import { READ_READER_VIEW, type ReaderView } from '../../scripts/lib/browser/reader-view';
import { type Tab, waitFor } from '../../scripts/lib/browser/session';
import { BROWSERS, useBrowser } from './support/browsers';

const SEED = '/seed-wochenblatt/page.html';
const OTHER_ARTICLE = '/pages/article-en.html';

async function openReader(tab: Tab): Promise<ReaderView> {
  await tab.clickToolbar();
  return waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 30_000, 'the reader');
}

/** `expression` is evaluated with `root` (the reader's shadow root) in scope. */
function inRoot<T>(tab: Tab, expression: string): Promise<T | null> {
  return tab.inReader<T>(`(root) => (${expression})`);
}

const COUNTER = `root.querySelector('.kt-lightbox-counter [aria-hidden]')?.textContent ?? null`;
const FOCUSED = `(() => { const a = root.activeElement; return a ? a.className : null; })()`;

describe.each(BROWSERS)('reader view (%s)', (name) => {
  const journey = useBrowser(name);

  it('opens the gallery lightbox and pages through it with the keyboard', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await openReader(tab);
    const count = (await inRoot<number>(tab, `root.querySelectorAll('.kt-thumb').length`)) ?? 0;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await inRoot(tab, `root.querySelector('.kt-gallery-count').textContent`)).toBe(
      `${count} pictures`,
    );

    await inRoot(tab, `root.querySelector('.kt-thumb').click()`);
    await waitFor(async () => (await inRoot(tab, COUNTER)) === `1 / ${count}`, 5_000, 'the lightbox');
    await waitFor(
      async () => (await inRoot(tab, FOCUSED)) === 'kt-lightbox',
      10_000,
      'focus in the lightbox',
    );

    await tab.press('ArrowRight');
    expect(await inRoot(tab, COUNTER)).toBe(`2 / ${count}`);
    await tab.press('ArrowLeft');
    expect(await inRoot(tab, COUNTER)).toBe(`1 / ${count}`);
    await tab.press('ArrowLeft');
    expect(await inRoot(tab, COUNTER)).toBe(`${count} / ${count}`);
    await tab.press('Home');
    expect(await inRoot(tab, COUNTER)).toBe(`1 / ${count}`);

    // The picture is really shown, from the srcset, with its caption.
    const shown = await waitFor(
      () =>
        inRoot<{ loaded: boolean; caption: string }>(
          tab,
          `(() => { const img = root.querySelector('.kt-lightbox-image'); return img.complete && img.naturalWidth > 0 ? { loaded: true, caption: root.querySelector('.kt-lightbox-caption')?.textContent ?? '' } : null; })()`,
        ),
      20_000,
      'the picture to load',
    );
    expect(shown.caption).toContain('Gute Laune in Hannover');

    // Escape closes the lightbox only; focus goes back to the thumbnail that opened it.
    await tab.press('Escape');
    expect(await inRoot(tab, `root.querySelector('.kt-lightbox')`)).toBeNull();
    expect(await inRoot(tab, FOCUSED)).toBe('kt-thumb');
    expect(await tab.inReader(READ_READER_VIEW)).not.toBeNull();
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });

  it('keeps a theme chosen in the reader for the next page, applied from the first paint', async () => {
    const first = await journey.browser().open(journey.url(SEED));
    await openReader(first);
    await inRoot(first, `root.querySelector('.kt-display-toggle').click()`);
    await inRoot(first, `root.querySelector('.kt-segment[data-value="dark"] input').click()`);
    await inRoot(first, `root.querySelector('.kt-step-larger').click()`);
    const chosen = await inRoot<{ theme: string; size: string }>(
      first,
      `(() => { const l = root.querySelector('.kt-layer'); return { theme: l.dataset.theme, size: l.style.getPropertyValue('--kt-font-size') }; })()`,
    );
    expect(chosen?.theme).toBe('dark');

    // The save runs in the background; a page opened meanwhile may still get the old state, so
    // the next page is opened until it has the new one, and each time read at first sight.
    const next = await journey.browser().open(journey.url(OTHER_ARTICLE));
    const firstSight = `(() => { const l = root.querySelector('.kt-layer'); return l && { theme: l.dataset.theme, size: l.style.getPropertyValue('--kt-font-size'), background: getComputedStyle(l).backgroundColor }; })()`;
    const seen = await waitFor(
      async () => {
        await next.clickToolbar();
        const view = await waitFor(
          () => inRoot<{ theme: string; size: string; background: string }>(next, firstSight),
          15_000,
          'the reader on the next page',
        );
        if (view.theme === 'dark' && view.size === chosen?.size) return view;
        await next.press('Escape');
        await waitFor(
          async () => (await next.inReader(READ_READER_VIEW)) === null,
          5_000,
          'the reader to close',
        );
        return null;
      },
      20_000,
      'the chosen theme on the next page',
    );
    expect(seen).toEqual({ theme: 'dark', size: chosen?.size, background: 'rgb(23, 24, 26)' });
    await first.close();

    // Back to light for the other journeys, through the same control.
    await inRoot(next, `root.querySelector('.kt-display-toggle').click()`);
    await inRoot(next, `root.querySelector('.kt-segment[data-value="light"] input').click()`);
    await inRoot(next, `root.querySelector('.kt-step-smaller').click()`);
    expect(await inRoot(next, `root.querySelector('.kt-layer').dataset.theme`)).toBe('light');
    expect(next.consoleErrors).toEqual([]);
    await next.close();
  });

  it('prints the reader alone while it is open, and takes its print rule away on close', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await openReader(tab);
    const printing = await tab.evaluate<{ rules: string[]; during: string; after: string }>(`() => {
      const rules = [...document.querySelectorAll('style[media="print"]')].map((s) => s.textContent);
      const host = document.documentElement.lastElementChild;
      dispatchEvent(new Event('beforeprint'));
      const during = getComputedStyle(host).position;
      dispatchEvent(new Event('afterprint'));
      return { rules, during, after: getComputedStyle(host).position };
    }`);
    expect(printing.rules.join('\n')).toMatch(/html > body\s*\{\s*display:\s*none !important/);
    expect(printing.during).toBe('static');
    expect(printing.after).toBe('fixed');

    if (name === 'chromium') {
      const page = (tab as ChromiumTab).page;
      await page.emulateMedia({ media: 'print' });
      const inPrint = await tab.evaluate<{ body: string; host: string }>(`() => ({
        body: getComputedStyle(document.body).display,
        host: getComputedStyle(document.documentElement.lastElementChild).display,
      })`);
      expect(inPrint).toEqual({ body: 'none', host: 'block' });
      const toolbar = await inRoot(tab, `getComputedStyle(root.querySelector('.kt-toolbar')).display`);
      expect(toolbar).toBe('none');
      await page.emulateMedia({ media: 'screen' });
    }

    await tab.press('Escape');
    await waitFor(async () => (await tab.inReader(READ_READER_VIEW)) === null, 5_000, 'the reader to close');
    const left = await tab.evaluate<number>(`() => document.querySelectorAll('style[media="print"]').length`);
    expect(left).toBe(0);
    await tab.close();
  });

  it('works by keyboard alone: focus starts in the reader, Tab stays inside, Escape closes', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await openReader(tab);
    await waitFor(async () => (await inRoot(tab, FOCUSED)) === 'kt-layer', 5_000, 'focus on the reader');
    const visited = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await tab.press('Tab');
      const focus = await tab.evaluate<{ inReader: boolean }>(
        `() => ({ inReader: document.activeElement === document.documentElement.lastElementChild })`,
      );
      expect(focus.inReader, `Tab ${i + 1} left the reader`).toBe(true);
      visited.add((await inRoot<string>(tab, FOCUSED)) ?? '');
    }
    // Toolbar, display settings, thumbnails and the show-original button were all reachable.
    expect([...visited].some((c) => c.includes('kt-display-toggle'))).toBe(true);
    expect([...visited].some((c) => c.includes('kt-thumb'))).toBe(true);
    expect([...visited].some((c) => c.includes('kt-show-original'))).toBe(true);
    await tab.press('Escape');
    await waitFor(async () => (await tab.inReader(READ_READER_VIEW)) === null, 5_000, 'the reader to close');
    await tab.close();
  });

  it('records how soon after extraction the reader is painted', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await openReader(tab);
    const timings = await waitFor(
      () =>
        inRoot<{ extract: number; render: number; firstFrame: number | null }>(
          tab,
          `JSON.parse(root.querySelector('.kt-layer').dataset.ktTimings || 'null')`,
        ).then((t) => (t?.firstFrame != null ? t : null)),
      5_000,
      'timings',
    );
    expect(timings.extract).toBeGreaterThan(0);
    expect(timings.render).toBeGreaterThanOrEqual(0);
    expect(timings.firstFrame).toBeGreaterThanOrEqual(timings.render);
    console.log(`[${name}] reader timings (ms after extraction): ${JSON.stringify(timings)}`);
    await tab.close();
  });
});

describe('accessibility of the open reader (chromium, axe-core)', () => {
  const journey = useBrowser('chromium');
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  interface Violation {
    id: string;
    impact: string;
    help: string;
    nodes: string[];
  }

  /**
   * axe walks the page through `element.shadowRoot`, which is null for a closed root; the test
   * lends the host a getter for the root it was handed, for the duration of the run.
   */
  async function axe(tab: Tab): Promise<Violation[]> {
    return (
      (await tab.inReader<Violation[]>(`(root) => {
        const host = root.host;
        Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
        return window.axe
          .run(host, { resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 4) })))
          .finally(() => delete host.shadowRoot);
      }`)) ?? []
    );
  }

  const serious = (violations: Violation[]) =>
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

  it('finds no serious or critical violations in any theme, the controls or the lightbox', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await tab.evaluate(`() => { ${axeSource}\n; return typeof window.axe; }`);
    await openReader(tab);
    const report: Record<string, Violation[]> = {};
    await inRoot(tab, `root.querySelector('.kt-display-toggle').click()`);
    for (const theme of ['light', 'sepia', 'dark']) {
      await inRoot(tab, `root.querySelector('.kt-segment[data-value="${theme}"] input').click()`);
      report[`${theme} with controls open`] = await axe(tab);
    }
    await inRoot(tab, `root.querySelector('.kt-segment[data-value="light"] input').click()`);
    await inRoot(tab, `root.querySelector('.kt-display-toggle').click()`);
    report.reader = await axe(tab);
    await inRoot(tab, `root.querySelector('.kt-thumb').click()`);
    await waitFor(() => inRoot(tab, `root.querySelector('.kt-lightbox')`), 5_000, 'the lightbox');
    report.lightbox = await axe(tab);
    console.log(
      `[axe] ${JSON.stringify(Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.map((x) => `${x.id}:${x.impact}`)])))}`,
    );
    for (const [state, violations] of Object.entries(report)) {
      expect(serious(violations), `${state}: ${JSON.stringify(serious(violations))}`).toEqual([]);
    }
    await tab.close();
  });
});
