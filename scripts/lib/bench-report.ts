/**
 * bench/report.html: the benchmark on one offline page (inline SVG, no script, no CDN), and a
 * screenshot of it for the README.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { PageMeasures } from './bench-browser';
import type { BundleReport } from './bench-bundle';
import type { Summary } from './bench-stats';
import type { BenchSummary } from './bench-summary';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser/flags';

export interface ReportInput {
  run: {
    generatedAt: string;
    commit: string;
    seconds: number;
    machine: { cpus: number; cpuModel: string; node: string };
  };
  summary: BenchSummary;
  bundle: BundleReport;
  pages: PageMeasures[];
}

const SET_COLORS: Record<PageMeasures['set'], string> = {
  seed: '#d62728',
  'article-benchmark': '#1f77b4',
  'news-dev': '#ff7f0e',
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (v: number | null | undefined, unit = '') =>
  v === null || v === undefined ? '—' : `${v}${unit}`;

export function writeReport(input: ReportInput): string {
  const { run, summary, bundle, pages } = input;
  const openValues = pages.map((p) => p.openMs);
  const autoValues = pages.map((p) => p.autoMs);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Klartext benchmark</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1180px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 8px}
.meta{color:#666;margin-bottom:12px}.grid{display:grid;grid-template-columns:1fr 1fr;gap:18px}
table{border-collapse:collapse;font-size:13px}td,th{padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:right}
td:first-child,th:first-child{text-align:left}.met{color:#1a7f37;font-weight:600}.miss{color:#c62828;font-weight:600}
svg{background:#fafafa;border:1px solid #e4e4e4}.legend span{margin-right:14px}.id{font-family:monospace;font-size:12px}
</style></head><body>
<h1>Klartext benchmark</h1>
<div class="meta">${summary.pages} pages · headless Chromium with the built extension · commit ${esc(run.commit)} · ${esc(run.generatedAt)} · ${run.seconds} s · ${run.machine.cpus} × ${esc(run.machine.cpuModel)}</div>
${targetsTable(summary)}
<div class="grid">
<section><h2>Pipeline vs plain Readability, per page (ms, log scale)</h2>${scatter(pages)}
<div class="legend">${Object.entries(SET_COLORS)
    .map(([set, c]) => `<span style="color:${c}">● ${set}</span>`)
    .join('')}<span>— equal time</span><span style="color:#888">- - 1.3×</span></div></section>
<section><h2>Ratio pipeline / Readability per page</h2>${histogram(
    pages.map((p) => p.ratio),
    { max: 5, bins: 25, unit: '×', marks: [1, 1.3, 1.6] },
  )}
<div>median ${fmt(summary.ratio.median)} · p95 ${fmt(summary.ratio.p95)} · max ${fmt(summary.ratio.max)}</div></section>
<section><h2>Open: toolbar click → first paint (ms)</h2>${histogram(openValues, { max: niceMax(summary.openMs), bins: 25, unit: ' ms', marks: [150] })}
<div>median ${fmt(summary.openMs.median)} · p95 ${fmt(summary.openMs.p95)} · max ${fmt(summary.openMs.max)} · split (medians): injection+messaging ${fmt(summary.openParts.beforeExtract.median)}, extraction ${fmt(summary.openParts.extract.median)}, render ${fmt(summary.openParts.render.median)}, frame ${fmt(summary.openParts.frame.median)}</div></section>
<section><h2>Auto mode: DOMContentLoaded → first paint (ms)</h2>${
    summary.autoAvailable
      ? `${histogram(autoValues, { max: niceMax(summary.autoMs), bins: 25, unit: ' ms', marks: [50] })}<div>median ${fmt(summary.autoMs.median)} · p95 ${fmt(summary.autoMs.p95)}</div>`
      : '<p>Not measured: this build has no auto mode.</p>'
  }</section>
<section><h2>Content script composition (${(bundle.contentScript.bytes / 1024).toFixed(1)} KB, ${summary.contentScript.gzipKB} KB gzip)</h2>${composition(bundle)}</section>
<section><h2>Where the pipeline spends its time (all pages)</h2>${stepsTable(summary)}</section>
</div>
<h2>Slowest pages (pipeline)</h2>${pagesTable(summary.slowest)}
<h2>Highest ratios</h2>${pagesTable(summary.highestRatio)}
<h2>JS heap around the reader (KB, after full GC)</h2>
<table><tr><th></th><th>median</th><th>p95</th><th>max</th></tr>
<tr><td>after open − before</td>${summaryCells(summary.heapKB.afterOpenDelta)}</tr>
<tr><td>after close − before</td>${summaryCells(summary.heapKB.afterCloseDelta)}</tr></table>
<h2>Built files (Chromium)</h2>
<table><tr><th>file</th><th>bytes</th><th>gzip</th></tr>${bundle.files
    .map((f) => `<tr><td class="id">${esc(f.file)}</td><td>${f.bytes}</td><td>${f.gzip}</td></tr>`)
    .join('')}</table>
</body></html>
`;
}

function targetsTable(summary: BenchSummary): string {
  return `<table><tr><th>target</th><th>measured</th><th>at most</th><th></th></tr>${summary.targets
    .map(
      (t) =>
        `<tr><td>${esc(t.name)}</td><td>${fmt(t.value)}</td><td>${t.atMost}</td><td class="${t.met ? 'met' : 'miss'}">${t.met === null ? 'not measured' : t.met ? 'met' : 'not met'}</td></tr>`,
    )
    .join('')}</table>`;
}

function summaryCells(s: Summary): string {
  return `<td>${fmt(s.median)}</td><td>${fmt(s.p95)}</td><td>${fmt(s.max)}</td>`;
}

function stepsTable(summary: BenchSummary): string {
  return `<table><tr><th>step</th><th>total ms</th><th>share</th><th>median ms</th></tr>${summary.steps
    .map(
      (s) =>
        `<tr><td>${esc(s.step)}</td><td>${s.totalMs}</td><td>${(s.share * 100).toFixed(1)} %</td><td>${fmt(s.medianMs)}</td></tr>`,
    )
    .join('')}</table>`;
}

function pagesTable(
  rows: readonly Pick<PageMeasures, 'id' | 'pipelineMs' | 'readabilityMs' | 'ratio'>[],
): string {
  return `<table><tr><th>page</th><th>pipeline ms</th><th>Readability ms</th><th>ratio</th></tr>${rows
    .map(
      (p) =>
        `<tr><td class="id">${esc(p.id)}</td><td>${fmt(p.pipelineMs)}</td><td>${fmt(p.readabilityMs)}</td><td>${fmt(p.ratio)}</td></tr>`,
    )
    .join('')}</table>`;
}

const W = 540;
const H = 300;
const PAD = { left: 46, right: 12, top: 10, bottom: 34 };

function scatter(pages: readonly PageMeasures[]): string {
  const points = pages.filter((p) => p.readabilityMs && p.pipelineMs) as (PageMeasures & {
    readabilityMs: number;
    pipelineMs: number;
  })[];
  const values = points.flatMap((p) => [p.readabilityMs, p.pipelineMs]);
  const lo = Math.max(0.1, 10 ** Math.floor(Math.log10(Math.min(...values, 1))));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  const x = (v: number) =>
    PAD.left +
    ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (W - PAD.left - PAD.right);
  const y = (v: number) =>
    H -
    PAD.bottom -
    ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - PAD.top - PAD.bottom);
  const ticks: string[] = [];
  for (let v = lo; v <= hi; v *= 10) {
    ticks.push(
      `<line x1="${x(v)}" y1="${PAD.top}" x2="${x(v)}" y2="${H - PAD.bottom}" stroke="#e0e0e0"/><text x="${x(v)}" y="${H - PAD.bottom + 14}" font-size="11" text-anchor="middle">${v}</text>`,
    );
    ticks.push(
      `<line x1="${PAD.left}" y1="${y(v)}" x2="${W - PAD.right}" y2="${y(v)}" stroke="#e0e0e0"/><text x="${PAD.left - 4}" y="${y(v) + 4}" font-size="11" text-anchor="end">${v}</text>`,
    );
  }
  const dots = points
    .map(
      (p) =>
        `<circle cx="${x(p.readabilityMs).toFixed(1)}" cy="${y(p.pipelineMs).toFixed(1)}" r="2.6" fill="${SET_COLORS[p.set]}" fill-opacity="0.65"><title>${esc(p.id)}: ${p.pipelineMs} vs ${p.readabilityMs} ms</title></circle>`,
    )
    .join('');
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="pipeline vs Readability per page">
${ticks.join('')}
<line x1="${x(lo)}" y1="${y(lo)}" x2="${x(hi)}" y2="${y(hi)}" stroke="#333"/>
<line x1="${x(lo)}" y1="${y(lo * 1.3)}" x2="${x(hi / 1.3)}" y2="${y(hi)}" stroke="#888" stroke-dasharray="4 3"/>
${dots}
<text x="${(W + PAD.left) / 2}" y="${H - 4}" font-size="12" text-anchor="middle">plain Readability (ms)</text>
<text x="12" y="${(H - PAD.bottom) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 12 ${(H - PAD.bottom) / 2})">pipeline (ms)</text>
</svg>`;
}

function niceMax(s: Summary): number {
  const top = s.p95 ?? s.max ?? 100;
  const step = 10 ** Math.floor(Math.log10(Math.max(top, 1)));
  return Math.ceil((top * 1.25) / step) * step;
}

/** Counts per bin over [0, max]; values above max land in the last bin, marked "≥". */
function histogram(
  values: readonly (number | null)[],
  o: { max: number; bins: number; unit: string; marks: number[] },
): string {
  const list = values.filter((v): v is number => typeof v === 'number');
  const counts = new Array<number>(o.bins).fill(0);
  for (const v of list) {
    const bin = Math.min(o.bins - 1, Math.max(0, Math.floor((v / o.max) * o.bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const top = Math.max(1, ...counts);
  const bw = (W - PAD.left - PAD.right) / o.bins;
  const x = (v: number) => PAD.left + (Math.min(v, o.max) / o.max) * (W - PAD.left - PAD.right);
  const bars = counts
    .map((c, i) => {
      const h = (c / top) * (H - PAD.top - PAD.bottom);
      return `<rect x="${(PAD.left + i * bw + 1).toFixed(1)}" y="${(H - PAD.bottom - h).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="#4c78a8"><title>${c} pages</title></rect>`;
    })
    .join('');
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (f) =>
        `<text x="${x(f * o.max)}" y="${H - PAD.bottom + 14}" font-size="11" text-anchor="middle">${+(f * o.max).toFixed(2)}${f === 1 ? '+' : ''}</text>`,
    )
    .join('');
  const marks = o.marks
    .map(
      (m) =>
        `<line x1="${x(m)}" y1="${PAD.top}" x2="${x(m)}" y2="${H - PAD.bottom}" stroke="#c62828" stroke-dasharray="4 3"/><text x="${x(m) + 3}" y="${PAD.top + 12}" font-size="11" fill="#c62828">${m}${o.unit}</text>`,
    )
    .join('');
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="histogram">
<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#333"/>
${bars}${axis}${marks}
<text x="${PAD.left - 4}" y="${PAD.top + 10}" font-size="11" text-anchor="end">${top}</text>
<text x="${(W + PAD.left) / 2}" y="${H - 4}" font-size="12" text-anchor="middle">${list.length} pages</text>
</svg>`;
}

function composition(bundle: BundleReport): string {
  const rows = bundle.composition;
  const max = Math.max(1, ...rows.map((r) => r.gzipEstimate));
  const rowH = 20;
  const h = rows.length * rowH + 10;
  const bars = rows
    .map((r, i) => {
      const w = (r.gzipEstimate / max) * 250;
      const y = 5 + i * rowH;
      return `<text x="170" y="${y + 14}" font-size="12" text-anchor="end">${esc(r.module)}</text><rect x="176" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#59a14f"/><text x="${(180 + w).toFixed(1)}" y="${y + 14}" font-size="11">${(r.gzipEstimate / 1024).toFixed(1)} KB gz · ${(r.bytes / 1024).toFixed(1)} KB</text>`;
    })
    .join('');
  return `<svg width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" role="img" aria-label="content script composition">${bars}</svg>`;
}

/** A picture of the report for the README. */
export async function screenshotReport(htmlFile: string, pngFile: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1220, height: 1180 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(htmlFile).href);
    await page.screenshot({ path: pngFile, clip: { x: 0, y: 0, width: 1220, height: 1180 } });
  } finally {
    await browser.close();
  }
}
