import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './flags';
import { type BrowserSession, type ExtensionPage, readerCall, type Tab, waitFor } from './session';

export interface ChromiumOptions {
  extensionDir: string;
  headless?: boolean;
  /** UI language (`--lang`), which also picks the extension's _locales. */
  locale?: string;
  viewport?: { width: number; height: number };
  /**
   * Profile directory to use and keep (a relaunch with the same one is a browser restart);
   * by default a fresh temporary profile, deleted on close.
   */
  profileDir?: string;
}

export async function launchChromium(options: ChromiumOptions): Promise<ChromiumSession> {
  const profile = options.profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'klartext-chromium-')));
  const locale = options.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_FLAGS,
      `--lang=${chromiumUiLocale(locale)}`,
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      // Lets the browser-level CDP session run Extensions.triggerAction (the toolbar click).
      '--enable-unsafe-extension-debugging',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  // The 'serviceworker' event comes before the worker has run its script: a toolbar click in
  // that window is lost (about 1 in 3 first clicks in a fresh browser). One round trip into the
  // worker waits until its top level, where the listeners are registered, has run.
  await worker.evaluate('typeof chrome.action.onClicked');
  const browser = context.browser();
  if (!browser) throw new Error('playwright gave no Browser for the persistent context');
  const browserCdp = await browser.newBrowserCDPSession();
  // The persistent context opens with a blank tab; keep it so closing the last test tab never ends the browser.
  return new ChromiumSession(
    context,
    browserCdp,
    extensionId,
    options.extensionDir,
    options.profileDir ? null : profile,
  );
}

/**
 * Chromium's UI (and so chrome.i18n in extensions) only knows the locales it ships: `de`, `fr`,
 * but `en-US`, `pt-BR`. `--lang=de-DE` silently falls back to English, `--lang=de` works.
 */
