import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hasStoryParagraphs, removeClutter, removeInlinePromos } from '../../../src/core/clean';
import { REGEXPS } from '../../../src/core/patterns';
import type { RemovalReason } from '../../../src/core/story';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/rules/${name}.html`, import.meta.url), 'utf8');

const STORY_SNIPPETS = [
  'Stadtrat beschließt neuen Radweg an der Lauter',
  'Der Stadtrat hat am Dienstagabend mit großer Mehrheit',
  'zu zwei Dritteln aus Fördermitteln des Landes',
  'Kritik der Anwohner',
  'Ersatzflächen in der Nähe zu prüfen',
  'Wir wollen, dass mehr Menschen mit dem Rad zur Arbeit fahren können',
  'Länge: 3,2 Kilometer',
  'Kontakt zu Anna Beispiel:',
  'anna.beispiel@example.org',
];

const FAMILIES: { file: string; reasons: RemovalReason[]; gone: string[] }[] = [
  { file: 'sponsored', reasons: ['sponsored'], gone: ['Anzeige', 'Gänsebraten', 'Werbung'] },
  {
    file: 'prompts',
    reasons: ['comments', 'login-prompt'],
    gone: ['Sie möchten kommentieren?', 'Melden Sie sich an', 'Sie möchten selbst beitragen?'],
  },
  {
    file: 'follow',
    reasons: ['follow-box'],
    gone: ['Sie möchten diesem Profil folgen?', '27 folgen diesem Profil', 'following'],
  },
  {
    file: 'newsletter',
    reasons: ['newsletter', 'app-promo'],
    gone: ['Newsletter abonnieren', 'Holen Sie sich die App'],
  },
  {
    file: 'paywall',
    reasons: ['paywall-teaser'],
    gone: ['Jetzt weiterlesen mit Wochenblatt Plus', 'Zum Abo'],
  },
  {
    file: 'teasers',
    reasons: ['related-teasers'],
    gone: ['Lesen Sie auch', 'Neue Ampel an der Kreuzung', 'Mehr zum Thema', 'Die Bilanz des Jahres'],
  },
  { file: 'prospects', reasons: ['sponsored'], gone: ['Online-Prospekte', 'Baumarkt'] },
  { file: 'social', reasons: ['social'], gone: ['Facebook', 'Teilen'] },
  { file: 'cookie', reasons: ['cookie-banner'], gone: ['Wir verwenden Cookies', 'Alle akzeptieren'] },
  {
    file: 'comments',
    reasons: ['comments'],
    gone: ['3 Kommentare', 'Endlich!', 'Und wo sollen die Anwohner parken?'],
  },
];

describe('clutter rules, one fixture per family', () => {
  for (const { file, reasons, gone } of FAMILIES) {
    it(`${file}: removes the clutter and keeps every part of the story`, () => {
      const { document } = parseHTML(fixture(file));
      const removals = removeClutter(document as unknown as Document);
      const text = document.body.textContent ?? '';
      for (const snippet of gone) expect(text, `still there: ${snippet}`).not.toContain(snippet);
      for (const snippet of STORY_SNIPPETS) expect(text, `story lost: ${snippet}`).toContain(snippet);
      expect(new Set(removals.map((r) => r.reason))).toEqual(new Set(reasons));
    });
  }
});

describe('guards against removing the story', () => {
  it('keeps a story container whose class looks like an ad container', () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Absatz ${i}: ${'Die Gemeinde hat beschlossen, die Straße zu sanieren und dafür Geld bereitzustellen. '.repeat(3)}</p>`,
    ).join('');
    const { document } = parseHTML(
      `<html><body><div class="content has-ads"><h2>Sanierung</h2>${paragraphs}</div></body></html>`,
    );
    removeClutter(document as unknown as Document);
    expect(document.querySelectorAll('p')).toHaveLength(4);
  });

  it('never removes the headline container even when it is labelled', () => {
    const { document } = parseHTML(
      '<html><body><div class="sponsored"><h1>Ein gesponserter Bericht</h1><p>Text</p></div></body></html>',
    );
    removeClutter(document as unknown as Document);
    expect(document.querySelector('h1')).not.toBeNull();
  });

  it('keeps a paragraph that merely starts with a label word', () => {
    const { document } = parseHTML(
      '<html><body><p>Anzeige erstattet: Die Polizei ermittelt wegen Sachbeschädigung an drei Fahrzeugen.</p></body></html>',
    );
    expect(removeClutter(document as unknown as Document)).toHaveLength(0);
  });

  it('treats teaser excerpts ending in an ellipsis as teasers, not story', () => {
    const long =
      'Knusprig zubereitete Gans in Kaiserslautern und vieles mehr aus der Küche des Hauses am Waldrand. ';
    const { document } = parseHTML(`<div><p>${long.repeat(2)}...</p><p>${long.repeat(2)}…</p></div>`);
    expect(hasStoryParagraphs(document.querySelector('div') as unknown as Element)).toBe(false);
  });
});

