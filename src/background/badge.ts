/**
 * The toolbar icon says when the page's site opens in the reader by itself: a badge on tabs of
 * whitelisted hosts (their URL is visible to us exactly there: we hold their host permission).
 */
import browser from 'webextension-polyfill';
import { findAutoOpenSite } from '../settings/hosts';
import { loadSettings } from '../settings/storage';

const AUTO_BADGE = 'A';

export async function refreshBadge(tabId: number, url: string | undefined): Promise<void> {
  const settings = await loadSettings();
  const site = findAutoOpenSite(settings.autoOpen, url);
  await browser.action.setBadgeText({ tabId, text: site ? AUTO_BADGE : '' });
  await browser.action.setTitle({
    tabId,
    title: site
      ? browser.i18n.getMessage('actionTitleAutoOpen', site.host)
      : browser.i18n.getMessage('actionTitle'),
  });
  if (site) await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
}

export async function refreshAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : refreshBadge(tab.id, tab.url).catch(() => undefined),
    ),
  );
}
