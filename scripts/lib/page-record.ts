/**
 * One line of `npm run extract` output. The field names are a contract (check.py, the eval,
 * other tools read them): add fields, never rename or drop one.
 */
import type { Author, Diagnostics, ExtractionResult, Photo, Removed, Story } from '../../src/core/story';

export interface PageInput {
  file: string;
  url: string;
}

export interface PageRecord {
  file: string;
  url: string;
  ok: boolean;
  title: string;
  subtitle: string;
  byline: Author[];
  /** The outlet or local edition the byline or signature names, when no author carries it. */
  outlet?: string;
  published: string | null;
  siteName: string;
  lang: string;
  images: Photo[];
  text: string;
  html: string;
  removed: Removed[];
  partial: Story['partial'];
  diagnostics: Diagnostics | null;
  ms: number;
  error?: string;
  /** Which engine produced the line ("node", "chromium", "readability"). */
  engine: string;
  /** The encoding the bytes were decoded with, and why (node engines). */
  encoding?: string;
  /** NoStory's reason when the engine found nothing to show. */
  noStory?: string;
}

function emptyRecord(page: PageInput, engine: string, ms: number): PageRecord {
  return {
    file: page.file,
    url: page.url,
    ok: false,
    title: '',
    subtitle: '',
    byline: [],
    published: null,
    siteName: '',
    lang: '',
    images: [],
    text: '',
    html: '',
    removed: [],
    partial: null,
    diagnostics: null,
    ms,
    engine,
  };
}

export function recordFromResult(
  page: PageInput,
  engine: string,
  result: ExtractionResult,
  ms: number,
): PageRecord {
  if (result.kind === 'no-story') {
    return {
      ...emptyRecord(page, engine, ms),
      error: `${result.reason}: ${result.detail}`,
      noStory: result.reason,
    };
  }
  return {
    file: page.file,
    url: page.url,
    ok: true,
    title: result.title,
    subtitle: result.subtitle,
    byline: result.byline,
    outlet: result.outlet,
    published: result.published,
    siteName: result.siteName,
    lang: result.lang,
    images: result.images,
    text: result.text,
    html: result.html,
    removed: result.removed,
    partial: result.partial,
    diagnostics: result.diagnostics,
    ms,
    engine,
  };
}

export function failedRecord(page: PageInput, engine: string, error: unknown, ms: number): PageRecord {
  // Browser errors carry the page-side stack in the message; the first line names the cause.
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return { ...emptyRecord(page, engine, ms), error: message };
}
