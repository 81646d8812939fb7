/**
 * `npm run eval` is a list of sections, one module each (scripts/lib/eval-*.ts), all shaped
 * alike so the printout, results.json, report.html and docs/eval-summary.json need no change
 * when a section is added: write the module, add it to EVAL_SECTIONS in scripts/eval.ts.
 */
import type { PageInput, PageRecord } from './page-record';

/** The extractors compared: ours, and plain Readability as the baseline. */
export type EngineId = 'klartext' | 'readability';
export const ENGINE_IDS: readonly EngineId[] = ['klartext', 'readability'];

/** Both engines' output for one page. */
export type PagePair = Record<EngineId, PageRecord>;

export interface EvalContext {
  corpus: string;
  /** Only the first N pages of each set (for quick runs). */
  limit: number | undefined;
  /**
   * Runs both engines on each page, in order, with progress on stderr. Results are cached,
   * so sets sharing pages (regional-dev is part of news-dev) run them once.
   */
  runPages<P extends PageInput & { id: string }>(pages: readonly P[]): Promise<PagePair[]>;
  /** Folder for working files (eval/). */
  outDir: string;
  log(message: string): void;
}

export interface Figure {
  /** "F1", "precision", "perfect pages", "checks passed" … */
  label: string;
  /** Engines a section does not measure are left out (a gate check has no Readability figure). */
  values: Partial<Record<EngineId, number>>;
  /** How to print the value: a 0..1 ratio, or a count out of `of`. */
  of?: number;
  /** Our goal for this figure as a ratio (a count is held to it as value/of); only klartext is held to it. */
  target?: number;
}

export interface PageOutcome {
  id: string;
  file: string;
  /** 0..1 per engine (page F1, share of snippets or checks right), for ranking pages. */
  scores: Partial<Record<EngineId, number>>;
  /** What went wrong, per engine, in words (missing snippets, failed checks …). */
  notes: Partial<Record<EngineId, string[]>>;
  /** Milliseconds the engine spent on the page (extraction only). */
  ms?: Partial<Record<EngineId, number>>;
}

export interface SectionResult {
  name: string;
  title: string;
  /** How the page score is computed, for the report's axis labels. */
  pageScore: string;
  figures: Figure[];
  pages: PageOutcome[];
  /** Further lines for the printout (e.g. the reference scorer's own summary). */
  remarks: string[];
}

export interface EvalSection {
  name: string;
  title: string;
  /** Null when the section has nothing to evaluate (its data or code is not there yet). */
  run(ctx: EvalContext): Promise<SectionResult | null>;
}

export interface PageScore<S> {
  /** What the section aggregates into its figures. */
  score: S;
  /** 0..1, for ranking pages. */
  pageScore: number;
  /** What went wrong, in words. */
  notes: string[];
}

/**
 * Runs both engines on the pages and scores each output: the per-page loop every comparison
 * section shares. Returns the page outcomes for the report and each engine's scores and outputs.
 */
export async function scorePages<P extends PageInput & { id: string }, S>(
  ctx: EvalContext,
  pages: readonly P[],
  scoreOne: (page: P, record: PageRecord) => PageScore<S>,
): Promise<{
  outcomes: PageOutcome[];
  scores: Record<EngineId, S[]>;
  records: Record<EngineId, PageRecord[]>;
}> {
  const pairs = await ctx.runPages(pages);
  const scores: Record<EngineId, S[]> = { klartext: [], readability: [] };
  const records: Record<EngineId, PageRecord[]> = { klartext: [], readability: [] };
  const outcomes = pages.map((page, index): PageOutcome => {
    const outcome: PageOutcome = { id: page.id, file: page.file, scores: {}, notes: {}, ms: {} };
    for (const engine of ENGINE_IDS) {
      const record = pairs[index]![engine];
      const scored = scoreOne(page, record);
      scores[engine].push(scored.score);
      records[engine].push(record);
      outcome.scores[engine] = scored.pageScore;
      outcome.notes[engine] = record.error ? [...scored.notes, `error: ${record.error}`] : scored.notes;
      outcome.ms![engine] = record.ms;
    }
    return outcome;
  });
  return { outcomes, scores, records };
}

/** The slice of pages a run covers. */
export function limited<T>(pages: readonly T[], limit: number | undefined): T[] {
  return limit === undefined ? [...pages] : pages.slice(0, limit);
}

export function targetMet(figure: Figure): boolean | null {
  const value = figure.values.klartext;
  if (figure.target === undefined || value === undefined) return null;
  return (figure.of ? value / figure.of : value) >= figure.target;
}
