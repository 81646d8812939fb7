/**
 * Authors: JSON-LD, meta tags, rel=author, byline elements and author boxes, text patterns
 * ("Autor:", "Von …", "hochgeladen von …") and signatures at the story's end ("Quelle: MDR/ls").
 * Names come out clean; desks, agencies and organisations go to `outlet`, never into a name.
 */

import type { SiteRule } from '../sites/types';
import { checkBudget } from './budget';
import { collapse, hasClassToken, isShallow, tagName, textOf } from './dom';
import { hasType, isObject, list, resolveRef, str } from './jsonld';
import type { PageMetadata } from './metadata';
import { REGEXPS } from './patterns';
import { safeUrl } from './sanitize';
import type { Author, Provenance } from './story';

export interface BylineResult {
  authors: Author[];
  /** Outlet, desk or edition named where no person is (or for all persons). */
  outlet: string;
  source: Provenance;
}

export interface ParsedByline {
  names: string[];
  outlet: string;
  role: string;
}

const DATE_TAIL =
  /\s*(?:[|,•·–—-]\s*|\s+(?:am|on)\s+)?(?:\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜa-zäöü]+)\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d).*$/i;

/** Cleans one byline text into person names, the outlet ("aus Wochenblatt X") and a role. */
export function parseBylineText(raw: string): ParsedByline {
  let text = collapse(raw).replace(/^[\s|•·,:–—-]+|[\s|•·,:–—-]+$/g, '');
  let role = '';
  for (let i = 0; i < 3; i++) {
    const prefix = REGEXPS.bylinePrefix.exec(text);
    if (!prefix) break;
    const roleMatch = REGEXPS.bylineRole.exec(prefix[0].trim());
    if (roleMatch && !role) role = normaliseRole(roleMatch[1] ?? '');
    text = text.slice(prefix[0].length).trim();
  }
  text = text.replace(/^(?:autor(?:in)?|von|by)\s*:?\s*$/i, '');
  text = text
    .replace(DATE_TAIL, '')
    .replace(/\s*\|.*$/, '')
    .replace(/\s*\((?:[^)]*)\)\s*$/, '')
    .trim();
  let outlet = '';
  const outletMatch = REGEXPS.outletSuffix.exec(text);
  if (outletMatch?.[1] && /^[\p{Lu}\d]/u.test(outletMatch[1])) {
    outlet = outletMatch[1].replace(/[.,;]+$/, '').trim();
    text = text.slice(0, outletMatch.index).trim();
  }
  const names = text
    .split(/\s*(?:,|;|\bund\b|\band\b|&|\/|\s[|•·]\s)\s*/i)
    .map((n) => n.replace(/^[\s.:–—-]+|[\s.:,–—-]+$/g, ''))
    .filter((n) => isPersonName(n));
  return { names, outlet, role };
}

function normaliseRole(role: string): string {
  const r = role.toLowerCase();
  if (r.startsWith('hochgeladen')) return 'Fotos';
  if (r.startsWith('foto')) return 'Fotos';
  if (r.startsWith('text')) return r.includes('foto') ? 'Text und Fotos' : 'Text';
  return role;
}

/** A personal name: 2–4 capitalised words, no dates, desks, agencies or punctuation of a sentence. */
export function isPersonName(name: string): boolean {
  const n = collapse(name);
  if (n.length < 4 || n.length > 50) return false;
  if (REGEXPS.agency.test(n) || REGEXPS.notAName.test(n)) return false;
  if (!REGEXPS.personName.test(n)) return false;
  // All-caps words are desks and brands ("N-LAND", "MDR THÜRINGEN"), not people.
  return !n.split(/\s+/).every((w) => w.length > 2 && /\p{Lu}/u.test(w) && w === w.toUpperCase());
}

const SIGNATURE = /^(?:quelle|red\.?|redaktion|text)\s*[:,]\s*(.+)$/i;
const DESK =
  /^(?:(?:lokal|online-?|nachrichten)?redaktion\s+(.+)|(.+?)\s*[-–]?\s*(?:(?:lokal|online-?|nachrichten)?redaktion|newsdesk|online))$/i;
/** Words that name a publication, a broadcaster or a desk rather than a person. */
const OUTLET_WORD =
  /(?:presse|zeitung|nachrichten|anzeiger|kurier|rundschau|blatt|post|bote|echo|stimme|journal|express|news|radio|rundfunk|fernsehen|verlag|magazin|reporter|tagblatt|volksblatt|allgemeine|kreisblatt|tageblatt|report)\b/i;
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:de|at|ch|com|net|org|info|eu|li|lu|it)$/iu;

