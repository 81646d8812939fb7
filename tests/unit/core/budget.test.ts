// @vitest-environment node
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { BudgetExceeded, checkBudget, clock, withinBudget } from '../../../src/core/budget';
import { READABILITY_PER_NODE_METHODS, recordParagraphs, runReadability } from '../../../src/core/content';
import { sanitizeHtml } from '../../../src/core/sanitize';

const SENTENCE = 'Der Gemeinderat hat am Dienstag beschlossen, die Schule zu sanieren. ';
const bigPage = () =>
  new JSDOM(
    `<!DOCTYPE html><body><article>${Array.from({ length: 400 }, (_, i) => `<div><p>${i} ${SENTENCE.repeat(3)}</p></div>`).join('')}</article></body>`,
  ).window;

/** A deadline that passed long ago: the next clock reading inside the loop must stop it. */
const expired = <T>(run: () => T) => withinBudget(clock() - 60_000, 1, run);

describe('the extraction budget inside a step', () => {
  it('never stops work outside an extraction', () => {
    expect(() => {
      for (let i = 0; i < 10_000; i++) checkBudget('loop');
    }).not.toThrow();
  });

  it('stops a loop soon after the deadline and names it', () => {
    let iterations = 0;
    expect(() =>
      expired(() => {
        for (;;) {
          iterations++;
          checkBudget('a long loop');
        }
      }),
    ).toThrow(new BudgetExceeded('over 1 ms during a long loop'));
    expect(iterations).toBeLessThanOrEqual(128);
    // ...and the deadline is gone again afterwards.
    expect(() => {
      for (let i = 0; i < 1_000; i++) checkBudget('loop');
    }).not.toThrow();
  });

  it('stops Readability in the middle of its walk', () => {
    const doc = bigPage().document;
    expect(() => expired(() => runReadability(doc, recordParagraphs(doc)))).toThrow(/during Readability/);
  });

  it('wraps Readability methods that exist (a renamed one after an upgrade would go unwatched)', () => {
    for (const name of READABILITY_PER_NODE_METHODS)
      expect(typeof (Readability.prototype as unknown as Record<string, unknown>)[name], name).toBe(
        'function',
      );
  });

  it('stops the sanitizer in the middle of a huge story', () => {
    const win = bigPage();
    const html = win.document.body.innerHTML;
    expect(() => expired(() => sanitizeHtml(html, win as unknown as Window))).toThrow(/during sanitize/);
    expect(sanitizeHtml('<p>ok</p>', win as unknown as Window)).toBe('<p>ok</p>');
  });
});
