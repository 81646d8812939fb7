import { describe, expect, it } from 'vitest';
import { migrateSettings, storedVersion } from '../../../src/settings/migrate';
import { SETTINGS_VERSION } from '../../../src/settings/schema';
import { validateSettings } from '../../../src/settings/validate';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const load = (raw: unknown) => validateSettings(migrateSettings(raw, NOW).raw, NOW);

describe('storedVersion', () => {
  it('reads the version field, recognises v1 by its keys, and nothing else', () => {
    expect(storedVersion({ version: 2, reader: {} })).toBe(2);
    expect(storedVersion({ whitelist: [] })).toBe(1);
    expect(storedVersion({ fontSize: 18 })).toBe(1);
    expect(storedVersion({ version: 0 })).toBeNull();
    expect(storedVersion({ unrelated: true })).toBeNull();
    expect(storedVersion('v1')).toBeNull();
  });
});

describe('migration v1 → v2', () => {
  it('turns the flat v1 keys into v2 settings', () => {
    const v1 = {
      whitelist: ['rheinpfalz.de', '*.wochenblatt-reporter.de'],
      theme: 'auto',
      fontSize: 20,
      font: 'sans-serif',
    };
    expect(migrateSettings(v1, NOW).fromVersion).toBe(1);
    expect(load(v1)).toEqual({
      version: SETTINGS_VERSION,
      reader: {
        theme: 'system',
        fontSize: 4,
        fontFamily: 'sans',
        lineWidth: 'medium',
        lineHeight: 'normal',
        speechRate: 1,
      },
      autoOpen: [
        { host: 'rheinpfalz.de', includeSubdomains: false, addedAt: NOW.toISOString() },
        { host: 'wochenblatt-reporter.de', includeSubdomains: true, addedAt: NOW.toISOString() },
      ],
      limits: { maxElements: 60_000, timeBudgetMs: 3_000 },
    });
  });

  it('maps v1 pixel sizes to the nearest step of the scale', () => {
    expect(load({ fontSize: 14 }).reader.fontSize).toBe(0);
    expect(load({ fontSize: 17 }).reader.fontSize).toBe(2); // 16 and 18 tie: the smaller wins
    expect(load({ fontSize: 30 }).reader.fontSize).toBe(7);
    expect(load({ fontSize: 40 }).reader.fontSize).toBe(8);
  });

  it('keeps the v1 whitelist when the rest of v1 is garbage', () => {
    const settings = load({
      whitelist: ['rheinpfalz.de', 7, 'not a host', ' *.merkurist.de '],
      theme: 'rainbow',
      fontSize: 900,
      font: null,
    });
    expect(settings.reader).toEqual(validateSettings({}, NOW).reader);
    expect(settings.autoOpen.map((s) => [s.host, s.includeSubdomains])).toEqual([
      ['rheinpfalz.de', false],
      ['merkurist.de', true],
    ]);
  });

  it('survives a v1 whitelist that is not a list', () => {
    expect(load({ whitelist: 'rheinpfalz.de', theme: 'dark' }).reader.theme).toBe('dark');
  });
});

describe('current and newer versions', () => {
  it('passes current data through', () => {
    const v2 = { version: 2, reader: { theme: 'dark' }, autoOpen: [{ host: 'rheinpfalz.de' }] };
    expect(migrateSettings(v2, NOW)).toEqual({ raw: v2, fromVersion: 2 });
  });

  it('reads the known fields of a newer version instead of throwing them away', () => {
    const v9 = {
      version: 9,
      reader: { theme: 'sepia' },
      autoOpen: [{ host: 'rheinpfalz.de' }],
      futureField: 1,
    };
    const settings = load(v9);
    expect(settings.reader.theme).toBe('sepia');
    expect(settings.autoOpen.map((s) => s.host)).toEqual(['rheinpfalz.de']);
  });
});
