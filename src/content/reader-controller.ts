import { extractStory } from '../core/extract';
import { documentRoot } from '../core/sanitize';
import type { ExtractionResult } from '../core/story';
import type { LoadedFonts } from '../reader/fonts';
import { formatters } from '../reader/format';
import type { Translate } from '../reader/i18n';
import { type MountedReader, mountReader } from '../reader/mount';
import type { SiteActions } from '../reader/ReaderApp';
import type { ExtractionLimits, ReaderPreferences } from '../settings/types';
import { lockPage, type PageSnapshot } from './page-state';

export interface ReaderController {
  isOpen(): boolean;
  open(): ExtractionResult;
  close(): void;
  toggle(): boolean;
  /** Preferences changed elsewhere (another tab, the options page): restyle an open reader. */
  setPreferences(preferences: ReaderPreferences): void;
  /** Auto-mode actions for the toolbar; undefined hides them. */
  setSiteActions(actions: SiteActions | undefined): void;
  /** False for documents without an HTML root (SVG, XML): the reader has nowhere to be drawn. */
  canHost(): boolean;
  /** Limits changed in the options page: the next opening uses them. */
  setLimits(limits: ExtractionLimits | undefined): void;
}

export interface ReaderControllerOptions {
  t: Translate;
  /** `removedByPage`: closed because the page kept removing the reader (see mountReader's onDetached). */
  onStateChange(open: boolean, removedByPage?: boolean): void;
  /** Preferences the reader opens with: known before the first paint, so no flash of the wrong theme. */
  preferences: ReaderPreferences;
  /** Persist a change the user made in the reader (serialPreferenceSaver in reader-environment). */
  savePreferences?(preferences: ReaderPreferences): void;
  fonts?: LoadedFonts | null;
  /** The user's extraction budget (Settings.limits); extractStory's defaults when absent. */
  limits?: ExtractionLimits;
}

/** Opens and closes the reader over one document; knows nothing about how it was asked to. */
export function createReaderController(doc: Document, options: ReaderControllerOptions): ReaderController {
  let mounted: MountedReader | null = null;
  let snapshot: PageSnapshot | null = null;
  let preferences = options.preferences;
  let siteActions: SiteActions | undefined;
  let limits = options.limits;
  // The first Intl.DateTimeFormat of a page is slow (ICU data); pay for it now, not in the first paint.
  formatters(options.t('uiLanguage') || 'en');

  function extract(): ExtractionResult {
    if (!isHtmlDocument(doc)) return { kind: 'no-story', reason: 'not-html', detail: doc.contentType };
    try {
      return extractStory(doc, doc.location?.href ?? doc.URL, {
        maxElements: limits?.maxElements,
        timeBudgetMs: limits?.timeBudgetMs,
      });
    } catch (error) {
      // An extraction bug must leave the page usable and say so, not throw into the page's console.
      return { kind: 'no-story', reason: 'error', detail: String(error) };
    }
  }

  function close(removedByPage: boolean): void {
    if (!mounted) return;
    mounted.unmount();
    mounted = null;
    snapshot?.restore();
    snapshot = null;
    options.onStateChange(false, removedByPage);
  }

  const controller: ReaderController = {
    isOpen: () => mounted !== null,
    canHost: () => hasHtmlRoot(doc),
    open() {
      const start = performance.now();
      const result = extract();
      const end = performance.now();
      if (mounted || !hasHtmlRoot(doc)) return result;
      snapshot = lockPage(doc);
      mounted = mountReader(doc, {
        result,
        t: options.t,
        preferences,
        onPreferencesChange(next) {
          preferences = next;
          options.savePreferences?.(next);
        },
        onClose: () => controller.close(),
        onShowOriginal: () => controller.close(),
        siteActions,
        fonts: options.fonts,
        extraction: { start, end },
        onDetached: () => close(true),
      });
      options.onStateChange(true);
      return result;
    },
    close: () => close(false),
    toggle() {
      if (mounted) controller.close();
      else controller.open();
      return mounted !== null;
    },
    setPreferences(next) {
      preferences = next;
      mounted?.update({ preferences });
    },
    setSiteActions(actions) {
      siteActions = actions;
      mounted?.update({ siteActions });
    },
    setLimits(next) {
      limits = next;
    },
  };
  return controller;
}

function isHtmlDocument(doc: Document): boolean {
  // SVG/XML documents, text/plain and image or media tabs have no story, and no <body> to cover.
  return hasHtmlRoot(doc) && /html/i.test(doc.contentType || 'text/html');
}

/** Text, image and PDF tabs are HTML documents the browser built; SVG and XML documents are not. */
function hasHtmlRoot(doc: Document): boolean {
  return documentRoot(doc) instanceof HTMLHtmlElement;
}
