import { describe, expect, it } from 'vitest';
import { installWhenLoaded, type LoadedFonts } from '../../../src/reader/fonts';

/** Records what the real fonts were asked to do, per document. */
function recordingFonts(log: string[]): LoadedFonts {
  return {
    install: (doc) => void log.push(`install ${doc.title}`),
    uninstall: (doc) => void log.push(`uninstall ${doc.title}`),
  };
}

const page = { title: 'page' } as Document;

describe('installWhenLoaded', () => {
  it('installs the faces once they are read, when the reader asked for them before', async () => {
    const log: string[] = [];
    let finish: (fonts: LoadedFonts) => void = () => undefined;
    const fonts = installWhenLoaded(new Promise((resolve) => (finish = resolve)));
    fonts.install(page);
    expect(log).toEqual([]);
    finish(recordingFonts(log));
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['install page']);
  });

  it('installs nothing when the reader closed before the faces were read', async () => {
    const log: string[] = [];
    let finish: (fonts: LoadedFonts) => void = () => undefined;
    const fonts = installWhenLoaded(new Promise((resolve) => (finish = resolve)));
    fonts.install(page);
    fonts.uninstall(page);
    finish(recordingFonts(log));
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual([]);
  });

  it('installs and uninstalls directly once loaded, and survives fonts that failed to load', async () => {
    const log: string[] = [];
    const fonts = installWhenLoaded(Promise.resolve(recordingFonts(log)));
    await Promise.resolve();
    fonts.install(page);
    fonts.uninstall(page);
    expect(log).toEqual(['install page', 'uninstall page']);
    const none = installWhenLoaded(Promise.resolve(null));
    none.install(page);
    await Promise.resolve();
    expect(() => none.uninstall(page)).not.toThrow();
  });
});
