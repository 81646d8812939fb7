/**
 * Photos: lazy-loading undone (data-src, data-srcset, <picture> sources, <noscript> fallbacks),
 * the largest candidate chosen, caption and credit split, placeholders/icons/avatars/logos and
 * teaser thumbnails dropped, duplicates across sizes merged.
 */
import { checkBudget } from './budget';
import { ancestors, collapse, hasClassToken, parseInert, tagName, textOf } from './dom';
import { REGEXPS } from './patterns';
import { parseSrcset, safeSrcset, safeUrl } from './sanitize';
import type { Photo } from './story';

const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-full-src',
  'data-hi-res-src',
  'data-src-large',
  'data-img-src',
  'data-image',
  'data-echo',
  'data-orig-src',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

function isPlaceholder(src: string | null): boolean {
  const trimmed = src?.trim();
  return !trimmed || REGEXPS.placeholderSrc.test(trimmed);
}

/** Upgrades http to https when the page itself is https (browsers upgrade such images anyway). */
export function absoluteImageUrl(url: string | null | undefined, pageUrl: string): string | null {
  const abs = safeUrl(url, pageUrl);
  if (abs?.startsWith('http:') && pageUrl.startsWith('https:')) return `https:${abs.slice(5)}`;
  return abs;
}

function absoluteSrcset(srcset: string | null, pageUrl: string): string | null {
  const abs = safeSrcset(srcset, pageUrl);
  return abs && pageUrl.startsWith('https:') ? abs.replace(/(^|, )http:/g, '$1https:') : abs;
}

/**
 * Rewrites lazy images in place (the document must be our clone): real src/srcset from the lazy
 * attributes, <noscript> fallbacks turned into plain <img> elements built attribute by attribute
 * (never by inserting the parsed markup), every URL made absolute.
 */
export function resolveLazyImages(doc: Document, pageUrl: string): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  for (const noscript of Array.from(root.getElementsByTagName('noscript')))
    replaceNoscript(doc, noscript, pageUrl);
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    checkBudget('lazy images');
    const src = img.getAttribute('src');
    let lazy: string | null = null;
    for (const attr of LAZY_SRC_ATTRS) {
      const v = img.getAttribute(attr);
      if (v && !isPlaceholder(v) && /^(?:https?:|\/|\.|[\w-]+\/)/i.test(v.trim())) {
        lazy = v;
        break;
      }
    }
    if (lazy && (isPlaceholder(src) || lazy !== src)) img.setAttribute('src', lazy);
    for (const attr of LAZY_SRCSET_ATTRS) {
      const v = img.getAttribute(attr);
      if (v) {
        img.setAttribute('srcset', v);
        break;
      }
    }
    const finalSrc = absoluteImageUrl(img.getAttribute('src'), pageUrl);
    if (finalSrc && !isPlaceholder(finalSrc)) img.setAttribute('src', finalSrc);
    else if (img.hasAttribute('src')) img.removeAttribute('src');
    const srcset = absoluteSrcset(img.getAttribute('srcset'), pageUrl);
    if (srcset) img.setAttribute('srcset', srcset);
    else img.removeAttribute('srcset');
  }
  for (const source of Array.from(root.getElementsByTagName('source'))) {
    const lazySet = LAZY_SRCSET_ATTRS.map((a) => source.getAttribute(a)).find(Boolean);
    const srcset = absoluteSrcset(lazySet || source.getAttribute('srcset'), pageUrl);
    if (srcset) source.setAttribute('srcset', srcset);
    else source.removeAttribute('srcset');
  }
}

