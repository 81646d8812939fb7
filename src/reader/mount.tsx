import { render } from 'preact';
import { documentRoot } from '../core/sanitize';
import type { ExtractionResult } from '../core/story';
import type { ReaderPreferences } from '../settings/types';
import type { SpeechSupport } from './components/ReadAloud';
import type { LoadedFonts } from './fonts';
import { READER_HOOKS as H } from './hooks';
import type { Translate } from './i18n';
import { preparePrinting } from './print';
import { ReaderApp, type SiteActions } from './ReaderApp';
import readerCss from './reader.css?inline';

export interface MountedReader {
  /** Re-renders with new preferences (changed in another tab) or site actions. */
  update(changes: Partial<Pick<MountOptions, 'preferences' | 'siteActions'>>): void;
  unmount(): void;
}

export interface MountOptions {
  result: ExtractionResult;
  t: Translate;
  preferences: ReaderPreferences;
  /** Called after the reader already shows the change (persisting is the caller's business). */
  onPreferencesChange?(preferences: ReaderPreferences): void;
  onClose(): void;
  onShowOriginal?(): void;
  siteActions?: SiteActions;
  fonts?: LoadedFonts | null;
  /** `performance.now()` around extraction, for the timings the benchmark reads. */
  extraction?: { start: number; end: number };
  /** The page keeps removing the reader's layer: the caller should close and restore the page. */
  onDetached?(): void;
}

/** How often the layer is put back after the page removed it before giving up. */
const MAX_REATTACH = 3;

/**
 * The host carries every declaration it needs inline and `!important`: inline important
 * declarations beat the page's important rules, so `* { display: none !important }` or a global
 * `all: unset` on the page cannot hide or restyle the layer.
 */
const HOST_STYLE = [
  'all: initial !important',
  'display: block !important',
  'position: fixed !important',
  'inset: 0 !important',
  'width: 100vw !important',
  'height: 100vh !important',
  'z-index: 2147483647 !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'transform: none !important',
  'pointer-events: auto !important',
].join(';');

export function mountReader(doc: Document, options: MountOptions): MountedReader {
  const host = doc.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  // Closed: the page cannot reach into the reader through host.shadowRoot.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = readerCss;
  shadow.append(style);
  const container = doc.createElement('div');
  container.className = 'kt-root';
  shadow.append(container);
  options.fonts?.install(doc);
  // Next to <body>, not inside it: pages that rebuild or clear body must not take the reader along.
  documentRoot(doc).append(host);
  const stopPrinting = preparePrinting(doc, host, () => loadAllPictures(shadow));
  const stopGuarding = keepAttached(doc, host, () => options.onDetached?.());

  let current = { ...options };
  const draw = () =>
    render(
      <ReaderApp
        result={current.result}
        t={current.t}
        preferences={current.preferences}
        onPreferencesChange={(preferences) => {
          current = { ...current, preferences };
          draw();
          current.onPreferencesChange?.(preferences);
        }}
        onClose={current.onClose}
        onShowOriginal={current.onShowOriginal}
        siteActions={current.siteActions}
        loadSpeech={() => speechSupport(doc)}
      />,
      container,
    );
  draw();
  recordTimings(shadow, options.extraction);

  return {
    update(changes) {
      current = { ...current, ...changes };
      draw();
    },
    unmount() {
      stopGuarding();
      render(null, container);
      stopPrinting();
      host.remove();
      options.fonts?.uninstall(doc);
    },
  };
}

/**
 * Some pages remove every element they did not create. The layer is put back a few times (a page
 * that rebuilds itself once is fine); a page that keeps removing it would otherwise leave itself
 * scroll-locked under an invisible reader, so then the reader gives up through `onGiveUp`.
 */
function keepAttached(doc: Document, host: HTMLElement, onGiveUp: () => void): () => void {
  const root = documentRoot(doc);
  let reattached = 0;
  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    if (reattached++ < MAX_REATTACH && root.isConnected) root.append(host);
    else {
      observer.disconnect();
      onGiveUp();
    }
  });
  observer.observe(root, { childList: true });
  return () => observer.disconnect();
}

function speechSupport(doc: Document): SpeechSupport | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win?.speechSynthesis || typeof win.SpeechSynthesisUtterance !== 'function') return null;
  const Utterance = win.SpeechSynthesisUtterance;
  return { engine: win.speechSynthesis, createUtterance: (text) => new Utterance(text) };
}

/** Lazy pictures below the fold would print as empty boxes. */
function loadAllPictures(root: ShadowRoot): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')) img.loading = 'eager';
}

/**
 * `data-kt-timings` on the layer, in ms from the moment the extraction result was ready:
 * `render` when the DOM was built, `firstFrame` at the start of the frame that paints it.
 */
function recordTimings(root: ShadowRoot, extraction: MountOptions['extraction']): void {
  const layer = root.querySelector<HTMLElement>(`.${H.layer}`);
  if (!layer || !extraction) return;
  const rendered = performance.now();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const write = (firstFrame: number | null) => {
    layer.dataset.ktTimings = JSON.stringify({
      extract: round(extraction.end - extraction.start),
      render: round(rendered - extraction.end),
      firstFrame: firstFrame === null ? null : round(firstFrame - extraction.end),
    });
  };
  write(null);
  const raf = root.ownerDocument.defaultView?.requestAnimationFrame;
  raf?.call(root.ownerDocument.defaultView, () => write(performance.now()));
}
