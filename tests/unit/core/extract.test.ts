import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../../src/core/extract';
import { sanitizedBodyCopy } from '../../../src/core/sanitize';
import type { Story } from '../../../src/core/story';

const seedDir = new URL('../../fixtures/seed-wochenblatt/', import.meta.url);
const seedHtml = readFileSync(new URL('page.html', seedDir), 'utf8');
const expected = JSON.parse(readFileSync(new URL('expected.json', seedDir), 'utf8')) as {
  url: string;
  title: string;
  byline: string[];
  outlet: string;
  images: { src_contains: string; caption_contains: string; credit_contains: string }[];
  with: string[];
  without: string[];
};
const sanitizerWindow = new JSDOM('').window as unknown as Window;

function asStory(result: ReturnType<typeof extractStory>): Story {
  if (result.kind !== 'story') throw new Error(`no story: ${result.reason} ${result.detail}`);
  return result;
}

const doms = {
  linkedom: () => parseHTML(seedHtml).document as unknown as Document,
  jsdom: () => new JSDOM(seedHtml, { url: expected.url }).window.document as unknown as Document,
};

describe.each(Object.entries(doms))('the reconstructed seed page (%s)', (_name, load) => {
  const doc = load();
  const before = doc.documentElement.outerHTML;
  const story = asStory(extractStory(doc, expected.url, { sanitizerWindow }));

  it('leaves the given document untouched', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps its sanitized nodes for the reader: fresh copies of exactly Story.html', () => {
    const first = sanitizedBodyCopy(story);
    const second = sanitizedBodyCopy(story);
    const holder = sanitizerWindow.document.createElement('div');
    holder.append(first as DocumentFragment);
    expect(holder.innerHTML).toBe(story.html);
    expect(second?.firstChild).not.toBe(holder.firstChild);
    expect(sanitizedBodyCopy({ ...story })).toBeNull();
  });

  it('has the title, the whole story and none of the clutter', () => {
    expect(story.title).toBe(expected.title);
    for (const s of expected.with) expect(story.text).toContain(s);
    for (const s of expected.without) expect(story.text).not.toContain(s);
  });

  it('names the author with the local edition', () => {
    expect(story.byline.map((a) => a.name)).toEqual(expected.byline);
    expect(story.byline[0]?.outlet).toBe(expected.outlet);
  });

  it('has both gallery pictures with captions and credits', () => {
    expect(story.images).toHaveLength(expected.images.length);
    expected.images.forEach((e, i) => {
      const photo = story.images[i];
      expect(photo?.src).toContain(e.src_contains);
      expect(photo?.src.startsWith('https://')).toBe(true);
      expect(photo?.caption).toContain(e.caption_contains);
      expect(photo?.credit).toContain(e.credit_contains);
    });
  });

  it('says what it removed and which rule applied', () => {
    const reasons = story.removed.map((r) => r.reason);
    for (const reason of ['sponsored', 'follow-box', 'comments', 'cookie-banner'] as const)
      expect(reasons).toContain(reason);
    expect(story.diagnostics.siteRule).toBe('citizen-reporter');
    expect(story.readingMinutes).toBeGreaterThanOrEqual(2);
    expect(story.html).not.toMatch(/<script|\son\w+=/i);
  });
});

describe('budgets and refusals', () => {
  it('refuses pages above the element budget', () => {
    const { document } = parseHTML(`<html><body>${'<div><span>x</span></div>'.repeat(600)}</body></html>`);
    expect(
      extractStory(document as unknown as Document, 'https://x.example/', {
        maxElements: 1000,
        sanitizerWindow,
      }),
    ).toMatchObject({ kind: 'no-story', reason: 'too-large' });
  });

  it('stops when a step ends after the time budget', () => {
    const { document } = parseHTML(seedHtml);
    expect(
      extractStory(document as unknown as Document, expected.url, { timeBudgetMs: 0, sanitizerWindow }),
    ).toMatchObject({ kind: 'no-story', reason: 'timeout' });
  });

  it('refuses a story too long to draw quickly (over a million characters)', () => {
    const paragraph = `<p>${'Ein Satz aus einem sehr, sehr langen Text über den Gemeinderat. '.repeat(70)}</p>`;
    const { document } = parseHTML(
      `<html><body><article><h1>Lang</h1>${paragraph.repeat(250)}</article></body></html>`,
    );
    expect(
      extractStory(document as unknown as Document, 'https://x.example/', {
        sanitizerWindow,
        timeBudgetMs: 60_000,
      }),
    ).toMatchObject({ kind: 'no-story', reason: 'too-large' });
  }, 60_000);

  it('says when there is no sanitizer window instead of returning unsanitised HTML', () => {
    const { document } = parseHTML(seedHtml);
    expect(extractStory(document as unknown as Document, expected.url)).toMatchObject({
      kind: 'no-story',
      reason: 'error',
    });
  });

  it('handles an empty page and a page of only iframes', () => {
    for (const html of [
      '',
      '<html><body><iframe src="https://x.example/"></iframe><iframe></iframe></body></html>',
    ]) {
      const doc = new JSDOM(html).window.document as unknown as Document;
      expect(extractStory(doc, 'https://x.example/', { sanitizerWindow }).kind).toBe('no-story');
    }
  });

  it('refuses nesting 5,000 levels deep quickly instead of hanging', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}<p>${'Tief verschachtelter Text. '.repeat(40)}</p>${'</div>'.repeat(5000)}</body></html>`;
    const { document } = parseHTML(html);
    const started = performance.now();
    expect(
      extractStory(document as unknown as Document, 'https://x.example/', { sanitizerWindow }),
    ).toMatchObject({ kind: 'no-story', reason: 'too-large' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('still reads a page nested 300 levels deep', () => {
    const html = `<html><body>${'<div>'.repeat(300)}<h1>Tief</h1><p>${'Tief verschachtelter Text in einem Artikel. '.repeat(30)}</p>${'</div>'.repeat(300)}</body></html>`;
    const { document } = parseHTML(html);
    const story = asStory(
      extractStory(document as unknown as Document, 'https://x.example/', {
        sanitizerWindow,
        timeBudgetMs: 20_000,
      }),
    );
    expect(story.text).toContain('Tief verschachtelter Text');
    // Known: several steps are quadratic in nesting depth under linkedom (seconds at 300 levels).
  }, 30_000);
});
