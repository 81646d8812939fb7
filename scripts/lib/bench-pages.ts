/** The pages the benchmark opens: the seed page, then the shared corpus sets, as local-server paths. */
import { articleBenchmarkPages, newsDevPages, pageKey } from './corpus';

export const BENCH_SETS = ['seed', 'article-benchmark', 'news-dev'] as const;
export type BenchSet = (typeof BENCH_SETS)[number];

export interface BenchPage {
  /** Unique across sets: `<set>/<page id>`. */
  id: string;
  set: BenchSet;
  /** Path on the local page server (scripts/lib/serve.ts). */
  path: string;
}

const SEED: BenchPage = { id: 'seed/wochenblatt', set: 'seed', path: '/seed-wochenblatt/page.html' };

/**
 * Every page of the chosen sets; with `limit`, that many per corpus set, spread evenly over the
 * sorted list (the first pages alone would all come from a few sites).
 */
export function benchPages(sets: readonly BenchSet[] = BENCH_SETS, limit?: number): BenchPage[] {
  const pages: BenchPage[] = [];
  if (sets.includes('seed')) pages.push(SEED);
  if (sets.includes('article-benchmark')) {
    const all = articleBenchmarkPages().map((p) => ({
      id: `article-benchmark/${p.id}`,
      set: 'article-benchmark' as const,
      path: `/corpus/article-benchmark/${p.id}.html`,
    }));
    pages.push(...spread(all, limit));
  }
  if (sets.includes('news-dev')) {
    const all = newsDevPages().map((p) => ({
      id: `news-dev/${p.id}`,
      set: 'news-dev' as const,
      path: `/corpus/news-dev/${pageKey(p.file)}`,
    }));
    pages.push(...spread(all, limit));
  }
  return pages;
}

export function spread<T>(list: readonly T[], limit?: number): T[] {
  if (limit === undefined || limit >= list.length) return [...list];
  if (limit <= 0) return [];
  const step = list.length / limit;
  return Array.from({ length: limit }, (_, i) => list[Math.floor(i * step)] as T);
}
