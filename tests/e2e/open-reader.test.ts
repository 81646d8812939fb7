import { describe, expect, it } from 'vitest';
import { READ_READER_VIEW, type ReaderView } from '../../scripts/lib/browser/reader-view';
import { waitFor } from '../../scripts/lib/browser/session';
import { BROWSERS, useBrowser } from './support/browsers';
import { pageFingerprint, settledPageFingerprint } from './support/page-fingerprint';

const SEED = '/seed-wochenblatt/page.html';

describe.each(BROWSERS)('toolbar click on an article (%s)', (name) => {
  const journey = useBrowser(name);

  it('opens the reader over the page with the story, its byline and pictures', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await tab.clickToolbar();
    const view = await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 10_000, 'the reader');
    expect(view.title).toBe('Mit Vollgas auf die Seidenstraße');
    expect(view.text).toContain('Kaiserslautern hat sich in den vergangenen Jahren');
    expect(view.text).not.toContain('Anzeige');
    expect(view.byline.map((a) => a.name)).toContain('Stephanie Walter');
    expect(view.images).toBeGreaterThanOrEqual(1);
    expect(view.message).toBeNull();
    // The layer covers the viewport and the page underneath no longer scrolls.
    const covered = await tab.evaluate<{ top: string; overflow: string }>(`() => {
      const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      return { top: el === document.documentElement.lastElementChild ? 'reader' : el?.tagName, overflow: getComputedStyle(document.documentElement).overflow };
    }`);
    expect(covered).toEqual({ top: 'reader', overflow: 'hidden' });
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });

  it('closes by a second click, by Escape and by the Close button, leaving the page exactly as it was', async () => {
    const tab = await journey.browser().open(journey.url(SEED));
    await tab.evaluate('() => window.scrollTo(0, 420)');
    const before = await settledPageFingerprint(tab);
    expect(before.scrollY).toBeGreaterThan(0);

    const closers: [string, () => Promise<void>][] = [
      ['toolbar', () => tab.clickToolbar()],
      ['Escape', () => tab.press('Escape')],
      [
        'Close button',
        async () => void (await tab.inReader(`(root) => root.querySelector('.kt-close').click()`)),
      ],
    ];
    for (const [how, close] of closers) {
      await tab.clickToolbar();
      await waitFor(
        () => tab.inReader<ReaderView>(READ_READER_VIEW),
        10_000,
        `the reader before closing by ${how}`,
      );
      await close();
      await waitFor(
        async () => (await tab.inReader(READ_READER_VIEW)) === null,
        5_000,
        `the reader to close by ${how}`,
      );
      expect(await pageFingerprint(tab), `page after closing by ${how}`).toEqual(before);
    }
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });
});
