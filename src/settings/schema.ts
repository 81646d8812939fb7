/**
 * Versions, ranges and defaults of the settings contract (types.ts). Pure: shared by the
 * background, the options page, content scripts and the unit tests under Node.
 */
import type {
  ExtractionLimits,
  FontFamily,
  LineHeight,
  LineWidth,
  ReaderPreferences,
  Settings,
  Theme,
} from './types';

/** Bump when the stored shape changes, and add a step to migrate.ts. */
export const SETTINGS_VERSION = 2;

export const THEMES: readonly Theme[] = ['light', 'sepia', 'dark', 'system'];
export const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans'];
export const LINE_WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide'];
export const LINE_HEIGHTS: readonly LineHeight[] = ['compact', 'normal', 'loose'];

/**
 * The reader's font-size scale in CSS pixels; `ReaderPreferences.fontSize` is an index into it.
 * An index (not pixels) keeps stored values valid when the reader's type scale is retuned.
 */
export const FONT_SIZE_SCALE_PX: readonly number[] = [14, 15, 16, 18, 20, 22, 24, 28, 32];
export const SPEECH_RATE_RANGE = { min: 0.5, max: 2 } as const;
export const MAX_ELEMENTS_RANGE = { min: 1_000, max: 500_000 } as const;
export const TIME_BUDGET_RANGE = { min: 100, max: 10_000 } as const;

export const DEFAULT_READER_PREFERENCES: Readonly<ReaderPreferences> = Object.freeze({
  theme: 'system',
  fontSize: 3,
  fontFamily: 'serif',
  lineWidth: 'medium',
  lineHeight: 'normal',
  speechRate: 1,
});

// Same figures as src/core/extract.ts's defaults (not imported: the options page must not bundle the core).
export const DEFAULT_LIMITS: Readonly<ExtractionLimits> = Object.freeze({
  maxElements: 60_000,
  timeBudgetMs: 3_000,
});

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    reader: { ...DEFAULT_READER_PREFERENCES },
    autoOpen: [],
    limits: { ...DEFAULT_LIMITS },
  };
}
