import { describe, expect, it } from 'vitest';
import { READ_READER_VIEW, type ReaderView } from '../../scripts/lib/browser/reader-view';
import { waitFor } from '../../scripts/lib/browser/session';
import { BROWSERS, useBrowser } from './support/browsers';

/** A page of the browser's own, where no extension may run. */
const PRIVILEGED_PAGE = { chromium: 'chrome://version/', firefox: 'about:license' } as const;

describe.each(BROWSERS)('pages without a story to show (%s)', (name) => {
  const journey = useBrowser(name);

  it("answers a click on the browser's own pages with a translated message in the toolbar popup", async () => {
    const tab = await journey.browser().open(PRIVILEGED_PAGE[name]);
    await tab.clickToolbar();
    const popup = await waitFor(
      async () => {
        const shown = await journey.browser().toolbarPopup();
        return shown?.title ? shown : null;
      },
      10_000,
      'the toolbar popup and its message',
    );
    expect(popup.url).toContain('reason=restricted');
    expect(popup.title).toBe('Reader view is not available here');
    // Firefox's open popup panel would swallow the next test's toolbar click.
    await journey.browser().closeToolbarPopup();
    await tab.close();
  });

  it('says so when a page has no article, instead of an empty layer', async () => {
    const tab = await journey.browser().open(journey.url('/pages/no-story.html'));
    await tab.clickToolbar();
    const view = await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 10_000, 'the reader');
    expect(view.message).toContain('No article found');
    expect(view.text).toBe('');
    await tab.press('Escape');
    await waitFor(async () => (await tab.inReader(READ_READER_VIEW)) === null, 5_000, 'the message to close');
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });
});
