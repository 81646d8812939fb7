/**
 * Removes clutter from a (cloned) document in one walk: every family is tested on each element,
 * a matched container is removed whole and its subtree not visited again.
 *
 * The worst bug here is removing a container that holds the story, so every removal is guarded:
 * never an ancestor of the headline, never a container with story-like paragraphs (long,
 * unlinked, not a teaser excerpt ending in "…"), never more text than the family allows.
 */
import {
  classAndId,
  collapse,
  isElement,
  isShallow,
  linkDensity,
  tagName,
  textOf,
  walkElements,
} from '../dom';
import { REGEXPS } from '../patterns';
import type { RemovalReason } from '../story';
import { commentsRule } from './comments';
import { cookieRule } from './cookie';
import { navigationRule } from './navigation';
import { appPromoRule, newsletterRule } from './newsletter';
import { paywallTeaserRule } from './paywall';
import { followBoxRule, loginPromptRule } from './prompts';
import { prospectsRule } from './prospects';
import type { ClutterRule } from './rule';
import { socialRule } from './social';
import { disclosureRule, sponsoredRule } from './sponsored';
import { relatedTeasersRule } from './teasers';

export type { ClutterRule } from './rule';

/** Order matters only for naming: the first family that matches an element names its removal. */
export const CLUTTER_RULES: readonly ClutterRule[] = [
  cookieRule,
  sponsoredRule,
  disclosureRule,
  prospectsRule,
  followBoxRule,
  loginPromptRule,
  newsletterRule,
  appPromoRule,
  paywallTeaserRule,
  relatedTeasersRule,
  commentsRule,
  socialRule,
  navigationRule,
];

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'math',
  'iframe',
  'img',
  'picture',
  'video',
  'source',
  'br',
  'hr',
]);
const NEVER_REMOVE = new Set(['html', 'body', 'main', 'h1', 'figure', 'figcaption']);
const STORY_PARAGRAPH_CHARS = 150;

export interface Removal {
  element: Element;
  reason: RemovalReason;
  rule: string;
}

/** Elements that carry story-like paragraphs are never removed as clutter. */
export function hasStoryParagraphs(el: Element, needed = 2): boolean {
  let found = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
    const text = textOf(p);
    if (text.length < STORY_PARAGRAPH_CHARS || REGEXPS.ellipsisEnd.test(text)) continue;
    let linkText = 0;
    for (const a of Array.from(p.getElementsByTagName('a'))) linkText += textOf(a).length;
    if (text.length - linkText >= STORY_PARAGRAPH_CHARS && ++found >= needed) return true;
  }
  return false;
}

interface Context {
  protectedElements: Set<Element>;
  maxLabel: number;
  /** Matches whatever any family's class pattern matches (and maybe more): one test, not twelve. */
  anyClass: RegExp | null;
  /** The same for the label patterns. */
  anyLabel: RegExp | null;
}

const prefilters = new WeakMap<readonly ClutterRule[], Pick<Context, 'anyClass' | 'anyLabel'>>();

/**
 * Most elements match no family, so the walk first asks one union pattern per element. It is
 * case-insensitive, hence a superset of every pattern; a match is then checked family by family.
 */
function prefiltersFor(rules: readonly ClutterRule[]): Pick<Context, 'anyClass' | 'anyLabel'> {
  let cached = prefilters.get(rules);
  if (!cached) {
    const union = (patterns: RegExp[]) =>
      patterns.length ? new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'i') : null;
    cached = {
      anyClass: union(rules.flatMap((r) => (r.classPattern ? [r.classPattern] : []))),
      anyLabel: union(rules.flatMap((r) => r.labelPatterns ?? [])),
    };
    prefilters.set(rules, cached);
  }
  return cached;
}

function isProtected(el: Element, ctx: Context): boolean {
  return ctx.protectedElements.has(el) || NEVER_REMOVE.has(tagName(el));
}

