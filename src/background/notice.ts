import browser from 'webextension-polyfill';

export type NoticeReason = 'restricted' | 'inject-failed' | 'not-html' | 'removed-by-page';

const TITLE_KEYS: Record<NoticeReason, string> = {
  restricted: 'restrictedTitle',
  'inject-failed': 'injectFailedBody',
  'not-html': 'notHtmlBody',
  'removed-by-page': 'removedByPageTitle',
};

export const NOTICE_PAGE = 'src/notice/index.html';

/**
 * The reader cannot be drawn on pages the browser protects, so the message appears in the
 * toolbar popup instead. The popup is set for this tab only and the notice page clears it again,
 * so the next click on an ordinary page goes back to opening the reader.
 */
export function showNotice(tabId: number, reason: NoticeReason): void {
  const popup = `${NOTICE_PAGE}?reason=${reason}&tab=${tabId}`;
  // No await between the click and openPopup: Firefox only opens popups inside the user gesture.
  const setting = browser.action.setPopup({ tabId, popup });
  const opening = browser.action.openPopup();
  Promise.all([setting, opening]).catch(() => {
    // Popup could not open (no gesture left, no focused window): leave a visible hint on the icon.
    void browser.action.setBadgeText({ tabId, text: '!' });
    void browser.action.setTitle({ tabId, title: browser.i18n.getMessage(TITLE_KEYS[reason]) });
  });
}
