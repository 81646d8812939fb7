import type { StorageAreaLike, StorageChangeSource } from '../../../src/settings/store';

type Listener = (changes: Record<string, unknown>, areaName: string) => void;

/** An in-memory storage area; with quotas it refuses writes the way storage.sync does. */
export class FakeArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  writes = 0;
  constructor(
    readonly name: string,
    private readonly events: FakeChanges,
    private readonly quota?: { perItem: number; total: number },
  ) {}

  async get(): Promise<Record<string, unknown>> {
    return structuredClone(Object.fromEntries(this.data));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.quota) {
      const next = new Map(this.data);
      for (const [key, value] of Object.entries(items)) next.set(key, value);
      let total = 0;
      for (const [key, value] of next) {
        const size = new TextEncoder().encode(key + JSON.stringify(value)).length;
        if (size > this.quota.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        total += size;
      }
      if (total > this.quota.total) throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.writes++;
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
    this.events.emit(Object.fromEntries(Object.keys(items).map((k) => [k, {}])), this.name);
  }

  async remove(keys: string[]): Promise<void> {
    for (const key of keys) this.data.delete(key);
    this.events.emit(Object.fromEntries(keys.map((k) => [k, {}])), this.name);
  }
}

export class FakeChanges implements StorageChangeSource {
  private readonly listeners = new Set<Listener>();
  addListener(listener: Listener): void {
    this.listeners.add(listener);
  }
  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
  }
  emit(changes: Record<string, unknown>, area: string): void {
    for (const listener of this.listeners) listener(changes, area);
  }
}

export function fakeStorage() {
  const changes = new FakeChanges();
  return {
    changes,
    sync: new FakeArea('sync', changes, { perItem: 8_192, total: 102_400 }),
    local: new FakeArea('local', changes),
  };
}