function replaceNoscript(doc: Document, noscript: Element, pageUrl: string): void {
  let imgs = Array.from(noscript.getElementsByTagName('img'));
  if (!imgs.length) {
    const raw = noscript.textContent ?? '';
    if (!/<img\b/i.test(raw)) return;
    imgs = Array.from(parseInert(doc, raw).querySelectorAll('img'));
  }
  if (!imgs.length) return;
  const fallback = imgs[0];
  if (!fallback) return;
  const src = fallback.getAttribute('src');
  if (!src || isPlaceholder(src)) return;
  const parent = noscript.parentElement;
  const sibling = parent
    ? Array.from(parent.getElementsByTagName('img')).find((i) => !noscript.contains(i))
    : null;
  if (
    sibling &&
    (isPlaceholder(sibling.getAttribute('src')) || LAZY_SRC_ATTRS.some((a) => sibling.hasAttribute(a)))
  ) {
    copyImageAttributes(fallback, sibling, pageUrl);
    noscript.remove();
    return;
  }
  if (sibling) {
    noscript.remove();
    return;
  }
  const img = doc.createElement('img');
  copyImageAttributes(fallback, img, pageUrl);
  noscript.replaceWith(img);
}

function copyImageAttributes(from: Element, to: Element, pageUrl: string): void {
  const src = absoluteImageUrl(from.getAttribute('src'), pageUrl);
  if (src) to.setAttribute('src', src);
  const srcset = absoluteSrcset(from.getAttribute('srcset'), pageUrl);
  if (srcset) to.setAttribute('srcset', srcset);
  for (const attr of ['alt', 'width', 'height', 'title', 'data-caption', 'data-credit', 'data-copyright']) {
    const v = from.getAttribute(attr);
    if (v !== null && !to.hasAttribute(attr)) to.setAttribute(attr, v);
  }
  for (const attr of LAZY_SRC_ATTRS) to.removeAttribute(attr);
}

/** Largest candidate among src, srcset and <picture> sources. */
export function bestSource(img: Element): { src: string | null; srcset: string | null; width?: number } {
  const candidates: { url: string; width?: number; density: number }[] = [];
  const consider = (srcset: string | null) => {
    for (const c of parseSrcset(srcset ?? '')) {
      const m = /^(\d+(?:\.\d+)?)([wx])$/.exec(c.descriptor);
      const value = Number(m?.[1] ?? 1);
      candidates.push(
        m?.[2] === 'w' ? { url: c.url, width: value, density: 1 } : { url: c.url, density: value },
      );
    }
  };
  const picture = img.parentElement && tagName(img.parentElement) === 'picture' ? img.parentElement : null;
  let srcset = img.getAttribute('srcset');
  if (picture) {
    for (const source of Array.from(picture.getElementsByTagName('source'))) {
      const type = source.getAttribute('type') ?? '';
      if (type && !/image\/(?:jpe?g|png|webp|avif|gif)/i.test(type)) continue;
      // a small-screen crop (art direction), not a larger size of the picture the <img> shows
      if (
        /max-width/i.test(source.getAttribute('media') ?? '') &&
        !/min-width/i.test(source.getAttribute('media') ?? '')
      )
        continue;
      consider(source.getAttribute('srcset'));
      srcset ||= source.getAttribute('srcset');
    }
  }
  consider(img.getAttribute('srcset'));
  const src = img.getAttribute('src');
  // Width descriptors beat densities; among densities the highest wins.
  const byWidth = candidates.filter((c) => c.width).sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (byWidth) return { src: byWidth.url, srcset, width: byWidth.width };
  const byDensity = candidates.sort((a, b) => b.density - a.density)[0];
  if (byDensity && (byDensity.density > 1 || !src)) return { src: byDensity.url, srcset };
  return { src: src || null, srcset };
}

function numberAttr(el: Element, name: string): number | undefined {
  const n = Number.parseInt(el.getAttribute(name) ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** "Foto:", "© Bild:", "Bildrechte:" before a credit ("©Foto: Martin Sehmisch"). */
const CREDIT_PREFIX =
  /^(?:©\s*)?(?:(?:bildrechte|bildquelle|bilder|bild|fotos|foto|photo|image|credit|quelle|copyright)\b\s*(?:©)?\s*:?\s*|©\s*)/i;

/** Splits "Caption | Foto: WFK" into caption and credit. */
export function splitCaption(text: string): { caption: string; credit: string } {
  const t = collapse(text);
  const m = REGEXPS.creditSplit.exec(t);
  if (!m) return { caption: t, credit: '' };
  const credit = (m[1] ?? '')
    .replace(/[)\].;,\s]+$/, '')
    .replace(CREDIT_PREFIX, '')
    .trim();
  const caption = t
    .slice(0, m.index)
    .replace(/[\s|/•·–—-]+$/, '')
    .trim();
  return { caption, credit };
}

