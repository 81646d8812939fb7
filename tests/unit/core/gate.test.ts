import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isArticlePage, urlShape } from '../../../src/core/gate';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'gate');
const pages = JSON.parse(readFileSync(path.join(FIXTURES, 'pages.json'), 'utf8')) as Record<
  string,
  { url: string; note: string }
>;

function load(file: string, url: string): Document {
  return new JSDOM(readFileSync(path.join(FIXTURES, file), 'utf8'), { url }).window.document;
}

function gate(html: string, url = 'https://example-zeitung.de/lokal/artikel-123456.html') {
  return isArticlePage(new JSDOM(html, { url }).window.document, url);
}

describe('article gate on the fixture sites', () => {
  const entries = Object.entries(pages);
  it('has articles and non-articles to judge', () => {
    expect(entries.filter(([f]) => f.startsWith('articles/')).length).toBeGreaterThanOrEqual(5);
    expect(entries.filter(([f]) => f.startsWith('non-articles/')).length).toBeGreaterThanOrEqual(10);
  });
  it.each(entries)('%s', (file, { url }) => {
    const decision = isArticlePage(load(file, url), url);
    expect(decision, decision.reason).toMatchObject({ article: file.startsWith('articles/') });
  });
});

describe('article gate rules', () => {
  const story =
    `<p>${'Ein Satz über die Gemeinde, der lang genug für einen Absatz ist. '.repeat(4)}</p>`.repeat(3);

  it('takes JSON-LD in an array and in @graph, with several types', () => {
    const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
    expect(gate(ld([{ '@type': 'Organization' }, { '@type': 'NewsArticle' }])).article).toBe(true);
    expect(gate(ld({ '@graph': [{ '@type': ['Article', 'NewsArticle'] }] })).reason).toBe(
      'json-ld Article/NewsArticle',
    );
  });

  it('does not take an article listed inside an ItemList for the page', () => {
    const list = {
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', item: { '@type': 'NewsArticle' } }],
    };
    const html = `<script type="application/ld+json">${JSON.stringify(list)}</script>`;
    expect(gate(html, 'https://example-zeitung.de/lokal/neustadt/')).toEqual({
      article: false,
      reason: 'json-ld ItemList',
    });
  });

  it('survives broken JSON-LD and falls back to the text', () => {
    expect(gate(`<script type="application/ld+json">{"@type": "NewsArt</script>${story}`).article).toBe(true);
  });

  it('refuses a text page at a service URL even with og:type article', () => {
    const html = `<meta property="og:type" content="article">${story}`;
    expect(gate(html, 'https://example-zeitung.de/impressum').reason).toBe('url service');
  });

  it('refuses a page of teasers, takes a page of prose', () => {
    const teaser =
      '<article><a href="/x-1234.html"><h2>Überschrift eines Anreißers</h2></a><p>Ein kurzer Anreißertext mit ein paar Worten zum Inhalt.</p></article>';
    expect(gate(teaser.repeat(8)).reason).toMatch(/^teaser list/);
    expect(gate(`<article>${story}</article>${teaser.repeat(8)}`).article).toBe(true);
  });

  it('does not count link text as prose', () => {
    const linked = `<div><a href="/a">${'Verlinkter Text, der nur so aussieht wie ein Absatz. '.repeat(6)}</a></div>`;
    expect(gate(linked.repeat(3)).article).toBe(false);
  });
});

describe('urlShape', () => {
  it.each([
    ['https://example-zeitung.de/', 'front'],
    ['https://example-zeitung.de/index.html', 'front'],
    ['https://example-zeitung.de/?p=2895', 'other'],
    ['https://example-zeitung.de/suche?q=feuer', 'search'],
    ['https://example-zeitung.de/lokal/?s=', 'other'],
    ['https://example-zeitung.de/tag/feuerwehr/', 'listing'],
    ['https://example-zeitung.de/autor/max-muster/', 'listing'],
    ['https://example-zeitung.de/category/news/page/3/', 'listing'],
    ['https://example-zeitung.de/thema/feuerwehr/brand-in-der-altstadt-123456.html', 'other'],
    ['https://example-zeitung.de/themen/land-und-leute/homo-brandenburgensis', 'other'],
    ['https://example-zeitung.de/tag/feuerwehr-rettet-katze-aus-dem-baum/', 'other'],
    ['https://example-zeitung.de/service/impressum.html', 'service'],
    ['https://example-zeitung.de/anmelden?ziel=/x', 'service'],
    ['not a url', 'other'],
  ])('%s → %s', (url, shape) => {
    expect(urlShape(url)).toBe(shape);
  });
});
