/**
 * The settings contract. Stored in `storage.sync` (preferences, whitelist) and read by the
 * background, the options page, the content scripts and the reader. Every stored value is
 * validated field by field on read (src/settings/validate.ts); these types describe valid data.
 */

export type Theme = 'light' | 'sepia' | 'dark' | 'system';
export type FontFamily = 'serif' | 'sans';
export type LineWidth = 'narrow' | 'medium' | 'wide';
export type LineHeight = 'compact' | 'normal' | 'loose';

export interface ReaderPreferences {
  theme: Theme;
  /** Index into the reader's font-size scale (0 = smallest). */
  fontSize: number;
  fontFamily: FontFamily;
  lineWidth: LineWidth;
  lineHeight: LineHeight;
  /** Read-aloud speed, 0.5–2. */
  speechRate: number;
}

/** A host whose articles open in the reader automatically. */
export interface AutoOpenSite {
  /** Lower-case host name without port ("rheinpfalz.de"). */
  host: string;
  /** When true, "www.rheinpfalz.de" and every other subdomain follow this entry. */
  includeSubdomains: boolean;
  /** ISO 8601 time the user added it (shown in the options page, kept on import/export). */
  addedAt: string;
}

export interface ExtractionLimits {
  /** Pages with more elements than this are left alone (NoStory 'too-large'). */
  maxElements: number;
  /** Extraction that takes longer than this is abandoned (NoStory 'timeout'). */
  timeBudgetMs: number;
}

export interface Settings {
  version: number;
  reader: ReaderPreferences;
  autoOpen: AutoOpenSite[];
  limits: ExtractionLimits;
}