/** Caption and credit of a picture from its figure, nearby caption elements or its attributes. */
export function captionOf(img: Element): { caption: string; credit: string } {
  let captionText = '';
  let creditText = '';
  const figure = closestWithin(img, 'figure', 4);
  const scope = figure ?? captionScope(img) ?? soleImageScope(img);
  if (scope) {
    const capEl = figure?.querySelector('figcaption') ?? findByClass(scope, CAPTION, img);
    // the credit may sit inside the caption or beside it ("<footer class=credit>" in the figure)
    const creditEls = innermost(
      findAllByClass(scope, CREDIT, img).filter((el) => !capEl || !el.contains(capEl)),
    );
    if (capEl) {
      let text = textOf(capEl);
      for (const c of creditEls) {
        const ct = textOf(c);
        if (ct && text.includes(ct)) text = text.replace(ct, ' ');
        creditText ||= ct.replace(CREDIT_PREFIX, '');
      }
      captionText = collapse(text);
    } else if (creditEls.length) {
      creditText = textOf(creditEls[0]).replace(CREDIT_PREFIX, '');
    }
    if (!creditText && scope) {
      // "Foto: WFK" in its own element next to the caption (citizen-reporter galleries)
      for (const el of Array.from(scope.querySelectorAll('span, li, p, small, div, em'))) {
        if (el.childElementCount) continue;
        const t = textOf(el);
        if (
          t.length < 80 &&
          /^(?:(?:foto|fotos|bild|photo|quelle|bildquelle|bildrechte)\s*:|©|\(c\)|copyright\b)/i.test(t) &&
          !captionText.includes(t)
        ) {
          creditText = t.replace(CREDIT_PREFIX, '');
          break;
        }
      }
    }
  }
  if (!captionText)
    captionText = collapse(img.getAttribute('data-caption') || img.getAttribute('title') || '');
  const split = splitCaption(captionText);
  const alt = collapse(img.getAttribute('alt') ?? '');
  let caption = split.caption;
  let credit = creditText || split.credit;
  if (!caption && alt.length > 12 && !/\.(?:jpe?g|png|webp|gif)$/i.test(alt)) {
    const fromAlt = splitCaption(alt);
    caption = fromAlt.caption;
    credit ||= fromAlt.credit;
  }
  if (!credit)
    credit = splitCaption(
      collapse(
        img.getAttribute('data-credit') ||
          img.getAttribute('data-copyright') ||
          img.getAttribute('title') ||
          '',
      ),
    ).credit;
  if (!credit) credit = collapse(img.getAttribute('data-credit') || img.getAttribute('data-copyright') || '');
  return { caption, credit: credit.replace(/^[©\s]+/, '').trim() };
}

function closestWithin(el: Element, tag: string, levels: number): Element | null {
  let cur = el.parentElement;
  for (let i = 0; cur && i < levels; i++, cur = cur.parentElement) if (tagName(cur) === tag) return cur;
  return null;
}

/** The smallest ancestor that holds a caption-like element besides the image, within a few levels. */
function captionScope(img: Element): Element | null {
  let cur = img.parentElement;
  for (let i = 0; cur && i < 4; i++, cur = cur.parentElement) {
    if (cur.getElementsByTagName('img').length > 1 && i > 0) return null;
    if (textOf(cur).length > 700) return null;
    if (findByClass(cur, CAPTION, img) || findByClass(cur, CREDIT, img)) return cur;
  }
  return null;
}

/**
 * A picture's own box without caption classes ("<div><img><div>© privat</div></div>"): the
 * parent or grandparent holding this image alone and little text, searched for a credit line.
 */
function soleImageScope(img: Element): Element | null {
  let cur = img.parentElement;
  for (let i = 0; cur && i < 2; i++, cur = cur.parentElement) {
    if (cur.getElementsByTagName('img').length > 1 || (cur.textContent ?? '').length > 300) return null;
    if (textOf(cur)) return cur;
  }
  return null;
}

