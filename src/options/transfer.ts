/**
 * The auto-open list as a file: what "Export" writes and what "Import" accepts (our own export,
 * the v1 settings shape `{ whitelist: [...] }`, or a bare list of hosts). Pure.
 */
import { migrateSettings } from '../settings/migrate';
import { SETTINGS_VERSION } from '../settings/schema';
import type { AutoOpenSite } from '../settings/types';
import { isRecord, validateAutoOpenList } from '../settings/validate';

export const EXPORT_FORMAT = 'klartext-auto-open';

export function exportAutoOpen(sites: readonly AutoOpenSite[], now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), sites }, null, 2)}\n`;
}

export type ImportResult = { ok: true; sites: AutoOpenSite[]; skipped: number } | { ok: false };

export function parseAutoOpenImport(text: string, now: Date): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  let entries: unknown;
  if (Array.isArray(data)) entries = data;
  else if (isRecord(data) && Array.isArray(data.sites)) entries = data.sites;
  else if (isRecord(data) && 'whitelist' in data)
    entries = migrateSettings({ whitelist: data.whitelist }, now).raw.autoOpen;
  else return { ok: false };
  const list = Array.isArray(entries) ? entries : [];
  const sites = validateAutoOpenList(list, now);
  if (list.length > 0 && sites.length === 0) return { ok: false };
  return { ok: true, sites, skipped: list.length - sites.length };
}

/** Imported entries join the list; an entry for a host already listed updates it. */
export function mergeAutoOpen(
  current: readonly AutoOpenSite[],
  imported: readonly AutoOpenSite[],
): AutoOpenSite[] {
  const byHost = new Map(current.map((site) => [site.host, site]));
  for (const site of imported) byHost.set(site.host, site);
  return [...byHost.values()];
}
