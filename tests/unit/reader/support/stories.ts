import type { Author, Photo, Story } from '../../../../src/core/story';

/** A plain German local story; each test changes only what it is about. */
export function makeStory(overrides: Partial<Story> = {}): Story {
  return {
    kind: 'story',
    title: 'Neuer Spielplatz am Stadtpark eröffnet',
    subtitle: 'Kinder weihen die Kletterburg ein',
    siteName: 'Wochenblatt Reporter',
    lang: 'de',
    dir: 'ltr',
    url: 'https://www.example-zeitung.de/lokales/spielplatz-123',
    published: '2019-04-26T09:12:00+02:00',
    modified: null,
    readingMinutes: 3,
    byline: [],
    outlet: '',
    images: [],
    html: '<p>Erster Absatz über den Spielplatz.</p><p>Zweiter Absatz mit <a href="https://www.example-zeitung.de/x">einem Link</a>.</p>',
    text: 'Erster Absatz über den Spielplatz. Zweiter Absatz mit einem Link.',
    removed: [],
    partial: null,
    diagnostics: {
      siteRule: null,
      unmatchedSelectors: [],
      sources: { title: 'dom', byline: 'none', published: 'meta', images: 'none', content: 'readability' },
      notes: [],
    },
    ...overrides,
  };
}

export function makeAuthor(name: string, overrides: Partial<Author> = {}): Author {
  return { name, ...overrides };
}

export function makePhotos(count: number): Photo[] {
  return Array.from({ length: count }, (_, i) => ({
    src: `https://img.example-zeitung.de/gallery/${i + 1}_XL.jpg`,
    srcset: `https://img.example-zeitung.de/gallery/${i + 1}_M.jpg 640w, https://img.example-zeitung.de/gallery/${i + 1}_XL.jpg 1600w`,
    width: 1600,
    height: 1067,
    alt: '',
    caption: `Bild Nummer ${i + 1} vom Fest`,
    credit: i % 2 ? '| Foto: Stadt' : 'Max Muster',
  }));
}