/** `names`: the element's classAndId, read once for all families (every element is asked). */
function matchByClass(el: Element, rule: ClutterRule, names: readonly string[]): boolean {
  const pattern = rule.classPattern;
  // every element meets every family here: test before collecting anything
  if (!pattern || !names.some((name) => pattern.test(name))) return false;
  const notPattern = rule.notClassPattern;
  if (notPattern && names.some((name) => notPattern.test(name))) return false;
  const onlyModifiers = names.every((name) => !pattern.test(name) || isModifierMatch(name, pattern));
  if (onlyModifiers && hasProse(el)) return false;
  const length = textOf(el).length;
  if (length > rule.maxClassText && !(rule.allowLinkDense && linkDensity(el, length) > 0.5)) return false;
  return rule.ignoreStoryGuard || !hasStoryParagraphs(el);
}

/**
 * "TestReport__Section--Ads": a BEM modifier names a variant of a block (a story section that
 * has an ad slot inside), not a block that is an ad. Only the block's own name says what it is.
 */
function isModifierMatch(name: string, pattern: RegExp): boolean {
  const cut = name.indexOf('--');
  return cut > 0 && !pattern.test(name.slice(0, cut));
}

const PROSE_CHARS = 80;

/** Holds at least one paragraph of prose (ad slots hold scripts and pictures, not sentences). */
function hasProse(el: Element): boolean {
  for (const p of Array.from(el.getElementsByTagName('p'))) if (textOf(p).length >= PROSE_CHARS) return true;
  return false;
}

function climbFromLabel(label: Element, rule: ClutterRule, ctx: Context): Element[] {
  let current = label;
  for (let level = 0; level < 8; level++) {
    const parent = current.parentElement;
    if (!parent || isProtected(parent, ctx)) break;
    if (rule.labelStartsSection && (parent.firstElementChild !== current || level >= 4)) break;
    const length = textOf(parent).length;
    if (length > rule.maxContainerText) break;
    if (rule.minContainerLinkDensity && linkDensity(parent, length) < rule.minContainerLinkDensity) break;
    if (!rule.ignoreStoryGuard && hasStoryParagraphs(parent)) break;
    current = parent;
  }
  const result = [current];
  // A section heading sitting directly in the story ("Lesen Sie auch:" + a list of links):
  // its section is the link list that follows it.
  if (rule.labelStartsSection && current === label) {
    const next = label.nextElementSibling;
    if (next && !isProtected(next, ctx)) {
      const length = textOf(next).length;
      if (length > 0 && length <= Math.min(rule.maxContainerText, 3000) && linkDensity(next, length) >= 0.5)
        result.push(next);
    }
  }
  return result;
}

function matchByLabel(el: Element, rule: ClutterRule, text: string, ctx: Context): Element[] | null {
  if (!rule.labelPatterns || text.length > (rule.maxLabelText ?? 80)) return null;
  if (!rule.labelPatterns.some((p) => p.test(text))) return null;
  if (rule.labelStartsSection && !/^h[1-6]$/.test(tagName(el)) && !looksLikeHeading(el)) return null;
  return climbFromLabel(el, rule, ctx);
}

function looksLikeHeading(el: Element): boolean {
  return (
    classAndId(el).some((c) =>
      /(?:^|[-_])(?:title|heading|headline|header|hdr|label|kicker)(?:[-_]|$)/.test(c),
    ) || /^(?:strong|b|header|legend|summary)$/.test(tagName(el))
  );
}

/** Ancestors of every h1: the headline's containers are never clutter. */
function headlineAncestors(doc: Document): Set<Element> {
  const set = new Set<Element>();
  for (const h1 of Array.from(doc.getElementsByTagName('h1'))) {
    let cur: Element | null = h1;
    while (cur) {
      set.add(cur);
      cur = cur.parentElement;
    }
  }
  return set;
}

