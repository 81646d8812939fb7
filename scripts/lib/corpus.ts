/**
 * The shared corpus beside the checkout (../shared/corpus; CI clones elsewhere with shared/
 * beside it), or wherever KLARTEXT_CORPUS points. Read-only: pages are never edited here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './core';
import type { SnippetExpectation } from './metrics';
import type { PageInput } from './page-record';

export function corpusDir(): string {
  return path.resolve(process.env.KLARTEXT_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus'));
}

export interface BenchmarkPage extends PageInput {
  id: string;
  articleBody: string;
}

export interface NewsDevPage extends PageInput, SnippetExpectation {
  /** File name without `.gz`: the key of expect.json. */
  id: string;
}

export interface RegionalExpectation extends SnippetExpectation {
  url: string;
  title: string | string[];
  byline?: string[];
  outlet?: string;
  images?: { src_contains: string; caption_contains?: string; credit_contains?: string }[];
}

export interface RegionalPage extends PageInput {
  id: string;
  expect: RegionalExpectation;
}

const parsedJson = new Map<string, unknown>();

/** Corpus metadata is read-only and read often (one URL lookup per page): parse each file once. */
function readJson<T>(file: string): T {
  if (!parsedJson.has(file)) parsedJson.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return parsedJson.get(file) as T;
}

/** A page name as the corpora key it: base name without `.gz` (and, for the benchmark, `.html`). */
export function pageKey(file: string): string {
  return path.basename(file).replace(/\.gz$/, '');
}

export function articleBenchmarkPages(dir = corpusDir()): BenchmarkPage[] {
  const truth = readJson<Record<string, { articleBody: string; url: string }>>(
    path.join(dir, 'article-benchmark', 'ground-truth.json'),
  );
  return Object.entries(truth)
    .map(([id, t]) => ({
      id,
      url: t.url,
      articleBody: t.articleBody,
      file: path.join(dir, 'article-benchmark', 'html', `${id}.html.gz`),
    }))
    .filter((p) => existsSync(p.file))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function newsDevExpectations(dir: string): Record<string, SnippetExpectation & { url: string }> {
  return readJson(path.join(dir, 'news-dev', 'expect.json'));
}

/** The file holding a news-dev page: pages are stored gzipped, keyed without `.gz`. */
function newsDevFile(dir: string, id: string): string {
  const gz = path.join(dir, 'news-dev', 'pages', `${id}.gz`);
  return existsSync(gz) ? gz : path.join(dir, 'news-dev', 'pages', id);
}

export function newsDevPages(dir = corpusDir()): NewsDevPage[] {
  return Object.entries(newsDevExpectations(dir))
    .map(([id, e]) => ({ ...e, id, file: newsDevFile(dir, id) }))
    .filter((p) => existsSync(p.file))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function regionalDevPages(dir = corpusDir()): RegionalPage[] {
  const expect = readJson<Record<string, RegionalExpectation>>(path.join(dir, 'regional-dev', 'expect.json'));
  return Object.entries(expect)
    .map(([id, e]) => ({ id, url: e.url, expect: e, file: newsDevFile(dir, id) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The page's original URL when `file` is a corpus page, from the corpus metadata. */
export function corpusUrlFor(file: string, dir = corpusDir()): string | null {
  const resolved = path.resolve(file);
  const folder = path.dirname(resolved);
  if (folder === path.join(dir, 'news-dev', 'pages')) {
    return newsDevExpectations(dir)[pageKey(resolved)]?.url ?? null;
  }
  if (folder === path.join(dir, 'article-benchmark', 'html')) {
    const truth = readJson<Record<string, { url: string }>>(
      path.join(dir, 'article-benchmark', 'ground-truth.json'),
    );
    return truth[pageKey(resolved).replace(/\.html$/, '')]?.url ?? null;
  }
  return null;
}
