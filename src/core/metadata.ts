/** Page metadata (JSON-LD, Open Graph, meta tags, the visible headline) → title, dates, site name… */

import { collapse, textOf } from './dom';
import { findArticle, isObject, type JsonObject, readJsonLd, resolveRef, str } from './jsonld';
import { safeUrl } from './sanitize';
import type { Provenance } from './story';

export interface Sourced<T> {
  value: T;
  source: Provenance;
}

export interface PageMetadata {
  title: Sourced<string>;
  subtitle: string;
  siteName: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  url: string;
  published: Sourced<string | null>;
  modified: string | null;
  /** Every meta tag, name/property lower-cased → all contents in page order. */
  meta: Map<string, string[]>;
  jsonLd: JsonObject[];
  article: JsonObject | null;
}

const RTL_LANGS = /^(?:ar|he|fa|ur|ps|sd|ug|yi|dv|ku-arab)(?:-|$)/i;

export function readMeta(doc: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const key = (el.getAttribute('property') || el.getAttribute('name') || el.getAttribute('itemprop') || '')
      .toLowerCase()
      .trim();
    const content = el.getAttribute('content');
    if (!key || content === null) continue;
    const value = collapse(content);
    if (!value) continue;
    const list = meta.get(key);
    if (list) list.push(value);
    else meta.set(key, [value]);
  }
  return meta;
}

export function first(meta: Map<string, string[]>, ...keys: string[]): string {
  for (const key of keys) {
    const v = meta.get(key)?.[0];
    if (v) return v;
  }
  return '';
}

export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const meta = readMeta(doc);
  const jsonLd = readJsonLd(doc);
  const article = findArticle(jsonLd);
  const publisher = article ? resolveRef(article.publisher, jsonLd) : null;
  const website = jsonLd.find((n) => n['@type'] === 'WebSite');
  const host = hostOf(pageUrl);
  const siteName =
    first(meta, 'og:site_name', 'application-name', 'apple-mobile-web-app-title') ||
    (isObject(publisher) ? str(publisher.name) : '') ||
    (website ? str(website.name) : '') ||
    host;

  const title = chooseTitle(doc, meta, article, siteName);
  const htmlEl = doc.documentElement;
  const lang =
    (
      htmlEl?.getAttribute('lang') ||
      first(meta, 'og:locale', 'language', 'content-language', 'dc.language') ||
      (article ? str(article.inLanguage) : '')
    )
      .replace(/_/g, '-')
      .split(/[\s,]/)[0] ?? '';
  const dirAttr = (htmlEl?.getAttribute('dir') || doc.body?.getAttribute('dir') || '').toLowerCase();
  const dir = dirAttr === 'rtl' || (!dirAttr && RTL_LANGS.test(lang)) ? 'rtl' : 'ltr';

  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url =
    safeUrl(canonicalHref, pageUrl) || safeUrl(first(meta, 'og:url'), pageUrl) || safeUrl(pageUrl) || pageUrl;

  const published = choosePublished(doc, meta, article);
  const modified = toIsoDate(
    (article ? str(article.dateModified) : '') ||
      first(meta, 'article:modified_time', 'og:updated_time', 'last-modified', 'dcterms.modified'),
  );
  const subtitle = chooseSubtitle(meta, article, title.value);
  return { title, subtitle, siteName, lang, dir, url, published, modified, meta, jsonLd, article };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const SEPARATORS = /\s+[|–—·:»/\\-]\s+|\s+[|]\s*|\s*[|]\s+/;

/** Drops a site-name part (" | Wochenblatt", "ORF: …") from a title. */
export function stripSiteName(title: string, siteName: string, aggressive = false): string {
  const t = collapse(title);
  const parts = t.split(SEPARATORS);
  if (parts.length < 2) return t;
  const site = siteName.toLowerCase().replace(/^www\./, '');
  const siteLike = (s: string) => {
    const p = s.toLowerCase().trim();
    if (!p || !site) return false;
    const compact = (x: string) => x.replace(/[^\p{L}\p{N}]/gu, '');
    return (
      p === site ||
      compact(p) === compact(site) ||
      p.includes(site) ||
      site.includes(p) ||
      (compact(site).includes(compact(p)) && compact(p).length > 3)
    );
  };
  const seps = t.match(new RegExp(SEPARATORS.source, 'g')) ?? [];
  const firstPart = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const lastSep = seps[seps.length - 1] ?? '';
  if (siteLike(last)) return t.slice(0, t.length - last.length - lastSep.length).trim();
  if (siteLike(firstPart)) return t.slice(firstPart.length + (seps[0] ?? '').length).trim();
  if (aggressive) {
    const rest = t.slice(0, t.length - last.length - lastSep.length).trim();
    if (last.split(/\s+/).length <= 4 && rest.split(/\s+/).length >= 3) return rest;
  }
  return t;
}

