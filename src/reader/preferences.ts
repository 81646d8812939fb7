/**
 * How ReaderPreferences become CSS: custom properties and data attributes on the reader's layer,
 * so a change restyles the whole view in one style recalculation and the first paint already
 * has the user's theme and type.
 */
import { FONT_SIZE_SCALE_PX } from '../settings/schema';
import type { LineHeight, LineWidth, ReaderPreferences } from '../settings/types';

/** Measure of the text column in `ch` of the body font: 60–75 characters is the comfortable range. */
const LINE_WIDTH_CH: Record<LineWidth, number> = { narrow: 56, medium: 66, wide: 80 };
const LINE_HEIGHT: Record<LineHeight, number> = { compact: 1.45, normal: 1.65, loose: 1.9 };

export const FONT_SIZE_STEPS = FONT_SIZE_SCALE_PX.length;

export function fontSizePx(index: number): number {
  const clamped = Math.min(Math.max(Math.round(index), 0), FONT_SIZE_STEPS - 1);
  return FONT_SIZE_SCALE_PX[clamped] ?? 18;
}

export function layerStyle(preferences: ReaderPreferences): Record<string, string> {
  return {
    '--kt-font-size': `${fontSizePx(preferences.fontSize)}px`,
    '--kt-measure': `${LINE_WIDTH_CH[preferences.lineWidth] ?? LINE_WIDTH_CH.medium}ch`,
    '--kt-leading': String(LINE_HEIGHT[preferences.lineHeight] ?? LINE_HEIGHT.normal),
  };
}
