/** Flags this workplace's headless Chromium needs: no sandbox as root, no calls home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Tests and tools never touch the network: every host but the loopback fixture server fails fast.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
] as const;

/** Firefox equivalent of the resolver rule: send everything non-local to a closed loopback proxy. */
export const FIREFOX_OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1, localhost',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disableIPv6': true,
} as const;

export const CHROMIUM_PATH = process.env.KLARTEXT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.KLARTEXT_FIREFOX ?? '/usr/bin/firefox-esr';
