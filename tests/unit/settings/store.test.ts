import { describe, expect, it } from 'vitest';
import { fitsSync, SYNC_ITEM_BUDGET, toStorageItems } from '../../../src/settings/layout';
import { defaultSettings } from '../../../src/settings/schema';
import { createSettingsStore } from '../../../src/settings/store';
import type { AutoOpenSite, Settings } from '../../../src/settings/types';
import { fakeStorage } from './fake-storage';

const NOW = new Date('2025-03-01T12:00:00.000Z');

function setup() {
  const storage = fakeStorage();
  let tick = 0;
  // Every call a millisecond later, so "newest copy wins" is decided by order of writing.
  const now = () => new Date(NOW.getTime() + tick++);
  const store = createSettingsStore({ ...storage, onChanged: storage.changes, now });
  return { ...storage, store };
}

function sites(count: number, hostLength = 20): AutoOpenSite[] {
  return Array.from({ length: count }, (_, i) => ({
    host: `${String(i).padStart(hostLength - 3, 'h')}.de`,
    includeSubdomains: i % 2 === 0,
    addedAt: '2024-01-01T00:00:00.000Z',
  }));
}

describe('settings store: what survives in storage', () => {
  it('loads defaults from empty storage and writes nothing', async () => {
    const { store, sync, local } = setup();
    expect(await store.load()).toEqual(defaultSettings());
    expect(sync.writes + local.writes).toBe(0);
  });

  it('loads garbage items as defaults, field by field, keeping the valid whitelist entries', async () => {
    const { store, sync } = setup();
    sync.data.set('settings', {
      version: 2,
      reader: { theme: 'dark', fontSize: 'huge' },
      limits: 'none',
      autoOpenChunks: 'x',
    });
    sync.data.set('autoOpen.0', [
      { host: 'rheinpfalz.de', includeSubdomains: true, addedAt: '2024-01-01T00:00:00.000Z' },
      { host: 5 },
    ]);
    sync.data.set('autoOpen.1', 'corrupt');
    sync.data.set('autoOpen.2', [{ host: 'merkurist.de' }]);
    sync.data.set('unrelated', 1);
    const settings = await store.load();
    expect(settings.reader.theme).toBe('dark');
    expect(settings.reader.fontSize).toBe(defaultSettings().reader.fontSize);
    expect(settings.limits).toEqual(defaultSettings().limits);
    expect(settings.autoOpen.map((s) => s.host)).toEqual(['rheinpfalz.de', 'merkurist.de']);
  });

  it('loads a meta item that is not an object as defaults, without losing the v1 keys beside it', async () => {
    const { store, sync } = setup();
    sync.data.set('settings', 'garbage');
    sync.data.set('whitelist', ['rheinpfalz.de']);
    expect((await store.load()).autoOpen.map((s) => s.host)).toEqual(['rheinpfalz.de']);
  });

  it('migrates v1 keys in storage.sync once and removes them', async () => {
    const { store, sync } = setup();
    sync.data.set('whitelist', ['*.rheinpfalz.de', 'merkurist.de']);
    sync.data.set('theme', 'sepia');
    sync.data.set('fontSize', 22);
    const first = await store.load();
    expect(first.reader.theme).toBe('sepia');
    expect(first.reader.fontSize).toBe(5);
    expect(first.autoOpen.map((s) => [s.host, s.includeSubdomains])).toEqual([
      ['rheinpfalz.de', true],
      ['merkurist.de', false],
    ]);
    expect([...sync.data.keys()].sort()).toEqual(['autoOpen.0', 'settings']);
    const writes = sync.writes;
    expect(await store.load()).toEqual(first);
    expect(sync.writes).toBe(writes);
  });

  it('round-trips settings through save and load', async () => {
    const { store } = setup();
    const settings: Settings = {
      ...defaultSettings(),
      reader: { ...defaultSettings().reader, theme: 'dark', speechRate: 1.25 },
      autoOpen: sites(3),
    };
    expect(await store.save(settings)).toBe('sync');
    expect(await store.load()).toEqual(settings);
  });

  it('splits a long whitelist over several sync items under the per-item quota', async () => {
    const { store, sync } = setup();
    const many = sites(300, 40);
    expect(await store.save({ ...defaultSettings(), autoOpen: many })).toBe('sync');
    const chunkKeys = [...sync.data.keys()].filter((k) => k.startsWith('autoOpen.'));
    expect(chunkKeys.length).toBeGreaterThan(1);
    for (const key of chunkKeys) {
      expect(new TextEncoder().encode(key + JSON.stringify(sync.data.get(key))).length).toBeLessThanOrEqual(
        SYNC_ITEM_BUDGET,
      );
    }
    expect((await store.load()).autoOpen).toEqual(many);
  });

  it('removes chunks a shorter list no longer needs', async () => {
    const { store, sync } = setup();
    await store.save({ ...defaultSettings(), autoOpen: sites(300, 40) });
    await store.save({ ...defaultSettings(), autoOpen: sites(2) });
    expect([...sync.data.keys()].sort()).toEqual(['autoOpen.0', 'settings']);
  });

  it('falls back to storage.local when the list is too big for sync, and back to sync when it shrinks', async () => {
    const { store, sync, local } = setup();
    const huge = sites(1500, 60);
    expect(fitsSync(toStorageItems({ ...defaultSettings(), autoOpen: huge }, 0))).toBe(false);
    await store.save({ ...defaultSettings(), autoOpen: sites(1) });
    expect(await store.save({ ...defaultSettings(), autoOpen: huge })).toBe('local');
    expect((await store.load()).autoOpen).toHaveLength(1500);
    expect(local.data.size).toBeGreaterThan(0);

    expect(await store.save({ ...defaultSettings(), autoOpen: sites(4) })).toBe('sync');
    expect(local.data.size).toBe(0);
    expect((await store.load()).autoOpen).toEqual(sites(4));
    expect(sync.data.size).toBe(2);
  });

  it('falls back to storage.local when sync refuses a write it was expected to take', async () => {
    const { store, sync, local } = setup();
    sync.set = async () => {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    };
    expect(await store.addAutoOpenSite(sites(1)[0]!)).toMatchObject({ autoOpen: sites(1) });
    expect(local.data.has('settings')).toBe(true);
    expect((await store.load()).autoOpen).toEqual(sites(1));
  });

  it('reads the newer copy when sync and local both hold settings', async () => {
    const { store, sync, local } = setup();
    sync.data.set('settings', { version: 2, reader: { theme: 'dark' }, savedAt: 10 });
    local.data.set('settings', { version: 2, reader: { theme: 'sepia' }, savedAt: 20 });
    expect((await store.load()).reader.theme).toBe('sepia');
    local.data.set('settings', { version: 2, reader: { theme: 'sepia' }, savedAt: 5 });
    expect((await store.load()).reader.theme).toBe('dark');
  });

  it('treats an unreadable area as empty', async () => {
    const { store, sync, local } = setup();
    sync.get = async () => {
      throw new Error('sync disabled by policy');
    };
    local.data.set('settings', { version: 2, reader: { theme: 'dark' }, savedAt: 1 });
    expect((await store.load()).reader.theme).toBe('dark');
  });
});

