import browser from 'webextension-polyfill';

export const CONTEXT_MENU_ID = 'klartext-toggle-reader';

export async function installContextMenu(): Promise<void> {
  // onInstalled can fire again on update and (in Chromium) on every launch with --load-extension.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: CONTEXT_MENU_ID,
    title: browser.i18n.getMessage('contextMenuToggle'),
    contexts: ['page', 'selection', 'link', 'image'],
  });
}