describe('REGEXPS class tokens', () => {
  it.each([
    ['ad-slot', true],
    ['shadow', false],
    ['header', false],
    ['adsbygoogle', true],
    ['article-advertorial', true],
    ['download', false],
  ])('sponsoredClass on %s is %s', (name, expected) => {
    expect(REGEXPS.sponsoredClass.test(name)).toBe(expected);
  });
});

describe('promotions and page footers around the story', () => {
  const STORY = Array.from(
    { length: 3 },
    (_, i) =>
      `<p>Absatz ${i + 1} der Geschichte über den neuen Radweg, mit genug Text, um als Absatz einer echten Meldung zu gelten, und ohne Links, wie ein Absatz eben aussieht.</p>`,
  ).join('');
  const clean = (body: string) => {
    const { document } = parseHTML(`<html><body>${body}</body></html>`);
    const doc = document as unknown as Document;
    const removals = removeClutter(doc);
    return { text: doc.body.textContent ?? '', removals };
  };

  it("removes what follows a share bar at the story's end, with the share bar", () => {
    const { text } = clean(
      `<div class="entry">${STORY}<div class="addtoany_share_save_container"><a href="#">Teilen</a></div>` +
        '<b>ANZEIGE - Heute mal ausgehen?</b><br><strong>Nutze die kleine rote Glocke!</strong><br>© 2fly4 - Alle Angaben ohne Gewähr!<br></div>',
    );
    expect(text).toContain('Absatz 3 der Geschichte');
    expect(text).not.toContain('ANZEIGE');
    expect(text).not.toContain('Glocke');
    expect(text).not.toContain('ohne Gewähr');
  });

  it('keeps the story after a share bar that sits near its start', () => {
    const { text } = clean(
      `<div class="entry"><p>Kurzer Vorspann.</p><div class="share-bar"><a href="#">Teilen</a></div>${STORY}<p>Kontakt zu Anna Beispiel: 0631 12345</p></div>`,
    );
    expect(text).toContain('Absatz 1 der Geschichte');
    expect(text).toContain('Kontakt zu Anna Beispiel');
  });

  it('removes a banner picture captioned "Anzeige", nested figures included', () => {
    const { text, removals } = clean(
      `<article>${STORY}<figure><figure><a href="https://shop.example"><img src="/b.png"></a><figcaption>ANZEIGE</figcaption></figure></figure></article>`,
    );
    expect(text).not.toContain('ANZEIGE');
    expect(removals.map((r) => r.element.localName)).toEqual(['figure']);
    // the outer figure, which wraps only the captioned one
    expect(removals[0]?.element.firstElementChild?.localName).toBe('figure');
  });

  it('takes "ANZEIGE - …" and "Anzeige | …" as labels, not a sentence starting with Anzeige', () => {
    expect(REGEXPS.sponsoredPrefix.test('ANZEIGE - Heute mal ausgehen/bestellen?')).toBe(true);
    expect(REGEXPS.sponsoredPrefix.test('Anzeige | Jetzt bestellen')).toBe(true);
    expect(REGEXPS.sponsoredPrefix.test('Anzeige: Die Polizei ermittelt')).toBe(false);
    expect(REGEXPS.sponsoredPrefix.test('Anzeige gegen Unbekannt erstattet')).toBe(false);
  });
});

