/**
 * Opening and closing the reader 50 times leaves the page exactly as it was: serialized DOM,
 * scroll position, focus, <html>/<body> attributes and computed styles. Nothing of ours stays
 * behind: after closing, key presses, scrolling and DOM changes bring nothing back, and (in
 * Chromium, where the renderer's counters are readable) listeners and DOM nodes do not grow with
 * the number of openings. With the reader open, the only requests are for the page's own files.
 */
import { describe, expect, it } from 'vitest';
import type { ChromiumTab } from '../../scripts/lib/browser/chromium';
import { type Tab, waitFor } from '../../scripts/lib/browser/session';
import { BROWSERS, useBrowser } from './support/browsers';

const SEED = '/seed-wochenblatt/page.html';
const CYCLES = 50;

const STATE = `() => {
  const styles = (el) => { const cs = getComputedStyle(el); let out = ''; for (let i = 0; i < cs.length; i++) out += cs[i] + ':' + cs.getPropertyValue(cs[i]) + ';'; return out; };
  const attrs = (el) => [...el.attributes].map((a) => a.name + '=' + a.value).join(' ');
  const active = document.activeElement;
  return {
    html: document.documentElement.outerHTML,
    scroll: [window.scrollX, window.scrollY],
    focus: active ? active.tagName + '|' + (active.getAttribute('href') || active.id || '') : '',
    htmlAttributes: attrs(document.documentElement),
    bodyAttributes: attrs(document.body),
    htmlStyle: styles(document.documentElement),
    bodyStyle: styles(document.body),
    rootChildren: [...document.documentElement.children].map((el) => el.localName).join(','),
  };
}`;

const isOpen = async (tab: Tab) =>
  (await tab.inReader('(root) => !!root.querySelector(".kt-layer")')) === true;

async function domCounters(tab: Tab): Promise<{ nodes: number; jsEventListeners: number } | null> {
  if (!('page' in tab) || !(tab as ChromiumTab).page.context) return null;
  const page = (tab as ChromiumTab).page;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = (await cdp.send('Memory.getDOMCounters' as never)) as {
    nodes: number;
    jsEventListeners: number;
  };
  await cdp.detach();
  return counters;
}

function recordRequests(tab: Tab): string[] {
  const urls: string[] = [];
  const page = (
    tab as unknown as { page: { on(event: 'request', fn: (r: { url(): string }) => void): void } }
  ).page;
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe.each(BROWSERS)('page integrity (%s)', (name) => {
  const journey = useBrowser(name);

  it(`is exact after ${CYCLES} openings and closings, and nothing of ours stays behind`, async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await tab.evaluate(
      `() => { window.scrollTo(0, 420); document.querySelector('main a[href], article a[href], a[href]').focus({ preventScroll: true }); window.scrollTo(0, 420); }`,
    );
    // The page's own lazy loader swaps in the pictures near the viewport: let it finish first.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = await tab.evaluate(STATE);
    let afterFirst: Awaited<ReturnType<typeof domCounters>> = null;
    for (let i = 0; i < CYCLES; i++) {
      await tab.clickToolbar();
      await waitFor(() => isOpen(tab), 20_000, `the reader, opening ${i + 1}`);
      await tab.clickToolbar();
      await waitFor(
        async () => (await tab.inReader('(root) => true')) === null,
        5_000,
        `the reader to close, closing ${i + 1}`,
      );
      if (i === 0) afterFirst = await domCounters(tab);
    }
    expect(await tab.evaluate(STATE)).toEqual(before);

    // Behaviour after closing: keys, scrolling and DOM changes that our listeners would answer.
    for (const key of ['Escape', 'k', 'Shift']) await tab.press(key);
    await tab.evaluate(`() => {
      window.dispatchEvent(new Event('scroll'));
      const probe = document.createElement('div');
      document.body.append(probe);
      probe.remove();
      document.body.setAttribute('data-probe', '1');
      document.body.removeAttribute('data-probe');
    }`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await isOpen(tab)).toBe(false);
    expect(await tab.evaluate(STATE)).toEqual(before);

    const afterAll = await domCounters(tab);
    if (afterFirst && afterAll) {
      console.log(
        `[${name}] DOM counters after 1 cycle ${JSON.stringify(afterFirst)}, after ${CYCLES}: ${JSON.stringify(afterAll)}`,
      );
      expect(afterAll.jsEventListeners).toBeLessThanOrEqual(afterFirst.jsEventListeners);
      // Measured: no growth at all from the 1st to the 50th closing after a forced GC. The reader's
      // smallest possible remnant, its closed shadow root with host, style and root element, is
      // 5 nodes per opening (+245 here, the figure once seen while the harness held a handle on
      // every shadow root it read); the slack, half a node per opening, only absorbs GC timing.
      expect(afterAll.nodes).toBeLessThanOrEqual(afterFirst.nodes + 25);
    }
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  }, 300_000);

  it('makes no request but for the page’s own files while the reader is open', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    const requests = recordRequests(tab);
    await tab.clickToolbar();
    await waitFor(() => isOpen(tab), 20_000, 'the reader');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Files from the extension's own package (the reader's fonts; Chrome gives them a per-session
    // host, use_dynamic_url) are no network requests.
    const packaged = /^(?:chrome|moz)-extension:\/\//;
    const pageAssets = `${journey.url('/seed-wochenblatt/')}`;
    // The browser fetches the site's icon for its tab whenever it gets round to it (Firefox at
    // times a second after load): the page's own file, asked for by the browser, not by us.
    const siteIcon = journey.url('/favicon.ico');
    const foreign = requests.filter(
      (url) =>
        !packaged.test(url) && !url.startsWith(pageAssets) && url !== siteIcon && !url.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    console.log(`[${name}] requests while the reader was open: ${requests.length}`);
    await tab.close();
  });
});
