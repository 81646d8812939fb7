/**
 * npm run screenshots
 *
 * Renders the reader with the built extension (run `npm run build` first; the npm script does)
 * on the reconstructed seed page and three regional pages of the shared corpus, in the light,
 * sepia and dark themes, plus the gallery and its lightbox, into docs/screenshots/. Then puts the
 * seed page in Klartext next to Firefox's own Reader View (about:reader) in docs/.
 * Corpus pages are served offline, so their (remote) pictures show as empty boxes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { launchChromium } from './lib/browser/chromium';
import { FIREFOX_PATH } from './lib/browser/flags';
import { launchBrowser } from './lib/browser/launch';
import { DIST, REPO_ROOT } from './lib/browser/paths';
import { READ_READER_VIEW, type ReaderView } from './lib/browser/reader-view';
import { type Tab, waitFor } from './lib/browser/session';
import { type RunningServer, startServer } from './lib/serve';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');
const COMPARISON = path.join(REPO_ROOT, 'docs', 'klartext-vs-firefox-reader-view.png');
const VIEWPORT = { width: 1280, height: 900 };
const THEMES = ['light', 'sepia', 'dark'] as const;

/** Regional pages from the corpus's regional-dev set: with an author, with a gallery, with one picture. */
const PAGES = [
  { name: 'seed-wochenblatt', path: '/seed-wochenblatt/page.html' },
  { name: 'tegernseerstimme', path: '/corpus/news-dev/tegernseerstimme.de-Klimavorreiter.html' },
  { name: 'nnz-online', path: '/corpus/news-dev/nnz-online.de-Quantensprung.html' },
  { name: 'nh24', path: '/corpus/news-dev/nh24.de-Bundeswehr.html' },
] as const;

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openReader(tab: Tab): Promise<ReaderView> {
  await tab.clickToolbar();
  const view = await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 45_000, 'the reader');
  // Fonts are in document.fonts already; give pictures in view a moment to decode.
  await tab.evaluate('() => document.fonts.ready.then(() => true)');
  await settle(600);
  return view;
}

async function chooseTheme(tab: Tab, theme: string): Promise<void> {
  await tab.inReader(`(root) => root.querySelector('.kt-display-toggle').click()`);
  await tab.inReader(`(root) => root.querySelector('.kt-segment[data-value="${theme}"] input').click()`);
  await tab.inReader(`(root) => root.querySelector('.kt-display-toggle').click()`);
  // Let the save reach storage before the next page reads it.
  await settle(800);
}

async function themed(server: RunningServer): Promise<string[]> {
  const written: string[] = [];
  const session = await launchChromium({ extensionDir: DIST.chromium, locale: 'de-DE', viewport: VIEWPORT });
  try {
    for (const theme of THEMES) {
      for (const [index, page] of PAGES.entries()) {
        const tab = await session.open(`${server.url}${page.path}`);
        const view = await openReader(tab);
        if (index === 0) await chooseTheme(tab, theme);
        const file = path.join(OUT, `${page.name}-${theme}.png`);
        await tab.screenshot(file);
        written.push(file);
        console.error(`${path.relative(REPO_ROOT, file)}: ${view.title}`);
        await tab.close();
      }
    }
    const tab = await session.open(`${server.url}${PAGES[0].path}`);
    await openReader(tab);
    await chooseTheme(tab, 'light');
    await tab.inReader(`(root) => root.querySelector('.kt-gallery').scrollIntoView({ block: 'center' })`);
    await settle(800);
    written.push(path.join(OUT, 'seed-wochenblatt-gallery.png'));
    await tab.screenshot(written.at(-1) as string);
    await tab.inReader(`(root) => root.querySelectorAll('.kt-thumb')[0].click()`);
    await waitFor(
      () =>
        tab.inReader(
          `(root) => { const img = root.querySelector('.kt-lightbox-image'); return !!img && img.complete && img.naturalWidth > 0; }`,
        ),
      20_000,
      'the lightbox picture',
    );
    await settle(300);
    written.push(path.join(OUT, 'seed-wochenblatt-lightbox.png'));
    await tab.screenshot(written.at(-1) as string);
    await tab.close();
  } finally {
    await session.close();
  }
  return written;
}

/** Firefox's Reader View and Klartext in Firefox on the same page, side by side in one picture. */
async function comparison(server: RunningServer): Promise<string> {
  const url = `${server.url}${PAGES[0].path}`;
  const firefoxReader = path.join(OUT, 'firefox-reader-view.png');
  const ours = path.join(OUT, 'klartext-firefox.png');

  // about:reader only opens as the start page of a fresh browser, not by navigation.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    args: [`about:reader?url=${encodeURIComponent(url)}`],
    extraPrefsFirefox: { 'intl.locale.requested': 'de-DE', 'intl.accept_languages': 'de-DE' },
  });
  try {
    const page = await waitFor(
      async () => (await browser.pages()).find((p) => p.url().startsWith('about:reader')),
      20_000,
      'about:reader',
    );
    await waitFor(
      () => page.evaluate(() => !!document.querySelector('.moz-reader-content h1, .moz-reader-content p')),
      20_000,
      'Firefox Reader View content',
    );
    await settle(1200);
    await page.screenshot({ path: firefoxReader as `${string}.png` });
  } finally {
    await browser.close();
  }

  const session = await launchBrowser('firefox', { locale: 'de-DE', viewport: VIEWPORT });
  try {
    const tab = await session.open(url);
    await openReader(tab);
    await chooseTheme(tab, 'light');
    await settle(300);
    await tab.screenshot(ours);
  } finally {
    await session.close();
  }

  const dataUrl = async (file: string) =>
    `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; background: #2b2b2e; font: 600 22px/1.3 system-ui, sans-serif; color: #f3f3f3; }
    .row { display: flex; gap: 24px; padding: 24px; }
    figure { margin: 0; flex: 1; } img { display: block; width: 100%; border-radius: 6px; }
    figcaption { padding: 0 0 12px; }
  </style><div class="row">
    <figure><figcaption>Firefox Reader View</figcaption><img src="${await dataUrl(firefoxReader)}"></figure>
    <figure><figcaption>Klartext (Firefox)</figcaption><img src="${await dataUrl(ours)}"></figure>
  </div>`;
  const chromium = await launchChromium({
    extensionDir: DIST.chromium,
    viewport: { width: 2000, height: 760 },
  });
  try {
    const page = await chromium.context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: COMPARISON, fullPage: true });
  } finally {
    await chromium.close();
  }
  return COMPARISON;
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  try {
    const shots = await themed(server);
    const side = await comparison(server);
    const index = [...shots, side].map((file) => path.relative(REPO_ROOT, file));
    await writeFile(path.join(OUT, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
    console.log(index.join('\n'));
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
