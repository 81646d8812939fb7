/**
 * extractStory: the pipeline, one line per step. Works on a clone, never on the page itself.
 */
import { findSiteRule, SITE_RULES } from '../sites';
import type { SiteRule } from '../sites/types';
import { BudgetExceeded, checkBudget, clock as now, withinBudget } from './budget';
import { findAuthors, readSignature } from './byline';
import { removeClutter, removeInlinePromos } from './clean';
import { removeInvisibleText } from './clean/invisible';
import { removeMenus } from './clean/menus';
import { removeTagLists } from './clean/tag-lists';
import { type ContentResult, fromSelectors, recordParagraphs, runReadability } from './content';
import { removeEdgeDateLines } from './date-lines';
import { ancestors, collapse, linkDensity, nestingDepth, textOf } from './dom';
import {
  collectPhotoCandidates,
  creditFromStoryEnd,
  dedupePhotos,
  type PhotoCandidate,
  resolveLazyImages,
} from './gallery';
import { readMetadata } from './metadata';
import { detectPartial } from './partial';
import { canSanitizeWith, defuseClobbering, rememberSanitizedBody, sanitizeToBody } from './sanitize';
import type {
  Diagnostics,
  ExtractionResult,
  ExtractOptions,
  NoStory,
  NoStoryReason,
  Photo,
  RemovalReason,
  Removed,
  Story,
} from './story';
import { blockText, readingMinutes } from './text';
import { applyTransforms } from './transforms';
import { checkBodyLength, recoverGalleryPhotos } from './witness';

export const DEFAULT_MAX_ELEMENTS = 60_000;
/** Fewer characters than a two-sentence police report: what is left of a front page after cleaning. */
const MIN_STORY_CHARACTERS = 140;
export const DEFAULT_TIME_BUDGET_MS = 3000;
/**
 * Browsers' HTML parsers never build deeper trees (Blink and Gecko flatten nesting past 512);
 * deeper documents come from scripts or other DOMs and make tree algorithms quadratic.
 */
export const MAX_NESTING_DEPTH = 512;
/**
 * A book's worth of text (some 150,000 words); the longest news stories are a tenth of it. The
 * time budget covers extraction only, and drawing 10 MB of story takes the reader many seconds.
 */
export const MAX_STORY_CHARACTERS = 1_000_000;

function noStory(reason: NoStoryReason, detail: string): NoStory {
  return { kind: 'no-story', reason, detail };
}

export function extractStory(doc: Document, url: string, options: ExtractOptions = {}): ExtractionResult {
  const started = now();
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  return withinBudget(started, budget, () => runSteps(doc, url, options, started, budget));
}

