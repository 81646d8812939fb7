import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/browser/paths';

const run = promisify(execFile);

const CONTRACT_KEYS = [
  'pages',
  'pipelineOverReadabilityMedian',
  'pipelineOverReadabilityP95',
  'openP95Ms',
  'autoMedianMs',
  'contentScriptGzipKB',
  'heapAfterCloseDeltaKB',
];

// The benchmark on two pages (the seed page and one corpus page), without any time threshold:
// a machine's speed is not a test result, but a broken measure or JSON line is.
describe('npm run bench -- --json on two pages', () => {
  it('prints the JSON contract last, with a figure for every measure', async () => {
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'scripts/bench.ts',
        '--sets',
        'seed,article-benchmark',
        '--limit',
        '1',
        '--reps',
        '1',
        '--warmup',
        '0',
        '--sample-every',
        '1',
        '--json',
      ],
      { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(CONTRACT_KEYS);
    expect(line.pages).toBe(2);

    const results = JSON.parse(await readFile(path.join(REPO_ROOT, 'bench', 'results.json'), 'utf8')) as {
      summary: { autoAvailable: boolean; errors: unknown[] };
      pages: { id: string; readabilityMs: unknown; pipelineMs: unknown; openMs: unknown; heap: unknown }[];
    };
    expect(results.summary.errors).toEqual([]);
    for (const key of CONTRACT_KEYS) {
      if (key === 'autoMedianMs' && !results.summary.autoAvailable) expect(line[key]).toBeNull();
      else expect(Number.isFinite(line[key]), `${key} = ${String(line[key])}`).toBe(true);
    }
    expect(results.pages.map((p) => p.id)).toEqual([
      'seed/wochenblatt',
      expect.stringMatching(/^article-benchmark\//),
    ]);
    for (const page of results.pages) {
      expect(page.readabilityMs).toBeGreaterThan(0);
      expect(page.pipelineMs).toBeGreaterThan(0);
      expect(page.openMs).toBeGreaterThan(0);
      expect(page.heap).toEqual({
        before: expect.any(Number),
        afterOpen: expect.any(Number),
        afterClose: expect.any(Number),
      });
    }
  }, 240_000);
});
