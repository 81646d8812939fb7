/**
 * npm start: after the build, serve the bundled sample pages on 127.0.0.1 and open Chromium with
 * the extension on the reconstructed seed page, reader open. With a display the browser stays
 * open for you to try (Ctrl+C ends it); without one it runs headless, writes reader.png and says so.
 */
import path from 'node:path';
import { launchChromium } from './lib/browser/chromium';
import { DIST, REPO_ROOT } from './lib/browser/paths';
import { READ_READER_VIEW, type ReaderView } from './lib/browser/reader-view';
import { waitFor } from './lib/browser/session';
import { startServer } from './lib/serve';

const SEED_PAGE = '/seed-wochenblatt/page.html';

async function main(): Promise<void> {
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const server = await startServer();
  const session = await launchChromium({ extensionDir: DIST.chromium, headless });
  const seedUrl = `${server.url}${SEED_PAGE}`;
  console.log(`Sample pages: ${server.url}/  (seed article: ${seedUrl})`);
  const tab = await session.open(seedUrl);
  await tab.clickToolbar();
  const view = await waitFor(() => tab.inReader<ReaderView>(READ_READER_VIEW), 15_000, 'the reader');
  console.log(
    `Reader open: "${view.title}" by ${view.byline.map((a) => a.name).join(', ') || 'nobody named'}, ${view.images} pictures.`,
  );

  if (headless) {
    const file = path.join(REPO_ROOT, 'reader.png');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await tab.screenshot(file);
    console.log(`No display found, so Chromium ran headless: the reader view is in ${file}.`);
    await session.close();
    await server.close();
    return;
  }
  console.log(
    'Chromium is open with Klartext loaded: click the toolbar icon (or Alt+Shift+R) on any sample page. Ctrl+C ends.',
  );
  const stop = async () => {
    await session.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
