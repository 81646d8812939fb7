/**
 * Regression tests on real pages from ../shared/corpus, copied unchanged into
 * tests/fixtures/corpus/<name>/ with their corpus ground truth. Each page asserts the check
 * kinds of the bug it was added for (check.py's checks, via the eval's port of it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegionalExpectation } from '../../../scripts/lib/corpus';
import { decodeHtml, readPageBytes } from '../../../scripts/lib/decode';
import { parseDocument } from '../../../scripts/lib/dom';
import { type CheckKind, checkRegionalPage } from '../../../scripts/lib/regional-checks';
import { extractStory } from '../../../src/core/extract';

const dir = new URL('../../fixtures/corpus/', import.meta.url);

const PAGES: { name: string; fixture?: string; kinds: CheckKind[] }[] = [
  {
    name: 'n-land-simmelsdorf',
    kinds: ['outlet', 'images', 'image src', 'image caption', 'image credit', 'with'],
  },
  { name: 'mdr-autohaeuser', kinds: ['outlet', 'with'] },
  { name: 'hessenschau-yuecel', kinds: ['outlet', 'with'] },
  { name: 'hildesheimer-presse-hund', kinds: ['outlet', 'with', 'images', 'image src', 'image credit'] },
  {
    name: 'mdr-autohaeuser-picture',
    fixture: 'mdr-autohaeuser',
    kinds: ['images', 'image src', 'image caption', 'image credit'],
  },
  {
    name: 'hessenschau-yuecel-pictures',
    fixture: 'hessenschau-yuecel',
    kinds: ['images', 'image src', 'image caption', 'image credit'],
  },
  { name: 'wien-orf-tobisch', kinds: ['outlet', 'images', 'image src', 'image caption', 'image credit'] },
  { name: 'nh24-bundeswehr', kinds: ['images', 'image src', 'image credit', 'with', 'without'] },
  { name: 'wdr-correctiv', kinds: ['images', 'image src', 'image credit', 'with'] },
  { name: 'sonntag-scobel', kinds: ['images', 'image src', 'image credit'] },
  { name: 'dubisthalle-intendant', kinds: ['images', 'image src', 'image credit'] },
  { name: 'ln-online-auktion', kinds: ['images', 'image src', 'image caption', 'image credit', 'with'] },
  { name: 'sw1-heimat', kinds: ['with', 'without'] },
  {
    name: 'tagesspiegel-abstand',
    kinds: ['with', 'without', 'images', 'image src', 'image caption', 'image credit'],
  },
];

describe.each(PAGES)('corpus page $name', ({ name, fixture = name, kinds }) => {
  it(`passes its ${kinds.join(', ')} checks`, () => {
    const expected = JSON.parse(
      readFileSync(new URL(`${fixture}/expected.json`, dir), 'utf8'),
    ) as RegionalExpectation & {
      url: string;
    };
    const html = decodeHtml(readPageBytes(new URL(`${fixture}/page.html.gz`, dir).pathname)).text;
    const page = parseDocument(html, expected.url, 'jsdom');
    try {
      const result = extractStory(page.document, expected.url, { timeBudgetMs: 60_000 });
      if (result.kind !== 'story') throw new Error(`no story: ${result.reason} ${result.detail}`);
      const failed = checkRegionalPage(expected, result)
        .filter((c) => kinds.includes(c.kind) && !c.ok)
        .map((c) => `${c.kind}: ${c.message}`);
      expect(failed).toEqual([]);
    } finally {
      page.close();
    }
  }, 60_000);
});
