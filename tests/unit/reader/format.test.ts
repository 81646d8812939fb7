import { describe, expect, it } from 'vitest';
import { describeRemoved, formatCredit, formatPublished } from '../../../src/reader/format';
import { translator } from './support/translate';

describe('formatPublished', () => {
  it("writes the time the page printed, whatever the reader's time zone", () => {
    expect(formatPublished('2019-04-26T09:12:00+02:00', 'de')).toBe('26. April 2019, 09:12');
    expect(formatPublished('2019-04-26T21:05:00-05:00', 'en')).toBe('April 26, 2019, 9:05 PM');
    expect(formatPublished('2019-04-26T09:12:00Z', 'de')).toBe('26. April 2019, 09:12');
  });

  it('shows a bare date as a date and refuses what is no date', () => {
    expect(formatPublished('2019-04-26', 'de')).toBe('26. April 2019');
    expect(formatPublished('gestern', 'de')).toBeNull();
  });
});

describe('describeRemoved', () => {
  const de = translator('de');
  const en = translator('en');

  it('lists the most telling reasons first, adds up repeats and skips zero counts', () => {
    const removed = [
      { reason: 'navigation', count: 2 },
      { reason: 'sponsored', count: 2 },
      { reason: 'sponsored', count: 1 },
      { reason: 'comments', count: 0 },
      { reason: 'login-prompt', count: 2 },
    ] as const;
    expect(describeRemoved([...removed], de, 'de')).toBe(
      '3 Anzeigen, 2 Anmelde-Hinweise, 2 Menüs ausgeblendet',
    );
    expect(describeRemoved([...removed], en, 'en')).toBe('Hidden: 3 ads, 2 sign-in prompts, 2 menus');
  });

  it('has a phrase in both languages for every removal reason, singular and plural', () => {
    const reasons = [
      'sponsored',
      'login-prompt',
      'follow-box',
      'comments',
      'newsletter',
      'paywall-teaser',
      'related-teasers',
      'cookie-banner',
      'social',
      'app-promo',
      'navigation',
      'site-rule',
    ] as const;
    for (const t of [de, en]) {
      for (const reason of reasons) {
        for (const count of [1, 4]) {
          const line = describeRemoved([{ reason, count }], t, t === de ? 'de' : 'en');
          expect(line, `${reason} ${count}`).toMatch(new RegExp(`\\b${count} \\S`));
        }
      }
    }
  });

  it('says nothing when nothing was removed', () => {
    expect(describeRemoved([], de, 'de')).toBeNull();
  });
});

describe('formatCredit', () => {
  const de = translator('de');
  it('writes one calm form for the ways pages credit a photo', () => {
    expect(formatCredit('| Foto: WFK', de)).toBe('Foto: WFK');
    expect(formatCredit('WFK', de)).toBe('Foto: WFK');
    expect(formatCredit('© dpa', de)).toBe('© dpa');
    expect(formatCredit('  ', de)).toBe('');
  });
});
