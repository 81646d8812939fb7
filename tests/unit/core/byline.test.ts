import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  findAuthors,
  isPersonName,
  outletOf,
  parseBylineText,
  readSignature,
} from '../../../src/core/byline';
import { readMetadata } from '../../../src/core/metadata';

const URL_ = 'https://www.example-zeitung.de/lokales/artikel-1';

describe('parseBylineText', () => {
  it.each([
    [
      'Autor:\n Stephanie Walter aus Wochenblatt Kaiserslautern',
      ['Stephanie Walter'],
      'Wochenblatt Kaiserslautern',
    ],
    ['Von Cosima Künzel', ['Cosima Künzel'], ''],
    ['von Birgit Posselt | 12.10.2023, 14:05 Uhr', ['Birgit Posselt'], ''],
    ['hochgeladen von Stephanie Walter', ['Stephanie Walter'], ''],
    ['Text: Anna Beispiel und Jan de Vries', ['Anna Beispiel', 'Jan de Vries'], ''],
    ['Von Christoph von Eichhorn', ['Christoph von Eichhorn'], ''],
    ['dpa', [], ''],
    ['Redaktion', [], ''],
  ])('%s', (raw, names, outlet) => {
    const parsed = parseBylineText(raw);
    expect(parsed.names).toEqual(names);
    expect(parsed.outlet).toBe(outlet);
  });

  it('names the role the page gives', () => {
    expect(parseBylineText('Fotos: Anna Beispiel').role).toBe('Fotos');
    expect(parseBylineText('Text: Anna Beispiel').role).toBe('Text');
  });
});

describe('isPersonName', () => {
  it.each([
    ['Stephanie Walter', true],
    ['N-LAND', false],
    ['MDR THÜRINGEN', false],
    ['Hildesheimer Presse', false],
    ['12.03.2024 Anna', false],
    ['Autor', false],
  ])('%s → %s', (name, expected) => expect(isPersonName(name)).toBe(expected));
});

describe('findAuthors', () => {
  const find = (html: string) => {
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    return findAuthors(doc, readMetadata(doc, URL_), URL_);
  };

  it('takes persons from JSON-LD @graph and organisations as outlet', () => {
    const result =
      find(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"NewsArticle","headline":"X","author":[{"@id":"#p1"},{"@type":"Organization","name":"Lokalredaktion Nord"}]},
      {"@type":"Person","@id":"#p1","name":"Anna Beispiel","url":"/autor/anna","image":{"url":"https://cdn.example.org/anna.jpg"}}]}</script></head><body></body></html>`);
    expect(result.authors).toEqual([
      {
        name: 'Anna Beispiel',
        url: 'https://www.example-zeitung.de/autor/anna',
        avatar: 'https://cdn.example.org/anna.jpg',
      },
    ]);
    expect(result.outlet).toBe('Lokalredaktion Nord');
    expect(result.source).toBe('json-ld');
  });

  it('survives broken JSON-LD and falls back to the DOM byline', () => {
    const result =
      find(`<html><head><script type="application/ld+json">{"@type":"NewsArticle", "author": </script></head>
      <body><article><h1>T</h1><div class="byline">Von Jan Muster und Eva Probe</div><p>Text</p></article></body></html>`);
    expect(result.authors.map((a) => a.name)).toEqual(['Jan Muster', 'Eva Probe']);
  });

  it('reads an author box: name, outlet, profile link and avatar, without the follow prompt', () => {
    const result =
      find(`<html><body><div class="author-box"><a href="/profile-12/anna-beispiel"><img src="/media/avatar.jpg" alt=""></a>
      <div><span>Autor:</span><a href="/profile-12/anna-beispiel">Anna Beispiel</a> aus Wochenblatt Kaiserslautern</div>
      <div class="follow"><span>following</span><p>Sie möchten diesem Profil folgen?</p></div></div></body></html>`);
    expect(result.authors).toEqual([
      {
        name: 'Anna Beispiel',
        outlet: 'Wochenblatt Kaiserslautern',
        url: 'https://www.example-zeitung.de/profile-12/anna-beispiel',
        avatar: 'https://www.example-zeitung.de/media/avatar.jpg',
      },
    ]);
  });

  it('ignores names that only appear in comments', () => {
    const result = find(
      '<html><body><div class="comments"><div class="comment-author">Von Max Mustermann</div></div></body></html>',
    );
    expect(result.authors).toEqual([]);
  });
});

describe('readSignature', () => {
  it.each([
    ['<p>Quelle: MDR THÜRINGEN/ls</p>', [], 'MDR THÜRINGEN'],
    ['<p>red, wien.ORF.at/Agenturen</p>', [], 'wien.ORF.at'],
    ['<p>Von Cosima Künzel</p>', ['Cosima Künzel'], ''],
  ])('%s', (html, names, outlet) => {
    const { document } = parseHTML(`<div><p>Langer Text der Geschichte, der hier endet.</p>${html}</div>`);
    expect(readSignature(document.querySelector('div') as unknown as Element)).toEqual({ names, outlet });
  });
});

describe('outletOf (a byline or signature naming no person)', () => {
  it.each([
    ['Quelle: MDR THÜRINGEN/ls', 'MDR THÜRINGEN'],
    ['Quelle: hessenschau.de/bb', 'hessenschau.de'],
    ['red, wien.ORF.at/Agenturen', 'wien.ORF.at'],
    ['N-Land Redaktion', 'N-Land'],
    ['Redaktion Stadtanzeiger Nord', 'Stadtanzeiger Nord'],
    ['Hildesheimer Presse', 'Hildesheimer Presse'],
    ['meinort.de', 'meinort.de'],
    // persons, agencies, prompts and sentences are not outlets
    ['Stephanie Walter', ''],
    ['dpa', ''],
    ['Mehr Artikel', ''],
    ['Sie möchten diesem Profil folgen?', ''],
    ['Quelle: dpa/afp', ''],
  ])('%s', (raw, outlet) => {
    expect(outletOf(raw)).toBe(outlet);
  });
});

describe('findAuthors: outlets named where no person is', () => {
  const authorsOf = (html: string) => {
    const { document } = parseHTML(`<html><head></head><body>${html}</body></html>`);
    const doc = document as unknown as Document;
    return findAuthors(doc, readMetadata(doc, URL_), URL_);
  };

  it('takes a desk from an author box ("N-Land Redaktion")', () => {
    const r = authorsOf(
      '<article><h1>Unfall</h1><div class="author"><span class="author__info--name">N-Land Redaktion</span></div><p>Text der Meldung.</p></article>',
    );
    expect(r.authors).toEqual([]);
    expect(r.outlet).toBe('N-Land');
  });

  it('takes the publication from an author link ("Hildesheimer Presse")', () => {
    const r = authorsOf(
      '<span class="cm-author"><a class="url fn n" href="/author/hp/">Hildesheimer Presse</a></span>',
    );
    expect(r.outlet).toBe('Hildesheimer Presse');
  });

  it('reads a desk signature anywhere below the story, not a picture credit', () => {
    const story = '<div class="story"><p>Lange Geschichte.</p></div>';
    expect(
      authorsOf(`${story}<div class="paragraph"><p class="text"><em>Quelle: MDR THÜRINGEN/ls</em></p></div>`)
        .outlet,
    ).toBe('MDR THÜRINGEN');
    expect(
      authorsOf(
        `${story}<figure><img src="a.jpg"><figcaption>Quelle: Stadt Beispiel/xy</figcaption></figure>`,
      ).outlet,
    ).toBe('');
  });
});
