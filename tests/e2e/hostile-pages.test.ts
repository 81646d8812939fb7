/**
 * Pages that fight back (tests/fixtures/hostile): the reader still opens over the story, stays
 * while the page rebuilds itself, closes, and leaves the page as it was — or, where the page
 * makes that impossible, says so instead of leaving the page locked.
 */
import { describe, expect, it } from 'vitest';
import { type Tab, waitFor } from '../../scripts/lib/browser/session';
import { BROWSERS, useBrowser } from './support/browsers';

const TITLE = 'Neues Hallenbad öffnet im Herbst';

/** Reads the reader without Array.prototype.map & co (one page replaces them). */
const READER_STATE = `(root) => {
  const title = root.querySelector('.kt-title');
  const message = root.querySelector('.kt-message');
  return { title: title ? title.textContent.trim() : null, message: message ? message.textContent.trim() : null };
}`;

/** The page's state, read without any built-in the hostile pages replace. */
async function pageState(tab: Tab) {
  return tab.evaluate<{ html: string; htmlStyle: string | null; scrollY: number; extra: number }>(`() => {
    // Through the prototype: one page clobbers document.documentElement with a named form.
    const root = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get.call(document);
    let extra = 0;
    for (const el of root.children) if (el.localName !== 'head' && el.localName !== 'body') extra++;
    return {
      html: root.outerHTML,
      htmlStyle: root.getAttribute('style'),
      scrollY: window.scrollY,
      extra,
    };
  }`);
}

/** True when the middle of the viewport shows the reader (it covers the page). */
function readerOnTop(tab: Tab): Promise<boolean> {
  return tab.evaluate<boolean>(`() => {
    const root = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get.call(document);
    const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return !!el && el.parentNode === root && el.localName !== 'body' && el.localName !== 'head';
  }`);
}

const reader = (tab: Tab) => tab.inReader<{ title: string | null; message: string | null }>(READER_STATE);
const closed = async (tab: Tab) => (await reader(tab)) === null;

describe.each(BROWSERS)('hostile pages (%s)', (name) => {
  const journey = useBrowser(name);

  async function openAndClose(page: string, openFor = 300, settle = 0) {
    const tab = await journey.browser().open(journey.url(`/hostile/${page}`));
    await new Promise((resolve) => setTimeout(resolve, settle));
    const before = await pageState(tab);
    await tab.clickToolbar();
    const view = await waitFor(() => reader(tab), 10_000, `the reader on ${page}`);
    const onTop = await readerOnTop(tab);
    await new Promise((resolve) => setTimeout(resolve, openFor));
    const stillThere = await reader(tab);
    await tab.clickToolbar();
    await waitFor(() => closed(tab), 5_000, `the reader to close on ${page}`);
    const after = await pageState(tab);
    return { tab, before, after, view, onTop, stillThere };
  }

  // The first rebuild changes the page's own serialization (whitespace), so "before" is taken after it.
  it('keeps the reader while the page rebuilds <body> every second', async () => {
    const { tab, before, after, view, onTop, stillThere } = await openAndClose(
      'rebuild-body.html',
      2_500,
      1_300,
    );
    expect(view.title).toBe(TITLE);
    expect(onTop).toBe(true);
    expect(stillThere?.title).toBe(TITLE);
    expect(await tab.evaluate('() => window.rebuilds')).toBeGreaterThanOrEqual(2);
    expect(after).toEqual(before);
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });

  for (const page of ['hide-everything.html', 'unset-everything.html']) {
    it(`shows the reader on top on ${page}`, async () => {
      const { tab, before, after, view, onTop } = await openAndClose(page);
      expect(view.title).toBe(TITLE);
      expect(onTop).toBe(true);
      expect(after).toEqual(before);
      expect(tab.consoleErrors).toEqual([]);
      await tab.close();
    });
  }

  it('never calls the page-world built-ins the page replaced', async () => {
    const { tab, before, after, view, onTop } = await openAndClose('hostile-builtins.html');
    expect(view.title).toBe(TITLE);
    expect(onTop).toBe(true);
    expect(after).toEqual(before);
    expect(await tab.evaluate('() => window.hostileCalls.join(",")')).toBe('');
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });

  it('opens despite DOM clobbering of form and document properties', async () => {
    const { tab, before, after, view, onTop } = await openAndClose('clobbering.html');
    expect(view.title).toBe(TITLE);
    expect(onTop).toBe(true);
    expect(after).toEqual(before);
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });

  it('on a page that removes unknown elements: the reader stays, or the page is left unlocked and the toolbar says why', async () => {
    const tab = await journey.browser().open(journey.url('/hostile/remove-unknown.html'));
    const before = await pageState(tab);
    await tab.clickToolbar();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const view = await reader(tab);
    const state = await pageState(tab);
    // Either the reader holds its place over the story, or it gave up and put the page back.
    if (view) {
      expect(view.title).toBe(TITLE);
      expect(await readerOnTop(tab)).toBe(true);
      await tab.clickToolbar();
      await waitFor(() => closed(tab), 5_000, 'the reader to close');
      expect(await pageState(tab)).toEqual(before);
    } else {
      expect(state).toEqual(before);
      const popup = await waitFor(
        async () => {
          const shown = await journey.browser().toolbarPopup();
          return shown?.title ? shown : null;
        },
        10_000,
        'the toolbar popup saying the page removed the reader',
      );
      expect(popup.url).toContain('reason=removed-by-page');
      expect(popup.title).toBe('The page removed the reader view');
      await journey.browser().closeToolbarPopup();
    }
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });
});
