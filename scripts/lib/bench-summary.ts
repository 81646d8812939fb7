/** The benchmark's figures: per-measure medians, p95 and max, the targets, the printout and the JSON line. */
import type { PageMeasures } from './bench-browser';
import type { BundleReport } from './bench-bundle';
import { quantile, round, type Summary, summarize } from './bench-stats';

/** The figures issue 8 sets as targets. */
export const TARGETS = {
  ratioMedian: 1.3,
  ratioP95: 1.6,
  openP95Ms: 150,
  autoMedianMs: 50,
  contentScriptGzipKB: 60,
  heapAfterCloseDeltaKB: 1024,
  pipelineMaxMs: 1000,
} as const;

export interface StepProfile {
  step: string;
  /** Median over pages of the step's time. */
  medianMs: number | null;
  /** Sum over pages: where the pipeline's time goes in all. */
  totalMs: number;
  share: number;
}

export interface Target {
  name: string;
  value: number | null;
  /** The value must be at most this. */
  atMost: number;
  met: boolean | null;
}

export interface BenchSummary {
  pages: number;
  readabilityMs: Summary;
  pipelineMs: Summary;
  /** Of the per-page ratios pipeline/readability. */
  ratio: Summary;
  openMs: Summary;
  /** The open path split by the reader's own timings. */
  openParts: { beforeExtract: Summary; extract: Summary; render: Summary; frame: Summary };
  autoMs: Summary;
  autoAvailable: boolean;
  heapKB: { afterOpenDelta: Summary; afterCloseDelta: Summary };
  contentScript: { bytes: number; gzipKB: number };
  pipelineOver1s: string[];
  outcomes: Record<string, number>;
  steps: StepProfile[];
  slowest: Pick<
    PageMeasures,
    'id' | 'pipelineMs' | 'readabilityMs' | 'ratio' | 'elements' | 'htmlKB' | 'outcome'
  >[];
  highestRatio: Pick<PageMeasures, 'id' | 'pipelineMs' | 'readabilityMs' | 'ratio'>[];
  slowestOpen: Pick<PageMeasures, 'id' | 'openMs' | 'reader'>[];
  errors: { id: string; errors: string[] }[];
  targets: Target[];
}

export interface ContractLine {
  pages: number;
  pipelineOverReadabilityMedian: number | null;
  pipelineOverReadabilityP95: number | null;
  openP95Ms: number | null;
  autoMedianMs: number | null;
  contentScriptGzipKB: number;
  heapAfterCloseDeltaKB: number | null;
}

const WORST_SHOWN = 10;

