/**
 * Pages where browsers refuse extension scripts. Recognising them before trying lets the
 * click answer at once with a message instead of a failed injection.
 */
const INJECTABLE_SCHEMES = new Set(['http:', 'https:', 'file:']);

// Both browsers block content scripts on their add-on stores, whatever the permissions.
const STORE_HOSTS = new Set([
  'chrome.google.com',
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
]);

export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false; // No URL visible (no activeTab yet): let the injection attempt decide.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!INJECTABLE_SCHEMES.has(parsed.protocol)) return true;
  if (STORE_HOSTS.has(parsed.hostname)) return true;
  // Firefox's PDF viewer runs pdf.js as a privileged page on the PDF's own URL.
  return false;
}