function runSteps(
  doc: Document,
  url: string,
  options: ExtractOptions,
  started: number,
  budget: number,
): ExtractionResult {
  const timings: Record<string, number> = {};
  let last = started;
  const step = <T>(name: string, run: () => T): T => {
    const value = run();
    const t = now();
    timings[name] = Math.round((t - last) * 10) / 10;
    last = t;
    if (t - started > budget) throw new BudgetExceeded(`over ${budget} ms after step ${name}`);
    return value;
  };
  try {
    if (!doc?.documentElement || !doc.body) return noStory('not-html', 'document has no <html> or <body>');
    // querySelectorAll, not getElementsByTagName('*'): linkedom returns nothing for the latter
    const elementCount = doc.querySelectorAll('*').length;
    const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
    if (elementCount > maxElements)
      return noStory('too-large', `${elementCount} elements, limit ${maxElements}`);
    const depth = nestingDepth(doc.documentElement, MAX_NESTING_DEPTH);
    if (depth > MAX_NESTING_DEPTH)
      return noStory('too-large', `elements nested more than ${MAX_NESTING_DEPTH} levels deep`);
    const win = options.sanitizerWindow ?? doc.defaultView;
    if (!canSanitizeWith(win))
      return noStory(
        'error',
        'no window the sanitizer can use: pass options.sanitizerWindow (jsdom under Node)',
      );

    const clone = step('clone', () => defuseClobbering(doc.cloneNode(true) as Document));
    const rule = options.skip?.siteRules ? null : findSiteRule(url, options.rules ?? SITE_RULES);
    const unmatched: string[] = [];
    const meta = step('metadata', () => readMetadata(clone, url));
    const byline = step('byline', () => findAuthors(clone, meta, url, rule));
    const removals = step('clean', () => (options.skip?.clean ? [] : cleanDocument(clone, rule, unmatched)));
    const unknownTransforms = step('transforms', () => applyTransforms(clone, rule?.transforms ?? []));
    step('lazy-images', () => resolveLazyImages(clone, url));
    const candidates = step('photos', () => collectPhotoCandidates(clone, url));
    const galleries = step('galleries', () => selectAll(clone, rule?.gallery ?? [], unmatched));
    const headline = step('headline', () => headlineAncestors(clone, meta.title.value));
    const paragraphs = step('paragraphs', () => recordParagraphs(clone));
    // before Readability, which takes the headline out of the page
    const lead = step('lead', () => leadParagraph(clone, headline.h1, descriptionsOf(meta)));
    const content = step(
      'content',
      () => findContent(clone, rule, paragraphs, unmatched) ?? readUncleaned(doc),
    );
    if (!content) return noStory('no-content', 'no story text found');
    removals.push(...removeInlinePromos(content.element));
    // the reader's header shows the date: a line repeating it is no part of the story
    removeEdgeDateLines(content.element);
    if (lead && !collapse(content.element.textContent ?? '').includes(textOf(lead).slice(0, 60)))
      content.element.insertBefore(lead, content.element.firstChild);
    const notes: string[] = unknownTransforms.map((name) => `site rule names an unknown transform "${name}"`);
    const photos = step('gallery', () => {
      const found = recoverGalleryPhotos(
        meta,
        storyPhotos(candidates, content, galleries, headline),
        url,
        notes,
      );
      creditFromStoryEnd(content.element, found);
      return found;
    });
    const body = step('sanitize', () => sanitizeToBody(content.element.innerHTML, win));
    const html = body.innerHTML;
    const text = step('text', () => blockText(body));
    if (text.length > MAX_STORY_CHARACTERS)
      return noStory('too-large', `${text.length} characters of story text, limit ${MAX_STORY_CHARACTERS}`);
    const partial = detectPartial(
      meta,
      text,
      removals.some((r) => r.reason === 'paywall-teaser'),
      doc,
    );
    // A section front's leftovers (a heading, a line of links) are no story; a paywalled teaser is,
    // and a picture story may have little text.
    if (collapse(text).length < MIN_STORY_CHARACTERS && !photos.length && !partial)
      return noStory('no-content', 'story text too short');
    const signature = readSignature(content.element);
    const authors = byline.authors.length ? byline.authors : signature.names.map((name) => ({ name }));
    checkBodyLength(meta, text, notes);

    const diagnostics: Diagnostics = {
      siteRule: rule?.id ?? null,
      unmatchedSelectors: unmatched,
      sources: {
        title: meta.title.source,
        byline: byline.authors.length ? byline.source : signature.names.length ? 'dom' : 'none',
        published: meta.published.source,
        images: photos.length ? (galleries.length ? 'rule' : 'dom') : 'none',
        content: content.source,
      },
      notes,
      timings,
    };
    const story: Story = {
      kind: 'story',
      title: meta.title.value || content.readabilityTitle,
      subtitle: meta.subtitle,
      siteName: meta.siteName,
      lang: meta.lang,
      dir: meta.dir,
      url: meta.url,
      published: meta.published.value,
      modified: meta.modified,
      readingMinutes: readingMinutes(text),
      byline: authors,
      outlet: byline.outlet || signature.outlet,
      images: photos,
      html,
      text,
      removed: countRemovals(removals),
      partial,
      diagnostics,
    };
    rememberSanitizedBody(story, body);
    return story;
  } catch (error) {
    if (error instanceof BudgetExceeded) return noStory('timeout', error.message);
    return noStory('error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

function selectAll(doc: Document, selectors: readonly string[], unmatched: string[]): Element[] {
  const found: Element[] = [];
  for (const sel of selectors) {
    let els: Element[] = [];
    try {
      els = Array.from(doc.querySelectorAll(sel));
    } catch {
      // an invalid selector in a rule is a rule bug: report it like a selector that matched nothing
    }
    if (els.length) found.push(...els);
    else unmatched.push(sel);
  }
  return found;
}

function cleanDocument(
  doc: Document,
  rule: SiteRule | null,
  unmatched: string[],
): { reason: RemovalReason }[] {
  const removals: { reason: RemovalReason }[] = [];
  for (const { selector, reason } of rule?.remove ?? []) {
    const els = selectAll(doc, [selector], unmatched);
    for (const el of els) {
      if (el.isConnected === false || !doc.contains(el)) continue;
      el.remove();
      removals.push({ reason });
    }
  }
  removeInvisibleText(doc);
  const lists = removeTagLists(doc) + removeMenus(doc);
  for (let n = lists; n > 0; n--) removals.push({ reason: 'navigation' });
  removals.push(...removeClutter(doc));
  return removals;
}

function countRemovals(removals: { reason: RemovalReason }[]): Removed[] {
  const counts = new Map<RemovalReason, number>();
  for (const { reason } of removals) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return Array.from(counts, ([reason, count]) => ({ reason, count }));
}

function findContent(
  doc: Document,
  rule: SiteRule | null,
  paragraphs: ReturnType<typeof recordParagraphs>,
  unmatched: string[],
): ContentResult | null {
  if (rule?.content?.length) {
    const el = fromSelectors(doc, rule.content);
    if (el)
      return {
        element: el,
        storyRoot: el,
        storyAncestors: ancestors(el),
        source: 'rule',
        readabilityTitle: '',
      };
    unmatched.push(...rule.content);
  }
  return runReadability(doc, paragraphs);
}

/**
 * Readability found nothing after cleaning: a clutter rule may have taken too much, so look again
 * at an untouched copy (its pictures are then only those inside the story it finds).
 */
function readUncleaned(doc: Document): ContentResult | null {
  const fresh = defuseClobbering(doc.cloneNode(true) as Document);
  return runReadability(fresh, recordParagraphs(fresh));
}

/** The headline (the h1 showing the title, else the first h1) and its container chain. */
function headlineAncestors(doc: Document, title: string): Set<Element> & { h1?: Element } {
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  const wanted = collapse(title).toLowerCase();
  const h1 =
    h1s.find((h) => textOf(h).toLowerCase().includes(wanted) && wanted) ??
    h1s.find((h) => !h.closest('header nav, nav, [role="banner"] a')) ??
    null;
  const set: Set<Element> & { h1?: Element } = new Set<Element>();
  if (h1) set.h1 = h1;
  for (let cur: Element | null = h1; cur; cur = cur.parentElement) set.add(cur);
  return set;
}

const LEAD_LOOKAHEAD = 40;

/** The page's own summaries of the story (subtitle, description meta tags), collapsed. */
function descriptionsOf(meta: ReturnType<typeof readMetadata>): string[] {
  const found = [meta.subtitle];
  for (const name of ['og:description', 'description', 'twitter:description'])
    found.push(...(meta.meta.get(name) ?? []));
  return found.map(collapse).filter((d) => d.length >= 40);
}

/**
 * The lead paragraph between headline and story, when Readability left it out (it sits in the
 * header block beside the headline): a copy of the first paragraph-like <p> after the h1,
 * within a few elements, when the page's own description repeats it (a caption, pull quote
 * or promotion there is no standfirst). The caller adds it when the story does not hold it.
 */
function leadParagraph(doc: Document, h1: Element | undefined, descriptions: string[]): Element | null {
  if (!h1 || !descriptions.length || !doc.contains(h1)) return null;
  let node: Element | null = h1;
  for (let seen = 0; node && seen < LEAD_LOOKAHEAD; seen++) {
    node = nextAfterSubtree(node, seen === 0);
    if (!node || node.localName === 'h1' || node.localName === 'h2') return null;
    if (node.localName !== 'p') continue;
    const text = textOf(node);
    if (text.length < 60) continue;
    if (text.length > 700 || linkDensity(node, text.length) > 0.3) return null;
    if (node.closest('figure, figcaption, nav, aside, footer, [role="banner"] nav')) return null;
    const start = text.slice(0, 50);
    if (!descriptions.some((d) => d.startsWith(start) || text.startsWith(d.slice(0, 50)))) return null;
    return node.cloneNode(true) as Element;
  }
  return null;
}

/** The next element in document order: into children unless `skipChildren`, else onwards. */
function nextAfterSubtree(el: Element, skipChildren: boolean): Element | null {
  if (!skipChildren && el.firstElementChild) return el.firstElementChild;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
  }
  return null;
}

const MAX_SCOPE_LEVELS = 8;

/**
 * The story's pictures: those inside the story container, or inside the container it shares with
 * its headline (the lead picture sits between headline and text), or in the rule's galleries.
 */
function storyPhotos(
  candidates: PhotoCandidate[],
  content: ContentResult,
  galleries: Element[],
  headline: Set<Element>,
): Photo[] {
  const root = content.storyRoot;
  let scope: Element | null = root;
  const chain = root ? [root, ...content.storyAncestors] : [];
  const shared = chain.slice(0, MAX_SCOPE_LEVELS).find((el) => headline.has(el));
  // Far up, the headline's container may be the whole page: only take it when what it holds
  // beside the story (Readability has moved the story's own nodes out) is little.
  if (shared) {
    const level = chain.indexOf(shared);
    const besides = level < 4 ? 0 : (shared.textContent ?? '').length;
    if (besides <= Math.max(2000, (content.element.textContent ?? '').length)) scope = shared;
  }
  const opener = scope ? openerBefore(scope) : null;
  const chosen: Photo[] = [];
  for (const c of candidates) {
    checkBudget('story pictures');
    const inRoot = root ? c.ancestors.includes(root) : false;
    const inScope = scope ? c.ancestors.includes(scope) || (!!opener && c.ancestors.includes(opener)) : false;
    const inGallery = galleries.some((g) => c.ancestors.includes(g));
    const inReadability = content.element.contains(c.img);
    if (
      !(
        inRoot ||
        inGallery ||
        inReadability ||
        (inScope && !c.ancestors.some((a) => a.localName === 'aside'))
      )
    )
      continue;
    chosen.push(c.photo);
  }
  return dedupePhotos(chosen);
}

/**
 * The lead picture set just above the block of headline and story ("<figure class=opener>"
 * beside "<div>h1 + text</div>"): the element right before it, when it is a picture with at
 * most a caption.
 */
function openerBefore(scope: Element): Element | null {
  const prev = scope.previousElementSibling;
  if (!prev || (prev.textContent ?? '').length > 400) return null;
  if (prev.localName === 'figure' || prev.localName === 'picture') return prev;
  return prev.getElementsByTagName('img').length === 1 ? prev : null;
}