describe('removeInlinePromos', () => {
  it('removes a bracketed paragraph linking elsewhere, keeps bracketed text without a link', () => {
    const { document } = parseHTML(
      '<div><p>Erster Absatz.</p><p><em>[Alle aktuellen Entwicklungen finden Sie <a href="/blog">hier in unserem Newsblog</a>.]</em></p><p>[Anmerkung der Redaktion: Der Name wurde geändert.]</p></div>',
    );
    const story = document.querySelector('div') as unknown as Element;
    const removed = removeInlinePromos(story);
    expect(removed.map((r) => r.reason)).toEqual(['related-teasers']);
    expect(story.textContent).not.toContain('Newsblog');
    expect(story.textContent).toContain('Anmerkung der Redaktion');
  });
});

describe('class names that only look like clutter', () => {
  const PROSE =
    'Vor dem Grillen prüfen wir mit Toastbrot, wo der Rost am heißesten wird: in der Mitte bräunt es nach einer Minute.';

  it('keeps a story section whose BEM modifier says it holds an ad slot, removes the slot', () => {
    const { document } = parseHTML(
      `<html><body><article><h1>Test</h1><section class="Report__Section Report__Section--Ads"><h2>Der Toast-Test</h2><p>${PROSE}</p>` +
        '<div class="ad-slot"><script>loadAd()</script></div></section></article></body></html>',
    );
    removeClutter(document as unknown as Document);
    expect(document.body.textContent).toContain('Der Toast-Test');
    expect(document.querySelector('.ad-slot')).toBeNull();
  });

  it('removes a block named an ad by its own name even when it holds text', () => {
    const { document } = parseHTML(
      `<html><body><div class="ad--wide"><p>${PROSE}</p></div><p>${PROSE}</p></body></html>`,
    );
    removeClutter(document as unknown as Document);
    expect(document.querySelectorAll('p')).toHaveLength(1);
  });

  it("keeps a live ticker's running commentary, removes a comment thread", () => {
    const minute = (n: number) => `<p>${n}' ${PROSE}</p>`;
    const { document } = parseHTML(
      `<html><body><div class="live-match-comments">${[90, 85, 80].map(minute).join('')}</div>` +
        `<div class="comments-area"><p>Leser: ${PROSE}</p></div></body></html>`,
    );
    removeClutter(document as unknown as Document);
    const text = document.body.textContent ?? '';
    expect(text).toContain("85' Vor dem Grillen");
    expect(text).not.toContain('Leser:');
  });
});

describe('small print and social labels', () => {
  const STORY = `<p>${'Der Gemeinderat hat am Dienstagabend beschlossen, die Ortsdurchfahrt im Frühjahr zu sanieren und die Gehwege zu verbreitern. '.repeat(2)}</p>`;
  const clean = (inner: string) => {
    const { document } = parseHTML(`<html><body><article>${STORY}${inner}${STORY}</article></body></html>`);
    const removals = removeClutter(document as unknown as Document);
    return { text: document.body.textContent ?? '', removals };
  };

  it('removes affiliate and paid-content notices, also inside a line of small print', () => {
    const { text, removals } = clean(
      '<p class="copy-sm">Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.</p>' +
        '<p>Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links</p>',
    );
    expect(text).not.toContain('Provision');
    expect(text).not.toContain('Affiliate');
    expect(text).toContain('Ortsdurchfahrt');
    expect(removals.map((r) => r.reason)).toEqual(['sponsored', 'sponsored']);
  });

  it('keeps a story sentence about advertising', () => {
    const { text } = clean(
      '<p>Die Händler der Altstadt werben seit Montag mit einer gemeinsamen Aktion.</p>',
    );
    expect(text).toContain('werben seit Montag');
  });

  it('removes a "Social Media Seiten" label above the profile links', () => {
    const { text } = clean(
      '<p><strong>SOCIAL MEDIA SEITEN</strong></p><ul class="social-links"><li><a href="https://facebook.example/">Facebook</a></li></ul>',
    );
    expect(text).not.toContain('SOCIAL MEDIA');
    expect(text).not.toContain('Facebook');
  });
});
