import type { Tab } from '../../../scripts/lib/browser/session';

export interface PageFingerprint {
  html: string;
  scrollX: number;
  scrollY: number;
  htmlAttributes: string;
  bodyAttributes: string;
  activeElement: string;
}

/** Everything the page's own scripts and its reader could notice about the page's state. */
export function pageFingerprint(tab: Tab): Promise<PageFingerprint> {
  return tab.evaluate<PageFingerprint>(`() => {
    const attrs = (el) => el ? [...el.attributes].map((a) => a.name + '=' + a.value).join(' ') : '';
    const active = document.activeElement;
    return {
      html: document.documentElement.outerHTML,
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      htmlAttributes: attrs(document.documentElement),
      bodyAttributes: attrs(document.body),
      activeElement: active ? active.tagName + '#' + active.id : '',
    };
  }`);
}

/**
 * The fingerprint once the page's own scripts have stopped changing it (lazy loaders swap image
 * sources after a scroll, on their own schedule): two equal readings 400 ms apart.
 */
export async function settledPageFingerprint(tab: Tab, timeoutMs = 10_000): Promise<PageFingerprint> {
  const started = Date.now();
  let previous = await pageFingerprint(tab);
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const current = await pageFingerprint(tab);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  throw new Error(`the page kept changing for ${timeoutMs} ms`);
}
