/**
 * One interface over the two browsers the extension ships for, so every journey is written once
 * and run in both. Each browser opens the reader through its real toolbar-action code path
 * (which also grants activeTab), and reads the reader's closed shadow root through the
 * automation protocol, as a person would see it, without any test hook in the extension.
 */
export type BrowserName = 'chromium' | 'firefox';

export interface BrowserSession {
  readonly name: BrowserName;
  /** The built, unpacked extension this session loaded. */
  readonly extensionDir: string;
  /** URL prefix of the extension's own pages (chrome-extension://ID/ or moz-extension://UUID/). */
  readonly extensionOrigin: string;
  open(url: string): Promise<Tab>;
  /** The extension's toolbar popup if one is open: its URL and the title its page shows. */
  toolbarPopup(): Promise<{ url: string; title: string } | null>;
  /** Closes the toolbar popup if one is open (as a click elsewhere would), so the next one can open. */
  closeToolbarPopup(): Promise<void>;
  /** Opens one of the extension's own pages (e.g. `src/options/index.html`) in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /**
   * Makes the browser say yes to the extension's next `permissions.request` for these origins,
   * as a person would in the browser's dialog (which no automation can answer). The request
   * itself must still come from a click in an extension page.
   */
  approveHostPermissions(origins: string[]): Promise<void>;
  /** Takes host permissions back the way a person does in the browser's own extension settings. */
  revokeHostPermissions(origins: string[]): Promise<void>;
  close(): Promise<void>;
}

/** An extension page driven as a person would: trusted clicks and typing (user gestures). */
export interface ExtensionPage {
  click(selector: string): Promise<void>;
  /** Replaces the value of a text field by typing. */
  fill(selector: string, text: string): Promise<void>;
  waitForSelector(selector: string, timeoutMs?: number): Promise<void>;
  /** Run `fn` in the page (it can use the extension's APIs). */
  evaluate<T>(fn: string): Promise<T>;
  close(): Promise<void>;
}

export interface Tab {
  /** Click the toolbar button: the browser's own action path (activeTab is granted). */
  clickToolbar(): Promise<void>;
  /** Run `fn` in the page's main world. */
  evaluate<T>(fn: string): Promise<T>;
  /**
   * Run `fn(shadowRoot)` in the page's main world with the reader's closed shadow root as the
   * argument; resolves `null` when no reader is on the page.
   */
  inReader<T>(fn: string): Promise<T | null>;
  press(key: string): Promise<void>;
  goto(url: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Console errors and uncaught page errors seen in this tab. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(
  probe: () => Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const started = Date.now();
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      last = await probe();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
  );
}

/** Wraps a `fn(shadowRoot)` source so both protocols hand back plain JSON. */
export function readerCall(fn: string): string {
  return `(root) => Promise.resolve((${fn})(root)).then((value) => JSON.stringify(value === undefined ? null : value))`;
}
