/**
 * `npm run test:security`: the whole XSS suite (tests/security) in Chromium and Firefox with the
 * built extension. Progress goes to stderr, the figures to stdout and tests/security/reports/.
 * Exit code 1 when anything executed, anything was flagged, or a page could not be tested.
 *
 *   --browsers chromium,firefox   which browsers (default both, run side by side)
 *   --sample                      the small committed sample instead of the whole collection
 *   --vectors N                   only the first N vectors
 *   --positions a,b               only these positions (see tests/security/pages.ts)
 *   --batch N                     vectors per page for repeated positions (default 50)
 *   --settle MS                   watch time before and after opening the reader (default 300)
 *   --tabs N                      pages in flight per browser (default 3)
 *   --serial                      one browser after the other (less load, twice the time)
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserRunResult, runVectorsInBrowser } from '../tests/security/run';
import { loadVectors, SAMPLE_VECTORS, SHARED_VECTORS } from '../tests/security/vectors';
import type { BrowserName } from './lib/browser/session';
import { repoRoot } from './lib/serve';

const { values } = parseArgs({
  options: {
    browsers: { type: 'string', default: 'chromium,firefox' },
    sample: { type: 'boolean', default: false },
    vectors: { type: 'string' },
    positions: { type: 'string' },
    batch: { type: 'string', default: '50' },
    settle: { type: 'string', default: '300' },
    tabs: { type: 'string', default: '3' },
    serial: { type: 'boolean', default: false },
  },
});

const browsers = values.browsers.split(',').map((b) => b.trim()) as BrowserName[];
for (const b of browsers) if (b !== 'chromium' && b !== 'firefox') throw new Error(`unknown browser ${b}`);
let vectors = loadVectors(values.sample ? SAMPLE_VECTORS : SHARED_VECTORS);
if (values.vectors) vectors = vectors.slice(0, Number(values.vectors));
const positions = values.positions?.split(',').map((p) => p.trim());

// A copy of the build: other work on this machine may rebuild dist/ while the suite runs.
const snapshot = await mkdtemp(path.join(os.tmpdir(), 'klartext-security-'));
const extensionDirs: Record<BrowserName, string> = {
  chromium: path.join(snapshot, 'chrome'),
  firefox: path.join(snapshot, 'firefox'),
};
await cp(path.join(repoRoot, 'dist', 'chrome'), extensionDirs.chromium, { recursive: true });
await cp(path.join(repoRoot, 'dist', 'firefox'), extensionDirs.firefox, { recursive: true });

const started = Date.now();
const run = (name: BrowserName) =>
  runVectorsInBrowser(name, vectors, {
    batchSize: Number(values.batch),
    settleMs: Number(values.settle),
    tabs: Number(values.tabs),
    extensionDir: extensionDirs[name],
    positions,
    onProgress(done, total, page) {
      if (done % 50 === 0 || done === total) {
        const elapsed = Math.round((Date.now() - started) / 1000);
        process.stderr.write(`[${name}] ${done}/${total} pages (${elapsed} s) ${page}\n`);
      }
    },
  });

const results: BrowserRunResult[] = [];
try {
  if (values.serial) for (const b of browsers) results.push(await run(b));
  else results.push(...(await Promise.all(browsers.map(run))));
} finally {
  await rm(snapshot, { recursive: true, force: true });
}

const total = {
  tried: results.reduce((n, r) => n + r.tried, 0),
  executed: results.reduce((n, r) => n + r.executed.length, 0),
  flagged: results.reduce((n, r) => n + r.flagged.length, 0),
  failures: results.reduce((n, r) => n + r.failures.length, 0),
};
const first = results[0];
const lines = [
  `XSS suite: ${first?.vectors ?? 0} vectors × ${first?.positions ?? 0} positions × ${results.length} browsers`,
  `  tried: ${total.tried} vector-position pairs (${results.map((r) => `${r.browser}: ${r.tried} on ${r.pages} pages, ${r.excluded} page-wrecking pairs kept out of raw positions`).join('; ')})`,
  `  executed: ${total.executed}`,
  `  flagged (dangerous constructs in the reader DOM): ${total.flagged}`,
  `  pages not tested (reader did not open): ${total.failures}`,
  ...results.map(
    (r) =>
      `  ${r.browser}: ${r.seconds} s, ${r.noStoryPages} pages answered with a message, ${r.clickRetries} toolbar clicks repeated, ${r.unconfirmed} first-pass findings re-run alone, ${r.repeatingInPage} beacons the page kept firing by itself, ${r.readerRequests} reader requests to vector URLs`,
  ),
  `  wall time: ${Math.round((Date.now() - started) / 1000)} s`,
];
process.stdout.write(`${lines.join('\n')}\n`);
for (const r of results) {
  for (const e of r.executed.slice(0, 20))
    process.stdout.write(`  EXECUTED ${r.browser} ${e.page} ${e.vector} @ ${e.position} (${e.how})\n`);
  for (const f of r.flagged.slice(0, 20))
    process.stdout.write(`  FLAGGED ${r.browser} ${f.page}: ${f.findings.slice(0, 5).join('; ')}\n`);
  for (const f of r.failures.slice(0, 20))
    process.stdout.write(`  NOT TESTED ${r.browser} ${f.page}: ${f.error}\n`);
}

const reportDir = path.join(repoRoot, 'tests', 'security', 'reports');
await mkdir(reportDir, { recursive: true });
const name = values.sample || values.vectors || values.positions ? 'partial.json' : 'latest.json';
await writeFile(
  path.join(reportDir, name),
  `${JSON.stringify({ date: new Date().toISOString(), summary: lines, results }, null, 1)}\n`,
);
process.exitCode = total.executed || total.flagged || total.failures ? 1 : 0;
