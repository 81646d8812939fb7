/**
 * The Story: the contract between extraction (core, sites), the reader view, the command-line
 * tools and the tests. Everything here is plain serialisable data (it crosses the
 * content-script / worker / CLI boundaries as JSON).
 */

/** Where a piece of the story was found; recorded so a wrong field can be traced to its source. */
export type Provenance = 'json-ld' | 'meta' | 'dom' | 'rule' | 'readability' | 'none';

export interface Author {
  /** A clean personal (or organisation) name: never "Autor:", "Von", a date or "aus …". */
  name: string;
  /** Outlet or local edition the byline names ("Wochenblatt Kaiserslautern"). */
  outlet?: string;
  /** Profile page, absolute http(s) URL. */
  url?: string;
  /** Avatar image, absolute http(s) URL. */
  avatar?: string;
  /** "Text", "Fotos", "Redaktion" … when the page says what the person did. */
  role?: string;
}

export interface Photo {
  /** Absolute http(s) URL of the largest candidate. */
  src: string;
  /** Sanitised srcset (absolute URLs only) when the page offers several sizes. */
  srcset?: string;
  width?: number;
  height?: number;
  alt: string;
  caption: string;
  credit: string;
}

/** Reasons the reader can name in its transparency line ("3 Anzeigen ausgeblendet"). */
export type RemovalReason =
  | 'sponsored'
  | 'login-prompt'
  | 'follow-box'
  | 'comments'
  | 'newsletter'
  | 'paywall-teaser'
  | 'related-teasers'
  | 'cookie-banner'
  | 'social'
  | 'app-promo'
  | 'navigation'
  | 'site-rule';

export interface Removed {
  reason: RemovalReason;
  count: number;
}

export type PartialReason = 'paywall' | 'login' | 'truncated';

export interface Diagnostics {
  /** Id of the site rule that matched the host, if any. */
  siteRule: string | null;
  /** Selectors of that rule that matched nothing on this page (a sign the site changed). */
  unmatchedSelectors: string[];
  sources: {
    title: Provenance;
    byline: Provenance;
    published: Provenance;
    images: Provenance;
    content: Provenance;
  };
  /** Disagreements between the DOM result and the page's structured data, in words. */
  notes: string[];
  /** Milliseconds spent per pipeline step, for the benchmark. */
  timings?: Record<string, number>;
}

export interface Story {
  kind: 'story';
  title: string;
  subtitle: string;
  siteName: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Canonical URL when the page names one, else the page URL. */
  url: string;
  /** ISO 8601, or null when the page gives no date. */
  published: string | null;
  modified: string | null;
  readingMinutes: number;
  byline: Author[];
  /**
   * Outlet, local edition or desk that the byline or signature names ("Wochenblatt
   * Kaiserslautern", "MDR THÜRINGEN"); empty when the page names none. Also set when no person
   * is named, so the reader can still say who published the story.
   */
  outlet: string;
  /** Lead image and every picture of the story's gallery, in page order. */
  images: Photo[];
  /** Story body, sanitised with the one DOMPurify policy, images in place. */
  html: string;
  text: string;
  removed: Removed[];
  partial: null | { reason: PartialReason };
  diagnostics: Diagnostics;
}

/** Why there is nothing to show; the reader maps each to a translated message. */
export type NoStoryReason = 'no-content' | 'not-html' | 'too-large' | 'timeout' | 'error';

export interface NoStory {
  kind: 'no-story';
  reason: NoStoryReason;
  /** Developer-facing detail (never shown untranslated to a user). */
  detail: string;
}

export type ExtractionResult = Story | NoStory;

export interface ExtractOptions {
  /** Give up (NoStory 'too-large') above this many elements. */
  maxElements?: number;
  /** Give up (NoStory 'timeout') when a step finishes after this many ms. */
  timeBudgetMs?: number;
  /** Site rules to use; defaults to the built-in set in src/sites. */
  rules?: readonly import('../sites/types').SiteRule[];
  /** Skip steps, for comparisons and debugging (Readability's flags habit). */
  skip?: { clean?: boolean; siteRules?: boolean };
  /**
   * Window for the sanitizer when the document's own cannot run DOMPurify (linkedom has no
   * document.implementation): a jsdom window under Node. Defaults to doc.defaultView.
   */
  sanitizerWindow?: Window;
}