/** Finds clutter under the body; returns outermost removals only (a box inside a removed box is not counted). */
export function findClutter(doc: Document, rules: readonly ClutterRule[] = CLUTTER_RULES): Removal[] {
  const body = doc.body;
  if (!body) return [];
  const ctx: Context = {
    protectedElements: headlineAncestors(doc),
    maxLabel: Math.max(...rules.map((r) => r.maxLabelText ?? 80)),
    ...prefiltersFor(rules),
  };
  const found: Removal[] = [];
  const chosen = new Set<Element>();
  walkElements(body, (el) => {
    if (el === body) return true;
    const tag = tagName(el);
    if (SKIP.has(tag)) return false;
    if (tag === 'figcaption') {
      const ad = sponsoredFigure(el);
      if (ad && !chosen.has(ad)) {
        chosen.add(ad);
        found.push({ element: ad, reason: 'sponsored', rule: 'sponsored' });
      }
      return !ad;
    }
    if (isProtected(el, ctx)) return true;
    const names = classAndId(el);
    const anyClass = ctx.anyClass;
    const classMatches = anyClass !== null && names.some((name) => anyClass.test(name));
    for (const rule of classMatches ? rules : []) {
      if (matchByClass(el, rule, names)) {
        found.push({ element: el, reason: rule.reason, rule: rule.name });
        chosen.add(el);
        return false;
      }
    }
    if (isShallow(el)) {
      const raw = el.textContent ?? '';
      if (raw.length <= ctx.maxLabel * 3) {
        const text = collapse(raw);
        if (text && text.length <= ctx.maxLabel && ctx.anyLabel?.test(text)) {
          for (const rule of rules) {
            const containers = matchByLabel(el, rule, text, ctx);
            if (!containers) continue;
            for (const element of containers) {
              if (chosen.has(element)) continue;
              chosen.add(element);
              found.push({ element, reason: rule.reason, rule: rule.name });
            }
            return false;
          }
        }
      }
    }
    return true;
  });
  return outermost(found, chosen);
}

/** A picture captioned "Anzeige" is an ad: its figure (and figures wrapping only it). */
function sponsoredFigure(caption: Element): Element | null {
  const raw = caption.textContent ?? '';
  if (raw.length > 60 || !REGEXPS.sponsoredLabel.test(collapse(raw))) return null;
  let figure = caption.parentElement;
  if (!figure || tagName(figure) !== 'figure') return null;
  while (
    figure.parentElement &&
    tagName(figure.parentElement) === 'figure' &&
    figure.parentElement.childElementCount === 1
  )
    figure = figure.parentElement;
  return figure;
}

/**
 * A share bar ending the story marks where the page's footer begins: what follows it in the
 * same container (a promotion, a push prompt, "Alle Angaben ohne Gewähr!") goes with it, when
 * the story stands before it and nothing after it reads like story text.
 */
function tailAfterStory(bar: Element): Node[] {
  const parent = bar.parentElement;
  if (!parent) return [];
  let story = 0;
  for (let sib = bar.previousElementSibling; sib && story < 2; sib = sib.previousElementSibling) {
    if (tagName(sib) === 'p' ? textOf(sib).length >= STORY_PARAGRAPH_CHARS : hasStoryParagraphs(sib, 1))
      story++;
  }
  if (story < 2) return [];
  const tail: Node[] = [];
  let plainText = 0;
  for (let node = bar.nextSibling; node; node = node.nextSibling) {
    if (isElement(node)) {
      if (
        NEVER_REMOVE.has(tagName(node)) ||
        node.getElementsByTagName('h1').length ||
        hasStoryParagraphs(node, 1)
      )
        return [];
      if (tagName(node) === 'p' && textOf(node).length >= STORY_PARAGRAPH_CHARS) return [];
      const length = textOf(node).length;
      plainText += length - linkDensity(node, length) * length;
    } else plainText += collapse(node.textContent ?? '').length;
    if (plainText > 600) return [];
    tail.push(node);
  }
  return tail;
}

function outermost(found: Removal[], chosen: Set<Element>): Removal[] {
  return found.filter(({ element }) => {
    let cur = element.parentElement;
    while (cur) {
      if (chosen.has(cur)) return false;
      cur = cur.parentElement;
    }
    return true;
  });
}

/** Removes the clutter and counts removals per reason. */
export function removeClutter(doc: Document, rules: readonly ClutterRule[] = CLUTTER_RULES): Removal[] {
  const removals = findClutter(doc, rules);
  // found before anything is removed: the tail is judged against the story still in place
  const tails = removals.filter((r) => r.reason === 'social').flatMap((r) => tailAfterStory(r.element));
  for (const { element } of removals) if (isElement(element)) element.remove();
  for (const node of tails) node.parentNode?.removeChild(node);
  return removals;
}

