/** Flags this workplace's headless Chromium needs: no sandbox as root, no calls home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

export const CHROMIUM_PATH = process.env.KLARTEXT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.KLARTEXT_FIREFOX ?? '/usr/bin/firefox-esr';
