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
