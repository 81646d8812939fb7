/**
 * gate: the article gate that decides whether a page on a whitelisted site opens in the reader
 * by itself (src/core/gate.ts). Precision and recall on the hand-written gate fixtures (articles
 * and non-articles from the same invented sites), and the share of corpus pages it lets through:
 * every article-benchmark and regional-dev page is a story, news-dev also holds a few home,
 * product and recipe pages, so its misses are listed for a person to judge.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type GateDecision, isArticlePage } from '../../src/core/gate';
import { repoRoot } from './core';
import { articleBenchmarkPages, newsDevPages, regionalDevPages } from './corpus';
import { decodeHtml, readPageBytes } from './decode';
import { parseDocument } from './dom';
import { type EvalSection, type Figure, limited, type PageOutcome } from './eval-section';
import { createProgress } from './progress';

const FIXTURES = path.join(repoRoot, 'tests', 'fixtures', 'gate');

interface GatePage {
  id: string;
  file: string;
  url: string;
  /** What a person says the page is. */
  article: boolean;
}

function fixturePages(): GatePage[] {
  const index = JSON.parse(readFileSync(path.join(FIXTURES, 'pages.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  return Object.entries(index).map(([file, { url }]) => ({
    id: file,
    file: path.join(FIXTURES, file),
    url,
    article: file.startsWith('articles/'),
  }));
}

function judge(page: GatePage): GateDecision {
  // linkedom, as the gate runs on the live DOM without layout: speed over fidelity is fine here.
  const { document, close } = parseDocument(decodeHtml(readPageBytes(page.file)).text, page.url, 'linkedom');
  try {
    return isArticlePage(document, page.url);
  } catch (error) {
    return { article: false, reason: `gate threw: ${String(error)}` };
  } finally {
    close();
  }
}

export const gateSection: EvalSection = {
  name: 'gate',
  title: 'gate (auto-open article gate: fixtures precision/recall, corpus pages let through)',
  async run(ctx) {
    const fixtures = fixturePages();
    const corpusSets: {
      name: string;
      pages: readonly { id: string; file: string; url: string }[];
      target?: number;
    }[] = [
      { name: 'article-benchmark', pages: articleBenchmarkPages(ctx.corpus), target: 1 },
      { name: 'regional-dev', pages: regionalDevPages(ctx.corpus), target: 1 },
      // news-dev is content pages, not only stories: a home page refused there is right.
      { name: 'news-dev', pages: newsDevPages(ctx.corpus), target: undefined },
    ];
    const outcomes: PageOutcome[] = [];
    const decide = (page: GatePage, set: string): GateDecision => {
      const decision = judge(page);
      outcomes.push({
        id: `${set}/${page.id}`,
        file: page.file,
        scores: { klartext: decision.article === page.article ? 1 : 0 },
        notes: { klartext: decision.article === page.article ? [] : [decision.reason] },
      });
      return decision;
    };

    const fixtureDecisions = fixtures.map((page) => ({ page, decision: decide(page, 'fixtures') }));
    const opened = fixtureDecisions.filter((d) => d.decision.article);
    const truePositives = opened.filter((d) => d.page.article).length;
    const articles = fixtures.filter((p) => p.article).length;
    const nonArticles = fixtures.length - articles;
    const figures: Figure[] = [
      {
        label: 'fixtures precision',
        values: { klartext: opened.length ? truePositives / opened.length : 1 },
        target: 1,
      },
      { label: 'fixtures recall', values: { klartext: articles ? truePositives / articles : 1 }, target: 1 },
      {
        label: 'non-articles left alone',
        values: { klartext: nonArticles - (opened.length - truePositives) },
        of: nonArticles,
        target: 1,
      },
    ];
    const remarks = fixtureDecisions
      .filter((d) => d.decision.article !== d.page.article)
      .map((d) => `fixture wrong: ${d.page.id} (${d.decision.reason})`);

    const seen = new Map<string, GateDecision>();
    for (const set of corpusSets) {
      const pages = limited<{ id: string; file: string; url: string }>(set.pages, ctx.limit);
      const progress = createProgress(pages.length, `gate ${set.name}`);
      let through = 0;
      for (const page of pages) {
        // regional-dev pages are news-dev files: judge each file once.
        const decision = seen.get(page.file) ?? decide({ ...page, article: true }, set.name);
        seen.set(page.file, decision);
        if (decision.article) through++;
        else remarks.push(`${set.name} refused: ${page.id} ${page.url} (${decision.reason})`);
        progress.tick(page.id);
      }
      progress.done();
      figures.push({
        label: `${set.name} let through`,
        values: { klartext: through },
        of: pages.length,
        target: set.target,
      });
    }
    return {
      name: this.name,
      title: this.title,
      pageScore: '1 when the gate agrees with what the page is',
      figures,
      pages: outcomes,
      remarks,
    };
  },
};
