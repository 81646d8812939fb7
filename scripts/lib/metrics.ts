/**
 * The corpora's metrics, exactly as /work/shared/corpus/README.md states them, so our figures
 * compare with the published ones.
 */

/** Python's Unicode `\w+` as the article-extraction-benchmark tokenises. */
const TOKEN = /[\p{L}\p{N}\p{Mn}\p{Pc}]+/gu;
const SHINGLE_SIZE = 4;

export interface ShingleScore {
  /** tp, fp, fn normalised by their sum (so long pages weigh no more than short ones). */
  tp: number;
  fp: number;
  fn: number;
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Multiset of 4-token shingles. A text shorter than four tokens is one shorter shingle
 * (the benchmark's `range(max(1, len(tokens) - n + 1))`); no tokens, no shingles.
 */
export function shingleCounts(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    // NUL cannot occur in a token, so the joined key is unambiguous.
    const key = tokens.slice(i, i + SHINGLE_SIZE).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleScore(truth: string, predicted: string): ShingleScore {
  const expected = shingleCounts(truth);
  const got = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, gotCount] of got) {
    const expectedCount = expected.get(key) ?? 0;
    tp += Math.min(gotCount, expectedCount);
    fp += Math.max(0, gotCount - expectedCount);
  }
  for (const [key, expectedCount] of expected) fn += Math.max(0, expectedCount - (got.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export interface PrfFigures {
  precision: number;
  recall: number;
  f1: number;
}

/** Page-averaged precision and recall (over pages where each is defined), F1 of the two means. */
export function aggregateShingleScores(scores: readonly ShingleScore[]): PrfFigures {
  const precisions = scores.filter((s) => s.tp + s.fp > 0).map((s) => s.tp / (s.tp + s.fp));
  const recalls = scores.filter((s) => s.tp + s.fn > 0).map((s) => s.tp / (s.tp + s.fn));
  return prf(mean(precisions), mean(recalls));
}

/** One page's F1 from its own shingle score, for ranking pages. */
export function pageF1(score: ShingleScore): number {
  const precision = score.tp + score.fp > 0 ? score.tp / (score.tp + score.fp) : 0;
  const recall = score.tp + score.fn > 0 ? score.tp / (score.tp + score.fn) : 0;
  return prf(precision, recall).f1;
}

function prf(precision: number, recall: number): PrfFigures {
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface SnippetExpectation {
  with?: readonly string[];
  without?: readonly string[];
}

export interface SnippetScore {
  tp: number;
  fn: number;
  fp: number;
  /** Every "with" snippet found and no "without" snippet. */
  perfect: boolean;
  missing: string[];
  clutter: string[];
}

/** The news-dev snippet metric for one page: snippets looked up in whitespace-normalised text. */
export function snippetScore(expect: SnippetExpectation, text: string): SnippetScore {
  const haystack = normalizeWhitespace(text);
  const missing = (expect.with ?? []).filter((s) => !haystack.includes(normalizeWhitespace(s)));
  const clutter = (expect.without ?? []).filter((s) => haystack.includes(normalizeWhitespace(s)));
  const tp = (expect.with?.length ?? 0) - missing.length;
  return {
    tp,
    fn: missing.length,
    fp: clutter.length,
    perfect: missing.length === 0 && clutter.length === 0,
    missing,
    clutter,
  };
}

export interface SnippetFigures extends PrfFigures {
  perfect: number;
  pages: number;
}

/** Precision and recall over all snippets of the set, plus the count of perfect pages. */
export function aggregateSnippetScores(scores: readonly SnippetScore[]): SnippetFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  const figures = prf(tp + fp > 0 ? tp / (tp + fp) : 0, tp + fn > 0 ? tp / (tp + fn) : 0);
  return { ...figures, perfect: scores.filter((s) => s.perfect).length, pages: scores.length };
}

/** Share of a page's snippets that came out right (found "with", absent "without"), for ranking pages. */
export function snippetPageScore(expect: SnippetExpectation, score: SnippetScore): number {
  const total = (expect.with?.length ?? 0) + (expect.without?.length ?? 0);
  return total === 0 ? 1 : (total - score.fn - score.fp) / total;
}
