/**
 * Every message between background and content script. Messages cross a trust boundary
 * (a content script lives in a page the extension does not control), so each side validates
 * what it receives and drops anything that is not exactly one of these shapes.
 */

/** What the user did to ask for the reader; kept for the badge and for diagnostics. */
export type Trigger = 'action' | 'command' | 'menu' | 'auto';

/** Background → content: open the reader if closed, close it if open. */
export interface ToggleReaderMessage {
  type: 'klartext/toggle';
  trigger: Trigger;
}

/**
 * Content → background: the reader opened or closed in this tab (badge state). `removedByPage`
 * when the page kept removing the reader's layer and it gave up: the background says so on the
 * toolbar button, since nothing drawn in that page would stay.
 */
export interface ReaderStateMessage {
  type: 'klartext/reader-state';
  open: boolean;
  removedByPage?: true;
}

/**
 * Content → background: open the options page, with a host to add filled in (the reader's
 * "open this site automatically": only an extension page can ask for the host permission).
 */
export interface OpenOptionsMessage {
  type: 'klartext/open-options';
  addHost: string;
}

/**
 * Content → background, the answer to a toggle: whether the reader is open now, and
 * `unsupported` when the document cannot carry the reader (an SVG or XML document has no HTML
 * root to draw it on), so the background says so in the toolbar popup instead.
 */
export interface ToggleReply {
  open: boolean;
  unsupported?: true;
}

export type ToContentMessage = ToggleReaderMessage;
export type ToBackgroundMessage = ReaderStateMessage | OpenOptionsMessage;

const TRIGGERS: readonly Trigger[] = ['action', 'command', 'menu', 'auto'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

export function parseToContentMessage(value: unknown): ToContentMessage | null {
  if (!isRecord(value) || value.type !== 'klartext/toggle') return null;
  if (!hasExactKeys(value, ['type', 'trigger'])) return null;
  if (!TRIGGERS.includes(value.trigger as Trigger)) return null;
  return { type: 'klartext/toggle', trigger: value.trigger as Trigger };
}

export function parseToggleReply(value: unknown): ToggleReply | null {
  if (!isRecord(value) || typeof value.open !== 'boolean') return null;
  if (hasExactKeys(value, ['open'])) return { open: value.open };
  if (hasExactKeys(value, ['open', 'unsupported']) && value.unsupported === true)
    return { open: value.open, unsupported: true };
  return null;
}

export function parseToBackgroundMessage(value: unknown): ToBackgroundMessage | null {
  if (isRecord(value) && value.type === 'klartext/open-options') {
    if (!hasExactKeys(value, ['type', 'addHost']) || typeof value.addHost !== 'string') return null;
    // A host name, nothing that could steer the options page elsewhere.
    if (value.addHost.length > 253 || !/^[a-z0-9.-]+$/i.test(value.addHost)) return null;
    return { type: 'klartext/open-options', addHost: value.addHost };
  }
  if (!isRecord(value) || value.type !== 'klartext/reader-state') return null;
  if (
    hasExactKeys(value, ['type', 'open', 'removedByPage']) &&
    value.open === false &&
    value.removedByPage === true
  )
    return { type: 'klartext/reader-state', open: false, removedByPage: true };
  if (!hasExactKeys(value, ['type', 'open']) || typeof value.open !== 'boolean') return null;
  return { type: 'klartext/reader-state', open: value.open };
}
