/**
 * Bytes → string the way a browser does it (WHATWG Encoding + HTML "determine the character
 * encoding"): BOM first, then a `<meta charset>` / `http-equiv=content-type` found by the
 * prescan, then a fallback. Saved pages are raw bytes as served and many regional sites are
 * not UTF-8, so decoding them as UTF-8 would turn "Jürgen" into "J�rgen" before extraction starts.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Where the encoding came from, for diagnostics and tests. */
export type EncodingSource = 'bom' | 'header' | 'meta' | 'meta-late' | 'utf8-detected' | 'fallback';

export interface DecodedPage {
  text: string;
  /** WHATWG encoding name ("utf-8", "windows-1252", "shift_jis" …). */
  encoding: string;
  source: EncodingSource;
}

/** The spec's prescan window. */
const PRESCAN_BYTES = 1024;
/**
 * A `<meta charset>` after the first 1024 bytes still wins in browsers: the tree builder
 * "changes the encoding" and reparses. We emulate that by scanning the head further.
 */
const LATE_META_BYTES = 64 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Reads a saved page, gunzipping `.gz` files (recognised by content, not name). */
export function readPageBytes(file: string): Uint8Array {
  const raw = readFileSync(file);
  return isGzip(raw) ? gunzipSync(raw) : raw;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * The WHATWG "get an encoding" lookup. Node's TextDecoder implements the Encoding standard's
 * label table (latin1 / iso-8859-1 / ascii → windows-1252 …), so it is the table.
 */
export function encodingForLabel(label: string): string | null {
  const trimmed = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  if (trimmed === 'x-user-defined') return 'x-user-defined';
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/** The charset a Content-Type value names (`text/html; charset=ISO-8859-1`), if any. */
export function charsetFromContentType(value: string): string | null {
  const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(value);
  const label = match?.[1] ?? match?.[2] ?? match?.[3];
  return label === undefined ? null : encodingForLabel(label);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** A meta-declared encoding as the prescan adjusts it (HTML §13.2.3.2 step "processing"). */
function adjustDeclaredEncoding(encoding: string): string {
  if (encoding === 'utf-16be' || encoding === 'utf-16le') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
}

/**
 * Decodes page bytes. `contentType` is the HTTP header when known; it outranks the page's
 * own declaration as it does in browsers.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) {
    return {
      text: decodeWith(bom.encoding, bytes.subarray(bom.length)),
      encoding: bom.encoding,
      source: 'bom',
    };
  }
  const fromHeader = contentType ? charsetFromContentType(contentType) : null;
  if (fromHeader) {
    const encoding = adjustDeclaredEncoding(fromHeader);
    return { text: decodeWith(encoding, bytes), encoding, source: 'header' };
  }
  const declared = prescanForEncoding(bytes.subarray(0, PRESCAN_BYTES));
  if (declared) return { text: decodeWith(declared, bytes), encoding: declared, source: 'meta' };
  const late = prescanForEncoding(headBytes(bytes));
  if (late) return { text: decodeWith(late, bytes), encoding: late, source: 'meta-late' };
  // Browsers do not stop at windows-1252 for undeclared pages: Firefox (chardetng) and
  // Chromium (CED) both recognise valid UTF-8, which is what most undeclared pages are today.
  if (hasNonAscii(bytes) && isValidUtf8(bytes)) {
    return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', source: 'utf8-detected' };
  }
  return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', source: 'fallback' };
}

/** The page's encoding declaration alone (BOM or meta), without detection or fallback. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  return (
    bomEncoding(bytes)?.encoding ??
    prescanForEncoding(bytes.subarray(0, PRESCAN_BYTES)) ??
    prescanForEncoding(headBytes(bytes))
  );
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  // TextDecoder strips a BOM matching its own encoding; the caller already removed any BOM.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, windows1252Char) : text;
}

/**
 * WHATWG index-windows-1252 for bytes 0x80–0x9F. Node since 20.18.3 decodes "windows-1252" as
 * ISO-8859-1 (nodejs/node#60888: 0x93 becomes U+0093, not “); mapping the C1 range afterwards
 * is right with and without that bug, as the five bytes the index maps to themselves stay put.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252Char(c1: string): string {
  return WINDOWS_1252_C1[c1.charCodeAt(0) - 0x80] ?? c1;
}

/** Bytes up to the first `<body` (or the late-meta limit): where a late `<meta charset>` can sit. */
function headBytes(bytes: Uint8Array): Uint8Array {
  const window = bytes.subarray(0, LATE_META_BYTES);
  const at = indexOfAsciiCaseless(window, '<body', 0);
  return at < 0 ? window : window.subarray(0, at);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const isSpace = (b: number | undefined): boolean =>
  b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
const isAsciiLetter = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
const lower = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);

function startsWithAsciiCaseless(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (lower(bytes[at + i] as number) !== text.charCodeAt(i)) return false;
  }
  return true;
}

function indexOfAsciiCaseless(bytes: Uint8Array, text: string, from: number): number {
  for (let i = from; i <= bytes.length - text.length; i++) {
    if (startsWithAsciiCaseless(bytes, i, text)) return i;
  }
  return -1;
}

function indexOfByte(bytes: Uint8Array, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}

/**
 * HTML's "prescan a byte stream to determine its encoding", on the bytes given.
 * Returns the encoding name, or null when the bytes declare none.
 */
export function prescanForEncoding(bytes: Uint8Array): string | null {
  let pos = 0;
  while (pos < bytes.length) {
    if (startsWithAsciiCaseless(bytes, pos, '<!--')) {
      // The comment ends at the first "-->" after "<!" (so "<!-->" is a whole comment).
      const end = indexOfAsciiCaseless(bytes, '-->', pos + 2);
      pos = end < 0 ? bytes.length : end + 3;
      continue;
    }
    if (
      startsWithAsciiCaseless(bytes, pos, '<meta') &&
      (isSpace(bytes[pos + 5]) || bytes[pos + 5] === 0x2f)
    ) {
      const scan = { pos: pos + 6 };
      const encoding = encodingFromMetaAttributes(bytes, scan);
      if (encoding) return encoding;
      pos = scan.pos;
      continue;
    }
    if (
      bytes[pos] === 0x3c &&
      (isAsciiLetter(bytes[pos + 1]) || (bytes[pos + 1] === 0x2f && isAsciiLetter(bytes[pos + 2])))
    ) {
      let p = pos + 1;
      while (p < bytes.length && !isSpace(bytes[p]) && bytes[p] !== 0x3e) p++;
      const scan = { pos: p };
      while (readAttribute(bytes, scan)) {
        // Attributes of other tags are skipped so a quoted ">" does not end the tag early.
      }
      pos = scan.pos;
      continue;
    }
    if (
      bytes[pos] === 0x3c &&
      (bytes[pos + 1] === 0x21 || bytes[pos + 1] === 0x2f || bytes[pos + 1] === 0x3f)
    ) {
      pos = indexOfByte(bytes, 0x3e, pos + 2) + 1;
      continue;
    }
    pos++;
  }
  return null;
}

function encodingFromMetaAttributes(bytes: Uint8Array, scan: { pos: number }): string | null {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  for (let attr = readAttribute(bytes, scan); attr; attr = readAttribute(bytes, scan)) {
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === 'http-equiv') {
      if (attr.value === 'content-type') gotPragma = true;
    } else if (attr.name === 'content') {
      const fromContent = charsetFromMetaContent(attr.value);
      if (fromContent && charset === null) {
        charset = fromContent;
        needPragma = true;
      }
    } else if (attr.name === 'charset') {
      charset = encodingForLabel(attr.value);
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || !charset) return null;
  return adjustDeclaredEncoding(charset);
}

/** HTML's "extract a character encoding from a meta element" (the `content` attribute). */
export function charsetFromMetaContent(content: string): string | null {
  let from = 0;
  for (;;) {
    const at = content.toLowerCase().indexOf('charset', from);
    if (at < 0) return null;
    let p = at + 7;
    while (isSpace(content.charCodeAt(p))) p++;
    if (content[p] !== '=') {
      from = p;
      continue;
    }
    p++;
    while (isSpace(content.charCodeAt(p))) p++;
    const quote = content[p];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, p + 1);
      return end < 0 ? null : encodingForLabel(content.slice(p + 1, end));
    }
    let end = p;
    while (end < content.length && !isSpace(content.charCodeAt(end)) && content[end] !== ';') end++;
    return end === p ? null : encodingForLabel(content.slice(p, end));
  }
}

