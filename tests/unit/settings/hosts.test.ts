import { describe, expect, it } from 'vitest';
import {
  findAutoOpenSite,
  matchPatternsFor,
  normalizeStoredHost,
  parseHostInput,
  siteMatchesHost,
} from '../../../src/settings/hosts';

describe('parseHostInput', () => {
  it.each([
    ['rheinpfalz.de', 'rheinpfalz.de', false],
    ['  WWW.Rheinpfalz.DE  ', 'www.rheinpfalz.de', false],
    ['https://www.rheinpfalz.de/lokal/artikel-1.html?x=1#top', 'www.rheinpfalz.de', false],
    ['http://127.0.0.1:4173/seed/page.html', '127.0.0.1', false],
    ['rheinpfalz.de:443', 'rheinpfalz.de', false],
    ['rheinpfalz.de/', 'rheinpfalz.de', false],
    ['*.rheinpfalz.de', 'rheinpfalz.de', true],
    ['.rheinpfalz.de', 'rheinpfalz.de', true],
    ['rheinpfalz.de.', 'rheinpfalz.de', false],
    ['bücher.de', 'xn--bcher-kva.de', false],
    ['localhost', 'localhost', false],
  ])('%j → %s (subdomains %s)', (input, host, includeSubdomains) => {
    expect(parseHostInput(input)).toEqual({ ok: true, host, includeSubdomains });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://example.org', 'scheme'],
    ['javascript://example.org', 'scheme'],
    ['example.org/lokal', 'path'],
    ['ex*ample.org', 'wildcard'],
    ['*', 'wildcard'],
    ['exa mple.org', 'invalid'],
    ['-bad-.org', 'invalid'],
    ['999.1.1.1', 'invalid'],
    ['[::1]', 'invalid'],
    [`${'a'.repeat(64)}.de`, 'invalid'],
  ])('%j is refused (%s)', (input, error) => {
    expect(parseHostInput(input)).toEqual({ ok: false, error });
  });
});

describe('normalizeStoredHost', () => {
  it('accepts bare hosts only', () => {
    expect(normalizeStoredHost('Rheinpfalz.de')).toBe('rheinpfalz.de');
    expect(normalizeStoredHost('https://rheinpfalz.de')).toBeNull();
    expect(normalizeStoredHost('*.rheinpfalz.de')).toBeNull();
    expect(normalizeStoredHost(42)).toBeNull();
    expect(normalizeStoredHost('')).toBeNull();
  });
});

describe('matching pages to entries', () => {
  const exact = { host: 'rheinpfalz.de', includeSubdomains: false, addedAt: '2024-01-01T00:00:00.000Z' };
  const wide = {
    host: 'wochenblatt-reporter.de',
    includeSubdomains: true,
    addedAt: '2024-01-01T00:00:00.000Z',
  };

  it('matches the host itself, and subdomains only when asked', () => {
    expect(siteMatchesHost(exact, 'rheinpfalz.de')).toBe(true);
    expect(siteMatchesHost(exact, 'www.rheinpfalz.de')).toBe(false);
    expect(siteMatchesHost(wide, 'www.wochenblatt-reporter.de')).toBe(true);
    expect(siteMatchesHost(wide, 'a.b.wochenblatt-reporter.de')).toBe(true);
    // A suffix is not a subdomain.
    expect(siteMatchesHost(wide, 'evilwochenblatt-reporter.de')).toBe(false);
  });

  it('finds the entry for a URL, ignoring ports and non-web schemes', () => {
    expect(findAutoOpenSite([exact, wide], 'https://rheinpfalz.de:8443/a.html')).toBe(exact);
    expect(findAutoOpenSite([exact, wide], 'http://lokal.wochenblatt-reporter.de/')).toBe(wide);
    expect(findAutoOpenSite([exact, wide], 'https://example.org/')).toBeNull();
    expect(findAutoOpenSite([exact], 'file:///rheinpfalz.de/a.html')).toBeNull();
    expect(findAutoOpenSite([exact], 'not a url')).toBeNull();
  });

  it('prefers the most specific entry', () => {
    const sub = { ...exact, host: 'lokal.wochenblatt-reporter.de' };
    expect(findAutoOpenSite([wide, sub], 'https://lokal.wochenblatt-reporter.de/')).toBe(sub);
  });

  it('builds portless patterns for both schemes', () => {
    expect(matchPatternsFor(exact)).toEqual(['http://rheinpfalz.de/*', 'https://rheinpfalz.de/*']);
    expect(matchPatternsFor(wide)).toEqual([
      'http://*.wochenblatt-reporter.de/*',
      'https://*.wochenblatt-reporter.de/*',
    ]);
    // "*.127.0.0.1" is no valid pattern: an IP never has subdomains.
    expect(matchPatternsFor({ host: '127.0.0.1', includeSubdomains: true })).toEqual([
      'http://127.0.0.1/*',
      'https://127.0.0.1/*',
    ]);
  });
});
