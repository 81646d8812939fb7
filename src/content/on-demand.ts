/**
 * Injected by the background on toolbar click, shortcut or context menu (activeTab + scripting).
 * Stays resident after the first injection and answers later toggles by message.
 */
import browser from 'webextension-polyfill';
import { parseToContentMessage, type ReaderStateMessage } from '../messages';
import { createReaderController } from './reader-controller';

const LOADED = Symbol.for('klartext.on-demand');
// This runs in the extension's isolated world: the page cannot see or fake this marker.
const scope = globalThis as typeof globalThis & { [LOADED]?: true };

if (!scope[LOADED]) {
  scope[LOADED] = true;
  const t = (key: string, substitutions?: string | string[]) => browser.i18n.getMessage(key, substitutions);
  const reportState = (open: boolean) => {
    const message: ReaderStateMessage = { type: 'klartext/reader-state', open };
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  const controller = createReaderController(document, t, reportState);

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    const message = parseToContentMessage(raw);
    if (!message || sender.id !== browser.runtime.id) {
      console.debug('[Klartext] dropped an unexpected message');
      return undefined;
    }
    return Promise.resolve({ open: controller.toggle() });
  });
}
