import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeInlinePromos } from '../../../src/core/clean';
import { removeInvisibleText } from '../../../src/core/clean/invisible';
import { removeMenus } from '../../../src/core/clean/menus';
import { removeTagLists } from '../../../src/core/clean/tag-lists';
import { isDateLine, removeEdgeDateLines } from '../../../src/core/date-lines';
import { REGEXPS } from '../../../src/core/patterns';

const PARAGRAPH =
  'Der Gemeinderat hat am Dienstagabend beschlossen, die Ortsdurchfahrt im kommenden Frühjahr zu sanieren und die Gehwege zu verbreitern.';

const docOf = (body: string) =>
  parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document;

describe('screen-reader-only and print-only text', () => {
  it('removes labels only assistive technology or a printer would read, keeps the story', () => {
    const doc = docOf(
      `<article><h1>Ortsdurchfahrt wird saniert</h1><p>${PARAGRAPH}</p>` +
        '<section class="slideshow"><h3 class="sr-only">Fotostrecke mit 4 Bildern</h3><figure><img src="a.jpg"></figure></section>' +
        '<a href="/video"><span class="hideCompletely">zum Video </span>Der Bürgermeister im Interview</a>' +
        '<div class="dates"><div class="print-only">19.10.2019 12.09</div>Heute, 12.09 Uhr</div>' +
        `<p>${PARAGRAPH}<span class="u-visually-hidden"> (Ende des Beitrags)</span></p></article>`,
    );
    expect(removeInvisibleText(doc)).toBe(4);
    const text = doc.body.textContent ?? '';
    for (const gone of ['Fotostrecke mit 4 Bildern', 'zum Video', '19.10.2019', 'Ende des Beitrags'])
      expect(text).not.toContain(gone);
    expect(text).toContain('Der Bürgermeister im Interview');
    expect(doc.querySelectorAll('p')).toHaveLength(2);
    expect(doc.querySelector('img')).not.toBeNull();
  });

  it('keeps a long block hidden by such a class by mistake, and the headline', () => {
    const doc = docOf(
      `<div class="visually-hidden"><h1>Titel</h1></div><div class="sr-only"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>`,
    );
    expect(removeInvisibleText(doc)).toBe(0);
    expect(doc.querySelectorAll('p, h1')).toHaveLength(3);
  });

  it.each([
    ['sr-only', true],
    ['screen-reader-text', true],
    ['visuallyhidden', true],
    ['is-visually-hidden', true],
    ['sr-only-focusable', false],
    ['visually-hidden-focusable', false],
    ['hidden-sm', false],
    ['printer', false],
  ])('invisibleClass on %s is %s', (name, expected) => {
    expect(REGEXPS.invisibleClass.test(name)).toBe(expected);
  });
});

describe('date lines at the edges of the story', () => {
  it.each([
    ['Online seit heute, 12.09 Uhr', true],
    ['Aktualisiert: 03.04.2020, 10:12 Uhr', true],
    ['Veröffentlicht am Dienstag, 4. Juni 2019', true],
    ['Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM', true],
    ['segunda-feira, 22 de janeiro de 2018 às 0:13', true],
    ['Published on 7 October 2020', true],
    ['Am 3. Oktober wird gewählt', false],
    ['Die Sitzung beginnt am 12.03.2020 um 19 Uhr im Rathaus', false],
    ['Seite 2', false],
    ['+81 158-23-2012', false],
    ['2019', false],
    ['Heute', false],
  ])('isDateLine(%s) is %s', (line, expected) => {
    expect(isDateLine(line)).toBe(expected);
  });

  it('removes a date-only line at the start and at the end, keeps a date in the text', () => {
    const doc = docOf(
      `<div id="story"><p><strong>${PARAGRAPH}</strong></p><div class="meta">Online seit heute, 12.09 Uhr</div>` +
        `<p>${PARAGRAPH}</p><p>Am 3. Oktober 2019</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>` +
        `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>Stand: 21.10.2019</p></div>`,
    );
    const story = doc.getElementById('story') as Element;
    expect(removeEdgeDateLines(story)).toBe(2);
    const text = story.textContent ?? '';
    expect(text).not.toContain('Online seit');
    expect(text).not.toContain('Stand: 21.10.2019');
    // in the middle of the story a date line may be a subheading: it stays
    expect(text).toContain('Am 3. Oktober 2019');
  });
});

