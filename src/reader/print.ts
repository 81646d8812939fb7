/**
 * Printing while the reader is open prints the reader alone. The reader lives inside the page,
 * so two things happen in the page's document, only while the reader is open:
 * - a print-only stylesheet hides the page's body (the reader's host is not inside <body>);
 * - around printing (beforeprint/afterprint) the host leaves its fixed full-viewport box and
 *   flows like a normal block, so the whole story paginates instead of one clipped screen.
 * Both are taken back on close, leaving the page's DOM as it was.
 */
export const PRINT_STYLE =
  '@media print { html > body { display: none !important; } html { overflow: visible !important; } }';

const PRINT_HOST_OVERRIDES = [
  'position: static !important',
  'inset: auto !important',
  'width: auto !important',
  'height: auto !important',
  'overflow: visible !important',
];

export function preparePrinting(doc: Document, host: HTMLElement, onPrintStart?: () => void): () => void {
  const style = doc.createElement('style');
  style.media = 'print';
  style.textContent = PRINT_STYLE;
  (doc.head ?? doc.documentElement).append(style);

  const screenStyle = host.getAttribute('style') ?? '';
  const win = doc.defaultView;
  const before = () => {
    host.setAttribute('style', [screenStyle, ...PRINT_HOST_OVERRIDES].join(';'));
    onPrintStart?.();
  };
  const after = () => host.setAttribute('style', screenStyle);
  win?.addEventListener('beforeprint', before);
  win?.addEventListener('afterprint', after);

  return () => {
    win?.removeEventListener('beforeprint', before);
    win?.removeEventListener('afterprint', after);
    after();
    style.remove();
  };
}
