/**
 * npm run bench -- [--limit N] [--sets seed,article-benchmark,news-dev] [--reps N] [--warmup N]
 *                  [--sample-every N] [--no-open] [--no-auto] [--profile] [--json]
 *
 * How fast the reader is, in headless Chromium with the built extension, on the seed page and
 * the shared corpus served from localhost: plain Readability vs our pipeline in the same page
 * load, the real toolbar click to the reader's first paint, auto mode, the JS heap around
 * opening and closing, and the bundle sizes. Writes bench/results.json and bench/report.html;
 * a full run also refreshes docs/bench-summary.json and docs/bench-report.png.
 * `--json` prints the human summary to stderr and one JSON line to stdout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type PageMeasures, startBrowserBench } from './lib/bench-browser';
import { measureBundle } from './lib/bench-bundle';
import { BENCH_SETS, type BenchSet, benchPages } from './lib/bench-pages';
import { ProfileAggregate } from './lib/bench-profile';
import { benchProgress } from './lib/bench-progress';
import { screenshotReport, writeReport } from './lib/bench-report';
import { type BenchSummary, contractLine, printSummary, summarizeBench } from './lib/bench-summary';
import { DIST, REPO_ROOT } from './lib/browser/paths';
import { newestMtime } from './lib/core-bundle';
import { startServer } from './lib/serve';

const OUT_DIR = path.join(REPO_ROOT, 'bench');
const DOCS_DIR = path.join(REPO_ROOT, 'docs');

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    sets: { type: 'string' },
    reps: { type: 'string', default: '2' },
    'sample-every': { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    'no-open': { type: 'boolean', default: false },
    'no-auto': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run bench -- [--limit N] [--sets ${BENCH_SETS.join(',')}] [--reps N] [--warmup N] [--sample-every N] [--no-open] [--no-auto] [--profile] [--json]\n`,
  );
  process.exit(1);
}

function wholeNumber(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) usage(`--${name} wants a whole number ≥ ${min}`);
  return n;
}

const limit = wholeNumber('limit', values.limit, 1);
const reps = wholeNumber('reps', values.reps, 1) ?? 2;
/** The heap (three full GCs) and auto mode (a second page load) are measured on every n-th page. */
const sampleEvery = wholeNumber('sample-every', values['sample-every'], 1) ?? 3;
const warmup = wholeNumber('warmup', values.warmup, 0) ?? 1;
const sets = (values.sets ? values.sets.split(',') : [...BENCH_SETS]) as BenchSet[];
for (const set of sets) if (!BENCH_SETS.includes(set)) usage(`unknown set ${set}`);
const profile = values.profile ? new ProfileAggregate() : undefined;
const fullRun =
  !profile &&
  limit === undefined &&
  sets.length === BENCH_SETS.length &&
  !values['no-open'] &&
  !values['no-auto'];
/** With --json, stdout carries the one JSON line only. */
const say = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

ensureBuild();
const started = performance.now();
const pages = benchPages(sets, limit);
const bundle = await measureBundle(DIST.chromium);
const server = await startServer();
const bench = await startBrowserBench(server.url, {
  warmup,
  reps,
  slowMs: 400,
  open: !values['no-open'],
  auto: !values['no-auto'],
  timeoutMs: 20_000,
  profile,
});
const results: PageMeasures[] = [];
const progress = benchProgress(pages.length);
try {
  for (const [index, page] of pages.entries()) {
    const measured = await bench.measure(page, index % sampleEvery === 0);
    results.push(measured);
    progress.tick(`${page.id} ${measured.pipelineMs ?? '—'} ms`);
  }
} finally {
  progress.done();
  await bench.close();
  await server.close();
}

const summary: BenchSummary = summarizeBench(results, bundle, { autoAvailable: bench.autoAvailable });
const seconds = Math.round((performance.now() - started) / 1000);
const run = {
  generatedAt: new Date().toISOString(),
  commit: gitCommit(),
  seconds,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version },
  options: { limit: limit ?? null, sets, reps, warmup, sampleEvery },
};
printSummary(summary, say);
if (profile) printProfile(profile, say);
say(`\n${results.length} pages in ${seconds} s`);

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(
  path.join(OUT_DIR, 'results.json'),
  `${JSON.stringify({ run, summary, bundle, pages: results }, null, 1)}\n`,
);
const reportFile = path.join(OUT_DIR, 'report.html');
writeFileSync(reportFile, writeReport({ run, summary, bundle, pages: results }));
say(
  `wrote ${path.relative(process.cwd(), path.join(OUT_DIR, 'results.json'))} and ${path.relative(process.cwd(), reportFile)}`,
);
if (fullRun) {
  mkdirSync(DOCS_DIR, { recursive: true });
  writeFileSync(
    path.join(DOCS_DIR, 'bench-summary.json'),
    `${JSON.stringify({ run, ...summary }, null, 2)}\n`,
  );
  await screenshotReport(reportFile, path.join(DOCS_DIR, 'bench-report.png'));
  say('refreshed docs/bench-summary.json and docs/bench-report.png');
}
if (values.json) process.stdout.write(`${JSON.stringify(contractLine(summary))}\n`);

/** The benchmark measures the built extension: rebuild it when a source is newer than the build. */
function ensureBuild(): void {
  const built = path.join(DIST.chromium, 'manifest.json');
  const sources = ['src', 'public', 'manifest.json', 'vite.config.ts'].map((p) => path.join(REPO_ROOT, p));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  process.stderr.write('bench: building the Chromium extension (sources are newer than dist/chrome)\n');
  execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

function printProfile(aggregate: ProfileAggregate, write: (line: string) => void): void {
  write('\n  CPU profile of the extraction runs (self time, all pages):');
  for (const s of aggregate.byScript()) write(`    ${String(s.selfMs).padStart(8)} ms  ${s.script}`);
  write('');
  for (const f of aggregate.top(40)) write(`    ${String(f.selfMs).padStart(8)} ms  ${f.name}  ${f.where}`);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
