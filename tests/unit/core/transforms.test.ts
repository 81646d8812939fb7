import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../../src/core/extract';
import { applyTransforms } from '../../../src/core/transforms';

const page = (body: string) =>
  new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document as unknown as Document;

describe('named site-rule transforms', () => {
  it('removes elements the page never renders', () => {
    const doc = page('<p>Story</p><ul hidden><li>Gute Laune in Hannover</li></ul>');
    expect(applyTransforms(doc, ['remove-hidden'])).toEqual([]);
    expect(doc.body.textContent).toBe('Story');
  });

  it('removes gallery counters but keeps sentences that mention pictures', () => {
    const doc = page('<span>2Bilder</span><div>12 Fotos</div><p>Es gibt 2 Bilder vom Fest.</p>');
    applyTransforms(doc, ['remove-picture-counters']);
    expect(doc.body.textContent).toBe('Es gibt 2 Bilder vom Fest.');
  });

  it('reports names it does not know instead of ignoring them', () => {
    expect(applyTransforms(page('<p>x</p>'), ['remove-hidden', 'make-coffee'])).toEqual(['make-coffee']);
  });

  it('records an unknown transform of a site rule in the diagnostics', () => {
    const paragraph =
      '<p>Kaiserslautern hat sich in den vergangenen Jahren zu einem weltweit agierenden Forschungs- und Wirtschaftsstandort entwickelt, mit Kontakten nach China und in die ganze Welt.</p>';
    const doc = page(`<article><h1>Titel</h1>${paragraph.repeat(4)}</article>`);
    const rule = { id: 'test-rule', matches: ['example.org'], transforms: ['make-coffee'] };
    const result = extractStory(doc, 'https://example.org/a', { rules: [rule] });
    expect(result.kind).toBe('story');
    if (result.kind === 'story') {
      expect(result.diagnostics.siteRule).toBe('test-rule');
      expect(result.diagnostics.notes).toContain('site rule names an unknown transform "make-coffee"');
    }
  });
});
