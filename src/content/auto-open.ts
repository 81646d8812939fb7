/**
 * Registered by the background for every whitelisted host (runAt document_start). Hides the
 * page before its first paint, decides with the article gate whether it is a story, and either
 * opens the reader over it or shows the original untouched, within REVEAL_BOUND_MS.
 * Also answers toolbar and shortcut toggles in this tab, like the on-demand script.
 */
import browser from 'webextension-polyfill';
import { isArticlePage } from '../core/gate';
import { parseToContentMessage, type ToggleReply } from '../messages';
import type { SiteActions } from '../reader/ReaderApp';
import { findAutoOpenSite } from '../settings/hosts';
import { DEFAULT_READER_PREFERENCES } from '../settings/schema';
import { onSettingsChanged, removeAutoOpenSite } from '../settings/storage';
import { openOptionsToAdd } from './open-options';
import { createReaderController, type ReaderController } from './reader-controller';
import {
  claimReaderScope,
  loadReaderFonts,
  loadSettingsOrDefaults,
  memoizedTranslate,
  reportReaderState,
  serialPreferenceSaver,
} from './reader-environment';

/** Longest time the page stays hidden; after it the original shows, whatever is pending. */
export const REVEAL_BOUND_MS = 1500;
const HIDE_ATTRIBUTE = 'data-klartext-hide';
// How often a single-page app's URL is compared: history.pushState cannot be observed from the
// content script's isolated world, and popstate only fires for back/forward.
const URL_POLL_MS = 400;
const SPA_SETTLE_MS = 600;

if (claimReaderScope() && window.top === window) startAutoOpen();

function startAutoOpen(): void {
  const started = performance.now();
  const unhide = hidePage(document);
  const revealTimer = window.setTimeout(() => {
    console.debug('[Klartext] auto-open: no reader within the bound, showing the page');
    unhide();
  }, REVEAL_BOUND_MS);

  const t = memoizedTranslate();
  const settingsReady = loadSettingsOrDefaults();
  const fontsReady = loadReaderFonts();
  let controller: ReaderController | null = null;
  let autoOpenHere = true;
  let currentSite: string | null = null;
  let lastUrl = location.href;

  const siteActions = (): SiteActions => ({
    autoOpen: autoOpenHere,
    onToggleAutoOpen() {
      if (autoOpenHere) {
        autoOpenHere = false;
        controller?.setSiteActions(siteActions());
        if (currentSite)
          removeAutoOpenSite(currentSite).catch((error) => console.warn('[Klartext] not removed', error));
      } else {
        // Turning it back on needs the host permission, which only a click in an extension page can ask for.
        openOptionsToAdd(location.hostname);
      }
    },
  });

  const saves = serialPreferenceSaver();
  const ready = Promise.all([settingsReady, fontsReady]).then(([settings, fonts]) => {
    currentSite = findAutoOpenSite(settings?.autoOpen ?? [], location.href)?.host ?? null;
    // Unregistration reaches open tabs only on their next load: a removed site must not open now.
    autoOpenHere = currentSite !== null;
    controller = createReaderController(document, {
      t,
      onStateChange: reportReaderState,
      preferences: settings?.reader ?? { ...DEFAULT_READER_PREFERENCES },
      fonts,
      savePreferences: saves.save,
      limits: settings?.limits,
    });
    controller.setSiteActions(siteActions());
    onSettingsChanged((next) => {
      if (!saves.busy()) controller?.setPreferences(next.reader);
      controller?.setLimits(next.limits);
      autoOpenHere = findAutoOpenSite(next.autoOpen, location.href) !== null;
      controller?.setSiteActions(siteActions());
    });
    return controller;
  });

  const domReady = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });

  Promise.all([ready, domReady])
    .then(([reader]) => {
      if (performance.now() - started > REVEAL_BOUND_MS || !autoOpenHere) return;
      const decision = isArticlePage(document, location.href);
      console.debug('[Klartext] auto-open gate:', decision.reason);
      if (!decision.article) return;
      const result = reader.open();
      if (result.kind !== 'story') reader.close();
    })
    .catch((error) => console.warn('[Klartext] auto-open failed, showing the page', error))
    .finally(() => {
      window.clearTimeout(revealTimer);
      // The reader host is visible on its own (it overrides visibility), so the page can be
      // revealed right after the reader is drawn: the next frame shows the reader, not the page.
      unhide();
      watchNavigation();
    });

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    const message = parseToContentMessage(raw);
    if (!message || sender.id !== browser.runtime.id) return undefined;
    return ready.then((reader): ToggleReply => {
      const open = reader.toggle();
      return reader.canHost() ? { open } : { open, unsupported: true };
    });
  });

  function watchNavigation(): void {
    let settleTimer = 0;
    const check = () => {
      if (location.href === lastUrl) return;
      lastUrl = location.href;
      // The new view's DOM is still being built: close the old story now, decide once it settles.
      controller?.close();
      window.clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => {
        if (!controller || !autoOpenHere || controller.isOpen()) return;
        if (!isArticlePage(document, location.href).article) return;
        if (controller.open().kind !== 'story') controller.close();
      }, SPA_SETTLE_MS);
    };
    window.addEventListener('popstate', check);
    window.setInterval(check, URL_POLL_MS);
  }
}

/**
 * Hides the page from its first paint. A <style> element inserted at document_start applies
 * before the parser has produced anything to paint; the reader host overrides it for itself.
 */
function hidePage(doc: Document): () => void {
  const style = doc.createElement('style');
  style.setAttribute(HIDE_ATTRIBUTE, '');
  style.textContent = 'html{visibility:hidden!important}';
  (doc.head ?? doc.documentElement).append(style);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    style.remove();
  };
}
