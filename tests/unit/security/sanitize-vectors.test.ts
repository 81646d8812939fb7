/**
 * The one sanitizer policy (src/core/sanitize.ts) against the whole XSS collection, under jsdom:
 * nothing dangerous survives, the output is stable when parsed again (no mutation XSS through
 * the reader's own re-parsing), and the sanitizer's URL helpers refuse every payload URL.
 */
import { existsSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeLinkUrl, safeSrcset, safeUrl, sanitizeHtml } from '../../../src/core/sanitize';
import { FIND_DANGEROUS_CONSTRUCTS } from '../../security/reader-check';
import { loadVectors, SAMPLE_VECTORS, SHARED_VECTORS } from '../../security/vectors';

const source = existsSync(SHARED_VECTORS) ? SHARED_VECTORS : SAMPLE_VECTORS;
const vectors = loadVectors(source);
const { window } = new JSDOM('<!DOCTYPE html><body></body>', { url: 'https://example.org/story' });
const win = window as unknown as Window;
// The in-page check, compiled once here so the unit and the browser suites judge by the same rules.
const findDangerousConstructs = new Function(`return ${FIND_DANGEROUS_CONSTRUCTS}`)() as (
  root: ParentNode,
  allowed: string[],
) => string[];

/** Elements the policy never lets through, beyond the README's forbidden list. */
const OUTSIDE_POLICY = new Set([
  'svg',
  'math',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'template',
  'noscript',
  'frameset',
  'audio',
  'video',
  'canvas',
  'dialog',
  'applet',
  'image',
  'animate',
  'set',
  'use',
]);

function parse(html: string): DocumentFragment {
  const template = window.document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

// jsdom is slow on a shared machine: the whole collection takes seconds per pass.
const SLOW = 120_000;

describe(`sanitizeHtml on ${vectors.length} vectors (${source.endsWith('sample.jsonl') ? 'committed sample' : 'whole collection'})`, () => {
  let sanitized: { id: string; clean: string }[] = [];
  beforeAll(() => {
    sanitized = vectors.map((v) => ({ id: v.id, clean: sanitizeHtml(v.payload, win) }));
  }, SLOW);

  it('has a check that sees the danger in the raw payloads (control)', () => {
    const caught = vectors.filter((v) => findDangerousConstructs(parse(v.payload), []).length > 0);
    expect(caught.length).toBeGreaterThan(vectors.length / 3);
  });

  it(
    'leaves no script, on* attribute, dangerous URL or forbidden element',
    () => {
      const findings: string[] = [];
      for (const { id, clean } of sanitized) {
        for (const finding of findDangerousConstructs(parse(clean), [])) findings.push(`${id}: ${finding}`);
        for (const el of parse(clean).querySelectorAll('*')) {
          if (OUTSIDE_POLICY.has(el.localName))
            findings.push(`${id}: element <${el.localName}> outside the policy`);
          if (el.hasAttribute('style')) findings.push(`${id}: style attribute`);
        }
      }
      expect(findings).toEqual([]);
    },
    SLOW,
  );

  it(
    'gives output that parses back to itself and that a second pass does not change',
    () => {
      const unstable: string[] = [];
      for (const { id, clean } of sanitized) {
        const template = window.document.createElement('template');
        template.innerHTML = clean;
        if (template.innerHTML !== clean) unstable.push(`${id}: reparsed differently`);
        if (sanitizeHtml(clean, win) !== clean) unstable.push(`${id}: changed by a second pass`);
      }
      expect(unstable).toEqual([]);
    },
    SLOW,
  );

  it(
    'gives links rel="noopener noreferrer" and target="_blank", and only http(s)/mailto/tel',
    () => {
      const bad: string[] = [];
      for (const { id, clean } of sanitized) {
        for (const a of parse(clean).querySelectorAll('a[href]')) {
          const href = a.getAttribute('href') ?? '';
          if (!/^(?:https?:|mailto:|tel:)/i.test(href)) bad.push(`${id}: href ${href}`);
          if (a.getAttribute('rel') !== 'noopener noreferrer' || a.getAttribute('target') !== '_blank')
            bad.push(`${id}: rel/target`);
        }
      }
      expect(bad).toEqual([]);
    },
    SLOW,
  );
});

describe('the URL helpers on every payload and every URL inside one', () => {
  const urls = vectors.flatMap((v) => [
    v.payload,
    ...[
      ...v.payload.matchAll(/(?:href|src|srcset|action|data|poster|xlink:href)\s*=\s*["']?([^"'\s>]+)/gi),
    ].map((m) => m[1] ?? ''),
  ]);

  it('return only absolute http(s) URLs (mailto:/tel: for links)', () => {
    const bad: string[] = [];
    for (const url of urls) {
      const image = safeUrl(url, 'https://example.org/story');
      if (image !== null && !/^https?:\/\//.test(image)) bad.push(`safeUrl ${url} -> ${image}`);
      const link = safeLinkUrl(url, 'https://example.org/story');
      if (link !== null && !/^(?:https?:\/\/|mailto:|tel:)/.test(link))
        bad.push(`safeLinkUrl ${url} -> ${link}`);
      const srcset = safeSrcset(url, 'https://example.org/story');
      for (const candidate of srcset?.split(', ') ?? []) {
        if (!/^https?:\/\/\S+(?: \d+(?:\.\d+)?[wx])?$/.test(candidate))
          bad.push(`safeSrcset ${url} -> ${candidate}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('refuse script-bearing schemes however they are disguised', () => {
    const disguised = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'blob:https://example.org/x',
    ];
    for (const url of disguised) {
      expect(safeUrl(url, 'https://example.org/'), url).toBeNull();
      expect(safeLinkUrl(url, 'https://example.org/'), url).toBeNull();
      expect(safeSrcset(`${url} 1x`, 'https://example.org/'), url).toBeNull();
    }
  });
});
