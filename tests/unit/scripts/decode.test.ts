import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  charsetFromMetaContent,
  decodeHtml,
  encodingForLabel,
  prescanForEncoding,
  readPageBytes,
} from '../../../scripts/lib/decode';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
/** "Grüße" as windows-1252 bytes: ü = FC, ß = DF. */
const GRUESSE_1252 = [0x47, 0x72, 0xfc, 0xdf, 0x65];

function page(head: string, bodyBytes: number[]): Uint8Array {
  return new Uint8Array([
    ...ascii(`<!doctype html><html><head>${head}</head><body><p>`),
    ...bodyBytes,
    ...ascii('</p>'),
  ]);
}

describe('encodingForLabel (WHATWG labels)', () => {
  it('maps latin1, iso-8859-1 and ascii to windows-1252, as browsers do', () => {
    expect(encodingForLabel('latin1')).toBe('windows-1252');
    expect(encodingForLabel(' ISO-8859-1 ')).toBe('windows-1252');
    expect(encodingForLabel('us-ascii')).toBe('windows-1252');
    expect(encodingForLabel('utf8')).toBe('utf-8');
    expect(encodingForLabel('no-such-charset')).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('lets a UTF-8 BOM win over a meta that says otherwise, and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="iso-8859-1"><p>Grüße</p>')]);
    const decoded = decodeHtml(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(decoded.text).toBe('<meta charset="iso-8859-1"><p>Grüße</p>');
  });

  it('reads a UTF-16LE BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>Grüße</p>', 'utf16le')]);
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'utf-16le', text: '<p>Grüße</p>' });
  });

  it('uses <meta charset> in the first 1024 bytes', () => {
    const decoded = decodeHtml(page('<meta charset="windows-1252">', GRUESSE_1252));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'meta' });
    expect(decoded.text).toContain('<p>Grüße</p>');
  });

  it('uses http-equiv content-type with a charset in content', () => {
    const decoded = decodeHtml(
      page('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">', GRUESSE_1252),
    );
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'meta' });
    expect(decoded.text).toContain('Grüße');
  });

  it('ignores a content charset without the http-equiv pragma', () => {
    expect(prescanForEncoding(ascii('<meta content="text/html; charset=iso-8859-2">'))).toBeNull();
  });

  it('skips comments and other tags’ attribute values while prescanning', () => {
    expect(prescanForEncoding(ascii('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">'))).toBe('utf-8');
    expect(prescanForEncoding(ascii('<div title="<meta charset=koi8-r>"><meta charset=shift_jis>'))).toBe(
      'shift_jis',
    );
  });

  it('treats a declared UTF-16 in a meta as UTF-8 (the bytes are ASCII-compatible)', () => {
    expect(prescanForEncoding(ascii('<meta charset="utf-16le">'))).toBe('utf-8');
  });

  it('still honours a charset declared in the head after the first 1024 bytes', () => {
    const filler = `<meta name="description" content="${'x'.repeat(1100)}">`;
    const decoded = decodeHtml(page(`${filler}<meta charset="iso-8859-15">`, [0xa4]));
    expect(decoded).toMatchObject({ encoding: 'iso-8859-15', source: 'meta-late' });
    expect(decoded.text).toContain('<p>€</p>');
  });

  it('falls back to windows-1252 when nothing is declared and the bytes are not UTF-8', () => {
    const decoded = decodeHtml(page('<title>x</title>', [0x93, ...GRUESSE_1252, 0x94]));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'fallback' });
    expect(decoded.text).toContain('<p>“Grüße”</p>');
  });

  it('decodes the whole windows-1252 C1 range by the WHATWG index (Node 20’s own decoder gets it wrong)', () => {
    const decoded = decodeHtml(page('<meta charset="windows-1252">', [0x80, 0x81, 0x8a, 0x96, 0x9f]));
    expect(decoded.text).toContain('<p>€\u0081Š–Ÿ</p>');
  });

  it('recognises undeclared valid UTF-8, as browsers’ detectors do', () => {
    const decoded = decodeHtml(utf8('<title>x</title><p>Grüße</p>'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', source: 'utf8-detected' });
    expect(decoded.text).toContain('Grüße');
  });

  it('lets an HTTP charset outrank the meta, but not the BOM', () => {
    const decoded = decodeHtml(page('<meta charset="utf-8">', GRUESSE_1252), 'text/html; charset=ISO-8859-1');
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'header' });
  });
});

describe('charsetFromMetaContent', () => {
  it('finds quoted and unquoted charsets and stops at ";"', () => {
    expect(charsetFromMetaContent('text/html; charset=ISO-8859-1')).toBe('windows-1252');
    expect(charsetFromMetaContent("text/html;charset='utf-8'")).toBe('utf-8');
    expect(charsetFromMetaContent('text/html; charset = utf-8; foo')).toBe('utf-8');
    expect(charsetFromMetaContent('text/html')).toBeNull();
  });
});

describe('readPageBytes', () => {
  it('gunzips .html.gz files and reads plain ones as they are', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'klartext-decode-'));
    const bytes = page('<meta charset="windows-1252">', GRUESSE_1252);
    writeFileSync(path.join(dir, 'page.html.gz'), gzipSync(bytes));
    writeFileSync(path.join(dir, 'page.html'), bytes);
    expect(Buffer.from(readPageBytes(path.join(dir, 'page.html.gz')))).toEqual(Buffer.from(bytes));
    expect(decodeHtml(readPageBytes(path.join(dir, 'page.html.gz'))).text).toContain('Grüße');
    expect(Buffer.from(readPageBytes(path.join(dir, 'page.html')))).toEqual(Buffer.from(bytes));
  });
});