export function summarizeBench(
  pages: readonly PageMeasures[],
  bundle: BundleReport,
  options: { autoAvailable: boolean },
): BenchSummary {
  const kb = (bytes: number) => bytes / 1024;
  const heaps = pages.flatMap((p) => (p.heap ? [p.heap] : []));
  const withReader = pages.filter((p) => p.openMs !== null && p.reader);
  const part = (
    f: (p: PageMeasures & { openMs: number; reader: NonNullable<PageMeasures['reader']> }) => number | null,
  ) => roundSummary(summarize(withReader.map((p) => f(p as Parameters<typeof f>[0]))), 1);
  const summary: Omit<BenchSummary, 'targets'> = {
    pages: pages.length,
    readabilityMs: roundSummary(summarize(pages.map((p) => p.readabilityMs)), 1),
    pipelineMs: roundSummary(summarize(pages.map((p) => p.pipelineMs)), 1),
    ratio: roundSummary(summarize(pages.map((p) => p.ratio)), 3),
    openMs: roundSummary(summarize(pages.map((p) => p.openMs)), 1),
    openParts: {
      beforeExtract: part((p) =>
        p.reader.firstFrame === null ? null : p.openMs - p.reader.firstFrame - p.reader.extract,
      ),
      extract: part((p) => p.reader.extract),
      render: part((p) => p.reader.render),
      frame: part((p) => (p.reader.firstFrame === null ? null : p.reader.firstFrame - p.reader.render)),
    },
    autoMs: roundSummary(summarize(pages.map((p) => p.autoMs)), 1),
    autoAvailable: options.autoAvailable,
    heapKB: {
      afterOpenDelta: roundSummary(summarize(heaps.map((h) => kb(h.afterOpen - h.before))), 0),
      afterCloseDelta: roundSummary(summarize(heaps.map((h) => kb(h.afterClose - h.before))), 0),
    },
    contentScript: {
      bytes: bundle.contentScript.bytes,
      gzipKB: round(kb(bundle.contentScript.gzip), 1) ?? 0,
    },
    pipelineOver1s: pages.filter((p) => (p.pipelineMs ?? 0) > TARGETS.pipelineMaxMs).map((p) => p.id),
    outcomes: countBy(pages.map((p) => p.outcome ?? 'not measured')),
    steps: stepProfile(pages),
    slowest: [...pages]
      .filter((p) => p.pipelineMs !== null)
      .sort((a, b) => (b.pipelineMs ?? 0) - (a.pipelineMs ?? 0))
      .slice(0, WORST_SHOWN)
      .map(({ id, pipelineMs, readabilityMs, ratio, elements, htmlKB, outcome }) => ({
        id,
        pipelineMs,
        readabilityMs,
        ratio,
        elements,
        htmlKB,
        outcome,
      })),
    highestRatio: [...pages]
      .filter((p) => p.ratio !== null)
      .sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0))
      .slice(0, WORST_SHOWN)
      .map(({ id, pipelineMs, readabilityMs, ratio }) => ({ id, pipelineMs, readabilityMs, ratio })),
    slowestOpen: [...pages]
      .filter((p) => p.openMs !== null)
      .sort((a, b) => (b.openMs ?? 0) - (a.openMs ?? 0))
      .slice(0, WORST_SHOWN)
      .map(({ id, openMs, reader }) => ({ id, openMs, reader })),
    errors: pages.filter((p) => p.errors.length).map(({ id, errors }) => ({ id, errors })),
  };
  const line = contractLine(summary);
  const target = (name: string, value: number | null, atMost: number): Target => ({
    name,
    value,
    atMost,
    met: value === null ? null : value <= atMost,
  });
  return {
    ...summary,
    targets: [
      target('pipeline/readability median', line.pipelineOverReadabilityMedian, TARGETS.ratioMedian),
      target('pipeline/readability p95', line.pipelineOverReadabilityP95, TARGETS.ratioP95),
      target('open p95 (ms)', line.openP95Ms, TARGETS.openP95Ms),
      target('auto median (ms)', line.autoMedianMs, TARGETS.autoMedianMs),
      target('content script (KB gzip)', line.contentScriptGzipKB, TARGETS.contentScriptGzipKB),
      target(
        'heap after close, median delta (KB)',
        line.heapAfterCloseDeltaKB,
        TARGETS.heapAfterCloseDeltaKB,
      ),
      target('pipeline max (ms)', summary.pipelineMs.max, TARGETS.pipelineMaxMs),
    ],
  };
}

/** The one JSON line `--json` prints last (other checks read it: keep its keys). */
export function contractLine(summary: Omit<BenchSummary, 'targets'>): ContractLine {
  return {
    pages: summary.pages,
    pipelineOverReadabilityMedian: summary.ratio.median,
    pipelineOverReadabilityP95: summary.ratio.p95,
    openP95Ms: summary.openMs.p95,
    autoMedianMs: summary.autoMs.median,
    contentScriptGzipKB: summary.contentScript.gzipKB,
    heapAfterCloseDeltaKB: summary.heapKB.afterCloseDelta.median,
  };
}

