import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../../scripts/lib/browser/launch';
import type { BrowserName, BrowserSession } from '../../../scripts/lib/browser/session';
import { type RunningServer, startServer } from '../../../scripts/lib/serve';

/** Every journey runs in both browsers the extension ships for. */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export interface Journey {
  browser(): BrowserSession;
  server(): RunningServer;
  url(path: string): string;
}

/**
 * One browser and one fixture server for a describe block: launching a browser costs seconds on
 * these machines, so tests in a file share it and each opens its own tab.
 */
export function useBrowser(
  name: BrowserName,
  launchOptions: Parameters<typeof launchBrowser>[1] = {},
): Journey {
  let session: BrowserSession | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    session = await launchBrowser(name, launchOptions);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return {
    browser: () => must(session, 'browser'),
    server: () => must(server, 'server'),
    url: (path) => `${must(server, 'server').url}${path}`,
  };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} not started`);
  return value;
}
