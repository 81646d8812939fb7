/**
 * Injected by the background on toolbar click, shortcut or context menu (activeTab + scripting).
 * Stays resident after the first injection and answers later toggles by message.
 */
import browser from 'webextension-polyfill';
import { parseToContentMessage, type ReaderStateMessage } from '../messages';
import { type LoadedFonts, loadFonts } from '../reader/fonts';
import { formatters } from '../reader/format';
import type { Translate } from '../reader/i18n';
import { DEFAULT_READER_PREFERENCES } from '../settings/schema';
import { loadSettings, onSettingsChanged, saveReaderPreferences } from '../settings/storage';
import type { ReaderPreferences } from '../settings/types';
import { createReaderController } from './reader-controller';

const LOADED = Symbol.for('klartext.on-demand');
// This runs in the extension's isolated world: the page cannot see or fake this marker.
const scope = globalThis as typeof globalThis & { [LOADED]?: true };

if (!scope[LOADED]) {
  scope[LOADED] = true;
  const t = memoizedTranslate();
  // Build the Intl formatters now, while the toggle message is on its way, not during the first paint.
  formatters(t('uiLanguage') || 'en');
  const reportState = (open: boolean) => {
    const message: ReaderStateMessage = { type: 'klartext/reader-state', open };
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  // Settings and fonts are read while the toggle message is still on its way, so opening waits
  // for neither: the first paint has the user's theme and type.
  const ready = Promise.all([loadPreferences(), loadReaderFonts()]).then(([preferences, fonts]) => {
    const saves = serialSaver();
    const controller = createReaderController(document, {
      t,
      onStateChange: reportState,
      preferences,
      fonts,
      savePreferences: saves.save,
    });
    onSettingsChanged((settings) => {
      // While our own saves are in flight, a change event reloads a state older than what the
      // reader shows (two quick clicks); only changes made elsewhere are applied.
      if (!saves.busy()) controller.setPreferences(settings.reader);
    });
    return controller;
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    const message = parseToContentMessage(raw);
    if (!message || sender.id !== browser.runtime.id) {
      console.debug('[Klartext] dropped an unexpected message');
      return undefined;
    }
    return ready.then((controller) => ({ open: controller.toggle() }));
  });
}

/** Saves one after another: each save reads, changes and writes the whole settings object. */
function serialSaver() {
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

async function loadPreferences(): Promise<ReaderPreferences> {
  try {
    return (await loadSettings()).reader;
  } catch (error) {
    console.warn('[Klartext] settings unreadable, using defaults', error);
    return { ...DEFAULT_READER_PREFERENCES };
  }
}

function loadReaderFonts(): Promise<LoadedFonts | null> {
  const readFile = async (path: string) => {
    const response = await fetch(browser.runtime.getURL(path));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  return loadFonts(readFile, FontFace).catch(() => null);
}

/** Messages never change while a page lives, and each getMessage call crosses into the browser. */
function memoizedTranslate(): Translate {
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
