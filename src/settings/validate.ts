/**
 * Turns whatever is stored (another version's data, a hand-edited export, a half-synced item,
 * garbage) into valid Settings, field by field: a bad value falls back to its default and
 * never takes its neighbours with it. Auto-open entries are kept whenever their host is
 * usable; only their bad side fields are repaired. Pure.
 */
import { normalizeStoredHost } from './hosts';
import {
  DEFAULT_LIMITS,
  DEFAULT_READER_PREFERENCES,
  FONT_FAMILIES,
  FONT_SIZE_SCALE_PX,
  LINE_HEIGHTS,
  LINE_WIDTHS,
  MAX_ELEMENTS_RANGE,
  SETTINGS_VERSION,
  SPEECH_RATE_RANGE,
  THEMES,
  TIME_BUDGET_RANGE,
} from './schema';
import type { AutoOpenSite, ExtractionLimits, ReaderPreferences, Settings } from './types';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function integerIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : fallback;
}

function numberIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : fallback;
}

export function validateReaderPreferences(raw: unknown): ReaderPreferences {
  const r = isRecord(raw) ? raw : {};
  const d = DEFAULT_READER_PREFERENCES;
  return {
    theme: oneOf(r.theme, THEMES, d.theme),
    fontSize: integerIn(r.fontSize, 0, FONT_SIZE_SCALE_PX.length - 1, d.fontSize),
    fontFamily: oneOf(r.fontFamily, FONT_FAMILIES, d.fontFamily),
    lineWidth: oneOf(r.lineWidth, LINE_WIDTHS, d.lineWidth),
    lineHeight: oneOf(r.lineHeight, LINE_HEIGHTS, d.lineHeight),
    speechRate: numberIn(r.speechRate, SPEECH_RATE_RANGE.min, SPEECH_RATE_RANGE.max, d.speechRate),
  };
}

export function validateLimits(raw: unknown): ExtractionLimits {
  const r = isRecord(raw) ? raw : {};
  return {
    maxElements: integerIn(
      r.maxElements,
      MAX_ELEMENTS_RANGE.min,
      MAX_ELEMENTS_RANGE.max,
      DEFAULT_LIMITS.maxElements,
    ),
    timeBudgetMs: integerIn(
      r.timeBudgetMs,
      TIME_BUDGET_RANGE.min,
      TIME_BUDGET_RANGE.max,
      DEFAULT_LIMITS.timeBudgetMs,
    ),
  };
}

function validIsoTime(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * One entry, or null when it names no usable host. A bare string is accepted as a host
 * (hand-written exports, the v1 shape): an entry is never lost over its form.
 */
export function validateAutoOpenSite(raw: unknown, now: Date): AutoOpenSite | null {
  if (typeof raw === 'string') {
    const host = normalizeStoredHost(raw);
    return host ? { host, includeSubdomains: false, addedAt: now.toISOString() } : null;
  }
  if (!isRecord(raw)) return null;
  const host = normalizeStoredHost(raw.host);
  if (!host) return null;
  return {
    host,
    includeSubdomains: typeof raw.includeSubdomains === 'boolean' ? raw.includeSubdomains : false,
    addedAt: validIsoTime(raw.addedAt) ?? now.toISOString(),
  };
}

/** Valid entries in their stored order; a host listed twice becomes one entry that keeps the wider reach. */
export function validateAutoOpenList(raw: unknown, now: Date): AutoOpenSite[] {
  const items = Array.isArray(raw) ? raw : [];
  const byHost = new Map<string, AutoOpenSite>();
  for (const item of items) {
    const site = validateAutoOpenSite(item, now);
    if (!site) continue;
    const seen = byHost.get(site.host);
    if (!seen) {
      byHost.set(site.host, site);
      continue;
    }
    seen.includeSubdomains ||= site.includeSubdomains;
    if (site.addedAt < seen.addedAt) seen.addedAt = site.addedAt;
  }
  return [...byHost.values()];
}

/** Settings of the current version; `raw` must already be migrated (see migrate.ts). */
export function validateSettings(raw: unknown, now: Date = new Date()): Settings {
  const r = isRecord(raw) ? raw : {};
  return {
    version: SETTINGS_VERSION,
    reader: validateReaderPreferences(r.reader),
    autoOpen: validateAutoOpenList(r.autoOpen, now),
    limits: validateLimits(r.limits),
  };
}
