import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../gecko-id';
import { FIREFOX_OFFLINE_PREFS, FIREFOX_PATH } from './flags';
import { type BrowserSession, type ExtensionPage, readerCall, type Tab, waitFor } from './session';

export { GECKO_ID };

export interface FirefoxOptions {
  extensionDir: string;
  headless?: boolean;
  locale?: string;
  viewport?: { width: number; height: number };
  /** Extra preferences, e.g. to grant optional permissions without a doorhanger. */
  prefs?: Record<string, unknown>;
}

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: {
    localName?: string;
    children?: RemoteNode[];
    shadowRoot?: RemoteNode & { value?: { mode?: string } };
  };
}

export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxSession> {
  // A fixed UUID lets tests and tools address moz-extension:// pages (no background target to ask).
  const uuid = randomUUID();
  const locale = options.locale ?? 'en-US';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    defaultViewport: options.viewport ?? { width: 1280, height: 900 },
    // Needed to reach moz-extension:// pages and the browser window (the toolbar action lives there).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      ...FIREFOX_OFFLINE_PREFS,
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir);
  return new FirefoxSession(browser, uuid, options.extensionDir);
}

export class FirefoxSession implements BrowserSession {
  readonly name = 'firefox' as const;
  readonly extensionOrigin: string;

  constructor(
    readonly browser: Browser,
    readonly uuid: string,
    readonly extensionDir: string,
  ) {
    this.extensionOrigin = `moz-extension://${uuid}/`;
  }

  get connection(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }

  async open(url: string): Promise<FirefoxTab> {
    const page = await this.browser.newPage();
    const tab = new FirefoxTab(page, this);
    await tab.goto(url);
    return tab;
  }

  /** Evaluates an expression in the browser window's privileged (chrome) scope. */
  async evaluateInBrowserWindow<T>(expression: string): Promise<T> {
    const tree = (await this.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string; url: string }[] };
    };
    const windowContext = tree.result.contexts.find((c) => c.url.includes('browser.xhtml'));
    if (!windowContext) throw new Error('no Firefox browser window found');
    const { result } = (await this.connection.send('script.evaluate', {
      expression: `JSON.stringify((() => { ${expression} })())`,
      target: { context: windowContext.context },
      awaitPromise: false,
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (result.type !== 'success') throw new Error(`browser-window script failed: ${JSON.stringify(result)}`);
    return JSON.parse(result.result?.value ?? 'null') as T;
  }

  async toolbarPopup(): Promise<{ url: string; title: string } | null> {
    return this.evaluateInBrowserWindow(`
      const panel = [...document.querySelectorAll('panel')].find((p) => p.state === 'open');
      const browser = panel && [...panel.querySelectorAll('browser')]
        .find((b) => b.currentURI && b.currentURI.spec.startsWith(${JSON.stringify(this.extensionOrigin)}));
      return browser && browser.contentTitle ? { url: browser.currentURI.spec, title: browser.contentTitle } : null;`);
  }

  async closeToolbarPopup(): Promise<void> {
    await this.evaluateInBrowserWindow(`
      for (const panel of document.querySelectorAll('panel')) if (panel.state === 'open') panel.hidePopup();
      return 'ok';`);
  }

  /**
   * Runs the extension's toolbar action in the browser window the way the keyboard shortcut does
   * (ext-browserAction's triggerAction: grants activeTab, fires action.onClicked).
   */
  async triggerAction(): Promise<void> {
    const outcome = await this.evaluateInBrowserWindow<string>(`
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      if (!extension) return 'extension not installed';
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return 'ok';`);
    if (outcome !== 'ok') throw new Error(`triggerAction failed: ${outcome}`);
  }

  async openExtensionPage(pagePath: string): Promise<ExtensionPage> {
    const page = await this.browser.newPage();
    // Puppeteer never sees moz-extension:// load events: wait for the network to settle instead.
    await page.goto(`${this.extensionOrigin}${pagePath}`, { waitUntil: 'networkidle0' });
    return {
      click: (selector) => page.click(selector),
      fill: async (selector, text) => {
        await page.click(selector, { count: 3 });
        await page.keyboard.press('Backspace');
        await page.type(selector, text);
      },
      waitForSelector: async (selector, timeoutMs = 10_000) => {
        await page.waitForSelector(selector, { timeout: timeoutMs });
      },
      evaluate: async <T>(fn: string) => (await page.evaluate(`(${fn})()`)) as T,
      close: () => page.close().catch(() => undefined),
    };
  }

  /**
   * Firefox asks in a doorhanger even headless; with this preference a trusted click's
   * request is granted at once, which is what a person clicking "Allow" gets.
   */
  async approveHostPermissions(_origins: string[]): Promise<void> {
    await this.evaluateInBrowserWindow(`
      Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false);
      return 'ok';`);
  }

  /** What the permission switch in about:addons does: fires permissions.onRemoved in the extension. */
  async revokeHostPermissions(origins: string[]): Promise<void> {
    await this.evaluateInBrowserWindow(`
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      ExtensionPermissions.remove(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: ${JSON.stringify(origins)} }, extension);
      return 'ok';`);
  }

  /** about:debugging's "Reload": the extension restarts (storage and grants stay, its background starts anew). */
  async reloadExtension(): Promise<void> {
    await this.evaluateInBrowserWindow(`
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)}).then((addon) => addon.reload());
      return 'ok';`);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

export class FirefoxTab implements Tab {
  readonly consoleErrors: string[] = [];

  constructor(
    readonly page: Page,
    private readonly session: FirefoxSession,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
  }

  private get contextId(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }

  async goto(url: string): Promise<void> {
    if (/^https?:/.test(url)) {
      await this.page.goto(url, { waitUntil: 'load' });
      return;
    }
    // Puppeteer never sees load events of privileged pages (about:, view-source:): navigate raw and poll.
    const connection = this.session.connection;
    await connection.send('browsingContext.navigate', { context: this.contextId, url, wait: 'none' });
    await waitFor(
      async () => {
        const tree = (await connection.send('browsingContext.getTree', { root: this.contextId })) as {
          result: { contexts: { url: string }[] };
        };
        return tree.result.contexts[0]?.url === url;
      },
      10_000,
      `navigation to ${url}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  async clickToolbar(): Promise<void> {
    await this.page.bringToFront();
    await this.session.triggerAction();
  }

  async evaluate<T>(fn: string): Promise<T> {
    return (await this.page.evaluate(`(${fn})()`)) as T;
  }

  async inReader<T>(fn: string): Promise<T | null> {
    const connection = this.session.connection;
    const target = { context: this.contextId };
    // BiDi serialises closed shadow roots when asked to (includeShadowTree: 'all').
    const { result } = (await connection.send('script.callFunction', {
      // Through the prototype: a page may clobber document.documentElement with <form name=documentElement>.
      functionDeclaration:
        "() => Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get.call(document)",
      target,
      awaitPromise: false,
      resultOwnership: 'root',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    })) as { result: { result: RemoteNode } };
    const host = result.result.value?.children?.find(
      (child) => child.value?.shadowRoot?.value?.mode === 'closed',
    );
    const shadowId = host?.value?.shadowRoot?.sharedId;
    if (!shadowId) return null;
    const call = (await connection.send('script.callFunction', {
      functionDeclaration: readerCall(fn),
      arguments: [{ sharedId: shadowId }],
      target,
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (call.result.type !== 'success')
      throw new Error(call.result.exceptionDetails?.text ?? 'reader call failed');
    return JSON.parse(call.result.result?.value ?? 'null') as T;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key as never);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file as `${string}.png` });
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
