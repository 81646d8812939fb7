/** The built-in site and platform rules. Generic rules do most of the work; these add what they cannot know. */
import { citizenReporter } from './citizen-reporter';
import type { SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [citizenReporter];

/** The rule whose hosts include this page's host (a host matches itself and its subdomains). */
export function findSiteRule(url: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const rule of rules) {
    if (rule.matches.some((m) => host === m || host.endsWith(`.${m}`))) return rule;
  }
  return null;
}