describe('settings store: changes', () => {
  it('adds, updates and removes auto-open sites by host', async () => {
    const { store } = setup();
    const site = { host: 'rheinpfalz.de', includeSubdomains: false, addedAt: '2024-01-01T00:00:00.000Z' };
    await store.addAutoOpenSite(site);
    await store.addAutoOpenSite({
      host: 'merkurist.de',
      includeSubdomains: false,
      addedAt: '2024-01-02T00:00:00.000Z',
    });
    await store.addAutoOpenSite({ ...site, includeSubdomains: true });
    expect((await store.load()).autoOpen.map((s) => [s.host, s.includeSubdomains])).toEqual([
      ['merkurist.de', false],
      ['rheinpfalz.de', true],
    ]);
    await store.removeAutoOpenSite('merkurist.de');
    expect((await store.load()).autoOpen.map((s) => s.host)).toEqual(['rheinpfalz.de']);
  });

  it('keeps every change when several are made at once', async () => {
    const { store } = setup();
    await Promise.all([
      store.addAutoOpenSite({ host: 'a.de', includeSubdomains: false, addedAt: '2024-01-01T00:00:00.000Z' }),
      store.addAutoOpenSite({ host: 'b.de', includeSubdomains: false, addedAt: '2024-01-01T00:00:00.000Z' }),
      store.saveReaderPreferences({ ...defaultSettings().reader, theme: 'dark' }),
    ]);
    const settings = await store.load();
    expect(settings.autoOpen.map((s) => s.host)).toEqual(['a.de', 'b.de']);
    expect(settings.reader.theme).toBe('dark');
  });

  it('saves reader preferences without touching the whitelist', async () => {
    const { store } = setup();
    await store.replaceAutoOpenSites(['rheinpfalz.de']);
    const next = await store.saveReaderPreferences({
      ...defaultSettings().reader,
      theme: 'dark',
      fontSize: 42,
    });
    expect(next.reader.theme).toBe('dark');
    expect(next.reader.fontSize).toBe(defaultSettings().reader.fontSize);
    expect((await store.load()).autoOpen.map((s) => s.host)).toEqual(['rheinpfalz.de']);
  });

  it('imports a list, keeping every valid entry', async () => {
    const { store } = setup();
    const imported = await store.replaceAutoOpenSites([
      { host: 'rheinpfalz.de', includeSubdomains: true },
      'bad host',
      { host: 'merkurist.de' },
    ]);
    expect(imported.autoOpen.map((s) => s.host)).toEqual(['rheinpfalz.de', 'merkurist.de']);
  });

  it('tells listeners about settings changes, and stops when unsubscribed', async () => {
    const { store, changes } = setup();
    const seen: Settings[] = [];
    const stop = store.onChanged((s) => seen.push(s));
    await store.saveReaderPreferences({ ...defaultSettings().reader, theme: 'sepia' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.at(-1)?.reader.theme).toBe('sepia');
    const count = seen.length;
    changes.emit({ unrelatedKey: {} }, 'sync');
    changes.emit({ settings: {} }, 'managed');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.length).toBe(count);
    stop();
    await store.saveReaderPreferences({ ...defaultSettings().reader, theme: 'dark' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.length).toBe(count);
  });
});
