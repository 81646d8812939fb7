import { describe, expect, it } from 'vitest';
import { parseToBackgroundMessage } from '../../src/messages';

describe('open-options message', () => {
  it('accepts a host name', () => {
    expect(parseToBackgroundMessage({ type: 'klartext/open-options', addHost: 'rheinpfalz.de' })).toEqual({
      type: 'klartext/open-options',
      addHost: 'rheinpfalz.de',
    });
  });

  it.each([
    { type: 'klartext/open-options', addHost: 'x.de/../../evil' },
    { type: 'klartext/open-options', addHost: 'x.de?add=y' },
    { type: 'klartext/open-options', addHost: 7 },
    { type: 'klartext/open-options', addHost: 'x.de', extra: true },
    { type: 'klartext/open-options' },
  ])('drops %j', (message) => {
    expect(parseToBackgroundMessage(message)).toBeNull();
  });
});