/**
 * In-text promotions inside the story ("[Alle aktuellen Entwicklungen finden Sie hier in
 * unserem Newsblog.]"): a whole paragraph in square brackets that links elsewhere.
 */
export function removeInlinePromos(story: Element): Removal[] {
  const removals: Removal[] = removeRelatedRuns(story);
  for (const p of Array.from(story.querySelectorAll('p, h2, h3, h4, h5, h6, li'))) {
    const raw = p.textContent ?? '';
    if (raw.length > 400 || !p.getElementsByTagName('a').length) continue;
    const text = collapse(raw);
    if (!/^\[.{10,300}\]\.?$/.test(text) && !isReadAlsoLine(p, text) && !isTeaserHeadlineLine(p, text))
      continue;
    p.remove();
    removals.push({ element: p, reason: 'related-teasers', rule: 'inline-promo' });
  }
  return removals;
}

const LINK_LINE_CHARS = 300;

/**
 * "You may also like..." as a paragraph of its own, followed by paragraphs that are each one
 * link to another story: the label and the run of links go (the clutter pass only climbs from
 * labels that look like headings).
 */
function removeRelatedRuns(story: Element): Removal[] {
  const removals: Removal[] = [];
  for (const label of Array.from(story.querySelectorAll('p, h2, h3, h4, h5, h6'))) {
    const text = textOf(label);
    if (!text || text.length > 60 || !REGEXPS.relatedHeading.test(text)) continue;
    const run: Element[] = [];
    for (let sib = label.nextElementSibling; sib && isLinkLine(sib); sib = sib.nextElementSibling)
      run.push(sib);
    if (!run.length) continue;
    for (const el of [label, ...run]) {
      el.remove();
      removals.push({ element: el, reason: 'related-teasers', rule: 'inline-promo' });
    }
  }
  return removals;
}

function isLinkLine(el: Element): boolean {
  if (!/^(?:p|ul|ol|li)$/.test(el.localName)) return false;
  const length = textOf(el).length;
  return length > 0 && length <= LINK_LINE_CHARS && linkDensity(el, length) >= 0.8;
}

const TEASER_WORDS = 4;

/**
 * A paragraph that is nothing but a link to another story of the same site, worded like a
 * headline ("Meisterfeier vertagt: MTV Stuttgart verliert Spiel drei"), between two paragraphs
 * of the story: a teaser set into the text. A sentence ends in a full stop; a web address or
 * "Hier klicken" is no headline.
 */
function isTeaserHeadlineLine(el: Element, text: string): boolean {
  if (el.localName !== 'p' || text.length > 150 || /[.!?…]$/.test(text)) return false;
  if (text.split(' ').length < TEASER_WORDS || /^(?:https?:|www\.)/i.test(text)) return false;
  const links = el.getElementsByTagName('a');
  if (links.length !== 1 || textOf(links[0] as Element) !== text) return false;
  const prev = el.previousElementSibling;
  const next = el.nextElementSibling;
  if (!prev || !next || prev.localName !== 'p' || textOf(prev).length < 80) return false;
  return sameSiteStory(links[0] as Element, el.ownerDocument);
}

function sameSiteStory(link: Element, doc: Document | null): boolean {
  const href = link.getAttribute('href') ?? '';
  // a path without scheme or host leads within the site
  if (/^\/[^/]/.test(href)) return true;
  try {
    const base = doc?.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : undefined;
    const target = new URL(href, base);
    if (!/^https?:$/.test(target.protocol) || target.pathname.split('/').filter(Boolean).length < 1)
      return false;
    return !base || target.host === new URL(base).host;
  } catch {
    return false;
  }
}

/**
 * "Lea también: <a>Impiden ingreso a Nicaragua …</a>": a label saying "read this too" and a
 * link to another story making most of what follows it. A sentence that merely starts like
 * that and links a word is story.
 */
function isReadAlsoLine(el: Element, text: string): boolean {
  const label = REGEXPS.readAlsoPrefix.exec(text);
  if (!label || text.length > 300) return false;
  const rest = text.length - label[0].length;
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += textOf(a).length;
  return rest > 0 && linked >= rest * 0.6;
}
