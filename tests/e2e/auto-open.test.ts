import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxSession } from '../../scripts/lib/browser/firefox';
import { launchBrowser } from '../../scripts/lib/browser/launch';
import { READ_READER_VIEW, type ReaderView } from '../../scripts/lib/browser/reader-view';
import {
  type BrowserSession,
  type ExtensionPage,
  type Tab,
  waitFor,
} from '../../scripts/lib/browser/session';
import { fixturesRoot, type RunningServer, startServer } from '../../scripts/lib/serve';
import { BROWSERS } from './support/browsers';

const OPTIONS_PAGE = 'src/options/index.html';
// The test host: match patterns compare hosts literally (127.0.0.1 is not localhost) and carry no port.
const HOST = '127.0.0.1';
const ORIGINS = [`http://${HOST}/*`, `https://${HOST}/*`];
/**
 * REVEAL_BOUND_MS in src/content/auto-open.ts, counted from the content script's start, plus
 * what a loaded machine adds before the script starts (frame times count from navigation start).
 */
const BOUND_WITH_SLACK_MS = 1500 + 2000;

/**
 * Records, from the page's first inline script on, every frame the browser is about to paint:
 * whether the page is visible, whether the reader layer is there, whether the page has content.
 * requestAnimationFrame callbacks run right before each paint, so a frame recorded as
 * "visible, content, no reader" is a frame in which a person saw the cluttered page.
 */
const PAINT_PROBE = `<script>(() => {
  const frames = [];
  window.__klartextFrames = frames;
  const step = () => {
    const html = document.documentElement;
    frames.push({
      t: Math.round(performance.now()),
      visible: getComputedStyle(html).visibility === 'visible',
      reader: !!document.querySelector('html > div[style*="2147483647"]'),
      content: !!document.body && document.body.textContent.trim().length > 0,
    });
    if (frames.length < 2000) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})();</script>`;

interface Frame {
  t: number;
  visible: boolean;
  reader: boolean;
  content: boolean;
}

function withProbe(file: string): { body: string } {
  const html = readFileSync(path.join(fixturesRoot, file), 'utf8');
  return { body: html.replace(/<head[^>]*>/i, (head) => `${head}${PAINT_PROBE}`) };
}

/**
 * A single-page app: a section front whose teaser swaps in a story with history.pushState, and
 * whose popstate handler puts the front back, as client-side routers do.
 */
const SPA_PAGE = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Lokales</title></head><body>
<header><a href="/auto/spa.html">Stadtanzeiger</a></header><main id="view"></main>
<script>
  const teaser = (n) => '<article><a href="/auto/spa/brand-in-der-altstadt-12345' + n + '.html"><h2>Meldung ' + n + ' aus der Stadt</h2></a><p>Kurzer Anreißer zur Meldung.</p></article>';
  const front = '<h1>Lokales</h1>' + [1, 2, 3, 4, 5, 6].map(teaser).join('');
  const sentence = 'Die Feuerwehr war mit vier Fahrzeugen in der Altstadt im Einsatz, weil aus einem Dachstuhl Rauch drang. ';
  const story = '<article><h1>Brand in der Altstadt</h1>' + [1, 2, 3, 4].map(() => '<p>' + sentence.repeat(3) + '</p>').join('') + '</article>';
  const render = () => {
    const isStory = location.pathname.includes('/auto/spa/');
    document.getElementById('view').innerHTML = isStory ? story : front;
    document.title = isStory ? 'Brand in der Altstadt' : 'Lokales';
  };
  window.showStory = () => { history.pushState({}, '', '/auto/spa/brand-in-der-altstadt-123451.html'); render(); };
  addEventListener('popstate', render);
  render();
