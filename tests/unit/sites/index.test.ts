import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findSiteRule, SITE_RULES } from '../../../src/sites';

describe('site rules', () => {
  it('a platform rule covers its hosts and their subdomains, nothing else', () => {
    expect(findSiteRule('https://www.wochenblatt-reporter.de/kaiserslautern/a1')?.id).toBe(
      'citizen-reporter',
    );
    expect(findSiteRule('https://www.meinbezirk.at/wien/c-lokales/x')?.id).toBe('citizen-reporter');
    expect(findSiteRule('https://lokalkompass.de/essen/x')?.id).toBe('citizen-reporter');
    expect(findSiteRule('https://notmeinbezirk.at/x')).toBeNull();
    expect(findSiteRule('not a url')).toBeNull();
  });

  it('every rule has an id, hosts and valid selectors', () => {
    const doc = new JSDOM('').window.document;
    const ids = new Set<string>();
    for (const rule of SITE_RULES) {
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.matches.length).toBeGreaterThan(0);
      const selectors = [
        ...(rule.content ?? []),
        ...(rule.gallery ?? []),
        ...(rule.remove ?? []).map((r) => r.selector),
        ...(rule.author?.box ?? []),
      ];
      // jsdom throws a SyntaxError on an invalid selector, as browsers do
      for (const sel of selectors) expect(() => doc.querySelector(sel), sel).not.toThrow();
    }
  });
});
