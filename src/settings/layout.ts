/**
 * How Settings are laid out in a storage area. storage.sync allows 8 KB per item and 100 KB in
 * all, so the auto-open list is split over numbered items (`autoOpen.0`, `autoOpen.1`, …) next
 * to one small `settings` item; a list too long for sync as a whole goes to storage.local (the
 * store decides). Pure.
 */
import { V1_KEYS } from './migrate';
import type { AutoOpenSite, Settings } from './types';
import { isRecord } from './validate';

export const META_KEY = 'settings';
export const CHUNK_PREFIX = 'autoOpen.';

// Chrome counts an item as key + JSON of the value in bytes; stay well clear of the limits.
export const SYNC_ITEM_BUDGET = 8_192 - 192;
export const SYNC_TOTAL_BUDGET = 102_400 - 4_096;

export interface StoredMeta {
  version: number;
  reader: Settings['reader'];
  limits: Settings['limits'];
  /** How many `autoOpen.N` items belong to this save. */
  autoOpenChunks: number;
  /** When this copy was written (ms since epoch): the newer of the sync and local copies wins. */
  savedAt: number;
}

export interface StorageLayout {
  items: Record<string, unknown>;
  bytes: number;
}

export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export function isSettingsKey(key: string): boolean {
  return key === META_KEY || key.startsWith(CHUNK_PREFIX) || (V1_KEYS as readonly string[]).includes(key);
}

export function toStorageItems(settings: Settings, savedAt: number): StorageLayout {
  const chunks: AutoOpenSite[][] = [];
  let current: AutoOpenSite[] = [];
  for (const site of settings.autoOpen) {
    const candidate = [...current, site];
    if (current.length > 0 && itemBytes(`${CHUNK_PREFIX}${chunks.length}`, candidate) > SYNC_ITEM_BUDGET) {
      chunks.push(current);
      current = [site];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) chunks.push(current);
  const meta: StoredMeta = {
    version: settings.version,
    reader: settings.reader,
    limits: settings.limits,
    autoOpenChunks: chunks.length,
    savedAt,
  };
  const items: Record<string, unknown> = { [META_KEY]: meta };
  chunks.forEach((chunk, index) => {
    items[`${CHUNK_PREFIX}${index}`] = chunk;
  });
  const bytes = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  return { items, bytes };
}

export function fitsSync(layout: StorageLayout): boolean {
  return (
    layout.bytes <= SYNC_TOTAL_BUDGET &&
    Object.entries(layout.items).every(([key, value]) => itemBytes(key, value) <= SYNC_ITEM_BUDGET)
  );
}

export interface StoredCopy {
  /** Unvalidated data of whatever version was stored: feed it to migrateSettings. */
  raw: Record<string, unknown>;
  savedAt: number;
}

/** Reassembles one area's items; null when the area holds no settings at all. */
export function fromStorageItems(items: Record<string, unknown>): StoredCopy | null {
  const meta = items[META_KEY];
  if (isRecord(meta)) {
    const autoOpen: unknown[] = [];
    // Read every chunk present, not only `autoOpenChunks` of them: a half-synced or corrupt
    // count must not hide entries that are there.
    const chunkKeys = Object.keys(items)
      .filter((key) => /^autoOpen\.\d+$/.test(key))
      .sort((a, b) => Number(a.slice(CHUNK_PREFIX.length)) - Number(b.slice(CHUNK_PREFIX.length)));
    for (const key of chunkKeys) {
      const chunk = items[key];
      if (Array.isArray(chunk)) autoOpen.push(...chunk);
    }
    const savedAt = typeof meta.savedAt === 'number' && Number.isFinite(meta.savedAt) ? meta.savedAt : 0;
    return { raw: { ...meta, autoOpen }, savedAt };
  }
  const v1 = Object.fromEntries(V1_KEYS.filter((key) => key in items).map((key) => [key, items[key]]));
  return Object.keys(v1).length > 0 ? { raw: v1, savedAt: 0 } : null;
}

/** Keys of an area that a save of `layout` leaves stale (old chunks, v1 keys). */
export function staleKeys(present: readonly string[], layout: StorageLayout): string[] {
  return present.filter((key) => isSettingsKey(key) && !(key in layout.items));
}
