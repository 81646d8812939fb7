/**
 * `web-ext lint` (Mozilla's addons-linter, what AMO runs on upload) on the built Firefox
 * extension: no errors, no warnings, no notices. Its UNSAFE_VAR_ASSIGNMENT check is the one
 * that would see an innerHTML assignment in our code or in a bundled library.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/serve';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintReport {
  count: number;
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const firefoxDir = path.join(repoRoot, 'dist', 'firefox');

function lint(): LintReport {
  if (!existsSync(path.join(firefoxDir, 'manifest.json')))
    throw new Error('dist/firefox is missing: run `npm run build` first');
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'web-ext');
  let out: string;
  try {
    out = execFileSync(
      bin,
      ['lint', '--source-dir', firefoxDir, '--output', 'json', '--no-config-discovery'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch (error) {
    // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  return JSON.parse(out.slice(out.indexOf('{'))) as LintReport;
}

describe('web-ext lint on dist/firefox', () => {
  it('reports no errors, warnings or notices', { timeout: 60_000 }, () => {
    const report = lint();
    const messages = [...report.errors, ...report.warnings, ...report.notices].map(
      (m) => `${m.code} ${m.file ?? ''}: ${m.message}`,
    );
    expect(messages).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });
});
