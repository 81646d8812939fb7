/** news-dev: "with" snippets that must be in the story text, "without" ones that must not. */
import { newsDevPages } from './corpus';
import { ENGINE_IDS, type EngineId, type EvalSection, limited, type PageOutcome } from './eval-section';
import { aggregateSnippetScores, type SnippetScore, snippetPageScore, snippetScore } from './metrics';

/** Long snippets make the report unreadable; the start is enough to find them. */
const SHOWN = 80;

export const newsDevSection: EvalSection = {
  name: 'news-dev',
  title: 'news-dev (476 pages, half German; snippet F1 and perfect pages)',
  async run(ctx) {
    const pages = limited(newsDevPages(ctx.corpus), ctx.limit);
    const scores: Record<EngineId, SnippetScore[]> = { klartext: [], readability: [] };
    const outcomes: PageOutcome[] = [];
    const pairs = await ctx.runPages(pages);
    for (const [index, page] of pages.entries()) {
      const pair = pairs[index]!;
      const outcome: PageOutcome = { id: page.id, file: page.file, scores: {}, notes: {}, ms: {} };
      for (const engine of ENGINE_IDS) {
        const record = pair[engine];
        const score = snippetScore(page, record.text);
        scores[engine].push(score);
        outcome.scores[engine] = snippetPageScore(page, score);
        outcome.ms![engine] = record.ms;
        outcome.notes[engine] = [
          ...score.missing.map((s) => `missing: ${s.slice(0, SHOWN)}`),
          ...score.clutter.map((s) => `clutter: ${s.slice(0, SHOWN)}`),
          ...(record.error ? [`error: ${record.error}`] : []),
        ];
      }
      outcomes.push(outcome);
    }
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
