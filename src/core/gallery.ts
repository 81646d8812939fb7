/**
 * Photos: lazy-loading undone (data-src, data-srcset, <picture> sources, <noscript> fallbacks),
 * the largest candidate chosen, caption and credit split, placeholders/icons/avatars/logos and
 * teaser thumbnails dropped, duplicates across sizes merged.
 */
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
  for (const attr of ['alt', 'width', 'height', 'title']) {
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

/** Splits "Caption | Foto: WFK" into caption and credit. */
export function splitCaption(text: string): { caption: string; credit: string } {
  const t = collapse(text);
  const m = REGEXPS.creditSplit.exec(t);
  if (!m) return { caption: t, credit: '' };
  const credit = (m[1] ?? '').replace(/[)\].;,\s]+$/, '').trim();
  const caption = t
    .slice(0, m.index)
    .replace(/[\s|/•·–—-]+$/, '')
    .trim();
  return { caption, credit };
}

const CREDIT_PREFIX =
  /^(?:foto|fotos|bild|bilder|photo|image|credit|quelle|bildquelle|copyright|©)\s*(?:©)?\s*:?\s*/i;

/** Caption and credit of a picture from its figure, nearby caption elements or its attributes. */
export function captionOf(img: Element): { caption: string; credit: string } {
  let captionText = '';
  let creditText = '';
  const figure = closestWithin(img, 'figure', 4);
  const scope = figure ?? captionScope(img);
  if (scope) {
    const capEl = figure?.querySelector('figcaption') ?? findByClass(scope, REGEXPS.captionClass, img);
    const creditEls = findAllByClass(capEl ?? scope, REGEXPS.creditClass, img);
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
          /^(?:foto|fotos|bild|photo|quelle|bildquelle|©)\s*:?/i.test(t) &&
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
    if (findByClass(cur, REGEXPS.captionClass, img) || findByClass(cur, REGEXPS.creditClass, img)) return cur;
  }
  return null;
}

function findByClass(scope: Element, pattern: RegExp, except: Element): Element | null {
  return findAllByClass(scope, pattern, except)[0] ?? null;
}

function findAllByClass(scope: Element, pattern: RegExp, except: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(scope.querySelectorAll('*'))) {
    if (el === except || el.contains(except) || tagName(el) === 'img') continue;
    if (hasClassToken(el, pattern) && textOf(el)) out.push(el);
  }
  return out;
}

/** Why an image is not a story picture, or null when it is one. */
export function rejectReason(img: Element, pageUrl: string): string | null {
  const src = img.getAttribute('src');
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
      hasClassToken(link, REGEXPS.galleryClass) ||
      /lightbox|fancybox|gallery|zoom/i.test(link.getAttribute('rel') ?? '') ||
      link.hasAttribute('data-lightbox') ||
      link.hasAttribute('data-fancybox');
    if (abs && !isImageLink && !href.startsWith('#') && stripHash(abs) !== stripHash(pageUrl))
      return 'teaser-link';
  }
  return null;
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
