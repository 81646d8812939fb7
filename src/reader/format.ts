/** Dates, counts and short phrases the reader shows, through Intl and the Translate function. */
import type { Photo, RemovalReason, Removed } from '../core/story';
import type { Translate } from './i18n';

/**
 * "26. April 2019, 09:12" / "April 26, 2019, 9:12 AM". The time is the one the page printed
 * (the offset in the ISO string), not converted to the reader's zone: a local paper's "09:12"
 * means 09:12 where it happened. A date without a time shows the date only.
 */
export function formatPublished(iso: string, locale: string): string | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/.exec(
      iso.trim(),
    );
  if (!match) return null;
  const [, y, mo, d, h, mi] = match;
  const wall = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  if (Number.isNaN(wall.getTime())) return null;
  const { date, time } = formatters(locale);
  if (h === undefined) return date.format(wall);
  return `${date.format(wall)}, ${time.format(wall)}`;
}

interface Formatters {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
}
const formatterCache = new Map<string, Formatters>();

/**
 * Intl objects are costly to create (the first DateTimeFormat of a page loads ICU data: tens to
 * hundreds of ms on a slow machine), so they are made once per locale; call this early, while
 * nothing waits, to keep that cost out of the first paint.
 */
export function formatters(locale: string): Formatters {
  let cached = formatterCache.get(locale);
  if (!cached) {
    cached = {
      date: new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
      // 24-hour locales write "09:12", 12-hour ones "9:12 AM".
      time: new Intl.DateTimeFormat(locale, {
        hour: usesTwelveHours(locale) ? 'numeric' : '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
      }),
      plural: new Intl.PluralRules(locale),
      number: new Intl.NumberFormat(locale),
    };
    cached.date.format(0);
    cached.time.format(0);
    formatterCache.set(locale, cached);
  }
  return cached;
}

function usesTwelveHours(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
}

/** Looks up `<key>_<plural category>` (falling back to `<key>_other`) with the count formatted. */
export function plural(t: Translate, locale: string, key: string, count: number): string {
  const { plural: rules, number } = formatters(locale);
  const category = rules.select(count);
  const formatted = number.format(count);
  return t(`${key}_${category}`, formatted) || t(`${key}_other`, formatted);
}

/** Most telling first: what a reader most wants to know was taken away. */
const REMOVAL_ORDER: readonly RemovalReason[] = [
  'sponsored',
  'paywall-teaser',
  'login-prompt',
  'newsletter',
  'follow-box',
  'comments',
  'related-teasers',
  'app-promo',
  'social',
  'cookie-banner',
  'navigation',
  'site-rule',
];

const REMOVAL_KEYS: Record<RemovalReason, string> = {
  sponsored: 'removedSponsored',
  'paywall-teaser': 'removedPaywallTeaser',
  'login-prompt': 'removedLoginPrompt',
  newsletter: 'removedNewsletter',
  'follow-box': 'removedFollowBox',
  comments: 'removedComments',
  'related-teasers': 'removedRelatedTeasers',
  'app-promo': 'removedAppPromo',
  social: 'removedSocial',
  'cookie-banner': 'removedCookieBanner',
  navigation: 'removedNavigation',
  'site-rule': 'removedSiteRule',
};

/** "3 Anzeigen, 2 Anmelde-Hinweise ausgeblendet"; null when nothing was removed. */
export function describeRemoved(removed: readonly Removed[], t: Translate, locale: string): string | null {
  const totals = new Map<RemovalReason, number>();
  for (const { reason, count } of removed) {
    if (count > 0 && reason in REMOVAL_KEYS) totals.set(reason, (totals.get(reason) ?? 0) + count);
  }
  const parts = REMOVAL_ORDER.filter((reason) => totals.has(reason)).map((reason) =>
    plural(t, locale, REMOVAL_KEYS[reason], totals.get(reason) ?? 0),
  );
  if (parts.length === 0) return null;
  return t('removedLine', parts.join(', '));
}

/** "Foto: WFK": pages write "| Foto: WFK", "© WFK" or a bare "WFK"; show one calm form. */
export function formatCredit(credit: string, t: Translate): string {
  const bare = credit.replace(/^[\s|·•–—-]+/, '').trim();
  if (!bare) return '';
  if (/^(?:©|\(c\)|(?:fotos?|photos?|bild(?:er)?|pictures?|credits?)\b)/i.test(bare)) return bare;
  return t('photoCredit', bare);
}

/** The host a link leads to, without "www.", for "Original on wochenblatt-reporter.de". */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A `sizes` value for pictures in the text column; browsers pick the srcset candidate from it. */
export const COLUMN_SIZES = '(min-width: 50em) 46em, 100vw';

export function photoKey(photo: Photo, index: number): string {
  return `${index}:${photo.src}`;
}
