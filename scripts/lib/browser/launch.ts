import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { DIST } from './paths';
import type { BrowserName, BrowserSession } from './session';

export interface LaunchOptions {
  headless?: boolean;
  locale?: string;
  viewport?: { width: number; height: number };
  /** Chromium: a profile directory to use and keep, so a second launch is a browser restart. */
  profileDir?: string;
}

/** Launches one browser with the built extension for that browser loaded. */
export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<BrowserSession> {
  return name === 'chromium'
    ? launchChromium({ extensionDir: DIST.chromium, ...options })
    : launchFirefox({ extensionDir: DIST.firefox, ...options });
}