/** HTML's "get an attribute" step of the prescan; advances `scan.pos`. */
function readAttribute(bytes: Uint8Array, scan: { pos: number }): { name: string; value: string } | null {
  let p = scan.pos;
  while (p < bytes.length && (isSpace(bytes[p]) || bytes[p] === 0x2f)) p++;
  if (p >= bytes.length || bytes[p] === 0x3e) {
    scan.pos = p;
    return null;
  }
  let name = '';
  let value = '';
  const done = (): { name: string; value: string } => {
    scan.pos = p;
    return { name, value };
  };
  // Attribute name.
  for (;;) {
    if (p >= bytes.length) return done();
    const b = bytes[p] as number;
    if (b === 0x3d && name !== '') break;
    if (isSpace(b)) {
      while (p < bytes.length && isSpace(bytes[p])) p++;
      if (bytes[p] !== 0x3d) return done();
      break;
    }
    if (b === 0x2f || b === 0x3e) return done();
    name += String.fromCharCode(lower(b));
    p++;
  }
  // Attribute value, after "=".
  p++;
  while (p < bytes.length && isSpace(bytes[p])) p++;
  const quote = bytes[p];
  if (quote === 0x22 || quote === 0x27) {
    p++;
    while (p < bytes.length && bytes[p] !== quote) value += String.fromCharCode(lower(bytes[p++] as number));
    p++;
    return done();
  }
  if (quote === 0x3e) return done();
  while (p < bytes.length && !isSpace(bytes[p]) && bytes[p] !== 0x3e) {
    value += String.fromCharCode(lower(bytes[p++] as number));
  }
  return done();
}
