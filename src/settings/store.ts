/**
 * Reading and writing Settings over two storage areas (sync first, local when sync cannot hold
 * them). Takes the areas as arguments so the same code runs over webextension-polyfill in the
 * extension (storage.ts) and over in-memory fakes in the unit tests.
 */
import {
  fitsSync,
  fromStorageItems,
  isSettingsKey,
  type StoredCopy,
  staleKeys,
  toStorageItems,
} from './layout';
import { migrateSettings } from './migrate';
import { SETTINGS_VERSION } from './schema';
import type { AutoOpenSite, ReaderPreferences, Settings } from './types';
import { validateAutoOpenList, validateReaderPreferences, validateSettings } from './validate';

export interface StorageAreaLike {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface StorageChangeSource {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

export interface SettingsStoreOptions {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  onChanged?: StorageChangeSource;
  now?: () => Date;
}

export type SettingsArea = 'sync' | 'local';

export interface SettingsStore {
  load(): Promise<Settings>;
  /** Writes validated settings; answers where they went. */
  save(settings: Settings): Promise<SettingsArea>;
  saveReaderPreferences(preferences: ReaderPreferences): Promise<Settings>;
  /** Adds or updates (by host) one entry. */
  addAutoOpenSite(site: AutoOpenSite): Promise<Settings>;
  removeAutoOpenSite(host: string): Promise<Settings>;
  /** Replaces the whole list (import); invalid entries are dropped, valid ones all kept. */
  replaceAutoOpenSites(sites: unknown): Promise<Settings>;
  /** Calls back with fresh settings whenever any context changes them; returns an unsubscribe. */
  onChanged(callback: (settings: Settings) => void): () => void;
}

export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { sync, local } = options;
  const now = options.now ?? (() => new Date());

  async function readArea(area: StorageAreaLike): Promise<{ copy: StoredCopy | null; keys: string[] }> {
    try {
      const items = await area.get(null);
      return { copy: fromStorageItems(items), keys: Object.keys(items) };
    } catch (error) {
      // An area the browser cannot read (sync disabled by policy, corrupt database) counts as empty.
      console.warn('[Klartext] settings: storage area unreadable', error);
      return { copy: null, keys: [] };
    }
  }

  async function load(): Promise<Settings> {
    const [fromSync, fromLocal] = await Promise.all([readArea(sync), readArea(local)]);
    const newest =
      fromLocal.copy && (!fromSync.copy || fromLocal.copy.savedAt > fromSync.copy.savedAt)
        ? fromLocal.copy
        : fromSync.copy;
    if (!newest) return validateSettings({}, now());
    const { raw, fromVersion } = migrateSettings(newest.raw, now());
    const settings = validateSettings(raw, now());
    if (fromVersion !== null && fromVersion < SETTINGS_VERSION) {
      // Write the migrated form once, so the old keys go and every context reads the same thing.
      await save(settings).catch((error) => console.warn('[Klartext] settings: migration not saved', error));
    }
    return settings;
  }

  async function writeTo(area: StorageAreaLike, items: Record<string, unknown>): Promise<void> {
    const present = Object.keys(await area.get(null).catch(() => ({})));
    await area.set(items);
    const stale = staleKeys(present, { items, bytes: 0 });
    if (stale.length > 0) await area.remove(stale);
  }

  async function clear(area: StorageAreaLike): Promise<void> {
    const present = Object.keys(await area.get(null).catch(() => ({}))).filter(isSettingsKey);
    if (present.length > 0) await area.remove(present).catch(() => undefined);
  }

  async function save(input: Settings): Promise<SettingsArea> {
    const settings = validateSettings(input, now());
    const layout = toStorageItems(settings, now().getTime());
    if (fitsSync(layout)) {
      try {
        await writeTo(sync, layout.items);
        await clear(local);
        return 'sync';
      } catch (error) {
        // Quota counted differently than we estimate, or the write rate limit: keep the data locally.
        console.warn('[Klartext] settings: storage.sync refused, using storage.local', error);
      }
    }
    await writeTo(local, layout.items);
    return 'local';
  }

  // Changes from one context run one after another: two overlapping read-change-write cycles
  // would each write their own copy and lose the other's change.
  let updates: Promise<unknown> = Promise.resolve();
  function update(change: (settings: Settings) => Settings): Promise<Settings> {
    const run = async () => {
      const next = change(await load());
      await save(next);
      return validateSettings(next, now());
    };
    const result = updates.then(run, run);
    updates = result.catch(() => undefined);
    return result;
  }

  return {
    load,
    save,
    saveReaderPreferences: (preferences) =>
      update((s) => ({ ...s, reader: validateReaderPreferences(preferences) })),
    addAutoOpenSite: (site) =>
      update((s) => ({ ...s, autoOpen: [...s.autoOpen.filter((e) => e.host !== site.host), site] })),
    removeAutoOpenSite: (host) =>
      update((s) => ({ ...s, autoOpen: s.autoOpen.filter((e) => e.host !== host) })),
    replaceAutoOpenSites: (sites) => update((s) => ({ ...s, autoOpen: validateAutoOpenList(sites, now()) })),
    onChanged(callback) {
      const source = options.onChanged;
      if (!source) return () => undefined;
      const listener = (changes: Record<string, unknown>, areaName: string) => {
        if (areaName !== 'sync' && areaName !== 'local') return;
        if (!Object.keys(changes).some(isSettingsKey)) return;
        load().then(callback, (error) => console.warn('[Klartext] settings: reload failed', error));
      };
      source.addListener(listener);
      return () => source.removeListener(listener);
    },
  };
}
