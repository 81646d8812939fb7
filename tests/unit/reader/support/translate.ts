import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Translate } from '../../../../src/reader/i18n';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../public/_locales');

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * browser.i18n.getMessage over our messages.json, as browsers implement it: named placeholders
 * map to $1…$9, a missing key gives "". Tests see the strings users see.
 */
export function translator(locale: 'en' | 'de'): Translate {
  const messages = JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<
    string,
    Message
  >;
  const byLowerKey = new Map(Object.entries(messages).map(([key, value]) => [key.toLowerCase(), value]));
  return (key, substitutions) => {
    const entry = byLowerKey.get(key.toLowerCase());
    if (!entry) return '';
    const args = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
    );
    return entry.message
      .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => placeholders.get(name.toLowerCase()) ?? '')
      .replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  };
}