const norm = (s: string) =>
  collapse(s)
    .toLowerCase()
    .replace(/[„“”"'‘’«»‹›]/g, '');

function chooseTitle(
  doc: Document,
  meta: Map<string, string[]>,
  article: JsonObject | null,
  siteName: string,
): Sourced<string> {
  const og = stripSiteName(first(meta, 'og:title', 'twitter:title'), siteName, true);
  const headline = article ? stripSiteName(str(article.headline) || str(article.name), siteName, true) : '';
  const docTitle = stripSiteName(textOf(doc.querySelector('title')), siteName, true);
  const h1s = Array.from(doc.getElementsByTagName('h1'))
    .map((h) => textOf(h))
    .filter((t) => t.length > 3 && t.length < 300);
  const known = [headline, og, docTitle].filter(Boolean);
  // The visible headline wins when the page's metadata agrees with it (it is what the reader saw).
  for (const h1 of h1s) {
    const n = norm(h1);
    if (known.some((k) => norm(k) === n)) return { value: h1, source: 'dom' };
  }
  if (headline) return { value: headline, source: 'json-ld' };
  if (og) return { value: og, source: 'meta' };
  // A kicker inside the h1 ("Kaiserslautern: Mit Vollgas …") is part of the shown headline.
  for (const h1 of h1s) {
    const n = norm(h1);
    if (known.some((k) => n.endsWith(norm(k)) || norm(k).startsWith(n))) return { value: h1, source: 'dom' };
  }
  if (h1s.length === 1 && h1s[0]) return { value: h1s[0], source: 'dom' };
  return { value: docTitle || h1s[0] || '', source: docTitle ? 'meta' : h1s[0] ? 'dom' : 'none' };
}

function chooseSubtitle(meta: Map<string, string[]>, article: JsonObject | null, title: string): string {
  const candidates = [
    article ? str(article.alternativeHeadline) : '',
    article ? str(article.description) : '',
    first(meta, 'og:description', 'description', 'twitter:description'),
  ];
  for (const c of candidates) {
    const text = collapse(c);
    if (text && norm(text) !== norm(title)) return text;
  }
  return '';
}

function choosePublished(
  doc: Document,
  meta: Map<string, string[]>,
  article: JsonObject | null,
): Sourced<string | null> {
  const fromLd = article ? toIsoDate(str(article.datePublished) || str(article.dateCreated)) : null;
  if (fromLd) return { value: fromLd, source: 'json-ld' };
  const fromMeta = toIsoDate(
    first(
      meta,
      'article:published_time',
      'og:article:published_time',
      'datepublished',
      'date',
      'pubdate',
      'publishdate',
      'dc.date',
      'dc.date.issued',
      'dcterms.date',
      'dcterms.created',
      'sailthru.date',
      'parsely-pub-date',
      'publish-date',
    ),
  );
  if (fromMeta) return { value: fromMeta, source: 'meta' };
  const time = doc.querySelector('article time[datetime], time[pubdate], time[datetime]');
  const fromDom = toIsoDate(time?.getAttribute('datetime') ?? '');
  if (fromDom) return { value: fromDom, source: 'dom' };
  return { value: null, source: 'none' };
}

/** ISO 8601 for the date formats pages use; null for anything unparseable. */
export function toIsoDate(raw: string): string | null {
  const s = collapse(raw);
  if (!s) return null;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      s,
    );
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    if (!h) return `${y}-${mo}-${d}`;
    const z = zone ? (zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${z}`;
  }
  const german = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?/.exec(s);
  if (german) {
    const [, d = '', mo = '', y, h, mi] = german;
    const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return h ? `${date}T${h.padStart(2, '0')}:${mi}:00` : date;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return new Date(t).toISOString();
}
