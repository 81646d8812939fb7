/**
 * Injected by the background on toolbar click, shortcut or context menu (activeTab + scripting).
 * Stays resident after the first injection and answers later toggles by message.
 */
import browser from 'webextension-polyfill';
import { parseToContentMessage } from '../messages';
import { onSettingsChanged } from '../settings/storage';
import { createReaderController } from './reader-controller';
import {
  claimReaderScope,
  loadPreferences,
  loadReaderFonts,
  memoizedTranslate,
  reportReaderState,
  serialPreferenceSaver,
} from './reader-environment';

if (claimReaderScope()) {
  // Settings are read while the toggle message is still on its way, so the first paint has the
  // user's theme; the typefaces follow when read (see installWhenLoaded).
  const ready = Promise.all([loadPreferences(), loadReaderFonts()]).then(([preferences, fonts]) => {
    const saves = serialPreferenceSaver();
    const controller = createReaderController(document, {
      t: memoizedTranslate(),
      onStateChange: reportReaderState,
      preferences,
      fonts,
      savePreferences: saves.save,
    });
    onSettingsChanged((settings) => {
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