interface ClassPatterns {
  /** Tested on each class name and the id, with `-`/`_` as word boundaries. */
  token: RegExp;
  /** Tested on the whole class attribute: camelCase names ("mediaSubtitleText", "mediaRights"). */
  loose: RegExp;
}
const CAPTION: ClassPatterns = { token: REGEXPS.captionClass, loose: REGEXPS.captionClassLoose };
const CREDIT: ClassPatterns = { token: REGEXPS.creditClass, loose: REGEXPS.creditClassLoose };

function hasClassLike(el: Element, patterns: ClassPatterns): boolean {
  return hasClassToken(el, patterns.token) || patterns.loose.test(el.getAttribute('class') ?? '');
}

/** Drops elements that hold another of the list ("<div class=copyright><span class=copyright>"). */
function innermost(els: Element[]): Element[] {
  return els.filter((el) => !els.some((other) => other !== el && el.contains(other)));
}

function findByClass(scope: Element, patterns: ClassPatterns, except: Element): Element | null {
  return findAllByClass(scope, patterns, except)[0] ?? null;
}

function findAllByClass(scope: Element, patterns: ClassPatterns, except: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(scope.querySelectorAll('*'))) {
    checkBudget('captions');
    if (el === except || el.contains(except) || tagName(el) === 'img') continue;
    if (hasClassLike(el, patterns) && textOf(el)) out.push(el);
  }
  return out;
}

