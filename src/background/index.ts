/**
 * The background's job: turn the user's gesture into a reader in the right tab. Listeners are
 * registered synchronously at the top level so a woken service worker / event page sees the event.
 */
import browser from 'webextension-polyfill';
import { parseToBackgroundMessage } from '../messages';
import { CONTEXT_MENU_ID, installContextMenu } from './context-menu';
import { toggleReader } from './toggle-reader';

browser.action.onClicked.addListener((tab) => {
  void toggleReader(tab, 'action');
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === CONTEXT_MENU_ID && tab) void toggleReader(tab, 'menu');
});

browser.runtime.onInstalled.addListener(() => {
  void installContextMenu();
});

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  const message = parseToBackgroundMessage(raw);
  const tabId = sender.tab?.id;
  if (!message || sender.id !== browser.runtime.id || tabId === undefined) {
    console.debug('[Klartext] dropped an unexpected message');
    return undefined;
  }
  void browser.action.setBadgeText({ tabId, text: '' });
  return undefined;
});
