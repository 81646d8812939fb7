/**
 * npm run eval -- [--set NAME] [--limit N] [--json] [--baseline-dom linkedom|jsdom]
 *
 * Our engine (under Node, jsdom) and plain Readability side by side on the shared corpus
 * (../shared/corpus or KLARTEXT_CORPUS): figures against the targets, the pages we lose on,
 * eval/results.json and eval/report.html; a full run also refreshes docs/eval-summary.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExtractOptions } from '../src/core/story';
import { type ExtractStory, loadExtractStory, repoRoot } from './lib/core';
import { corpusDir } from './lib/corpus';
import { decodeHtml, readPageBytes } from './lib/decode';
import { DEFAULT_DOM } from './lib/document-engine';
import { DOM_LIBRARIES, type DomLibrary, parseDocument } from './lib/dom';
import { extractWithCore } from './lib/engine-node';
import { extractWithReadability } from './lib/engine-readability';
import { articleBenchmarkSection } from './lib/eval-article-benchmark';
import { gateSection } from './lib/eval-gate';
import { newsDevSection } from './lib/eval-news-dev';
import { regionalDevSection } from './lib/eval-regional-dev';
import type { EvalContext, EvalSection, PagePair, SectionResult } from './lib/eval-section';
import { failedRecord, type PageInput } from './lib/page-record';
import { createProgress } from './lib/progress';
import {
  printSection,
  type RunInfo,
  summaryOf,
  writeHtmlReport,
  writeResults,
  writeSummary,
} from './lib/report';

/** In order of the printout. A new section is a module exporting an EvalSection, added here. */
const EVAL_SECTIONS: readonly EvalSection[] = [
  articleBenchmarkSection,
  newsDevSection,
  regionalDevSection,
  gateSection,
];

/**
 * The eval measures what the engine finds, not how busy the machine is: the extension's time
 * budget would turn pages into timeouts on a loaded CI runner. Slow pages are counted instead.
 */
const CORE_OPTIONS: ExtractOptions = { timeBudgetMs: 60_000 };

const OUT_DIR = path.join(repoRoot, 'eval');
const SUMMARY_FILE = path.join(repoRoot, 'docs', 'eval-summary.json');

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
    'baseline-dom': { type: 'string', default: 'linkedom' },
  },
});

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run eval -- [--set ${EVAL_SECTIONS.map((s) => s.name).join('|')}] [--limit N] [--json] [--baseline-dom ${DOM_LIBRARIES.join('|')}]\n`,
  );
  process.exit(1);
}

const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
  usage(`--limit wants a positive whole number`);
const sections = values.set ? EVAL_SECTIONS.filter((s) => s.name === values.set) : EVAL_SECTIONS;
if (sections.length === 0) usage(`unknown set ${values.set}`);
const baselineDom = values['baseline-dom'] as DomLibrary;
if (!DOM_LIBRARIES.includes(baselineDom)) usage(`unknown DOM library ${baselineDom}`);

/**
 * Both engines read the same decoded text. Readability gets its own document (it mutates what it
 * is given): by default a linkedom parse, as the corpus README's baseline figures were made,
 * and five times faster than a jsdom clone; `--baseline-dom jsdom` gives it a clone of ours.
 */
function createPageRunner(extractStory: ExtractStory | Error): (page: PageInput) => PagePair {
  return (page) => {
    let ours: ReturnType<typeof parseDocument> | undefined;
    try {
      const decoded = decodeHtml(readPageBytes(page.file));
      const encoding = `${decoded.encoding} (${decoded.source})`;
      ours = parseDocument(decoded.text, page.url, DEFAULT_DOM);
      const baseline =
        baselineDom === DEFAULT_DOM
          ? { document: ours.document.cloneNode(true) as Document, close: () => {} }
          : parseDocument(decoded.text, page.url, baselineDom);
      const readability = { ...extractWithReadability(baseline.document, page), encoding };
      baseline.close();
      const klartext =
        extractStory instanceof Error
          ? failedRecord(page, 'node', extractStory, 0)
          : { ...extractWithCore(extractStory, ours.document, page, CORE_OPTIONS), encoding };
      return { klartext, readability };
    } catch (error) {
      return {
        klartext: failedRecord(page, 'node', error, 0),
        readability: failedRecord(page, 'readability', error, 0),
      };
    } finally {
      ours?.close();
    }
  };
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const corpus = corpusDir();
  if (!existsSync(corpus)) usage(`no corpus at ${corpus} (set KLARTEXT_CORPUS)`);
  mkdirSync(OUT_DIR, { recursive: true });
  const extractStory = await loadExtractStory().catch((error: Error) => error);
  if (extractStory instanceof Error) {
    process.stderr.write(`WARNING: ${extractStory.message}; only the Readability baseline is measured\n`);
  }
  const runOne = createPageRunner(extractStory);
  const cache = new Map<string, PagePair>();
  const started = performance.now();
  const results: SectionResult[] = [];
  const print = (line: string) => process.stdout.write(`${line}\n`);

  for (const section of sections) {
    const ctx: EvalContext = {
      corpus,
      limit,
      outDir: OUT_DIR,
      log: (message) => process.stderr.write(`${message}\n`),
      async runPages(pages) {
        const progress = createProgress(pages.length, section.name);
        const pairs: PagePair[] = [];
        for (const page of pages) {
          let pair = cache.get(page.file);
          if (!pair) {
            pair = runOne(page);
            cache.set(page.file, pair);
            // jsdom lets go of a closed window only once the event loop turns: without this
            // pause a run keeps every page alive and dies of heap exhaustion halfway.
            await new Promise((resolve) => setImmediate(resolve));
          }
          pairs.push(pair);
          progress.tick(page.id);
        }
        progress.done();
        return pairs;
      },
    };
    const result = await section.run(ctx);
    if (!result) {
      process.stderr.write(`${section.name}: nothing to evaluate, skipped\n`);
      continue;
    }
    results.push(result);
    printSection(result, print);
  }

  const info: RunInfo = {
    generatedAt: new Date().toISOString(),
    commit: currentCommit(),
    corpus,
    limit,
    seconds: (performance.now() - started) / 1000,
    baselineDom,
  };
  writeResults(path.join(OUT_DIR, 'results.json'), results, info);
  writeHtmlReport(path.join(OUT_DIR, 'report.html'), results, info);
  const complete = limit === undefined && sections === EVAL_SECTIONS && !(extractStory instanceof Error);
  if (complete) writeSummary(SUMMARY_FILE, results, info);
  print(
    `\n${info.seconds.toFixed(0)} s; wrote eval/results.json, eval/report.html${complete ? ', docs/eval-summary.json' : ' (docs/eval-summary.json only on a full run)'}`,
  );
  if (values.json) print(JSON.stringify(summaryOf(results, info)));
}

main().catch((error: unknown) => {
  process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
