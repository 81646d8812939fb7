/**
 * The reader's own typefaces (Source Serif 4, Source Sans 3; SIL OFL, files in public/fonts).
 *
 * Chromium ignores @font-face rules inside a shadow root, so the faces are registered on the
 * document's FontFaceSet, which every tree scope of the document uses. They are built from bytes
 * the content script read from the extension, not from URLs: no request the page could see in
 * its resource timing, nothing for the page's CSP `font-src` to block, and no `<style>` in the
 * page's DOM. The family names are our own, so the page's text never changes font.
 */

export const SERIF_FAMILY = 'Klartext Serif';
export const SANS_FAMILY = 'Klartext Sans';

// Unicode ranges of the fontsource subsets: the browser only uses a face for characters it covers.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF';

export interface FontFile {
  family: string;
  /** Path inside the extension package. */
  path: string;
  weight: string;
  style: 'normal' | 'italic';
  unicodeRange: string;
}

const FAMILIES = [
  { family: SERIF_FAMILY, file: 'source-serif-4' },
  { family: SANS_FAMILY, file: 'source-sans-3' },
] as const;
const CUTS = [
  { weight: '400', style: 'normal' },
  { weight: '400', style: 'italic' },
  { weight: '600', style: 'normal' },
  { weight: '700', style: 'normal' },
] as const;
const SUBSETS = [
  { name: 'latin', range: LATIN },
  { name: 'latin-ext', range: LATIN_EXT },
] as const;

export const FONT_FILES: readonly FontFile[] = FAMILIES.flatMap(({ family, file }) =>
  CUTS.flatMap(({ weight, style }) =>
    SUBSETS.map(({ name, range }) => ({
      family,
      path: `fonts/${file}-${name}-${weight}-${style}.woff2`,
      weight,
      style,
      unicodeRange: range,
    })),
  ),
);

export interface LoadedFonts {
  /** Registers the faces on the document (idempotent). */
  install(doc: Document): void;
  /** Takes them off again, so the page's `document.fonts` is as it was. */
  uninstall(doc: Document): void;
}

/**
 * Reads every face once (the bytes stay in memory for later openings). Faces that fail to load
 * are skipped: the reader then falls back to the system serif/sans, it never fails to open.
 */
export async function loadFonts(
  readFile: (path: string) => Promise<ArrayBuffer>,
  FontFaceClass: typeof FontFace,
): Promise<LoadedFonts> {
  const faces = await Promise.all(
    FONT_FILES.map(async (file) => {
      try {
        const face = new FontFaceClass(file.family, await readFile(file.path), {
          weight: file.weight,
          style: file.style,
          unicodeRange: file.unicodeRange,
          display: 'swap',
        });
        return await face.load();
      } catch (error) {
        console.debug('[Klartext] font not loaded', file.path, error);
        return null;
      }
    }),
  );
  const usable = faces.filter((face): face is FontFace => face !== null);
  return {
    install(doc) {
      for (const face of usable) if (!doc.fonts.has(face)) doc.fonts.add(face);
    },
    uninstall(doc) {
      for (const face of usable) doc.fonts.delete(face);
    },
  };
}

/**
 * Fonts that do not hold up the reader's first paint: reading and decoding the sixteen faces
 * takes 100–300 ms on a busy machine, more than the whole opening may take. The reader shows at
 * once in the fallback serif/sans (the faces are `display: swap`) and takes our typefaces as soon
 * as they are ready; closing before that leaves nothing behind.
 */
export function installWhenLoaded(loading: Promise<LoadedFonts | null>): LoadedFonts {
  let wanted: Document | null = null;
  let loaded: LoadedFonts | null = null;
  void loading.then((fonts) => {
    loaded = fonts;
    if (wanted) fonts?.install(wanted);
  });
  return {
    install(doc) {
      wanted = doc;
      loaded?.install(doc);
    },
    uninstall(doc) {
      if (wanted === doc) wanted = null;
      loaded?.uninstall(doc);
    },
  };
}
