import { describe, expect, it } from 'vitest';
import type { RegionalExpectation } from '../../../scripts/lib/corpus';
import { checkRegionalPage, normalizeForCheck } from '../../../scripts/lib/regional-checks';

const expectation: RegionalExpectation = {
  url: 'https://example.org/a',
  title: ['Brand in Musterstadt', 'Feuer: Brand in Musterstadt'],
  byline: ['Erika Muster'],
  outlet: 'Wochenblatt Musterstadt',
  images: [
    { src_contains: 'brand-1', caption_contains: 'Die Feuerwehr', credit_contains: 'FFW' },
    { src_contains: 'brand-2', caption_contains: '', credit_contains: '' },
  ],
  with: ['Am Montag brannte'],
  without: ['Anzeige'],
};

const image = (src: string, caption = '', credit = '') => ({ src, alt: '', caption, credit });

describe('normalizeForCheck (check.py’s norm)', () => {
  it('drops soft hyphens and zero-width characters and collapses all whitespace', () => {
    expect(normalizeForCheck(' Feuer\u00adwehr\u200b \u00a0im\n\tEinsatz ')).toBe('Feuerwehr im Einsatz');
    expect(normalizeForCheck(null)).toBe('');
  });
});

describe('checkRegionalPage', () => {
  it('passes every check on a matching output', () => {
    const checks = checkRegionalPage(expectation, {
      title: 'Feuer:  Brand in Musterstadt',
      text: 'Am  Montag brannte eine Scheune.',
      byline: [{ name: 'ERIKA MUSTER', outlet: 'Wochenblatt Musterstadt' }],
      images: [
        image('https://cdn.example.org/brand-1.jpg', 'Die Feuerwehr löscht.', 'Foto: FFW'),
        image('https://cdn.example.org/brand-2.jpg'),
      ],
    });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    // title, with, without, byline, outlet, images, 2 × src, caption, credit
    expect(checks).toHaveLength(10);
  });

  it('fails what check.py fails: clutter, wrong count, http src, missing caption', () => {
    const checks = checkRegionalPage(expectation, {
      title: 'Brand in Musterstadt | Wochenblatt',
      text: 'Am Montag brannte eine Scheune. Anzeige',
      byline: [{ name: 'Von Erika Muster' }],
      images: [
        image('http://cdn.example.org/brand-1.jpg'),
        image('https://cdn.example.org/logo.png'),
        image('https://cdn.example.org/brand-2.jpg'),
      ],
    });
    expect(checks.filter((c) => !c.ok).map((c) => c.kind)).toEqual([
      'title',
      'without',
      'byline',
      'outlet',
      'images',
      'image src',
      'image caption',
      'image credit',
    ]);
  });

  it('counts a missing page as failing every check', () => {
    expect(checkRegionalPage(expectation, null).every((c) => c.kind === 'without' || !c.ok)).toBe(true);
  });
});
