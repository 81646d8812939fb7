/**
 * Host names of auto-open sites: normalising what a user types or imports, matching a page's
 * host against the list, and the match patterns the browsers need for permissions and
 * registered scripts. Pure.
 */
import type { AutoOpenSite } from './types';

export type HostError = 'empty' | 'invalid' | 'scheme' | 'path' | 'wildcard';

export type HostParseResult =
  | { ok: true; host: string; includeSubdomains: boolean }
  | { ok: false; error: HostError };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Turns what a person types ("https://www.Rheinpfalz.de/lokal/", "*.rheinpfalz.de",
 * "rheinpfalz.de:443") into a stored host. A leading "*." or "." means "subdomains too".
 * Ports are dropped: browser match patterns cannot carry them reliably (Firefox never grants a
 * pattern with a port), and a host's articles live on every port alike.
 */
export function parseHostInput(input: string): HostParseResult {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'empty' };
  let includeSubdomains = false;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
  if (scheme) {
    if (scheme[1] !== 'http' && scheme[1] !== 'https') return { ok: false, error: 'scheme' };
    text = text.slice(scheme[0].length);
    // A pasted URL: everything after the host is ignored on purpose.
    text = text.replace(/[/?#].*$/, '');
  } else if (/[/?#]/.test(text)) {
    const [head, rest = ''] = text.split(/(?=[/?#])/, 2);
    // "example.org/" is a typo away from a host; "example.org/lokal" asks for something we cannot do.
    if (rest.replace(/\/+$/, '') !== '') return { ok: false, error: 'path' };
    text = head ?? '';
  }
  text = text.replace(/^[^@]*@/, '');
  if (text.startsWith('*.')) {
    includeSubdomains = true;
    text = text.slice(2);
  } else if (text.startsWith('.')) {
    includeSubdomains = true;
    text = text.slice(1);
  }
  if (text.includes('*')) return { ok: false, error: 'wildcard' };
  text = text.replace(/:\d*$/, '').replace(/\.$/, '');
  const host = toAsciiHost(text);
  if (host === null) return { ok: false, error: 'invalid' };
  return { ok: true, host, includeSubdomains };
}

/** The host a stored or imported entry may carry, or null. Stricter than user input: no URLs. */
export function normalizeStoredHost(value: unknown): string | null {
  if (typeof value !== 'string' || /[/:@*?#\s]/.test(value)) return null;
  return toAsciiHost(value.trim().toLowerCase().replace(/\.$/, ''));
}

function toAsciiHost(text: string): string | null {
  if (text === '' || text.length > 253) return null;
  let ascii: string;
  try {
    // URL parsing applies IDNA (umlaut domains → punycode), the form browsers compare hosts in.
    ascii = new URL(`http://${text}/`).hostname;
  } catch {
    return null;
  }
  if (ascii.startsWith('[')) return null; // IPv6: not a news site, and patterns for it differ per browser.
  const ipv4 = IPV4.exec(ascii);
  if (ipv4) return ipv4.slice(1).every((part) => Number(part) <= 255) ? ascii : null;
  const labels = ascii.split('.');
  return labels.every((label) => LABEL.test(label)) ? ascii : null;
}

export function isIpAddress(host: string): boolean {
  return IPV4.test(host);
}

/** Does `hostname` (of a page) belong to `site`? */
export function siteMatchesHost(
  site: Pick<AutoOpenSite, 'host' | 'includeSubdomains'>,
  hostname: string,
): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === site.host) return true;
  return site.includeSubdomains && !isIpAddress(site.host) && host.endsWith(`.${site.host}`);
}

/** The entry a URL falls under, the most specific one first; null for non-web URLs. */
export function findAutoOpenSite(
  sites: readonly AutoOpenSite[],
  url: string | undefined,
): AutoOpenSite | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const matches = sites.filter((site) => siteMatchesHost(site, parsed.hostname));
  matches.sort((a, b) => b.host.length - a.host.length);
  return matches[0] ?? null;
}

/**
 * Match patterns for permissions and registered scripts: both schemes (a grant for http never
 * covers https), no port (a pattern without one matches every port in both browsers).
 */
export function matchPatternsFor(site: Pick<AutoOpenSite, 'host' | 'includeSubdomains'>): string[] {
  const hostPart = site.includeSubdomains && !isIpAddress(site.host) ? `*.${site.host}` : site.host;
  return [`http://${hostPart}/*`, `https://${hostPart}/*`];
}
