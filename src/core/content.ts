/**
 * Finds the story body: the site rule's content selector when it matches and holds text,
 * else Readability on the cleaned clone (which it mutates: the clone is ours).
 */
import { Readability } from '@mozilla/readability';
import { checkBudget } from './budget';
import { ancestors, textOf } from './dom';
import type { Provenance } from './story';

export interface ContentResult {
  element: Element;
  /** The story's container in the page structure (for deciding which pictures belong to it). */
  storyRoot: Element | null;
  /**
   * The story container's ancestors as they were before Readability moved its nodes into its
   * own detached tree (where `parentElement` no longer leads to the headline).
   */
  storyAncestors: Element[];
  source: Provenance;
  readabilityTitle: string;
}

export interface ParagraphRecord {
  p: Element;
  ancestors: Element[];
}

/** Paragraphs and their ancestors, recorded before Readability moves them around. */
export function recordParagraphs(doc: Document): ParagraphRecord[] {
  const out: ParagraphRecord[] = [];
  for (const p of Array.from(doc.body?.getElementsByTagName('p') ?? [])) {
    if ((p.textContent ?? '').length >= 40) out.push({ p, ancestors: ancestors(p) });
  }
  return out;
}

export function fromSelectors(doc: Document, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(sel);
    } catch {
      continue;
    }
    if (el && textOf(el).length > 200) return el;
  }
  return null;
}

export function runReadability(doc: Document, paragraphs: ParagraphRecord[]): ContentResult | null {
  const reader = new Readability(doc, {
    serializer: (el: Node) => el as unknown as string,
    charThreshold: 300,
    keepClasses: false,
    disableJSONLD: true,
  });
  watchBudget(reader);
  const parsed = reader.parse() as unknown as { content: Element; title: string } | null;
  if (!parsed?.content) return null;
  const element = parsed.content;
  const kept = keptParagraphs(element, paragraphs);
  const [storyRoot = null, ...storyAncestors] = commonAncestors(kept);
  return {
    element,
    storyRoot,
    storyAncestors,
    source: 'readability',
    readabilityTitle: parsed.title ?? '',
  };
}

/**
 * Readability's helpers that its long loops call once per node (the tree walk, text and class
 * scoring): wrapped on this instance so the extraction budget can stop it mid-walk.
 */
export const READABILITY_PER_NODE_METHODS = [
  '_getNextNode',
  '_getInnerText',
  '_getClassWeight',
  '_hasAncestorTag',
] as const;

function watchBudget(reader: Readability): void {
  const methods = reader as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of READABILITY_PER_NODE_METHODS) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      checkBudget('Readability');
      return original.apply(this, args);
    };
  }
}

/**
 * The recorded paragraphs Readability kept. When its first attempt finds too little it resets
 * the page from a copy and tries again: the result then holds new nodes, and the
 * recorded ones are found by their text instead.
 */
function keptParagraphs(element: Element, paragraphs: ParagraphRecord[]): ParagraphRecord[] {
  const kept = paragraphs.filter((r) => element.contains(r.p));
  if (kept.length || !paragraphs.length) return kept;
  const texts = new Set<string>();
  for (const p of Array.from(element.getElementsByTagName('p'))) texts.add(p.textContent ?? '');
  return paragraphs.filter((r) => texts.has(r.p.textContent ?? ''));
}

/** Lowest common ancestor of the kept paragraphs and its ancestors, from their recorded chains. */
function commonAncestors(kept: ParagraphRecord[]): Element[] {
  const [firstKept] = kept;
  if (!firstKept) return [];
  let common = firstKept.ancestors;
  for (const rec of kept.slice(1)) {
    const set = new Set(rec.ancestors);
    const idx = common.findIndex((a) => set.has(a));
    if (idx < 0) return [];
    common = common.slice(idx);
  }
  return common;
}