const REGIONAL_UI_LOCALES = new Set(['en-US', 'en-GB', 'es-419', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW']);
export function chromiumUiLocale(tag: string): string {
  return REGIONAL_UI_LOCALES.has(tag) ? tag : (tag.split('-')[0] ?? tag);
}

export class ChromiumSession implements BrowserSession {
  readonly name = 'chromium' as const;
  readonly extensionOrigin: string;

  constructor(
    readonly context: BrowserContext,
    private readonly browserCdp: CDPSession,
    readonly extensionId: string,
    readonly extensionDir: string,
    /** The temporary profile to delete on close; null for a profile the caller keeps. */
    private readonly profile: string | null,
  ) {
    this.extensionOrigin = `chrome-extension://${extensionId}/`;
  }

  async open(url: string): Promise<ChromiumTab> {
    const page = await this.context.newPage();
    const tab = new ChromiumTab(page, this.browserCdp, this.extensionId);
    await tab.goto(url);
    return tab;
  }

  async toolbarPopup(): Promise<{ url: string; title: string } | null> {
    const popup = await this.popupTarget();
    // Until its script has run, the popup's title is its URL.
    return popup && popup.title !== popup.url && !popup.url.endsWith(popup.title)
      ? { url: popup.url, title: popup.title }
      : null;
  }

  async closeToolbarPopup(): Promise<void> {
    const popup = await this.popupTarget();
    if (popup)
      await this.browserCdp.send('Target.closeTarget' as never, { targetId: popup.targetId } as never);
  }

  private async popupTarget() {
    const { targetInfos } = (await this.browserCdp.send('Target.getTargets' as never)) as {
      targetInfos: { targetId: string; type: string; url: string; title: string }[];
    };
    // A popup is the one extension page that is not a tab.
    const tabs = new Set(this.context.pages().map((p) => p.url()));
    return targetInfos.find(
      (t) => t.type === 'page' && t.url.startsWith(this.extensionOrigin) && !tabs.has(t.url),
    );
  }

  /** The extension's service worker, for tests that check background state. */
  serviceWorker() {
    return this.context.serviceWorkers().find((w) => w.url().startsWith(this.extensionOrigin));
  }

  async openExtensionPage(pagePath: string): Promise<ExtensionPage> {
    const page = await this.context.newPage();
    await page.goto(`${this.extensionOrigin}${pagePath}`, { waitUntil: 'load' });
    return chromiumExtensionPage(page);
  }

  /**
   * What the "Site access" control on chrome://extensions does: the host is granted, and the
   * extension's own request for it then resolves true without a dialog.
   */
  async approveHostPermissions(origins: string[]): Promise<void> {
    await this.siteAccess('addHostPermission', origins);
  }

  /** The "Site access" control again: fires permissions.onRemoved in the extension. */
  async revokeHostPermissions(origins: string[]): Promise<void> {
    await this.siteAccess('removeHostPermission', origins);
  }

  private async siteAccess(
    method: 'addHostPermission' | 'removeHostPermission',
    origins: string[],
  ): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto('chrome://extensions');
      await page.evaluate(
        async ([id, name, patterns]) => {
          type DeveloperPrivate = Record<string, (id: string, host: string) => Promise<void>>;
          const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome
            .developerPrivate;
          for (const pattern of patterns) await api[name]!(id, pattern);
        },
        [this.extensionId, method, origins] as const,
      );
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    if (this.profile) await rm(this.profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

function chromiumExtensionPage(page: Page): ExtensionPage {
  return {
    click: (selector) => page.click(selector),
    fill: (selector, text) => page.fill(selector, text),
    waitForSelector: async (selector, timeoutMs = 10_000) => {
      await page.waitForSelector(selector, { timeout: timeoutMs });
    },
    evaluate: async <T>(fn: string) => (await page.evaluate(`(${fn})()`)) as T,
    close: () => page.close().catch(() => undefined),
  };
}

export class ChromiumTab implements Tab {
  readonly consoleErrors: string[] = [];
  private pageCdp: CDPSession | null = null;

  constructor(
    readonly page: Page,
    private readonly browserCdp: CDPSession,
    private readonly extensionId: string,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async clickToolbar(): Promise<void> {
    await this.page.bringToFront();
    const targetId = await this.tabTargetId();
    await this.browserCdp.send(
      'Extensions.triggerAction' as never,
      { id: this.extensionId, targetId } as never,
    );
  }

  /** Extensions.triggerAction wants the tab target (not the page target): the active tab, as for a click. */
  private async tabTargetId(): Promise<string> {
    // bringToFront returns before the tab strip has switched: wait until this page's tab is the
    // active one, or the click lands on the previously active tab.
    const url = this.page.url();
    const active = await waitFor(
      async () => {
        const { targetInfos } = (await this.browserCdp.send(
          'Target.getTargets' as never,
          { filter: [{ type: 'tab' }] } as never,
        )) as { targetInfos: { targetId: string; url: string; embedderData?: { tabActive?: boolean } }[] };
        const tabs = targetInfos.filter((t) => t.embedderData?.tabActive);
        return tabs.length === 1 && tabs[0]?.url === url ? tabs[0] : null;
      },
      5_000,
      `the tab of ${url} to become active`,
    );
    return active.targetId;
  }

  private async cdp(): Promise<CDPSession> {
    this.pageCdp ??= await this.page.context().newCDPSession(this.page);
    return this.pageCdp;
  }

  async evaluate<T>(fn: string): Promise<T> {
    return (await this.page.evaluate(`(${fn})()`)) as T;
  }

  async inReader<T>(fn: string): Promise<T | null> {
    const cdp = await this.cdp();
    const { root } = (await cdp.send('DOM.getDocument', { depth: 2, pierce: true })) as {
      root: CdpNode;
    };
    // Lower case in an XML document (Chromium's XML tree viewer builds an XHTML one); the
    // doctype is named html too.
    const html = root.children?.find((n) => n.nodeType === 1 && n.nodeName.toUpperCase() === 'HTML');
    // Not <body>: Chromium's PDF viewer document keeps a closed shadow root of its own there.
    const host = html?.children?.find(
      (n) => n.nodeName !== 'BODY' && n.shadowRoots?.some((s) => s.shadowRootType === 'closed'),
    );
    const shadow = host?.shadowRoots?.find((s) => s.shadowRootType === 'closed');
    if (!shadow) return null;
    // A remote object handle is a GC root until released: without its own group and the release,
    // every reader that was ever read from stayed alive after closing (its closed shadow root with
    // host, style and root element, 5 nodes per opening), which looked like a leak of ours.
    const objectGroup = 'klartext-in-reader';
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
      objectGroup,
    })) as { object: { objectId: string } };
    const { result, exceptionDetails } = (await cdp
      .send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () { return (${readerCall(fn)})(this); }`,
        returnByValue: true,
        awaitPromise: true,
      })
      .finally(() => cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined))) as {
      result: { value?: string };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return JSON.parse(result.value ?? 'null') as T;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}