/** Where the pipeline's time goes: each step of extractStory's Diagnostics.timings over all pages. */
function stepProfile(pages: readonly PageMeasures[]): StepProfile[] {
  const names = [...new Set(pages.flatMap((p) => Object.keys(p.steps)))];
  const totals = names.map((step) => {
    const values = pages.map((p) => p.steps[step]).filter((v): v is number => typeof v === 'number');
    return { step, medianMs: round(quantile(values, 0.5), 1), totalMs: values.reduce((s, v) => s + v, 0) };
  });
  const all = totals.reduce((s, t) => s + t.totalMs, 0) || 1;
  return totals
    .map((t) => ({
      ...t,
      totalMs: Math.round(t.totalMs),
      share: Math.round((t.totalMs / all) * 1000) / 1000,
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

function roundSummary(s: Summary, digits: number): Summary {
  return { n: s.n, median: round(s.median, digits), p95: round(s.p95, digits), max: round(s.max, digits) };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export function printSummary(summary: BenchSummary, say: (line: string) => void): void {
  const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);
  const row = (label: string, s: Summary, unit = ' ms') =>
    say(
      `  ${label.padEnd(30)} median ${fmt(s.median, unit).padStart(10)}   p95 ${fmt(s.p95, unit).padStart(10)}   max ${fmt(s.max, unit).padStart(10)}   (n=${s.n})`,
    );
  say(`\n== Klartext benchmark: ${summary.pages} pages, headless Chromium`);
  row('readability (plain)', summary.readabilityMs);
  row('pipeline (extractStory)', summary.pipelineMs);
  row('ratio pipeline/readability', summary.ratio, '');
  row('open (click → first paint)', summary.openMs);
  row('  injection+messaging', summary.openParts.beforeExtract);
  row('  extraction', summary.openParts.extract);
  row('  render', summary.openParts.render);
  row('  wait for frame', summary.openParts.frame);
  if (summary.autoAvailable) row('auto (DOMContentLoaded → paint)', summary.autoMs);
  else say('  auto                           not measured: this build has no auto mode yet');
  row('heap after open − before', summary.heapKB.afterOpenDelta, ' KB');
  row('heap after close − before', summary.heapKB.afterCloseDelta, ' KB');
  say(
    `  content script                 ${(summary.contentScript.bytes / 1024).toFixed(1)} KB raw, ${summary.contentScript.gzipKB} KB gzip`,
  );
  say(
    `  outcomes: ${Object.entries(summary.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  say('\n  where the pipeline spends its time (all pages):');
  for (const s of summary.steps)
    say(
      `    ${s.step.padEnd(14)} ${String(s.totalMs).padStart(8)} ms  ${(s.share * 100).toFixed(1).padStart(5)} %   median ${fmt(s.medianMs, ' ms')}`,
    );
  say('\n  ten slowest pages (pipeline):');
  for (const p of summary.slowest)
    say(
      `    ${fmt(p.pipelineMs, ' ms').padStart(10)}  readability ${fmt(p.readabilityMs, ' ms').padStart(9)}  ratio ${fmt(p.ratio).padStart(6)}  ${String(p.elements ?? '?').padStart(6)} el  ${p.id}`,
    );
  say('\n  ten highest ratios:');
  for (const p of summary.highestRatio)
    say(
      `    ${fmt(p.ratio).padStart(6)}  ${fmt(p.pipelineMs, ' ms').padStart(10)} vs ${fmt(p.readabilityMs, ' ms').padStart(9)}  ${p.id}`,
    );
  say('\n  ten slowest opens:');
  for (const p of summary.slowestOpen)
    say(
      `    ${fmt(p.openMs, ' ms').padStart(10)}  extract ${fmt(p.reader?.extract ?? null, ' ms').padStart(9)}  render ${fmt(p.reader?.render ?? null, ' ms').padStart(9)}  ${p.id}`,
    );
  if (summary.errors.length) {
    say(`\n  ${summary.errors.length} pages with errors:`);
    for (const e of summary.errors.slice(0, WORST_SHOWN)) say(`    ${e.id}: ${e.errors.join('; ')}`);
  }
  say('\n  targets:');
  for (const t of summary.targets)
    say(
      `    ${t.name.padEnd(38)} ${fmt(t.value).padStart(9)}  ≤ ${t.atMost}  ${t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met'}`,
    );
}
