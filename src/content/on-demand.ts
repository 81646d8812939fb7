/**
 * Injected by the background on toolbar click, shortcut or context menu (activeTab + scripting).
 * Stays resident after the first injection and answers later toggles by message.
 */
import browser from 'webextension-polyfill';
import { parseToContentMessage, type ToggleReply } from '../messages';
import { DEFAULT_READER_PREFERENCES } from '../settings/schema';
import { onSettingsChanged } from '../settings/storage';
import { createReaderController } from './reader-controller';
import {
  claimReaderScope,
  loadReaderFonts,
  loadSettingsOrDefaults,
  memoizedTranslate,
  reportReaderState,
  serialPreferenceSaver,
} from './reader-environment';

if (claimReaderScope()) {
  // Settings are read while the toggle message is still on its way, so the first paint has the
  // user's theme; the typefaces follow when read (see installWhenLoaded).
  const ready = Promise.all([loadSettingsOrDefaults(), loadReaderFonts()]).then(([settings, fonts]) => {
    const saves = serialPreferenceSaver();
    const controller = createReaderController(document, {
      t: memoizedTranslate(),
      onStateChange: reportReaderState,
      preferences: settings?.reader ?? { ...DEFAULT_READER_PREFERENCES },
      fonts,
      savePreferences: saves.save,
      limits: settings?.limits,
    });
    onSettingsChanged((next) => {
      if (!saves.busy()) controller.setPreferences(next.reader);
      controller.setLimits(next.limits);
    });
    return controller;
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    const message = parseToContentMessage(raw);
    if (!message || sender.id !== browser.runtime.id) {
      console.debug('[Klartext] dropped an unexpected message');
      return undefined;
    }
    return ready.then((controller): ToggleReply => {
      const open = controller.toggle();
      return controller.canHost() ? { open } : { open, unsupported: true };
    });
  });
}
