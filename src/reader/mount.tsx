import { render } from 'preact';
import type { ExtractionResult } from '../core/story';
import { ReaderApp } from './ReaderApp';
import type { Translate } from './i18n';
import readerCss from './reader.css?inline';

export interface MountedReader {
  unmount(): void;
}

export interface MountOptions {
  result: ExtractionResult;
  t: Translate;
  onClose(): void;
}

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
  // Next to <body>, not inside it: pages that rebuild or clear body must not take the reader along.
  doc.documentElement.append(host);

  render(<ReaderApp result={options.result} t={options.t} onClose={options.onClose} />, container);

  return {
    unmount() {
      render(null, container);
      host.remove();
    },
  };
}
