// @vitest-environment node
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseInert } from '../../../src/core/dom';

const MARKUP = '<img src="/a.jpg" alt="A" onerror="globalThis.ran = true"><p>Text <b>fett</b></p>';

describe('parseInert', () => {
  it.each([
    [
      'jsdom',
      () => new JSDOM('<!DOCTYPE html><body></body>', { runScripts: 'dangerously' } as never).window.document,
    ],
    [
      'linkedom',
      () => (parseHTML('<!DOCTYPE html><html><body></body></html>') as unknown as Window).document,
    ],
  ])('gives nodes of the target document in %s, and runs nothing', (_, makeDoc) => {
    const doc = makeDoc();
    const fragment = parseInert(doc, MARKUP);
    const img = fragment.querySelector('img');
    expect(img?.getAttribute('src')).toBe('/a.jpg');
    expect(img?.ownerDocument).toBe(doc);
    expect(fragment.querySelector('p')?.textContent).toBe('Text fett');
    expect((doc.defaultView as unknown as { ran?: boolean }).ran).toBeUndefined();
  });

  it('keeps a whole-document string inside the fragment instead of replacing the target', () => {
    const doc = new JSDOM('<!DOCTYPE html><body><p>Seite</p></body>').window.document;
    const fragment = parseInert(doc, '</body></html><p>danach</p>');
    expect(fragment.textContent).toBe('danach');
    expect(doc.body.textContent).toBe('Seite');
  });

  it('gives an empty fragment where no DOMParser is reachable (a cloned jsdom document under Node)', () => {
    const clone = new JSDOM('<!DOCTYPE html><body></body>').window.document.cloneNode(true) as Document;
    expect(parseInert(clone, MARKUP).childNodes).toHaveLength(0);
  });
});
