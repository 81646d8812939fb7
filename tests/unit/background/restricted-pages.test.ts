import { describe, expect, it } from 'vitest';
import { isRestrictedUrl } from '../../../src/background/restricted-pages';

describe('pages where the browser forbids extension scripts', () => {
  it.each([
    'chrome://settings/',
    'chrome-extension://abcdefghijklmnop/options.html',
    'about:addons',
    'moz-extension://1234/options.html',
    'view-source:https://www.rheinpfalz.de/',
    'edge://newtab/',
    'https://chromewebstore.google.com/detail/xyz',
    'https://chrome.google.com/webstore/category/extensions',
    'https://addons.mozilla.org/de/firefox/',
    'not a url',
  ])('recognises %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it.each([
    'https://www.wochenblatt-reporter.de/kaiserslautern/c-wirtschaft/mit-vollgas_a1',
    'http://127.0.0.1:8080/page.html',
    'file:///home/reader/saved.html',
    'https://example.org/paper.pdf',
  ])('lets %s be tried', (url) => {
    expect(isRestrictedUrl(url)).toBe(false);
  });

  it('lets the injection decide when the tab URL is hidden', () => {
    expect(isRestrictedUrl(undefined)).toBe(false);
  });
});
