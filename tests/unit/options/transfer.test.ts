import { describe, expect, it } from 'vitest';
import { exportAutoOpen, mergeAutoOpen, parseAutoOpenImport } from '../../../src/options/transfer';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const site = (host: string, includeSubdomains = false) => ({
  host,
  includeSubdomains,
  addedAt: '2024-01-01T00:00:00.000Z',
});

describe('auto-open list import/export', () => {
  it('reads back what it exports', () => {
    const sites = [site('rheinpfalz.de', true), site('merkurist.de')];
    expect(parseAutoOpenImport(exportAutoOpen(sites, NOW), NOW)).toEqual({ ok: true, sites, skipped: 0 });
  });

  it('accepts a bare list of hosts and the v1 settings shape', () => {
    expect(parseAutoOpenImport('["rheinpfalz.de", "Merkurist.de"]', NOW)).toMatchObject({
      ok: true,
      sites: [{ host: 'rheinpfalz.de' }, { host: 'merkurist.de' }],
    });
    expect(parseAutoOpenImport('{"whitelist": ["*.rheinpfalz.de"], "theme": "dark"}', NOW)).toMatchObject({
      ok: true,
      sites: [{ host: 'rheinpfalz.de', includeSubdomains: true }],
    });
  });

  it('keeps the valid entries of a partly broken file and counts the rest', () => {
    const text = JSON.stringify({ sites: [site('rheinpfalz.de'), { host: 'bad host' }, 42] });
    expect(parseAutoOpenImport(text, NOW)).toEqual({ ok: true, sites: [site('rheinpfalz.de')], skipped: 2 });
  });

  it.each(['not json', '{"sites": "rheinpfalz.de"}', '{"something": 1}', '["no host here", 3]', 'null'])(
    'refuses %j',
    (text) => {
      expect(parseAutoOpenImport(text, NOW)).toEqual({ ok: false });
    },
  );

  it('merges an import into the list, the imported entry winning for a host listed twice', () => {
    expect(mergeAutoOpen([site('a.de'), site('b.de')], [site('b.de', true), site('c.de')])).toEqual([
      site('a.de'),
      site('b.de', true),
      site('c.de'),
    ]);
  });
});
