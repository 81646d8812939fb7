/**
 * A sample of the XSS suite (`npm run test:security` runs the whole collection): the committed
 * sample vectors in every repeated position, a dozen of them in every single-field position,
 * with the reader opened through the toolbar in both browsers. Plus a control showing that the
 * beacons do catch a reader that re-parses page markup into the live document.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/lib/browser/session';
import { type StaticRoute, startServer } from '../../scripts/lib/serve';
import { buildVectorPages } from '../security/pages';
import { runVectorsInBrowser } from '../security/run';
import { loadVectors, SAMPLE_VECTORS } from '../security/vectors';
import { BROWSERS, useBrowser } from './support/browsers';

const vectors = loadVectors(SAMPLE_VECTORS);

describe.each(BROWSERS)('XSS vector sample with the reader open (%s)', (name) => {
  it('runs nothing and leaves no dangerous construct in the reader', async () => {
    const result = await runVectorsInBrowser(name, vectors, { singleLimit: 12 });
    expect(result.failures).toEqual([]);
    expect(result.tried).toBeGreaterThan(vectors.length * 10);
    expect(result.executed).toEqual([]);
    expect(result.flagged).toEqual([]);
  }, 300_000);
});

describe.each(BROWSERS)('the beacons (%s)', (name) => {
  const journey = useBrowser(name);

  it('catch a payload that a naive reader turns from page text into live HTML (control)', async () => {
    const routes: Record<string, StaticRoute> = {};
    const server = await startServer({ extraRoutes: routes });
    try {
      const control = {
        id: 'control',
        source: 'this test',
        payload: '<img src="/nothing-here.png" onerror="alert(1)">',
      };
      const set = buildVectorPages([control], { origin: server.url, positions: ['paragraph'] });
      const page = set.pages[0];
      if (!page) throw new Error('no control page built');
      routes[page.path] = { body: page.html };
      const tab = await journey.browser().open(server.url + page.path);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Escaped in the page, so inert there: nothing reports before someone re-parses it.
      expect(server.hits.filter((h) => h.startsWith('/hit/x/'))).toEqual([]);
      await tab.evaluate(`() => {
        const text = [...document.querySelectorAll('.article-body p')].map((p) => p.textContent).join('');
        document.body.insertAdjacentHTML('beforeend', text);
      }`);
      const [key] = [...set.keys.keys()];
      await waitFor(async () => server.hits.includes(`/hit/x/${key}`), 5_000, 'the control beacon');
      await tab.close();
    } finally {
      await server.close();
    }
  });
});
