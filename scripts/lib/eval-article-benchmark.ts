/** article-benchmark: the benchmark's own shingle metric against each page's articleBody. */
import { articleBenchmarkPages } from './corpus';
import { ENGINE_IDS, type EngineId, type EvalSection, limited, type PageOutcome } from './eval-section';
import { aggregateShingleScores, pageF1, type ShingleScore, shingleScore } from './metrics';

export const articleBenchmarkSection: EvalSection = {
  name: 'article-benchmark',
  title: 'article-benchmark (181 article pages, shingle F1)',
  async run(ctx) {
    const pages = limited(articleBenchmarkPages(ctx.corpus), ctx.limit);
    const scores: Record<EngineId, ShingleScore[]> = { klartext: [], readability: [] };
    const outcomes: PageOutcome[] = [];
    const pairs = await ctx.runPages(pages);
    for (const [index, page] of pages.entries()) {
      const pair = pairs[index]!;
      const outcome: PageOutcome = { id: page.id, file: page.file, scores: {}, notes: {}, ms: {} };
      for (const engine of ENGINE_IDS) {
        const record = pair[engine];
        const score = shingleScore(page.articleBody, record.text);
        scores[engine].push(score);
        outcome.scores[engine] = pageF1(score);
        outcome.ms![engine] = record.ms;
        outcome.notes[engine] = [
          `precision ${ratio(score.tp, score.tp + score.fp)}, recall ${ratio(score.tp, score.tp + score.fn)}`,
          ...(record.error ? [`error: ${record.error}`] : []),
        ];
      }
      outcomes.push(outcome);
    }
    const klartext = aggregateShingleScores(scores.klartext);
    const readability = aggregateShingleScores(scores.readability);
    return {
      name: this.name,
      title: this.title,
      pageScore: 'page F1 (4-token shingles)',
      figures: [
        { label: 'F1', values: { klartext: klartext.f1, readability: readability.f1 }, target: 0.97 },
        { label: 'precision', values: { klartext: klartext.precision, readability: readability.precision } },
        { label: 'recall', values: { klartext: klartext.recall, readability: readability.recall } },
      ],
      pages: outcomes,
      remarks: [],
    };
  },
};

function ratio(part: number, whole: number): string {
  return whole > 0 ? (part / whole).toFixed(3) : 'n/a';
}
