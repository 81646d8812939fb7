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
import { sponsoredRule } from './sponsored';
import { relatedTeasersRule } from './teasers';

export type { ClutterRule } from './rule';

/** Order matters only for naming: the first family that matches an element names its removal. */
export const CLUTTER_RULES: readonly ClutterRule[] = [
  cookieRule,
  sponsoredRule,
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
  if (!pattern || !names.some((name) => pattern.test(name))) return false;
  const length = textOf(el).length;
  if (length > rule.maxClassText && !(rule.allowLinkDense && linkDensity(el, length) > 0.5)) return false;
  return rule.ignoreStoryGuard || !hasStoryParagraphs(el);
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
  const removals: Removal[] = [];
  for (const p of Array.from(story.getElementsByTagName('p'))) {
    const raw = p.textContent ?? '';
    if (raw.length > 400 || !p.getElementsByTagName('a').length) continue;
    const text = collapse(raw);
    if (!/^\[.{10,300}\]\.?$/.test(text)) continue;
    p.remove();
    removals.push({ element: p, reason: 'related-teasers', rule: 'inline-promo' });
  }
  return removals;
}
