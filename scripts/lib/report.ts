/**
 * What `npm run eval` shows and keeps: a printout, eval/results.json (every page), an offline
 * eval/report.html (inline SVG, no network) and the compact docs/eval-summary.json the README quotes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ENGINE_IDS,
  type EngineId,
  type Figure,
  type PageOutcome,
  type SectionResult,
  targetMet,
} from './eval-section';

export interface RunInfo {
  generatedAt: string;
  commit: string;
  corpus: string;
  limit: number | undefined;
  seconds: number;
  baselineDom: string;
}

const WORST_SHOWN = 10;
const LOWEST_SHOWN = 5;
/** The extension's default time budget (src/core): pages slower than this would time out there. */
const SLOW_MS = 3000;

export function formatValue(figure: Figure, engine: EngineId): string {
  const value = figure.values[engine];
  if (value === undefined) return '—';
  return figure.of !== undefined ? `${value}/${figure.of} (${percent(value / figure.of)})` : value.toFixed(3);
}

function formatTarget(figure: Figure): string {
  if (figure.target === undefined) return '';
  const goal = figure.of !== undefined ? `≥ ${percent(figure.target)}` : `≥ ${figure.target}`;
  const met = targetMet(figure);
  return `target ${goal} ${met === null ? '' : met ? '(met)' : '(NOT met)'}`;
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** Pages both engines were scored on. */
const compared = (p: PageOutcome): boolean =>
  p.scores.klartext !== undefined && p.scores.readability !== undefined;

/** Pages where we score below Readability, worst difference first. */
export function pagesWeLoseOn(pages: readonly PageOutcome[]): PageOutcome[] {
  return pages
    .filter(compared)
    .filter((p) => (p.scores.klartext ?? 0) < (p.scores.readability ?? 0))
    .sort((a, b) => delta(a) - delta(b));
}

const delta = (p: PageOutcome): number => (p.scores.klartext ?? 0) - (p.scores.readability ?? 0);

/** Extraction time per page (machine-dependent: a trend, not a benchmark). */
function timingLine(pages: readonly PageOutcome[]): string | null {
  const times = pages.map((p) => p.ms?.klartext).filter((ms): ms is number => ms !== undefined);
  if (times.length === 0) return null;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const slow = times.filter((ms) => ms > SLOW_MS).length;
  return `klartext ms per page: median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}; over ${SLOW_MS} ms: ${slow}`;
}

export function printSection(section: SectionResult, write: (line: string) => void): void {
  write(`\n== ${section.title}`);
  const width = Math.max(...section.figures.map((f) => f.label.length), 8);
  write(`   ${''.padEnd(width)}  ${'klartext'.padEnd(22)}  ${'readability'.padEnd(22)}`);
  for (const figure of section.figures) {
    write(
      `   ${figure.label.padEnd(width)}  ${formatValue(figure, 'klartext').padEnd(22)}  ${formatValue(figure, 'readability').padEnd(22)}  ${formatTarget(figure)}`,
    );
  }
  for (const remark of section.remarks) write(`   ${remark}`);
  const timing = timingLine(section.pages);
  if (timing) write(`   ${timing}`);
  if (!section.pages.some(compared)) {
    write(`   pages: ${section.pages.length}`);
    return;
  }
  const losses = pagesWeLoseOn(section.pages);
  const wins = section.pages.filter((p) => compared(p) && delta(p) > 0).length;
  write(`   pages: ${section.pages.length}; better than Readability on ${wins}, worse on ${losses.length}`);
  if (losses.length > 0)
    write(`   worst against Readability (${section.pageScore}, klartext vs readability):`);
  for (const page of losses.slice(0, WORST_SHOWN)) writePage(page, write);
  // Losses can be small while the target is far: the pages we do worst on, whoever wins them.
  const lowest = [...section.pages].sort((a, b) => (a.scores.klartext ?? 0) - (b.scores.klartext ?? 0));
  write(`   lowest for Klartext:`);
  for (const page of lowest.slice(0, LOWEST_SHOWN)) writePage(page, write);
}

function writePage(page: PageOutcome, write: (line: string) => void): void {
  write(
    `     ${(page.scores.klartext ?? 0).toFixed(3)} vs ${(page.scores.readability ?? 0).toFixed(3)}  ${page.id}`,
  );
  for (const note of (page.notes.klartext ?? []).slice(0, 3)) write(`         ${note}`);
}

export function summaryOf(sections: readonly SectionResult[], info: RunInfo) {
  return {
    generatedAt: info.generatedAt,
    commit: info.commit,
    command: 'npm run eval',
    sections: sections.map((s) => ({
      name: s.name,
      pages: s.pages.length,
      figures: s.figures.map((f) => ({
        label: f.label,
        ...f.values,
        ...(f.of !== undefined ? { of: f.of } : {}),
        ...(f.target !== undefined ? { target: f.target, met: targetMet(f) } : {}),
      })),
    })),
  };
}

export function writeResults(file: string, sections: readonly SectionResult[], info: RunInfo): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...info, sections }, null, 1)}\n`);
}

export function writeSummary(file: string, sections: readonly SectionResult[], info: RunInfo): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(summaryOf(sections, info), null, 2)}\n`);
}

