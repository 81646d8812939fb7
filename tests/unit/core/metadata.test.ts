import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readMetadata, stripSiteName, toIsoDate } from '../../../src/core/metadata';

const read = (html: string, url = 'https://www.example-zeitung.de/a') => {
  const { document } = parseHTML(html);
  return readMetadata(document as unknown as Document, url);
};

describe('readMetadata', () => {
  it('prefers the visible headline when the metadata agrees with it', () => {
    const meta =
      read(`<html lang="de"><head><title>Radweg beschlossen | Wochenblatt</title><meta property="og:site_name" content="Wochenblatt">
      <meta property="og:title" content="Radweg beschlossen"></head><body><h1>Radweg beschlossen</h1></body></html>`);
    expect(meta.title).toEqual({ value: 'Radweg beschlossen', source: 'dom' });
    expect(meta.siteName).toBe('Wochenblatt');
    expect(meta.lang).toBe('de');
    expect(meta.dir).toBe('ltr');
  });

  it('reads JSON-LD inside @graph and arrays, with dates as ISO 8601', () => {
    const meta = read(
      `<html><head><script type="application/ld+json">[{"@type":"WebSite","name":"Lokal"},{"@graph":[{"@type":["NewsArticle"],"headline":"Neue Brücke","datePublished":"2024-03-05T08:30:00+0100","dateModified":"2024-03-05T09:00:00Z","description":"Die Stadt baut."}]}]</script></head><body></body></html>`,
    );
    expect(meta.title).toEqual({ value: 'Neue Brücke', source: 'json-ld' });
    expect(meta.published).toEqual({ value: '2024-03-05T08:30:00+01:00', source: 'json-ld' });
    expect(meta.modified).toBe('2024-03-05T09:00:00Z');
    expect(meta.subtitle).toBe('Die Stadt baut.');
  });

  it('tolerates broken and hostile JSON-LD', () => {
    const meta = read(`<html><head>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Zeile
      mit Umbruch", "author": {"name": {"evil": true}},}</script>
      <script type="application/ld+json">{not json</script>
      <script type="application/ld+json">{"@type":{"x":1},"headline":["Erste","Zweite"]}</script></head><body></body></html>`);
    expect(meta.title.value).toBe('Zeile mit Umbruch');
    expect(meta.jsonLd.length).toBe(2);
  });

  it('takes the canonical URL and right-to-left direction', () => {
    const meta = read(
      '<html lang="ar"><head><link rel="canonical" href="/canonical"></head><body></body></html>',
    );
    expect(meta.url).toBe('https://www.example-zeitung.de/canonical');
    expect(meta.dir).toBe('rtl');
  });
});

describe('stripSiteName', () => {
  it.each([
    [
      'Mit Vollgas auf die Seidenstraße | Wochenblatt',
      'Wochenblatt Reporter',
      'Mit Vollgas auf die Seidenstraße',
    ],
    ['Lotte Tobisch ist tot - wien.ORF.at', 'wien.ORF.at', 'Lotte Tobisch ist tot'],
    [
      'Hund vertreibt Einbrecher – Zeugenaufruf',
      'Hildesheimer Presse',
      'Hund vertreibt Einbrecher – Zeugenaufruf',
    ],
  ])('%s', (title, site, expected) => expect(stripSiteName(title, site)).toBe(expected));
});

describe('toIsoDate', () => {
  it.each([
    ['2019-04-26T09:12:00+02:00', '2019-04-26T09:12:00+02:00'],
    ['2019-04-26', '2019-04-26'],
    ['26.04.2019, 09:12', '2019-04-26T09:12:00'],
    ['Fri, 26 Apr 2019 07:12:00 GMT', '2019-04-26T07:12:00.000Z'],
    ['gestern', null],
  ])('%s → %s', (raw, iso) => expect(toIsoDate(raw)).toBe(iso));
});