/** Why an image is not a story picture, or null when it is one. */
export function rejectReason(img: Element, pageUrl: string): string | null {
  // an <img> may name its picture only in srcset or its <picture>'s sources
  const src = img.getAttribute('src') || bestSource(img).src;
  if (isPlaceholder(src)) return 'placeholder';
  if (REGEXPS.iconSrc.test(src ?? '')) return 'icon';
  const w = numberAttr(img, 'width');
  const h = numberAttr(img, 'height');
  if ((w && w < 100) || (h && h < 80)) return 'small';
  let cur: Element | null = img;
  for (let i = 0; cur && i < 4; i++, cur = cur.parentElement) {
    if (hasClassToken(cur, REGEXPS.notStoryImage)) return 'avatar-logo-icon';
  }
  if (img.closest('nav, footer, header[role="banner"], [role="navigation"]')) return 'navigation';
  const link = img.closest('a');
  if (link) {
    const href = link.getAttribute('href') ?? '';
    const abs = safeUrl(href, pageUrl);
    const isImageLink =
      /\.(?:jpe?g|png|webp|gif|avif)(?:$|\?)/i.test(href) ||
      REGEXPS.pictureLink.test(href.replace(/[?#].*$/, '').replace(/\.html?$/i, '')) ||
      opensLightbox(link) ||
      hasClassToken(link, REGEXPS.galleryClass) ||
      /lightbox|fancybox|gallery|zoom/i.test(link.getAttribute('rel') ?? '') ||
      link.hasAttribute('data-lightbox') ||
      link.hasAttribute('data-fancybox');
    if (abs && !isImageLink && !href.startsWith('#') && stripHash(abs) !== stripHash(pageUrl))
      return 'teaser-link';
  }
  return null;
}

/** A lightbox entry marked by a data attribute on the link or its box ("data-ctrl-lightbox1-entry"). */
function opensLightbox(link: Element): boolean {
  let cur: Element | null = link;
  for (let i = 0; cur && i < 4; i++, cur = cur.parentElement) {
    for (const name of cur.getAttributeNames())
      if (name.startsWith('data-') && name.includes('lightbox')) return true;
  }
  return false;
}

function stripHash(url: string): string {
  return url.replace(/#.*$/, '');
}

/** A key shared by the sizes of one picture: file name without size suffixes and query. */
export function photoKey(src: string): string {
  let path = src.replace(/[?#].*$/, '').toLowerCase();
  path = path.replace(/^https?:\/\/[^/]+/, '');
  const file = path.split('/').pop() ?? path;
  return file
    .replace(/\.(?:jpe?g|png|webp|gif|avif)$/, '')
    .replace(/[-_]\d{2,4}x\d{2,4}(?=$|[-_.])/g, '')
    .replace(
      /[-_](?:scaled|large|medium|small|thumb|thumbnail|full|original|big|xxs|xs|s|m|l|xl|xxl|xxxl)$/g,
      '',
    )
    .replace(/~_v-.*$/, '')
    .replace(/__(?:small|medium|large|original)$/g, '');
}

export function photoOf(img: Element, pageUrl: string): Photo | null {
  const best = bestSource(img);
  const src = absoluteImageUrl(best.src, pageUrl);
  if (!src) return null;
  const { caption, credit } = captionOf(img);
  const photo: Photo = { src, alt: collapse(img.getAttribute('alt') ?? ''), caption, credit };
  const srcset = absoluteSrcset(best.srcset, pageUrl);
  if (srcset) photo.srcset = srcset;
  const width = best.width ?? numberAttr(img, 'width');
  const height = best.width ? undefined : numberAttr(img, 'height');
  if (width) photo.width = width;
  if (height) photo.height = height;
  return photo;
}

export interface PhotoCandidate {
  img: Element;
  photo: Photo;
  ancestors: Element[];
}

/** Every plausible story picture of the (cleaned, lazy-resolved) document, in page order. */
export function collectPhotoCandidates(doc: Document, pageUrl: string): PhotoCandidate[] {
  const out: PhotoCandidate[] = [];
  const root = doc.body;
  if (!root) return out;
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    checkBudget('photos');
    if (rejectReason(img, pageUrl)) continue;
    const photo = photoOf(img, pageUrl);
    if (photo) out.push({ img, photo, ancestors: ancestors(img) });
  }
  return out;
}

/** De-duplicates across sizes; the first occurrence keeps its place, missing caption/credit filled in. */
export function dedupePhotos(photos: Photo[]): Photo[] {
  const byKey = new Map<string, Photo>();
  const out: Photo[] = [];
  for (const p of photos) {
    const k = photoKey(p.src);
    const existing = byKey.get(k);
    if (existing) {
      if (!existing.caption && p.caption) existing.caption = p.caption;
      if (!existing.credit && p.credit) existing.credit = p.credit;
      if ((p.width ?? 0) > (existing.width ?? 0) && p.width) {
        existing.src = p.src;
        existing.width = p.width;
      }
      continue;
    }
    const copy = { ...p };
    byKey.set(k, copy);
    out.push(copy);
  }
  return out;
}

export function isGalleryContainer(el: Element): boolean {
  return hasClassToken(el, REGEXPS.galleryClass);
}

const CREDIT_LINE =
  /^(?:(fotos|bilder)|foto|bild|titelbild|titelfoto|beitragsbild|symbolbild|symbolfoto|bildquelle|fotoquelle)\s*(?:©)?\s*:\s*(.{2,80})$/i;

/**
 * A credit line ending the story ("Foto: MDR/Bernd Cramer", "erb/ots<br>Foto: dahancoo / Pixabay")
 * names the picture(s) the page shows without a credit of their own: "Foto:" the lead picture,
 * "Fotos:" every uncredited one.
 */
export function creditFromStoryEnd(story: Element, photos: Photo[]): void {
  const uncredited = photos.filter((p) => !p.credit);
  if (!uncredited.length) return;
  const blocks = Array.from(story.getElementsByTagName('p')).slice(-4).reverse();
  for (const block of blocks) {
    for (const line of linesOf(block)) {
      const m = CREDIT_LINE.exec(line);
      if (!m?.[2]) continue;
      const credit = m[2].trim();
      for (const photo of m[1] ? uncredited : uncredited.slice(0, 1)) photo.credit = credit;
      return;
    }
  }
}

/** The text lines of a short block, split at <br>. */
function linesOf(block: Element): string[] {
  if ((block.textContent ?? '').length > 300) return [];
  const lines: string[] = [''];
  for (const node of Array.from(block.childNodes)) {
    if (node.nodeType === 1 && tagName(node as Element) === 'br') lines.push('');
    else lines[lines.length - 1] += node.textContent ?? '';
  }
  return lines.map(collapse).filter(Boolean);
}
