/**
 * regional-dev: hand-written checks for the reader view (title, byline, outlet, pictures with
 * captions and credits, story text). Scored per page by our port of check.py, and in total by
 * check.py itself, the reference.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { regionalDevPages } from './corpus';
import {
  ENGINE_IDS,
  type EngineId,
  type EvalSection,
  type Figure,
  limited,
  scorePages,
} from './eval-section';
import { type CheckKind, checkRegionalPage } from './regional-checks';

export const regionalDevSection: EvalSection = {
  name: 'regional-dev',
  title: 'regional-dev (19 hand-annotated regional pages, reader-view checks)',
  async run(ctx) {
    const pages = limited(regionalDevPages(ctx.corpus), ctx.limit);
    const { outcomes, scores, records } = await scorePages(ctx, pages, (page, record) => {
      const checks = checkRegionalPage(page.expect, record);
      const notes = checks.filter((c) => !c.ok).map((c) => `${c.kind}: ${c.message}`);
      return { score: checks, pageScore: checks.filter((c) => c.ok).length / checks.length, notes };
    });
    const tallies: Record<EngineId, Map<CheckKind, [number, number]>> = {
      klartext: new Map(),
      readability: new Map(),
    };
    for (const engine of ENGINE_IDS) {
      for (const c of scores[engine].flat()) {
        const tally = tallies[engine].get(c.kind) ?? [0, 0];
        tallies[engine].set(c.kind, [tally[0] + (c.ok ? 1 : 0), tally[1] + 1]);
      }
    }

    const remarks: string[] = [];
    const reference: Partial<Record<EngineId, { passed: number; total: number }>> = {};
    // check.py scores the whole expect.json; a partial run would count missing pages as failures.
    if (ctx.limit === undefined) {
      for (const engine of ENGINE_IDS) {
        const out = path.join(ctx.outDir, `regional-dev.${engine}.jsonl`);
        writeFileSync(out, `${records[engine].map((r) => JSON.stringify(r)).join('\n')}\n`);
        const summary = runCheckPy(ctx.corpus, out);
        reference[engine] = summary.passed;
        remarks.push(`check.py on ${engine}: ${summary.lines.join('; ')}`);
      }
    }

    const kinds = [...new Set(ENGINE_IDS.flatMap((e) => [...tallies[e].keys()]))];
    const total = (engine: EngineId) => [...tallies[engine].values()].reduce((sum, [ok]) => sum + ok, 0);
    const checkCount = [...tallies.klartext.values()].reduce((sum, [, n]) => sum + n, 0);
    for (const engine of ENGINE_IDS) {
      const ref = reference[engine];
      if (ref && (ref.passed !== total(engine) || ref.total !== checkCount)) {
        remarks.push(
          `WARNING: our port of check.py counts ${total(engine)}/${checkCount} for ${engine}, check.py ${ref.passed}/${ref.total}: trust check.py`,
        );
      }
    }
    const figures: Figure[] = [
      {
        label: 'checks passed',
        values: {
          klartext: reference.klartext?.passed ?? total('klartext'),
          readability: reference.readability?.passed ?? total('readability'),
        },
        of: checkCount,
        target: 0.95,
      },
      ...kinds.map((kind) => ({
        label: kind,
        values: {
          klartext: tallies.klartext.get(kind)?.[0] ?? 0,
          readability: tallies.readability.get(kind)?.[0] ?? 0,
        },
        of: tallies.klartext.get(kind)?.[1] ?? 0,
      })),
    ];
    return {
      name: this.name,
      title: this.title,
      pageScore: 'share of the page’s checks passed',
      figures,
      pages: outcomes,
      remarks,
    };
  },
};

/** Runs the reference scorer; it exits 1 when any check fails, which is not an error here. */
function runCheckPy(
  corpus: string,
  outFile: string,
): { passed: { passed: number; total: number } | undefined; lines: string[] } {
  const script = path.join(corpus, 'regional-dev', 'check.py');
  let stdout: string;
  try {
    stdout = execFileSync('python3', [script, outFile, '--by-type'], { encoding: 'utf8' });
  } catch (error) {
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout) return { passed: undefined, lines: [`could not run check.py: ${String(error)}`] };
  }
  const lines = stdout.trim().split('\n');
  const summary = lines.filter((l) => l.startsWith('by type:') || l.startsWith('passed '));
  const match = /passed (\d+)\/(\d+) checks/.exec(stdout);
  return {
    passed: match ? { passed: Number(match[1]), total: Number(match[2]) } : undefined,
    lines: summary,
  };
}
