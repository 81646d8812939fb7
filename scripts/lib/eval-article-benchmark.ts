/** article-benchmark: the benchmark's own shingle metric against each page's articleBody. */
import { articleBenchmarkPages } from './corpus';
import { type EvalSection, limited, scorePages } from './eval-section';
import { aggregateShingleScores, pageF1, shingleScore } from './metrics';

export const articleBenchmarkSection: EvalSection = {
  name: 'article-benchmark',
  title: 'article-benchmark (181 article pages, shingle F1)',
  async run(ctx) {
    const pages = limited(articleBenchmarkPages(ctx.corpus), ctx.limit);
    const { outcomes, scores } = await scorePages(ctx, pages, (page, record) => {
      const score = shingleScore(page.articleBody, record.text);
      const notes = [
        `precision ${ratio(score.tp, score.tp + score.fp)}, recall ${ratio(score.tp, score.tp + score.fn)}`,
      ];
      return { score, pageScore: pageF1(score), notes };
    });
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
