import browser from 'webextension-polyfill';
import type { OpenOptionsMessage } from '../messages';

/** Content scripts cannot open extension pages themselves: the background opens the options page. */
export function openOptionsToAdd(host: string): void {
  const message: OpenOptionsMessage = { type: 'klartext/open-options', addHost: host };
  browser.runtime.sendMessage(message).catch(() => undefined);
}
