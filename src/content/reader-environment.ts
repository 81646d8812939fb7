/**
 * What every content script that opens the reader needs from the extension: translations,
 * the user's preferences, the shipped fonts, and a way to tell the background about the
 * reader's state. Shared by the on-demand and the auto-open entry points.
 */
import browser from 'webextension-polyfill';
import type { ReaderStateMessage } from '../messages';
import { installWhenLoaded, type LoadedFonts, loadFonts } from '../reader/fonts';
import type { Translate } from '../reader/i18n';
import { loadSettings, saveReaderPreferences } from '../settings/storage';
import type { ReaderPreferences, Settings } from '../settings/types';

export async function loadSettingsOrDefaults(): Promise<Settings | null> {
  try {
    return await loadSettings();
  } catch (error) {
    console.warn('[Klartext] settings unreadable, using defaults', error);
    return null;
  }
}

/** Resolves at once: the faces install themselves when read (the first paint never waits for them). */
export function loadReaderFonts(): Promise<LoadedFonts | null> {
  const readFile = async (path: string) => {
    const response = await fetch(browser.runtime.getURL(path));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  return Promise.resolve(installWhenLoaded(loadFonts(readFile, FontFace).catch(() => null)));
}

/**
 * Saves one after another (each save reads, changes and writes the whole settings object), and
 * says while any is in flight: a change event then reloads a state older than what the reader
 * shows (two quick clicks), so only changes made elsewhere should be applied meanwhile.
 */
export function serialPreferenceSaver() {
  let pending = 0;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    busy: () => pending > 0,
    save(next: ReaderPreferences) {
      pending += 1;
      chain = chain
        .then(() => saveReaderPreferences(next))
        .catch((error) => console.warn('[Klartext] preferences not saved', error))
        .finally(() => {
          pending -= 1;
        });
    },
  };
}

export function reportReaderState(open: boolean, removedByPage = false): void {
  const message: ReaderStateMessage = removedByPage
    ? { type: 'klartext/reader-state', open: false, removedByPage: true }
    : { type: 'klartext/reader-state', open };
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Messages never change while a page lives, and each getMessage call crosses into the browser. */
export function memoizedTranslate(): Translate {
  const cache = new Map<string, string>();
  return (key, substitutions) => {
    const id =
      substitutions === undefined
        ? key
        : `${key}\u0000${([] as string[]).concat(substitutions).join('\u0000')}`;
    let message = cache.get(id);
    if (message === undefined) {
      message = browser.i18n.getMessage(key, substitutions);
      cache.set(id, message);
    }
    return message;
  };
}

/**
 * Marks this frame's isolated world as having a reader controller, so the on-demand script
 * injected later by a toolbar click does not add a second one. Returns false when one exists.
 */
const LOADED = Symbol.for('klartext.on-demand');
export function claimReaderScope(): boolean {
  const scope = globalThis as typeof globalThis & { [LOADED]?: true };
  if (scope[LOADED]) return false;
  scope[LOADED] = true;
  return true;
}
