import { describe, expect, it } from 'vitest';
import {
  aggregateShingleScores,
  aggregateSnippetScores,
  pageF1,
  shingleCounts,
  shingleScore,
  snippetPageScore,
  snippetScore,
  tokenize,
} from '../../../scripts/lib/metrics';

describe('tokenize (Python’s Unicode \\w+)', () => {
  it('keeps letters, digits, combining marks and connector punctuation together', () => {
    expect(tokenize("Grüße, Welt! l'été_x 42")).toEqual(['Grüße', 'Welt', 'l', 'été_x', '42']);
    expect(tokenize('Cafe\u0301 ok')).toEqual(['Cafe\u0301', 'ok']);
    expect(tokenize(' — … ')).toEqual([]);
  });
});

describe('shingleCounts', () => {
  it('counts 4-token shingles as a multiset', () => {
    const counts = shingleCounts('x y z w x y z w');
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(5);
    expect(counts.get(['x', 'y', 'z', 'w'].join('\u0000'))).toBe(2);
  });

  it('makes one short shingle of a text under four tokens, none of an empty one', () => {
    expect([...shingleCounts('one two').keys()]).toEqual([`one\u0000two`]);
    expect(shingleCounts('').size).toBe(0);
  });
});

describe('shingleScore', () => {
  it('normalises tp, fp and fn by their sum', () => {
    // truth: abcd, bcde; predicted: abcd → tp 1, fn 1.
    expect(shingleScore('a b c d e', 'a b c d')).toEqual({ tp: 0.5, fp: 0, fn: 0.5 });
    // truth xyzw ×2 + 3 others; predicted xyzw once → tp 1, fn 4.
    expect(shingleScore('x y z w x y z w', 'x y z w')).toEqual({ tp: 0.2, fp: 0, fn: 0.8 });
    // predicted abcd, bcde (both true) and cdef, which the truth lacks → tp 2, fp 1.
    const extra = shingleScore('a b c d e', 'a b c d e f');
    expect(extra.tp).toBeCloseTo(2 / 3, 10);
    expect(extra.fp).toBeCloseTo(1 / 3, 10);
    expect(extra.fn).toBe(0);
  });

  it('is case-sensitive, as the benchmark is', () => {
    expect(shingleScore('The cat', 'the cat')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('scores an empty prediction as all missed', () => {
    expect(shingleScore('a b c d e', '')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('aggregateShingleScores', () => {
  it('averages precision and recall over the pages where each is defined, F1 of the means', () => {
    const figures = aggregateShingleScores([
      { tp: 0.5, fp: 0, fn: 0.5 }, // precision 1, recall 0.5
      { tp: 0, fp: 0, fn: 1 }, // no prediction: no precision, recall 0
      { tp: 0.25, fp: 0.75, fn: 0 }, // precision 0.25, recall 1
      { tp: 0, fp: 0, fn: 0 }, // nothing on either side: counts for neither
    ]);
    expect(figures.precision).toBeCloseTo(0.625, 10);
    expect(figures.recall).toBeCloseTo(0.5, 10);
    expect(figures.f1).toBeCloseTo((2 * 0.625 * 0.5) / 1.125, 10);
  });

  it('gives one page’s F1 for ranking', () => {
    expect(pageF1({ tp: 0.5, fp: 0, fn: 0.5 })).toBeCloseTo(2 / 3, 10);
    expect(pageF1({ tp: 0, fp: 0, fn: 1 })).toBe(0);
  });
});

describe('snippet metric (news-dev)', () => {
  const pageA = { with: ['Erster Satz.', 'zweiter  Teil'], without: ['Anzeige', 'Mehr zum Thema'] };
  const textA = 'Erster\nSatz. Etwas zweiter\u00a0Teil.\n\nAnzeige';

  it('finds snippets in whitespace-normalised text and lists what is missing or clutter', () => {
    expect(snippetScore(pageA, textA)).toEqual({
      tp: 2,
      fn: 0,
      fp: 1,
      perfect: false,
      missing: [],
      clutter: ['Anzeige'],
    });
    expect(snippetPageScore(pageA, snippetScore(pageA, textA))).toBe(0.75);
  });

  it('sums snippets over the set and counts perfect pages', () => {
    const pageB = { with: ['x y'], without: ['z'] };
    const pageC = { with: ['ok'] };
    const figures = aggregateSnippetScores([
      snippetScore(pageA, textA), // tp 2, fp 1
      snippetScore(pageB, 'nothing here'), // fn 1
      snippetScore(pageC, 'all ok'), // tp 1, perfect
    ]);
    expect(figures).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, perfect: 1, pages: 3 });
  });
});
