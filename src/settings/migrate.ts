/**
 * Brings stored settings of any earlier version up to SETTINGS_VERSION, one step per version.
 * Each step only reshapes; validate.ts repairs values afterwards, so a step may pass on
 * garbage it does not understand. Pure.
 *
 * Version history
 * - v1 (0.0.x previews): flat keys in storage.sync, no version field:
 *   `whitelist: string[]` ("rheinpfalz.de", "*.rheinpfalz.de" for subdomains too),
 *   `theme: 'light' | 'dark' | 'sepia' | 'auto'`, `fontSize` in CSS pixels,
 *   `font: 'serif' | 'sans-serif'`.
 * - v2: `Settings` (types.ts): `{ version, reader, autoOpen, limits }`.
 */

import { FONT_SIZE_SCALE_PX, SETTINGS_VERSION } from './schema';
import { isRecord } from './validate';

/** The top-level keys v1 wrote into storage.sync. */
export const V1_KEYS = ['whitelist', 'theme', 'fontSize', 'font'] as const;

type Migration = (raw: Record<string, unknown>, now: Date) => Record<string, unknown>;

const MIGRATIONS: Record<number, Migration> = {
  1: migrateV1ToV2,
};

export interface Migrated {
  /** Data in the current version's shape, still to be validated. */
  raw: Record<string, unknown>;
  /** The version found in storage; null when nothing recognisable was stored. */
  fromVersion: number | null;
}

export function storedVersion(raw: unknown): number | null {
  if (!isRecord(raw)) return null;
  if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1)
    return raw.version;
  // v1 had no version field: recognise it by its keys.
  return V1_KEYS.some((key) => key in raw) ? 1 : null;
}

export function migrateSettings(raw: unknown, now: Date = new Date()): Migrated {
  const fromVersion = storedVersion(raw);
  if (fromVersion === null || !isRecord(raw)) return { raw: {}, fromVersion: null };
  let data = raw;
  // A newer version (synced from another device with a later Klartext) is read as the current
  // one: the fields we know are validated, the rest is ignored rather than guessed at.
  for (let version = fromVersion; version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`settings: no migration from version ${version}`);
    data = { ...step(data, now), version: version + 1 };
  }
  return { raw: data, fromVersion };
}

const V1_THEMES: Record<string, string> = { light: 'light', dark: 'dark', sepia: 'sepia', auto: 'system' };
const V1_FONTS: Record<string, string> = { serif: 'serif', 'sans-serif': 'sans' };

function migrateV1ToV2(v1: Record<string, unknown>, now: Date): Record<string, unknown> {
  const whitelist = Array.isArray(v1.whitelist) ? v1.whitelist : [];
  return {
    reader: {
      theme: typeof v1.theme === 'string' ? V1_THEMES[v1.theme] : undefined,
      fontSize: typeof v1.fontSize === 'number' ? nearestFontSizeIndex(v1.fontSize) : undefined,
      fontFamily: typeof v1.font === 'string' ? V1_FONTS[v1.font] : undefined,
    },
    autoOpen: whitelist.map((entry) => {
      if (typeof entry !== 'string') return entry;
      const wildcard = /^\s*\*\./.test(entry);
      // v1 did not record when a host was added: the migration is the earliest time we know of.
      return {
        host: entry.replace(/^\s*\*\./, '').trim(),
        includeSubdomains: wildcard,
        addedAt: now.toISOString(),
      };
    }),
  };
}

/** v1 stored pixels; v2 an index into the reader's scale. Out-of-range pixels fall back later. */
function nearestFontSizeIndex(px: number): number | undefined {
  if (!Number.isFinite(px) || px < 8 || px > 72) return undefined;
  let best = 0;
  FONT_SIZE_SCALE_PX.forEach((size, index) => {
    if (Math.abs(size - px) < Math.abs((FONT_SIZE_SCALE_PX[best] ?? 0) - px)) best = index;
  });
  return best;
}
