/**
 * Injected by the background on toolbar click, shortcut or context menu (activeTab + scripting).
 * Stays resident after the first injection and answers later toggles by message.
 */
import browser from 'webextension-polyfill';
import { parseToContentMessage, type ToggleReply } from '../messages';
import type { SiteActions } from '../reader/ReaderApp';
import { findAutoOpenSite } from '../settings/hosts';
import { DEFAULT_READER_PREFERENCES } from '../settings/schema';
import { onSettingsChanged, removeAutoOpenSite } from '../settings/storage';
import type { AutoOpenSite } from '../settings/types';
import { openOptionsToAdd } from './open-options';
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
    controller.setSiteActions(siteActionsFor(settings?.autoOpen ?? []));
    onSettingsChanged((next) => {
      if (!saves.busy()) controller.setPreferences(next.reader);
      controller.setLimits(next.limits);
      controller.setSiteActions(siteActionsFor(next.autoOpen));
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

/**
 * "Open this site automatically" in the reader's toolbar: adding needs the host permission, which
 * only a click in an extension page can request, so it opens the options page with the host filled in.
 */
function siteActionsFor(sites: readonly AutoOpenSite[]): SiteActions {
  const listed = findAutoOpenSite(sites, location.href);
  return {
    autoOpen: listed !== null,
    onToggleAutoOpen() {
      if (!listed) openOptionsToAdd(location.hostname);
      else removeAutoOpenSite(listed.host).catch((error) => console.warn('[Klartext] not removed', error));
    },
  };
}
