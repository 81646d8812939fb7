/**
 * Keeps the registered auto-open content scripts equal to the whitelist in settings, for the
 * hosts the user granted. Runs on every background start (Chromium drops registered scripts on
 * a relaunch even with persistAcrossSessions, and fires onInstalled instead of onStartup when
 * the extension is loaded from the command line), on install and update, on every settings
 * change, and when the browser grants or revokes a host permission.
 */
import browser from 'webextension-polyfill';
import autoOpenScript from '../content/auto-open.ts?script&iife';
import { matchPatternsFor, siteMatchesHost } from '../settings/hosts';
import { loadSettings } from '../settings/storage';
import type { AutoOpenSite } from '../settings/types';

const ID_PREFIX = 'klartext-auto:';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

let queue: Promise<void> = Promise.resolve();

/** Serialised: two overlapping runs would register the same id twice and fail. */
export function syncAutoOpenScripts(): Promise<void> {
  queue = queue
    .then(reconcile)
    .catch((error) => console.warn('[Klartext] auto-open registration failed', error));
  return queue;
}

async function hasPermission(site: AutoOpenSite): Promise<boolean> {
  return browser.permissions.contains({ origins: matchPatternsFor(site) }).catch(() => false);
}

async function reconcile(): Promise<void> {
  const settings = await loadSettings();
  const wanted = new Map<string, string[]>();
  for (const site of settings.autoOpen) {
    // Without the grant (refused, or revoked in the browser's own UI) the site stays listed, and
    // the options page offers to allow it again; no script is registered for it meanwhile.
    if (await hasPermission(site)) wanted.set(ID_PREFIX + site.host, matchPatternsFor(site));
  }
  const registered = ((await browser.scripting.getRegisteredContentScripts()) as RegisteredScript[]).filter(
    (s) => s.id.startsWith(ID_PREFIX),
  );
  const stale = registered.filter((s) => !sameMatches(wanted.get(s.id), s.matches));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  await releaseRemovedHosts(stale, settings.autoOpen);

  const current = new Set(registered.filter((s) => !stale.includes(s)).map((s) => s.id));
  const missing = [...wanted].filter(([id]) => !current.has(id));
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map(([id, matches]) => ({
      id,
      matches,
      js: [autoOpenScript],
      runAt: 'document_start' as const,
      allFrames: false,
      persistAcrossSessions: true,
    })),
  );
}

/** Gives back the host permission of a site the user took off the list (least privilege). */
async function releaseRemovedHosts(stale: RegisteredScript[], sites: readonly AutoOpenSite[]): Promise<void> {
  for (const script of stale) {
    const host = script.id.slice(ID_PREFIX.length);
    if (sites.some((site) => site.host === host || siteMatchesHost(site, host))) continue;
    await browser.permissions.remove({ origins: script.matches ?? [] }).catch(() => undefined);
  }
}

function sameMatches(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((pattern, index) => pattern === sorted[index]);
}
