import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from '../../../src/settings/schema';
import { validateSettings } from '../../../src/settings/validate';

const NOW = new Date('2025-03-01T12:00:00.000Z');

describe('validateSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    for (const garbage of [
      undefined,
      null,
      42,
      'settings',
      [],
      [1, 2],
      { reader: 'dark' },
      { autoOpen: {} },
    ]) {
      expect(validateSettings(garbage, NOW)).toEqual(defaultSettings());
    }
  });

  it('keeps valid values as they are', () => {
    const stored = {
      version: SETTINGS_VERSION,
      reader: {
        theme: 'sepia',
        fontSize: 6,
        fontFamily: 'sans',
        lineWidth: 'wide',
        lineHeight: 'loose',
        speechRate: 1.5,
      },
      autoOpen: [{ host: 'rheinpfalz.de', includeSubdomains: true, addedAt: '2024-05-02T08:00:00.000Z' }],
      limits: { maxElements: 20_000, timeBudgetMs: 1_500 },
    };
    expect(validateSettings(stored, NOW)).toEqual(stored);
  });

  it('repairs bad fields one by one and keeps their good neighbours', () => {
    const settings = validateSettings(
      {
        version: SETTINGS_VERSION,
        reader: {
          theme: 'neon',
          fontSize: 99,
          fontFamily: 'sans',
          lineWidth: 3,
          lineHeight: 'loose',
          speechRate: Number.NaN,
        },
        limits: { maxElements: -5, timeBudgetMs: 800 },
        autoOpen: 'rheinpfalz.de',
        extra: { surprise: true },
      },
      NOW,
    );
    expect(settings.reader).toEqual({
      theme: 'system',
      fontSize: 3,
      fontFamily: 'sans',
      lineWidth: 'medium',
      lineHeight: 'loose',
      speechRate: 1,
    });
    expect(settings.limits).toEqual({ maxElements: 60_000, timeBudgetMs: 800 });
    expect(settings.autoOpen).toEqual([]);
    expect(settings).not.toHaveProperty('extra');
  });

  it.each([
    ['fontSize fraction', { fontSize: 2.5 }, 'fontSize', 3],
    ['fontSize negative', { fontSize: -1 }, 'fontSize', 3],
    ['fontSize as string', { fontSize: '4' }, 'fontSize', 3],
    ['speechRate too fast', { speechRate: 2.01 }, 'speechRate', 1],
    ['speechRate too slow', { speechRate: 0.49 }, 'speechRate', 1],
    ['speechRate at the edge', { speechRate: 0.5 }, 'speechRate', 0.5],
    ['theme object', { theme: { name: 'dark' } }, 'theme', 'system'],
  ])('reader %s', (_name, reader, field, expected) => {
    expect(validateSettings({ reader }, NOW).reader[field as 'fontSize']).toBe(expected);
  });

  it('never drops a usable auto-open host, only repairs its side fields', () => {
    const settings = validateSettings(
      {
        autoOpen: [
          { host: 'rheinpfalz.de', includeSubdomains: 'yes', addedAt: 'yesterday' },
          { host: 'WWW.Wochenblatt-Reporter.de', includeSubdomains: true, addedAt: '2024-01-01T00:00:00Z' },
          'merkurist.de',
          { host: 'https://bad.example/path' },
          { host: '' },
          null,
          17,
          { includeSubdomains: true },
        ],
      },
      NOW,
    );
    expect(settings.autoOpen).toEqual([
      { host: 'rheinpfalz.de', includeSubdomains: false, addedAt: NOW.toISOString() },
      { host: 'www.wochenblatt-reporter.de', includeSubdomains: true, addedAt: '2024-01-01T00:00:00.000Z' },
      { host: 'merkurist.de', includeSubdomains: false, addedAt: NOW.toISOString() },
    ]);
  });

  it('merges a host listed twice, keeping the wider reach and the earlier date', () => {
    const settings = validateSettings(
      {
        autoOpen: [
          { host: 'rheinpfalz.de', includeSubdomains: false, addedAt: '2024-06-01T00:00:00.000Z' },
          { host: 'Rheinpfalz.de', includeSubdomains: true, addedAt: '2024-02-01T00:00:00.000Z' },
        ],
      },
      NOW,
    );
    expect(settings.autoOpen).toEqual([
      { host: 'rheinpfalz.de', includeSubdomains: true, addedAt: '2024-02-01T00:00:00.000Z' },
    ]);
  });

  it('always answers the current version', () => {
    expect(validateSettings({ version: 99 }, NOW).version).toBe(SETTINGS_VERSION);
    expect(validateSettings({ version: 'two' }, NOW).version).toBe(SETTINGS_VERSION);
  });
});