</script></body></html>`;

const ARTICLE = '/auto/article.html';
const SECTION = '/auto/section.html';

const frames = (tab: Tab) => tab.evaluate<Frame[]>('() => window.__klartextFrames || []');
const originalShown = (f: Frame) => f.visible && f.content && !f.reader;

describe.each(BROWSERS)('automatic reader mode on a whitelisted host (%s)', (name) => {
  let server: RunningServer;
  let session: BrowserSession;
  let profileDir: string;
  const url = (p: string) => `${server.url}${p}`;

  const launch = () => launchBrowser(name, name === 'chromium' ? { profileDir } : {});

  async function optionsPage(): Promise<ExtensionPage> {
    const page = await session.openExtensionPage(OPTIONS_PAGE);
    await page.waitForSelector('#host-input');
    return page;
  }

  async function registeredScripts(page: ExtensionPage): Promise<string[]> {
    return page.evaluate<string[]>(`async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.scripting.getRegisteredContentScripts()).map((s) => s.id);
    }`);
  }

  async function waitForRegistration(present: boolean): Promise<void> {
    const page = await optionsPage();
    await waitFor(
      async () => (await registeredScripts(page)).some((id) => id.endsWith(HOST)) === present,
      15_000,
      `auto-open script ${present ? 'registered' : 'unregistered'}`,
    );
    await page.close();
    if (present) await waitForScriptInPages();
  }

  /**
   * Firefox hands a new registration to its content processes asynchronously: a load started the
   * moment registerContentScripts resolved can still miss the script. Wait until a load runs it.
   */
  async function waitForScriptInPages(): Promise<void> {
    await waitFor(
      async () => {
        const tab = await session.open(url(ARTICLE));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const ran = (await frames(tab)).some((f) => !f.visible || f.reader);
        await tab.close();
        return ran;
      },
      15_000,
      'the registered script to run in a page',
    );
  }

  /** Opens the article and waits for the reader; on failure says whether the script gave up or never ran. */
  async function openArticleInReader(): Promise<{ tab: Tab; view: ReaderView }> {
    const tab = await session.open(url(ARTICLE));
    const view = await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 10_000, 'the reader').catch(
      async (error: Error) => {
        // Tell "gave up at the bound" (page shown) from "never ran" (no hidden frame at all).
        const seen = await frames(tab);
        const shown = seen.find(originalShown);
        await tab.close();
        throw new Error(
          `${error.message}; ${seen.length} frames, ${seen.filter((f) => !f.visible).length} hidden, original shown at ${shown?.t ?? 'never'} ms`,
        );
      },
    );
    return { tab, view };
  }

  async function expectReaderWithoutFlash(): Promise<void> {
    const { tab, view } = await openArticleInReader();
    expect(view.title).toBe('Mit Vollgas auf die Seidenstraße');
    const seen = await frames(tab);
    const firstReader = seen.findIndex((f) => f.reader);
    expect(seen.length, 'the probe saw frames').toBeGreaterThan(0);
    expect(firstReader, 'a frame with the reader').toBeGreaterThanOrEqual(0);
    expect(seen.filter(originalShown), 'frames that showed the original page').toEqual([]);
    // Hidden no longer than the bound: the reader is there (or the page back) by then.
    expect(seen[firstReader]!.t).toBeLessThan(BOUND_WITH_SLACK_MS);
    await tab.close();
  }

  beforeAll(async () => {
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'klartext-auto-open-'));
    server = await startServer({
      extraRoutes: {
        [ARTICLE]: withProbe('seed-wochenblatt/page.html'),
        [SECTION]: withProbe('gate/non-articles/pfalz-echo-section-no-jsonld.html'),
        '/auto/spa.html': { body: SPA_PAGE },
      },
    });
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  async function addHostThroughOptions(typed: string): Promise<void> {
    await session.approveHostPermissions(ORIGINS);
    const page = await optionsPage();
    await page.fill('#host-input', typed);
    await page.click('#add-site');
    await page.waitForSelector(`#site-list li[data-host="${HOST}"][data-granted="true"]`);
    await page.close();
    await waitForRegistration(true);
  }

  it('adds the host through the options page, asking for its permission from the click', async () => {
    // A pasted address: scheme, port and path are dropped, the host is kept.
    await addHostThroughOptions(`http://${HOST}:${server.port}/some/page.html`);
  });

  it('explains a host it cannot take', async () => {
    const page = await optionsPage();
    await page.fill('#host-input', 'example.org/lokal');
    await page.click('#add-site');
    const text = await page.evaluate<string>(`() => document.querySelector('#options-message').textContent`);
    expect(text).toMatch(/without a path/);
    await page.close();
  });

  it('opens an article straight in the reader, with no frame of the original page', async () => {
    await expectReaderWithoutFlash();
  });

  it('shows a section front untouched within the bound', async () => {
    const tab = await session.open(url(SECTION));
    await new Promise((resolve) => setTimeout(resolve, BOUND_WITH_SLACK_MS));
    const seen = await frames(tab);
    expect(
      seen.some((f) => f.reader),
      'the reader never opened',
    ).toBe(false);
    expect(await tab.inReader(READ_READER_VIEW)).toBeNull();
    const firstShown = seen.find(originalShown);
    expect(firstShown, 'the page became visible').toBeDefined();
    expect(firstShown!.t).toBeLessThan(BOUND_WITH_SLACK_MS);
    await tab.close();
  });

  it('marks whitelisted tabs on the toolbar icon and still toggles by toolbar there', async () => {
    const { tab } = await openArticleInReader();
    const page = await optionsPage();
    const badge = await page.evaluate<string[]>(`async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tabs = await api.tabs.query({});
      return Promise.all(tabs.filter((t) => (t.url || '').endsWith('${ARTICLE}')).map((t) => api.action.getBadgeText({ tabId: t.id })));
    }`);
    // Every open tab of the host carries it (an earlier test's tab may still be open).
    expect(badge.length).toBeGreaterThan(0);
    expect(new Set(badge)).toEqual(new Set(['A']));
    await page.close();
    await tab.clickToolbar();
    await waitFor(async () => (await tab.inReader(READ_READER_VIEW)) === null, 5_000, 'the reader to close');
    await tab.clickToolbar();
    await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 10_000, 'the reader again');
    await tab.close();
  });

  it('follows single-page navigation: opens on a story pushed into history, closes on back, opens on forward', async () => {
    const tab = await session.open(url('/auto/spa.html'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await tab.inReader(READ_READER_VIEW), 'no reader on the front').toBeNull();

    await tab.evaluate('() => window.showStory()');
    const view = await waitFor(
      () => tab.inReader<ReaderView>(READ_READER_VIEW),
      5_000,
      'the reader on the story',
    );
    expect(view.title).toBe('Brand in der Altstadt');

    await tab.evaluate('() => history.back()');
    await waitFor(
      async () => (await tab.inReader(READ_READER_VIEW)) === null,
      5_000,
      'the reader to close on back',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await tab.inReader(READ_READER_VIEW), 'the front stays itself').toBeNull();

    await tab.evaluate('() => history.forward()');
    await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 5_000, 'the reader on forward');
    await tab.close();
  });

  it('keeps the whitelist and the registration across a restart', async () => {
    if (name === 'chromium') {
      await session.close();
      session = await launch();
    } else {
      await (session as FirefoxSession).reloadExtension();
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    const page = await optionsPage();
    await page.waitForSelector(`#site-list li[data-host="${HOST}"]`);
    await page.close();
    await waitForRegistration(true);
    await expectReaderWithoutFlash();
  });

  it('keeps a host whose permission was revoked in the browser, offers to allow it again, and opens it normally meanwhile', async () => {
    await session.revokeHostPermissions(ORIGINS);
    await waitForRegistration(false);
    const page = await optionsPage();
    await page.waitForSelector(
      `#site-list li[data-host="${HOST}"][data-granted="false"] [data-action="grant"]`,
    );

    const tab = await session.open(url(ARTICLE));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await frames(tab)).some((f) => f.reader)).toBe(false);
    await tab.close();

    await session.approveHostPermissions(ORIGINS);
    // Chromium's site-access control grants by itself (the page sees onAdded and updates);
    // Firefox's answers the request the button makes.
    if (name === 'firefox') await page.click(`#site-list li[data-host="${HOST}"] [data-action="grant"]`);
    await page.waitForSelector(`#site-list li[data-host="${HOST}"][data-granted="true"]`);
    await page.close();
    await waitForRegistration(true);
    await expectReaderWithoutFlash();
  });

  it('opens pages normally once the host is removed, and gives the permission back', async () => {
    const page = await optionsPage();
    await page.waitForSelector(`#site-list li[data-host="${HOST}"] [data-action="remove"]`);
    await page.click(`#site-list li[data-host="${HOST}"] [data-action="remove"]`);
    await page.waitForSelector('#site-list-empty');
    await page.close();
    await waitForRegistration(false);
    const check = await optionsPage();
    const granted = await check.evaluate<boolean>(
      `() => (globalThis.browser ?? globalThis.chrome).permissions.contains({ origins: ${JSON.stringify(ORIGINS)} })`,
    );
    expect(granted).toBe(false);
    await check.close();

    const tab = await session.open(url(ARTICLE));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const seen = await frames(tab);
    expect(seen.some((f) => f.reader)).toBe(false);
    expect(
      seen.find((f) => f.content)?.visible,
      'the page was visible from its first frame with content',
    ).toBe(true);
    await tab.close();
  });

  it("turns automatic opening off from the reader's own toggle", async () => {
    await addHostThroughOptions(HOST);
    const { tab } = await openArticleInReader();
    const pressed = () =>
      tab.inReader<string>(`(root) => root.querySelector('.kt-site-toggle').getAttribute('aria-pressed')`);
    expect(await pressed()).toBe('true');
    await tab.inReader(`(root) => root.querySelector('.kt-site-toggle').click()`);
    await waitForRegistration(false);
    expect(await pressed()).toBe('false');
    // The story being read stays open; only the next visit opens normally.
    expect(await tab.inReader(READ_READER_VIEW)).not.toBeNull();
    await tab.close();
  });
});
