import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../../src/core/extract';

/** The hand-written sample pages of tests/fixtures/pages with their hand-written expectations. */
const pagesDir = new URL('../../fixtures/pages/', import.meta.url);
const load = (name: string) => readFileSync(new URL(name, pagesDir), 'utf8');

describe('sample pages', () => {
  it('finds no story on a section front, rather than its leftover heading and links', () => {
    const expected = JSON.parse(load('no-story.expected.json')) as { kind: string; reason: string };
    const dom = new JSDOM(load('no-story.html'), { url: 'https://www.example-region.de/lokales/' });
    const result = extractStory(dom.window.document as unknown as Document, dom.window.location.href);
    expect({ kind: result.kind, reason: result.kind === 'no-story' ? result.reason : null }).toEqual({
      kind: expected.kind,
      reason: expected.reason,
    });
  });
});

interface PageExpectation {
  url?: string;
  title: string;
  lang?: string;
  dir?: string;
  byline: string[];
  partial?: string;
  images: { src_contains: string; caption_contains: string; credit_contains: string }[];
  with: string[];
  without: string[];
}

describe.each(['article-en', 'article-rtl', 'partial-paywall'])('sample article %s', (name) => {
  const expected = JSON.parse(load(`${name}.expected.json`)) as PageExpectation;
  const url = expected.url ?? `https://news.example/${name}`;
  const dom = new JSDOM(load(`${name}.html`), { url });
  const result = extractStory(dom.window.document as unknown as Document, url);
  if (result.kind !== 'story') throw new Error(`${name}: no story (${result.reason}: ${result.detail})`);
  const text = result.text.replace(/\s+/g, ' ');

  it('has the title, the byline, the language and the partial flag the page gives', () => {
    expect(result.title).toBe(expected.title);
    expect(result.byline.map((a) => a.name)).toEqual(expected.byline);
    if (expected.lang) expect(result.lang).toBe(expected.lang);
    if (expected.dir) expect(result.dir).toBe(expected.dir);
    expect(result.partial?.reason ?? null).toBe(expected.partial ?? null);
  });

  it('keeps the story and drops the clutter', () => {
    for (const snippet of expected.with) expect(text).toContain(snippet.replace(/\s+/g, ' '));
    for (const snippet of expected.without) expect(text).not.toContain(snippet);
  });

  it('lists the story pictures with captions and credits', () => {
    expect(result.images).toHaveLength(expected.images.length);
    expected.images.forEach((picture, i) => {
      expect(result.images[i]?.src).toContain(picture.src_contains);
      expect(result.images[i]?.caption).toContain(picture.caption_contains);
      expect(result.images[i]?.credit).toContain(picture.credit_contains);
    });
  });
});
