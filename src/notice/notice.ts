import browser from 'webextension-polyfill';

const MESSAGES = {
  restricted: ['restrictedTitle', 'restrictedBody'],
  'inject-failed': ['restrictedTitle', 'injectFailedBody'],
  'not-html': ['noStoryTitle', 'notHtmlBody'],
  'removed-by-page': ['removedByPageTitle', 'removedByPageBody'],
} as const;

const params = new URLSearchParams(location.search);
const asked = params.get('reason');
const reason = asked && Object.hasOwn(MESSAGES, asked) ? (asked as keyof typeof MESSAGES) : 'restricted';
const [titleKey, bodyKey] = MESSAGES[reason];
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage(titleKey);
document.getElementById('title')!.textContent = browser.i18n.getMessage(titleKey);
document.getElementById('body')!.textContent = browser.i18n.getMessage(bodyKey);

// The popup was set for this one tab to carry the message; hand the click back to the reader.
const tabId = Number(params.get('tab'));
if (Number.isInteger(tabId) && tabId >= 0) {
  void browser.action.setPopup({ tabId, popup: '' });
  void browser.action.setBadgeText({ tabId, text: '' });
}
