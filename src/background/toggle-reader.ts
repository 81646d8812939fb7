import browser from 'webextension-polyfill';
import onDemandScript from '../content/on-demand.ts?script&iife';
import { parseToggleReply, type ToggleReaderMessage, type Trigger } from '../messages';
import { type NoticeReason, showNotice } from './notice';
import { isRestrictedUrl } from './restricted-pages';

/**
 * Toolbar click, shortcut and context menu all land here. The content script is injected on
 * demand (activeTab + scripting: no host permission for this path) and stays in the tab, so
 * later toggles are one message.
 */
export async function toggleReader(tab: browser.Tabs.Tab, trigger: Trigger): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined || tabId < 0) return;
  if (isRestrictedUrl(tab.url)) {
    showNotice(tabId, 'restricted');
    return;
  }
  const message: ToggleReaderMessage = { type: 'klartext/toggle', trigger };
  try {
    answered(tabId, await browser.tabs.sendMessage(tabId, message));
    return;
  } catch {
    // No receiver yet: first use in this page. Inject, then ask again.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [onDemandScript] });
    answered(tabId, await browser.tabs.sendMessage(tabId, message));
  } catch (error) {
    const reason: NoticeReason = isRestrictedError(error) ? 'restricted' : 'inject-failed';
    console.warn('[Klartext] could not open the reader in tab', tabId, error);
    showNotice(tabId, reason);
  }
}

/** A document the reader cannot be drawn on (SVG, XML) still gets an answer: in the popup. */
function answered(tabId: number, reply: unknown): void {
  if (parseToggleReply(reply)?.unsupported) showNotice(tabId, 'not-html');
}

function isRestrictedError(error: unknown): boolean {
  // Chrome: "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted",
  // "Cannot access contents of the page". Firefox: "Missing host permission for the tab".
  return /cannot access|cannot be scripted|missing host permission|cannot script|restricted/i.test(
    String(error),
  );
}
