/**
 * No code from strings and no markup from strings: src/ has no such sink (the reader inserts
 * DOMPurify's nodes, core parses with DOMParser), and the built bundles contain none either,
 * libraries included (scripts/build/harden-libraries.ts removes the last three at install).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/serve';

/** Sinks that turn a string into code: none allowed anywhere. */
const CODE_SINKS: [string, RegExp][] = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['Function constructor', /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*['"`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URL', /['"`]javascript:/i],
];

/** Sinks that turn a string into markup: allowed only at the reviewed sites below. */
const MARKUP_SINKS: [string, RegExp][] = [
  ['innerHTML/outerHTML assignment', /\.(?:inner|outer)HTML\s*=(?!=)/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write(?:ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['setHTMLUnsafe', /setHTMLUnsafe|parseHTMLUnsafe/],
  ['srcdoc', /srcdoc/i],
];

/** file → a piece of the reviewed source line → why it is safe. */
const REVIEWED: Record<string, Record<string, string>> = {
  'src/core/sanitize.ts': {
    "'srcdoc'": "the attribute is named in the sanitizer's forbid list",
  },
};

function sourceFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');
const srcFiles = sourceFiles(path.join(repoRoot, 'src'), /\.(?:ts|tsx|js|mjs|html)$/);

describe('string-to-code and string-to-markup sinks in src/', () => {
  it('finds the sources', () => {
    expect(srcFiles.length).toBeGreaterThan(10);
  });

  it('has no eval, Function constructor, string timer or javascript: URL', () => {
    const found: string[] = [];
    for (const file of srcFiles) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [name, re] of CODE_SINKS)
            if (re.test(line)) found.push(`${relative(file)}:${i + 1} ${name}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('writes markup only at reviewed sites, each fed by the sanitizer or parsed inertly', () => {
    const unreviewed: string[] = [];
    const seen = new Set<string>();
    for (const file of srcFiles) {
      const rel = relative(file);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [name, re] of MARKUP_SINKS) {
            if (!re.test(line)) continue;
            const reviewed = Object.keys(REVIEWED[rel] ?? {}).find((piece) => line.includes(piece));
            if (reviewed) seen.add(`${rel}|${reviewed}`);
            else unreviewed.push(`${rel}:${i + 1} ${name}: ${line.trim()}`);
          }
        });
    }
    expect(unreviewed).toEqual([]);
    const stale = Object.entries(REVIEWED).flatMap(([file, lines]) =>
      Object.keys(lines)
        .filter((line) => !seen.has(`${file}|${line}`))
        .map((line) => `${file}: ${line}`),
    );
    // A reviewed site that moved or changed must be reviewed again, not silently carried along.
    expect(stale).toEqual([]);
  });
});

describe('the built extension', () => {
  const bundles = ['chrome', 'firefox'].flatMap((t) =>
    sourceFiles(path.join(repoRoot, 'dist', t), /\.(?:js|html)$/),
  );

  it('exists (npm run build)', () => {
    expect(bundles.length).toBeGreaterThan(0);
  });

  it('contains no eval or Function constructor, libraries included', () => {
    const found: string[] = [];
    for (const file of bundles) {
      const text = readFileSync(file, 'utf8');
      for (const [name, re] of CODE_SINKS.slice(0, 3)) {
        const match = new RegExp(re.source, 'g').exec(text);
        if (match)
          found.push(
            `${relative(file)} ${name}: …${text.slice(Math.max(0, match.index - 40), match.index + 40)}…`,
          );
      }
    }
    expect(found).toEqual([]);
  });

  it('assigns no markup string anywhere, libraries included', () => {
    const found: string[] = [];
    for (const file of bundles.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(file, 'utf8');
      for (const [name, re] of MARKUP_SINKS.filter(
        ([n]) => !['dangerouslySetInnerHTML', 'srcdoc'].includes(n),
      )) {
        const match = new RegExp(re.source, 'g').exec(text);
        if (match)
          found.push(
            `${relative(file)} ${name}: …${text.slice(Math.max(0, match.index - 60), match.index + 40)}…`,
          );
      }
    }
    expect(found).toEqual([]);
  });

  it('has no inline script in its pages (the CSP forbids it)', () => {
    for (const file of bundles.filter((f) => f.endsWith('.html'))) {
      const scripts = readFileSync(file, 'utf8').match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
      for (const script of scripts)
        expect(script, relative(file)).toMatch(/^<script\b[^>]*\bsrc=[^>]*>\s*<\/script>$/i);
    }
  });
});