/**
 * The outlet a byline or signature names where it names no person: a signature ("Quelle: MDR
 * THÜRINGEN/ls", "red, wien.ORF.at/Agenturen"), a desk ("N-Land Redaktion") or the publication
 * itself ("Hildesheimer Presse", "hessenschau.de"). Empty when the text does not look like one.
 */
export function outletOf(raw: string): string {
  return readOutlet(raw).outlet;
}

/** `marked`: named as a signature or desk, not only guessed from how the words look. */
function readOutlet(raw: string): { outlet: string; marked: boolean } {
  const none = { outlet: '', marked: false };
  let text = collapse(raw).replace(/^[\s|•·,:–—-]+|[\s|•·,:–—-]+$/g, '');
  let marked = false;
  const signature = SIGNATURE.exec(text);
  if (signature?.[1]) {
    marked = true;
    const parts = signature[1]
      .split(/\s*[/,;]\s*/)
      .filter((p) => p.length > 2 && !REGEXPS.agency.test(p) && !/^agenturen$/i.test(p));
    text = parts[0] ?? '';
  }
  const desk = DESK.exec(text);
  if (desk) {
    marked = true;
    text = (desk[1] ?? desk[2] ?? '').trim();
  }
  if (text.length < 2 || text.length > 40 || REGEXPS.agency.test(text)) return none;
  if (/[!?…"„“]|\d{1,2}\.\s?\d{1,2}\.|\b\d{4}\b/.test(text) || text.split(/\s+/).length > 4) return none;
  if (!marked && isPersonName(text)) return none;
  const allCaps = /\p{Lu}{2}/u.test(text) && text === text.toUpperCase();
  if (marked || DOMAIN.test(text) || allCaps || OUTLET_WORD.test(text)) return { outlet: text, marked };
  return none;
}

interface Candidate extends Author {
  rank: number;
  source: Provenance;
}

const key = (name: string) => collapse(name).toLowerCase();

function fromJsonLd(meta: PageMetadata, pageUrl: string, outlets: string[]): Candidate[] {
  if (!meta.article) return [];
  const found: Candidate[] = [];
  for (const rawAuthor of list(meta.article.author ?? meta.article.creator)) {
    const author = resolveRef(rawAuthor, meta.jsonLd);
    if (typeof author === 'string') {
      for (const name of parseBylineText(author).names) found.push({ name, rank: 1, source: 'json-ld' });
      if (!isPersonName(author) && author.length < 60) outlets.push(author);
      continue;
    }
    if (!isObject(author)) continue;
    const name = str(author.name);
    if (!name) continue;
    const isOrg = hasType(author, /Organization|NewsMediaOrganization|Corporation/);
    const parsed = parseBylineText(name);
    if (isOrg || !parsed.names.length) {
      if (name.length < 60) outlets.push(name);
      continue;
    }
    for (const personName of parsed.names) {
      found.push({
        name: personName,
        url: safeUrl(str(author.url) || str(list(author.sameAs)[0]), pageUrl) ?? undefined,
        avatar: safeUrl(imageUrl(author.image), pageUrl) ?? undefined,
        rank: 1,
        source: 'json-ld',
      });
    }
  }
  return found;
}

function imageUrl(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (isObject(value)) return str(value.url) || str(value.contentUrl);
  return '';
}

function fromMeta(meta: PageMetadata): Candidate[] {
  const found: Candidate[] = [];
  for (const value of [
    ...(meta.meta.get('author') ?? []),
    ...(meta.meta.get('article:author') ?? []),
    ...(meta.meta.get('dc.creator') ?? []),
  ]) {
    if (/^https?:/i.test(value)) continue;
    for (const name of parseBylineText(value).names) found.push({ name, rank: 3, source: 'meta' });
  }
  return found;
}

const BYLINE_SELECTOR =
  '[rel~="author"], [itemprop~="author"], [class*="author"], [class*="Author"], [class*="byline"], [class*="Byline"], [class*="autor"], [class*="Autor"], [class*="writer"], [id*="author"], address';

/** Byline elements and author boxes (a box: a name, maybe an avatar, a profile link, an outlet). */
function fromDomBylines(
  doc: Document,
  pageUrl: string,
  outlets: string[],
  guessedOutlets: string[],
  boxSelectors: readonly string[] = [],
): Candidate[] {
  const found: Candidate[] = [];
  const elements = new Set<Element>();
  for (const sel of boxSelectors) for (const el of safeQueryAll(doc, sel)) elements.add(el);
  const ruled = new Set(elements);
  for (const el of safeQueryAll(doc, BYLINE_SELECTOR)) elements.add(el);
  const done = new Set<Element>();
  for (const el of elements) {
    checkBudget('byline');
    if (
      !ruled.has(el) &&
      tagName(el) !== 'a' &&
      !el.hasAttribute('itemprop') &&
      tagName(el) !== 'address' &&
      !hasClassToken(el, REGEXPS.bylineClass) &&
      !hasClassToken(el, REGEXPS.authorBoxClass)
    )
      continue;
    if (isInside(el, done)) continue;
    if (el.closest('script, style, noscript, template, [class*="comment"]')) continue;
    const text = bylineTextOf(el);
    if (!text || text.length > 200) continue;
    const parsed = parseBylineText(text);
    if (!parsed.names.length) {
      if (parsed.outlet) outlets.push(parsed.outlet);
      // a box around smaller bylines ("N-Land" label + "N-Land Redaktion"): the inner ones say it
      else if (!el.querySelector(BYLINE_SELECTOR)) {
        const { outlet, marked } = readOutlet(text);
        if (outlet) (marked ? outlets : guessedOutlets).push(outlet);
      }
      continue;
    }
    done.add(el);
    const box = authorBoxOf(el);
    for (const name of parsed.names) {
      found.push({
        name,
        outlet: parsed.outlet || undefined,
        role: parsed.role || undefined,
        url: profileLink(box ?? el, name, pageUrl),
        avatar: avatarOf(box ?? el, pageUrl),
        rank: ruled.has(el) ? 0 : 2,
        source: ruled.has(el) ? 'rule' : 'dom',
      });
    }
  }
  return found;
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function isInside(el: Element, set: Set<Element>): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (set.has(cur)) return true;
  for (const other of set) if (el.contains(other)) return true;
  return false;
}

/** Text of a byline element without follow buttons, counters and screen-reader junk. */
function bylineTextOf(el: Element): string {
  const meta = el.querySelector('meta[itemprop="name"]');
  if (meta?.getAttribute('content') && !textOf(el)) return meta.getAttribute('content') ?? '';
  const text = textOf(el);
  // "Autor: Stephanie Walter aus Wochenblatt Kaiserslautern following Sie möchten diesem Profil folgen?"
  return text.replace(/\s+(?:following|folgen|follow|sie möchten diesem profil folgen\?).*$/i, '');
}

function authorBoxOf(el: Element): Element | null {
  let cur: Element | null = el;
  for (let i = 0; cur && i < 4; i++, cur = cur.parentElement) {
    if (hasClassToken(cur, REGEXPS.authorBoxClass) || hasClassToken(cur, REGEXPS.bylineClass)) {
      if (textOf(cur).length < 600) return cur;
    }
  }
  return null;
}

function profileLink(scope: Element, name: string, pageUrl: string): string | undefined {
  const links = tagName(scope) === 'a' ? [scope] : Array.from(scope.getElementsByTagName('a'));
  const wanted = key(name);
  for (const a of links) {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#') || /^(?:mailto|tel|javascript):/i.test(href)) continue;
    if (
      a.getAttribute('rel')?.includes('author') ||
      key(textOf(a)).includes(wanted) ||
      /(?:autor|author|profil|profile|user|redakt)/i.test(href)
    ) {
      return safeUrl(href, pageUrl) ?? undefined;
    }
  }
  return undefined;
}

function avatarOf(scope: Element, pageUrl: string): string | undefined {
  const img = tagName(scope) === 'img' ? scope : scope.querySelector('img');
  if (!img) return undefined;
  const src = img.getAttribute('data-src') || img.getAttribute('data-lazy-src') || img.getAttribute('src');
  if (!src || src.startsWith('data:')) return undefined;
  return safeUrl(src, pageUrl) ?? undefined;
}

const TEXT_PATTERN_TAGS =
  'p, span, div, li, address, small, strong, em, b, dd, dt, figcaption, h4, h5, h6, time';
const TEXT_PREFIX =
  /^(?:autor(?:in)?|author|von|by|text|fotos?|text und fotos?|hochgeladen von|geschrieben von|ein beitrag von|redaktion|quelle\s*:|red\.?\s*,)/i;
/** A desk signature: "Quelle: MDR THÜRINGEN/ls", "red, wien.ORF.at/Agenturen" (initials or agencies after a slash). */
const SIGNATURE_LINE = /^(?:quelle\s*:|red\.?\s*,)\s*[^/]{2,40}\/\s*\S+$/i;
const NOT_A_SIGNATURE =
  'figure, figcaption, [class*="caption"], [class*="credit"], [class*="copyright"], table';

/** "Autor: …", "Von …", "hochgeladen von …" anywhere in short elements. */
function fromTextPatterns(doc: Document, outlets: string[]): Candidate[] {
  const found: Candidate[] = [];
  for (const el of safeQueryAll(doc.body ?? doc, TEXT_PATTERN_TAGS)) {
    checkBudget('byline');
    if (!isShallow(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const text = collapse(raw);
    if (text.length > 120 || !TEXT_PREFIX.test(text)) continue;
    if (el.closest('script, style, noscript, template, nav, footer, [class*="comment"]')) continue;
    // "Autor:" alone, the name in the next element ("Autor:\n Stephanie Walter aus …")
    const full =
      /^(?:autor(?:in)?|author|von|by|text|fotos?)\s*:?$/i.test(text) && el.nextElementSibling
        ? `${text} ${textOf(el.nextElementSibling)}`
        : text;
    if (SIGNATURE_LINE.test(text)) {
      const outlet = el.closest(NOT_A_SIGNATURE) ? '' : outletOf(text);
      if (outlet) outlets.push(outlet);
      continue;
    }
    const parsed = parseBylineText(full);
    if (!parsed.names.length) continue;
    if (parsed.outlet) outlets.push(parsed.outlet);
    for (const name of parsed.names)
      found.push({
        name,
        outlet: parsed.outlet || undefined,
        role: parsed.role || undefined,
        rank: 4,
        source: 'dom',
      });
  }
  return found;
}

/** The ending signature of a story ("Quelle: MDR THÜRINGEN/ls", "red, wien.ORF.at/Agenturen", "Von Cosima Künzel"). */
export function readSignature(story: Element): { names: string[]; outlet: string } {
  const blocks = Array.from(story.querySelectorAll('p, div, span, em, i, small, address'))
    .filter((el) => el.childElementCount <= 2)
    .slice(-6)
    .reverse();
  for (const block of blocks) {
    const text = textOf(block);
    if (!text || text.length > 80) continue;
    const source = /^(?:quelle|text|red\.?|redaktion)\s*[:,]?\s*(.+)$/i.exec(text);
    if (source?.[1]) {
      const parts = source[1]
        .split(/\s*[/,]\s*/)
        .filter((p) => p.length > 2 && !REGEXPS.agency.test(p) && !/^agenturen$/i.test(p));
      const parsed = parseBylineText(source[1]);
      if (parsed.names.length) return { names: parsed.names, outlet: '' };
      if (parts[0]) return { names: [], outlet: parts[0] };
    }
    if (/^(?:von|text:|autor(?:in)?:)\s/i.test(text)) {
      const parsed = parseBylineText(text);
      if (parsed.names.length) return { names: parsed.names, outlet: parsed.outlet };
    }
  }
  return { names: [], outlet: '' };
}

/** Authors from every source, best source first, details merged across sources by name. */
export function findAuthors(
  doc: Document,
  meta: PageMetadata,
  pageUrl: string,
  rule?: SiteRule | null,
): BylineResult {
  const outlets: string[] = [];
  /** Publication names a byline shows in place of a person, trusted less than a signature. */
  const guessedOutlets: string[] = [];
  const boxes = rule?.author?.box ?? [];
  const domBylines = fromDomBylines(doc, pageUrl, outlets, guessedOutlets, boxes);
  const sources: Candidate[][] = [
    domBylines.filter((c) => c.rank === 0),
    fromJsonLd(meta, pageUrl, outlets),
    domBylines.filter((c) => c.rank === 2),
    fromMeta(meta),
    fromTextPatterns(doc, outlets),
  ];
  const all = sources.flat();
  const primary = sources.find((s) => s.length) ?? [];
  const authors: Author[] = [];
  const seen = new Map<string, Author>();
  for (const c of primary) {
    const k = key(c.name);
    if (seen.has(k)) continue;
    const merged: Author = { name: c.name, role: c.role };
    for (const other of all) {
      if (key(other.name) !== k) continue;
      merged.outlet ??= other.outlet;
      merged.url ??= other.url;
      merged.avatar ??= other.avatar;
    }
    for (const field of ['outlet', 'url', 'avatar', 'role'] as const)
      if (merged[field] === undefined) delete merged[field];
    seen.set(k, merged);
    authors.push(merged);
  }
  const outlet =
    authors.find((a) => a.outlet)?.outlet ??
    outlets.find((o) => o.length > 1) ??
    guessedOutlets.find((o) => o.length > 1) ??
    '';
  return { authors, outlet, source: primary[0]?.source ?? 'none' };
}
