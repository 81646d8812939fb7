/**
 * The regional-dev checks, ported from ../shared/corpus/regional-dev/check.py so the eval can
 * score pages one by one. check.py stays the reference: the eval runs it too and says when
 * the two tallies differ.
 */
import type { RegionalExpectation } from './corpus';
import type { PageRecord } from './page-record';

export type CheckKind =
  | 'title'
  | 'with'
  | 'without'
  | 'byline'
  | 'outlet'
  | 'images'
  | 'image src'
  | 'image caption'
  | 'image credit';

export interface CheckResult {
  kind: CheckKind;
  ok: boolean;
  message: string;
}

/** Python's str.isspace() set, which its `\s` matches: JS's `\s` lacks \x1c-\x1f and \x85. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: those separators are whitespace to Python
const WHITESPACE = /[\s\x1c-\x1f\x85]+/g;
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/** check.py's norm(): NFC, no soft hyphens or zero-width characters, whitespace collapsed. */
export function normalizeForCheck(value: unknown): string {
  const text = typeof value === 'string' ? value : value == null ? '' : String(value);
  return text.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
}

/** Close to Python's str.casefold() for the scripts these pages use. */
function casefold(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

type Output = Pick<PageRecord, 'title' | 'text' | 'byline' | 'images'> & { outlet?: string };

export function checkRegionalPage(expect: RegionalExpectation, out: Output | null): CheckResult[] {
  const results: CheckResult[] = [];
  const check = (kind: CheckKind, ok: boolean, message: string) => results.push({ kind, ok, message });
  const text = normalizeForCheck(out?.text);
  const titles = Array.isArray(expect.title) ? expect.title : [expect.title];
  const title = normalizeForCheck(out?.title);
  check(
    'title',
    titles.some((t) => normalizeForCheck(t) === title),
    `title ${JSON.stringify(title)} not one of ${JSON.stringify(titles)}`,
  );
  for (const s of expect.with ?? [])
    check('with', text.includes(normalizeForCheck(s)), `missing story text ${JSON.stringify(s)}`);
  for (const s of expect.without ?? [])
    check('without', !text.includes(normalizeForCheck(s)), `clutter in text ${JSON.stringify(s)}`);

  const bylines = (out?.byline ?? []).map((b) =>
    typeof b === 'object' && b !== null ? b : { name: String(b) },
  );
  const names = new Set(bylines.map((b) => casefold(normalizeForCheck(b.name))));
  for (const name of expect.byline ?? []) {
    check(
      'byline',
      names.has(casefold(normalizeForCheck(name))),
      `byline name ${JSON.stringify(name)} not in ${JSON.stringify([...names])}`,
    );
  }
  if (expect.outlet !== undefined) {
    const outlets = new Set(
      [...bylines.map((b) => b.outlet), out?.outlet].map((o) => casefold(normalizeForCheck(o))),
    );
    outlets.delete('');
    check(
      'outlet',
      outlets.has(casefold(normalizeForCheck(expect.outlet))),
      `outlet ${JSON.stringify(expect.outlet)} not in ${JSON.stringify([...outlets])}`,
    );
  }

  if (expect.images === undefined) return results;
  const images = (out?.images ?? []).filter((im) => typeof im === 'object' && im !== null);
  check(
    'images',
    images.length === expect.images.length,
    `${images.length} images, expected ${expect.images.length}`,
  );
  const used = new Set<number>();
  for (const e of expect.images) {
    const match = images.findIndex((im, i) => !used.has(i) && String(im.src ?? '').includes(e.src_contains));
    const image = match >= 0 ? images[match] : undefined;
    if (image === undefined) {
      check('image src', false, `no image with src containing ${JSON.stringify(e.src_contains)}`);
    } else {
      used.add(match);
      check(
        'image src',
        String(image.src).startsWith('https://'),
        `image src not absolute https: ${JSON.stringify(image.src)}`,
      );
    }
    for (const [wanted, field] of [
      [e.caption_contains, 'caption'],
      [e.credit_contains, 'credit'],
    ] as const) {
      if (!wanted) continue;
      const got = normalizeForCheck(image?.[field]);
      check(
        `image ${field}`,
        got.includes(normalizeForCheck(wanted)),
        `${e.src_contains}: ${field} ${JSON.stringify(got)} lacks ${JSON.stringify(wanted)}`,
      );
    }
  }
  return results;
}
