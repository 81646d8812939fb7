/**
 * npm run --silent extract -- [--engine node|chromium|readability] [--dom jsdom|linkedom]
 *                              [--time-budget MS] (--manifest pages.jsonl | FILE... [--url URL])
 *
 * One JSON line per page on stdout (see scripts/lib/page-record.ts for the fields); progress
 * and a failure count on stderr. A page that fails is a line with ok:false and an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusUrlFor } from './lib/corpus';
import { DOM_LIBRARIES, type DomLibrary } from './lib/dom';
import { createEngine, ENGINE_NAMES, type EngineName } from './lib/engine';
import type { PageInput } from './lib/page-record';
import { createProgress } from './lib/progress';

const USAGE = `usage: npm run --silent extract -- [--engine ${ENGINE_NAMES.join('|')}] [--dom ${DOM_LIBRARIES.join('|')}] [--time-budget MS] (--manifest pages.jsonl | FILE... [--url URL])`;

/** Where a page with no known address pretends to live (never resolvable, never fetched). */
const NOWHERE = 'https://example.invalid/';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

/** The page's URL: given, else the corpus metadata's, else a stand-in named after the file. */
function urlForFile(file: string, given?: string): string {
  return given || corpusUrlFor(file) || NOWHERE + encodeURIComponent(path.basename(file));
}

/**
 * Manifest lines are `{"file", "url"}`; a relative file is taken from the current directory
 * when it is there, else from the manifest's own directory.
 */
function readManifest(manifest: string): PageInput[] {
  const lines = readFileSync(manifest, 'utf8').split('\n');
  const pages: PageInput[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let entry: { file?: unknown; url?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      fail(`${manifest}:${index + 1}: not a JSON line`);
    }
    if (typeof entry.file !== 'string') fail(`${manifest}:${index + 1}: no "file"`);
    const file = entry.file;
    const besideManifest = path.resolve(path.dirname(manifest), file);
    const readable = path.isAbsolute(file) || existsSync(file) ? file : besideManifest;
    pages.push({
      file: readable,
      url: urlForFile(readable, typeof entry.url === 'string' ? entry.url : undefined),
    });
  });
  return pages;
}

function writeLine(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${line}\n`)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const engineName = (values.engine ?? 'node') as EngineName;
  if (!ENGINE_NAMES.includes(engineName)) fail(`unknown engine ${engineName}`);
  const dom = values.dom as DomLibrary | undefined;
  if (dom && !DOM_LIBRARIES.includes(dom)) fail(`unknown DOM library ${dom}`);
  if (values.manifest && positionals.length > 0) fail('give either --manifest or files, not both');
  if (values.url && positionals.length !== 1) fail('--url needs exactly one FILE');

  const pages = values.manifest
    ? readManifest(values.manifest)
    : positionals.map((file) => ({ file, url: urlForFile(file, values.url) }));
  if (pages.length === 0) fail('no pages given');

  const budget = values['time-budget'] === undefined ? undefined : Number(values['time-budget']);
  if (budget !== undefined && !(budget > 0)) fail('--time-budget wants milliseconds');
  const engine = await createEngine(engineName, { dom, core: budget ? { timeBudgetMs: budget } : undefined });
  const progress = createProgress(pages.length, `extract (${engineName})`);
  let failures = 0;
  try {
    for (const page of pages) {
      const record = await engine.extract(page);
      if (!record.ok) failures++;
      await writeLine(JSON.stringify(record));
      progress.tick(path.basename(page.file));
    }
  } finally {
    progress.done();
    await engine.close();
  }
  if (failures > 0) process.stderr.write(`${failures} of ${pages.length} pages gave no story (ok: false)\n`);
}

function parseCli() {
  return parseArgs({
    allowPositionals: true,
    options: {
      engine: { type: 'string' },
      dom: { type: 'string' },
      manifest: { type: 'string' },
      url: { type: 'string' },
      'time-budget': { type: 'string' },
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `extract: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
