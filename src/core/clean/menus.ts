/**
 * Menus the page marks as such for assistive technology (`role="menu"`, `role="menubar"`):
 * lists of site sections, never story. They can end up inside the story's container when the
 * page's markup nests its whole layout in the navigation.
 */
import { linkDensity, textOf } from '../dom';

const MENU_ROLES = '[role="menu"], [role="menubar"]';
const MIN_LINK_DENSITY = 0.5;

export function findMenus(doc: Document): Element[] {
  const found: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll(MENU_ROLES))) {
    if (found.some((outer) => outer.contains(el))) continue;
    if (el.localName === 'h1' || el.getElementsByTagName('h1').length) continue;
    const length = textOf(el).length;
    if (length && linkDensity(el, length) >= MIN_LINK_DENSITY) found.push(el);
  }
  return found;
}

/** Removes ARIA menus; returns how many. */
export function removeMenus(doc: Document): number {
  const menus = findMenus(doc);
  for (const el of menus) el.remove();
  return menus.length;
}