const COLORS: Record<EngineId, string> = { klartext: '#1f6feb', readability: '#9a6700' };

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Figures as grouped bars on a 0..1 scale (counts as their share), with the target as a line. */
function barChart(section: SectionResult): string {
  const rowHeight = 34;
  // About 7 px per character at 12 px: long labels must not run under the bars.
  const labelWidth = Math.max(130, ...section.figures.map((f) => f.label.length * 7 + 10));
  const barWidth = 420;
  const height = section.figures.length * rowHeight + 20;
  const rows = section.figures.map((figure, row) => {
    const y = 10 + row * rowHeight;
    const bars = ENGINE_IDS.map((engine, i) => {
      const value = figure.values[engine];
      if (value === undefined) return '';
      const ratio = figure.of ? value / figure.of : value;
      const width = Math.max(0, Math.min(1, ratio)) * barWidth;
      return `<rect x="${labelWidth}" y="${y + i * 13}" width="${width.toFixed(1)}" height="12" fill="${COLORS[engine]}"><title>${engine}: ${escapeHtml(formatValue(figure, engine))}</title></rect><text x="${labelWidth + width + 4}" y="${y + i * 13 + 10}" font-size="10">${escapeHtml(formatValue(figure, engine))}</text>`;
    }).join('');
    const target =
      figure.target === undefined
        ? ''
        : `<line x1="${labelWidth + figure.target * barWidth}" x2="${labelWidth + figure.target * barWidth}" y1="${y - 2}" y2="${y + 28}" stroke="#cf222e" stroke-width="2" stroke-dasharray="3 2"><title>target ${figure.target}</title></line>`;
    return `<text x="0" y="${y + 16}" font-size="12">${escapeHtml(figure.label)}</text>${bars}${target}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 160}" height="${height}" role="img" aria-label="figures for ${escapeHtml(section.name)}">${rows.join('')}</svg>`;
}

/** Per-page score, Readability on x, ours on y: points above the diagonal are pages we win. */
function scatter(section: SectionResult): string {
  if (!section.pages.some(compared)) return '';
  const size = 320;
  const pad = 36;
  const points = section.pages.filter(compared).map((p) => {
    const x = pad + (p.scores.readability ?? 0) * size;
    const y = pad + (1 - (p.scores.klartext ?? 0)) * size;
    const color = delta(p) < 0 ? '#cf222e' : delta(p) > 0 ? '#1a7f37' : '#57606a';
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}" fill-opacity="0.6"><title>${escapeHtml(p.id)}: ${(p.scores.klartext ?? 0).toFixed(3)} vs ${(p.scores.readability ?? 0).toFixed(3)}</title></circle>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size + 2 * pad}" height="${size + 2 * pad}" role="img" aria-label="per-page scores for ${escapeHtml(section.name)}">
<rect x="${pad}" y="${pad}" width="${size}" height="${size}" fill="none" stroke="#d0d7de"/>
<line x1="${pad}" y1="${pad + size}" x2="${pad + size}" y2="${pad}" stroke="#d0d7de" stroke-dasharray="4 3"/>
<text x="${pad + size / 2}" y="${size + 2 * pad - 6}" font-size="11" text-anchor="middle">Readability</text>
<text x="12" y="${pad + size / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${pad + size / 2})">Klartext</text>
<text x="${pad}" y="${pad + size + 14}" font-size="10">0</text><text x="${pad + size - 6}" y="${pad + size + 14}" font-size="10">1</text>
${points.join('\n')}
</svg>`;
}

function pageTable(section: SectionResult): string {
  const rows = [...section.pages]
    .sort((a, b) => delta(a) - delta(b))
    .map((p) => {
      const notes = (p.notes.klartext ?? []).map(escapeHtml).join('<br>');
      return `<tr><td>${escapeHtml(p.id)}</td><td>${(p.scores.klartext ?? 0).toFixed(3)}</td><td>${(p.scores.readability ?? 0).toFixed(3)}</td><td>${p.ms?.klartext ?? ''}</td><td class="notes">${notes}</td></tr>`;
    });
  return `<details><summary>All ${section.pages.length} pages, worst against Readability first</summary><table><thead><tr><th>page</th><th>klartext</th><th>readability</th><th>ms</th><th>what went wrong (klartext)</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

export function writeHtmlReport(file: string, sections: readonly SectionResult[], info: RunInfo): void {
  const body = sections
    .map(
      (s) => `<section><h2>${escapeHtml(s.title)}</h2>
<div class="charts">${barChart(s)}${scatter(s)}</div>
${s.remarks.map((r) => `<p class="remark">${escapeHtml(r)}</p>`).join('')}
<p>Per-page score: ${escapeHtml(s.pageScore)}.${s.pages.some(compared) ? ' Red points: pages where Klartext scores below Readability.' : ''}</p>
${pageTable(s)}</section>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Klartext evaluation</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1f2328}
.charts{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
table{border-collapse:collapse;font-size:12px}td,th{border-bottom:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
.notes{color:#57606a;max-width:60rem}.remark{font-family:monospace;font-size:12px}
.key span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
</style></head><body>
<h1>Klartext evaluation</h1>
<p>${escapeHtml(info.generatedAt)} · commit ${escapeHtml(info.commit)} · ${info.seconds.toFixed(0)} s · corpus ${escapeHtml(info.corpus)}${info.limit !== undefined ? ` · first ${info.limit} pages per set` : ''} · Readability on ${escapeHtml(info.baselineDom)}</p>
<p class="key"><span style="background:${COLORS.klartext}"></span>Klartext<span style="background:${COLORS.readability}"></span>Readability<span style="background:#cf222e;height:2px"></span>target</p>
${body}
</body></html>
`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
}
