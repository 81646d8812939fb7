// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, loadFonts } from '../../../src/reader/fonts';
import { PRINT_STYLE, preparePrinting } from '../../../src/reader/print';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('shipped fonts', () => {
  it('every face the reader registers is in public/ and web-accessible in the manifest', () => {
    for (const file of FONT_FILES)
      expect(existsSync(path.join(ROOT, 'public', file.path)), file.path).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
    const resources = manifest.web_accessible_resources.flatMap(
      (entry: { resources: string[] }) => entry.resources,
    );
    expect(resources).toContain('fonts/*.woff2');
    expect(new Set(FONT_FILES.map((f) => f.family)).size).toBe(2);
  });

  it('adds the faces to the document and takes them off again; a face that fails is skipped', async () => {
    const added = new Set<unknown>();
    const doc = {
      fonts: {
        has: (face: unknown) => added.has(face),
        add: (face: unknown) => added.add(face),
        delete: (face: unknown) => added.delete(face),
      },
    } as unknown as Document;
    class FakeFace {
      constructor(
        readonly family: string,
        readonly source: ArrayBuffer,
      ) {}
      async load() {
        return this;
      }
    }
    const fonts = await loadFonts(
      async (p) => {
        if (p.includes('italic')) throw new Error('missing');
        return new ArrayBuffer(8);
      },
      FakeFace as unknown as typeof FontFace,
    );
    fonts.install(doc);
    fonts.install(doc);
    expect(added.size).toBe(FONT_FILES.filter((f) => !f.path.includes('italic')).length);
    fonts.uninstall(doc);
    expect(added.size).toBe(0);
  });
});

describe('printing', () => {
  it('hides the page body in print only while the reader is open, and lets the host flow when printing', () => {
    const before = document.documentElement.outerHTML;
    const host = document.createElement('div');
    host.setAttribute('style', 'position: fixed !important; height: 100vh !important');
    document.documentElement.append(host);
    const stop = preparePrinting(document, host);
    const style = [...document.querySelectorAll('style')].find((s) => s.textContent === PRINT_STYLE);
    expect(style?.media).toBe('print');
    expect(style?.textContent).toMatch(/body\s*\{\s*display:\s*none\s*!important/);
    window.dispatchEvent(new Event('beforeprint'));
    expect(host.style.getPropertyValue('position')).toBe('static');
    window.dispatchEvent(new Event('afterprint'));
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    stop();
    host.remove();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
