/**
 * The XSS vector collections (../shared/security, see its README) and the rewriting that makes a
 * payload's execution observable: every call of alert/prompt/confirm/print becomes a request to
 * the local test server naming where it ran, and every other host points at that server too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Vector {
  id: string;
  source: string;
  payload: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The whole collection, shared between the projects of this workplace. */
export const SHARED_VECTORS =
  process.env.KLARTEXT_XSS_VECTORS ??
  path.resolve(here, '..', '..', '..', 'shared', 'security', 'xss-vectors.jsonl');

/** A fixed sample of it, kept in the repository so `npm test` runs anywhere (same licences, same ids). */
export const SAMPLE_VECTORS = path.join(here, 'vectors-sample.jsonl');

export function loadVectors(file: string): Vector[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the XSS vectors at ${file} (set KLARTEXT_XSS_VECTORS): ${String(error)}`);
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Vector);
}

/**
 * Payloads that navigate, rewrite or swallow the whole page. In a raw position one of them would
 * take every other vector on the page down with it, so they stay in escaped positions only
 * (the security README's advice).
 */
const PAGE_WRECKERS =
  /http-equiv|\blocation\b|document\s*\.\s*(?:write|open)|<\s*(?:plaintext|xmp|base|frameset|meta|isindex)\b|window\s*\.\s*open|\.go\s*\(|history\s*\./i;

export function wrecksPage(payload: string): boolean {
  return PAGE_WRECKERS.test(payload);
}

/**
 * `String.fromCharCode(…)`: a URL written without quotes, slashes or spaces, so it survives any
 * quoting context a payload puts it in (unquoted attributes, single- or double-quoted strings,
 * template literals, CSS expressions).
 */
export function charCodes(text: string): string {
  return `String.fromCharCode(${[...text].map((c) => c.charCodeAt(0)).join(',')})`;
}

/** A function expression that, when called, requests `url` (works in any window or frame). */
export function beaconFunction(url: string): string {
  return `(function(){fetch(${charCodes(url)})})`;
}

const DIALOG_CALL =
  /(?:\b(?:window|top|self|parent|frames|globalThis|this)\s*\.\s*)?(?<![\w$.])(?:alert|prompt|confirm|print)(?![\w$])/g;
// Namespace URIs are names, not requests; everything else that names a host is sent home.
const OTHER_HOST =
  /(?:https?:)?\/\/(?!www\.w3\.org\b|www\.wapforum\.org\b)([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?=[/"'\s>)\\]|$)/gi;

/**
 * Rewrites one payload for one place on one page. `beaconUrl` names vector and position;
 * `externalUrl` is where requests to other hosts go instead (recorded, never answered with code).
 */
export function instrumentPayload(payload: string, beaconUrl: string, externalUrl: string): string {
  return payload.replace(DIALOG_CALL, beaconFunction(beaconUrl)).replace(OTHER_HOST, externalUrl);
}
