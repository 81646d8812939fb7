/**
 * The background's job: turn the user's gesture into a reader in the right tab. Listeners are
 * registered synchronously at the top level so a woken service worker / event page sees the event.
 */
import browser from 'webextension-polyfill';
import { parseToBackgroundMessage } from '../messages';
import { onSettingsChanged } from '../settings/storage';
import { syncAutoOpenScripts } from './auto-open';
import { refreshAllBadges, refreshBadge } from './badge';
import { CONTEXT_MENU_ID, installContextMenu } from './context-menu';
import { showNotice } from './notice';
import { OPTIONS_PAGE } from './options-page';
import { toggleReader } from './toggle-reader';

browser.action.onClicked.addListener((tab) => {
  void toggleReader(tab, 'action');
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === CONTEXT_MENU_ID && tab) void toggleReader(tab, 'menu');
});

browser.runtime.onInstalled.addListener(() => {
  void installContextMenu();
  void syncAutoOpenScripts();
});

browser.runtime.onStartup.addListener(() => {
  void syncAutoOpenScripts();
});

// Every start of the service worker / event page: registered scripts may be gone (see auto-open.ts).
void syncAutoOpenScripts();

browser.permissions.onAdded.addListener(() => {
  void syncAutoOpenScripts();
});

// Also fires when the user revokes a site in the browser's own UI (Firefox: host permissions are
// always revocable there): the script goes, the site stays listed for the options page to re-allow.
browser.permissions.onRemoved.addListener(() => {
  void syncAutoOpenScripts();
  void refreshAllBadges();
});

onSettingsChanged(() => {
  void syncAutoOpenScripts();
  void refreshAllBadges();
});

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.url !== undefined || change.status === 'loading')
    void refreshBadge(tabId, tab.url).catch(() => undefined);
});

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  const message = parseToBackgroundMessage(raw);
  const tabId = sender.tab?.id;
  if (!message || sender.id !== browser.runtime.id || tabId === undefined) {
    console.debug('[Klartext] dropped an unexpected message');
    return undefined;
  }
  if (message.type === 'klartext/open-options') {
    void browser.tabs.create({
      url: browser.runtime.getURL(`${OPTIONS_PAGE}?add=${encodeURIComponent(message.addHost)}`),
    });
    return undefined;
  }
  if (message.removedByPage) {
    // Nothing drawn in that page stays, so the toolbar button says it (a popup, or "!" and a title).
    showNotice(tabId, 'removed-by-page');
    return undefined;
  }
  // Replaces a "!" left by a notice that could not open with the site's usual badge.
  void refreshBadge(tabId, sender.tab?.url).catch(() => undefined);
  return undefined;
});