describe('tag lists', () => {
  it('removes the label and the rel="tag" links, keeps a paragraph that links a tag page', () => {
    const doc = docOf(
      `<div class="post"><p>${PARAGRAPH} Mehr unter <a href="/tag/verkehr" rel="tag">Verkehr</a>.</p>` +
        '<p><strong>Tags<br><a href="/tag/a" rel="tag">Ortsdurchfahrt</a>, <a href="/tag/b" rel="tag">Gemeinderat</a>, ' +
        '<a href="/tag/c" rel="category tag">Sanierung</a></strong></p></div>',
    );
    expect(removeTagLists(doc)).toBe(1);
    const text = doc.body.textContent ?? '';
    expect(text).not.toContain('Tags');
    expect(text).not.toContain('Gemeinderat,');
    expect(text).toContain('Mehr unter Verkehr.');
  });
});

describe('related headings', () => {
  it.each(['You may also like...', 'Lesen Sie auch…', 'Mehr zum Thema:'])(
    '%s opens a related section',
    (h) => {
      expect(REGEXPS.relatedHeading.test(h)).toBe(true);
    },
  );
});

describe('"read also" lines inside the story', () => {
  it('removes a label with a link to another story, keeps a sentence that links a word', () => {
    const doc = docOf(
      `<div id="story"><p>${PARAGRAPH}</p><p>Lea también: <a href="/otra">Impiden ingreso a reportero en la frontera</a></p>` +
        `<p><strong>Lesen Sie auch:</strong> <a href="/b">Neue Ampel an der Kreuzung</a></p>` +
        '<p>Read more: the council published <a href="/report">its report</a> on Tuesday, with the figures for every district of the town.</p>' +
        `<p>${PARAGRAPH}</p></div>`,
    );
    const story = doc.getElementById('story') as Element;
    expect(removeInlinePromos(story)).toHaveLength(2);
    const text = story.textContent ?? '';
    expect(text).not.toContain('Impiden ingreso');
    expect(text).not.toContain('Neue Ampel');
    expect(text).toContain('the council published its report');
  });
});

describe('teaser headlines set into the story', () => {
  it('removes a paragraph that is only a headline-like link between story paragraphs', () => {
    const doc = docOf(
      `<div id="story"><p>${PARAGRAPH}</p><p><a href="/sport/stuttgart-verliert-100.html">Meisterfeier vertagt: Stuttgart verliert Spiel drei</a></p>` +
        `<p>${PARAGRAPH}</p><p><a href="/satzung.pdf">Die neue Satzung des Vereins im Wortlaut lesen.</a></p>` +
        `<p>${PARAGRAPH}</p><p><a href="https://www.example.org/infos">www.example.org/infos</a></p><p>${PARAGRAPH}</p></div>`,
    );
    const story = doc.getElementById('story') as Element;
    expect(removeInlinePromos(story)).toHaveLength(1);
    const text = story.textContent ?? '';
    expect(text).not.toContain('Meisterfeier vertagt');
    expect(text).toContain('Die neue Satzung des Vereins im Wortlaut lesen.');
    expect(text).toContain('www.example.org/infos');
  });
});

describe('menus and runs of related links', () => {
  it('removes an ARIA menu nested in the layout, keeps a list of the story', () => {
    const doc = docOf(
      '<nav role="navigation"><ul role="menu"><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul>' +
        `<article><h1>Titel</h1><p>${PARAGRAPH}</p><ul><li>Länge: 3,2 Kilometer</li><li>Kosten: 1,4 Millionen Euro</li></ul></article></nav>`,
    );
    expect(removeMenus(doc)).toBe(1);
    const text = doc.body.textContent ?? '';
    expect(text).not.toContain('Home');
    expect(text).toContain('Länge: 3,2 Kilometer');
  });

  it('removes a "you may also like" paragraph and the link paragraphs after it', () => {
    const doc = docOf(
      `<div id="story"><p>${PARAGRAPH}</p><p>You may also like...</p><p><a href="/a">Who will make the Hall of Fame?</a></p>` +
        '<p><a href="/b">Band takes over the fan vote</a></p></div>',
    );
    const story = doc.getElementById('story') as Element;
    expect(removeInlinePromos(story)).toHaveLength(3);
    expect(story.textContent).toBe(PARAGRAPH);
  });
});
