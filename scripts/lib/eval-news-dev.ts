/** news-dev: "with" snippets that must be in the story text, "without" ones that must not. */
import { newsDevPages } from './corpus';
import { type EvalSection, limited, scorePages } from './eval-section';
import { aggregateSnippetScores, snippetPageScore, snippetScore } from './metrics';

/** Long snippets make the report unreadable; the start is enough to find them. */
const SHOWN = 80;

export const newsDevSection: EvalSection = {
  name: 'news-dev',
  title: 'news-dev (476 pages, half German; snippet F1 and perfect pages)',
  async run(ctx) {
    const pages = limited(newsDevPages(ctx.corpus), ctx.limit);
    const { outcomes, scores } = await scorePages(ctx, pages, (page, record) => {
      const score = snippetScore(page, record.text);
      const notes = [
        ...score.missing.map((s) => `missing: ${s.slice(0, SHOWN)}`),
        ...score.clutter.map((s) => `clutter: ${s.slice(0, SHOWN)}`),
      ];
      return { score, pageScore: snippetPageScore(page, score), notes };
    });
    const klartext = aggregateSnippetScores(scores.klartext);
    const readability = aggregateSnippetScores(scores.readability);
    return {
      name: this.name,
      title: this.title,
      pageScore: 'share of the page’s snippets right',
      figures: [
        { label: 'F1', values: { klartext: klartext.f1, readability: readability.f1 }, target: 0.94 },
        { label: 'precision', values: { klartext: klartext.precision, readability: readability.precision } },
        { label: 'recall', values: { klartext: klartext.recall, readability: readability.recall } },
        {
          label: 'perfect pages',
          values: { klartext: klartext.perfect, readability: readability.perfect },
          of: pages.length,
          target: 0.8,
        },
      ],
      pages: outcomes,
      remarks: [],
    };
  },
};
