/**
 * The reader speaks the browser's language. Chromium only: Debian's Firefox ESR ships without a
 * German language pack, so its UI (and an extension's i18n) stays English whatever is requested;
 * the German messages themselves are checked in the unit tests.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/lib/browser/session';
import { useBrowser } from './support/browsers';

describe('a browser set to German (chromium)', () => {
  const journey = useBrowser('chromium', { locale: 'de-DE' });

  it('shows the reader with German controls, dates and counts', async () => {
    const tab = await journey.browser().open(journey.url('/seed-wochenblatt/page.html'));
    await tab.clickToolbar();
    const words = await waitFor(
      () =>
        tab.inReader<{ close: string; display: string; meta: string; outlet: string }>(`(root) => ({
          close: root.querySelector('.kt-close')?.textContent?.trim() ?? '',
          display: root.querySelector('.kt-display-toggle')?.textContent?.trim() ?? '',
          meta: root.querySelector('.kt-meta')?.textContent?.replace(/\\s+/g, ' ').trim() ?? '',
          outlet: root.querySelector('.kt-author-outlet')?.textContent?.trim() ?? '',
        })`),
      10_000,
      'the reader',
    );
    expect(words.close).toBe('Schließen');
    expect(words.display).toBe('Darstellung');
    expect(words.meta).toContain('26. April 2019');
    expect(words.meta).toContain('Min. Lesezeit');
    expect(words.meta).toContain('2 Bilder');
    expect(words.outlet).toBe('aus Wochenblatt Kaiserslautern');
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });
});
