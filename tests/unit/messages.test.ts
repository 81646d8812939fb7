import { describe, expect, it } from 'vitest';
import { parseToBackgroundMessage, parseToContentMessage, parseToggleReply } from '../../src/messages';

describe('messages between background and content script', () => {
  it('accepts exactly the toggle message with a known trigger', () => {
    expect(parseToContentMessage({ type: 'klartext/toggle', trigger: 'menu' })).toEqual({
      type: 'klartext/toggle',
      trigger: 'menu',
    });
  });

  it.each([
    ['no object', 'klartext/toggle'],
    ['null', null],
    ['an array', [{ type: 'klartext/toggle', trigger: 'action' }]],
    ['an unknown type', { type: 'klartext/open-url', trigger: 'action' }],
    ['an unknown trigger', { type: 'klartext/toggle', trigger: 'page' }],
    ['an extra field', { type: 'klartext/toggle', trigger: 'action', url: 'https://evil.example/' }],
    ['a missing trigger', { type: 'klartext/toggle' }],
  ])('drops %s sent to the content script', (_what, value) => {
    expect(parseToContentMessage(value)).toBeNull();
  });

  it('accepts the reader state report and drops anything else', () => {
    expect(parseToBackgroundMessage({ type: 'klartext/reader-state', open: true })).toEqual({
      type: 'klartext/reader-state',
      open: true,
    });
    expect(parseToBackgroundMessage({ type: 'klartext/reader-state', open: 'yes' })).toBeNull();
    expect(parseToBackgroundMessage({ type: 'klartext/reader-state', open: false, tabId: 3 })).toBeNull();
    expect(
      parseToBackgroundMessage(JSON.parse('{"__proto__": {"open": true}, "type": "klartext/reader-state"}')),
    ).toBeNull();
  });

  it('accepts "the page removed the reader" only as a closed state with the flag set to true', () => {
    expect(
      parseToBackgroundMessage({ type: 'klartext/reader-state', open: false, removedByPage: true }),
    ).toEqual({ type: 'klartext/reader-state', open: false, removedByPage: true });
    expect(
      parseToBackgroundMessage({ type: 'klartext/reader-state', open: true, removedByPage: true }),
    ).toBeNull();
    expect(
      parseToBackgroundMessage({ type: 'klartext/reader-state', open: false, removedByPage: 'yes' }),
    ).toBeNull();
  });

  it('reads the answer to a toggle, and whether the document cannot carry the reader', () => {
    expect(parseToggleReply({ open: true })).toEqual({ open: true });
    expect(parseToggleReply({ open: false, unsupported: true })).toEqual({ open: false, unsupported: true });
    expect(parseToggleReply({ open: false, unsupported: 'yes' })).toBeNull();
    expect(parseToggleReply({ open: false, unsupported: true, reason: 'x' })).toBeNull();
    expect(parseToggleReply(undefined)).toBeNull();
  });
});
