// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { READER_HOOKS as H } from '../../../src/reader/hooks';
import { type Rendered, renderReader } from './support/render';
import { makeAuthor, makePhotos, makeStory } from './support/stories';

let view: Rendered | undefined;
afterEach(() => {
  view?.cleanup();
  view = undefined;
});

describe('story header', () => {
  it('shows site, title, subtitle, the local date as printed, reading time and a link to the original', () => {
    view = renderReader(makeStory());
    expect(view.text(`.${H.title}`)).toBe('Neuer Spielplatz am Stadtpark eröffnet');
    expect(view.text('.kt-subtitle')).toBe('Kinder weihen die Kletterburg ein');
    expect(view.text('.kt-site')).toBe('Wochenblatt Reporter');
    expect(view.text('.kt-meta time')).toBe('26. April 2019, 09:12');
    expect(view.q('.kt-meta time')?.getAttribute('datetime')).toBe('2019-04-26T09:12:00+02:00');
    expect(view.text('.kt-meta')).toContain('3 Min. Lesezeit');
    const original = view.q<HTMLAnchorElement>('.kt-original-link');
    expect(original?.href).toBe('https://www.example-zeitung.de/lokales/spielplatz-123');
    expect(original?.textContent).toBe('Original auf example-zeitung.de');
    expect(original?.rel).toBe('noopener noreferrer');
  });

  it('formats the date in the UI language', () => {
    view = renderReader(makeStory(), { locale: 'en' });
    expect(view.text('.kt-meta time')).toBe('April 26, 2019, 9:12 AM');
    expect(view.text('.kt-meta')).toContain('3 min read');
  });

  it('keeps a very long title whole, in the heading, with the story language for hyphenation', () => {
    const title = `${'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen '.repeat(6)}und ein Ende`;
    view = renderReader(makeStory({ title }));
    expect(view.qa('h1')).toHaveLength(1);
    expect(view.text(`.${H.title}`)).toBe(title.replace(/\s+/g, ' ').trim());
    expect(view.q('main')?.getAttribute('lang')).toBe('de');
  });

  it('leaves out a subtitle that is only the cut-off opening of the story', () => {
    view = renderReader(
      makeStory({
        subtitle: 'In Nord wurde am Freitag die neue Anlage eröffnet. Für das Quartier sei sie ein...',
      }),
    );
    expect(view.q('.kt-subtitle')).toBeNull();
  });

  it('names the local edition when nobody is named, and shows no author box', () => {
    view = renderReader(makeStory({ outlet: 'Wochenblatt Kaiserslautern' }));
    expect(view.qa(`.${H.author}`)).toHaveLength(0);
    expect(view.q('.kt-authors')).toBeNull();
    expect(view.text('.kt-edition')).toBe('Wochenblatt Kaiserslautern');
  });
});

describe('author cards', () => {
  it('renders nothing at all when the page names nobody', () => {
    view = renderReader(makeStory({ byline: [] }));
    expect(view.q('.kt-authors')).toBeNull();
    expect(view.root.textContent).not.toContain('Von');
  });

  it('shows several authors side by side with avatar, profile link and edition', () => {
    const byline = [
      makeAuthor('Stephanie Walter', {
        outlet: 'Wochenblatt Kaiserslautern',
        url: 'https://www.example-zeitung.de/profile/12874',
        avatar: 'https://www.example-zeitung.de/avatar/12874.jpg',
        role: 'Fotos',
      }),
      makeAuthor('Jens Müller', { outlet: 'Wochenblatt Kaiserslautern' }),
      makeAuthor('Ayşe Demir'),
    ];
    view = renderReader(makeStory({ byline, outlet: 'Wochenblatt Kaiserslautern' }));
    const cards = view.qa(`.${H.author}`);
    expect(cards.map((card) => card.querySelector(`.${H.authorName}`)?.textContent)).toEqual([
      'Stephanie Walter',
      'Jens Müller',
      'Ayşe Demir',
    ]);
    const first = cards[0];
    expect(first?.querySelector<HTMLAnchorElement>(`a.${H.authorLink}`)?.href).toBe(
      'https://www.example-zeitung.de/profile/12874',
    );
    expect(first?.querySelector<HTMLImageElement>(`img.${H.authorAvatar}`)?.src).toBe(
      'https://www.example-zeitung.de/avatar/12874.jpg',
    );
    expect(first?.querySelector(`.${H.authorOutlet}`)?.textContent).toBe('aus Wochenblatt Kaiserslautern');
    expect(first?.querySelector(`.${H.authorOutlet}`)?.getAttribute('data-outlet')).toBe(
      'Wochenblatt Kaiserslautern',
    );
    expect(first?.querySelector('.kt-author-role')?.textContent).toBe('Fotos');
    // No avatar: initials instead of an empty picture; no link: plain name.
    expect(cards[2]?.querySelector('.kt-author-initials')?.textContent).toBe('AD');
    expect(cards[2]?.querySelector('a')).toBeNull();
    // An avatar that cannot load gives way to the initials.
    const avatar = first?.querySelector(`img.${H.authorAvatar}`) as HTMLImageElement;
    act(() => {
      avatar.dispatchEvent(new Event('error'));
    });
    expect(first?.querySelector('.kt-author-initials')?.textContent).toBe('SW');
    // The edition is on the cards, so the header does not repeat it.
    expect(view.q('.kt-edition')).toBeNull();
  });
});

describe('pictures', () => {
  it('shows no lead, no gallery and no picture count for a story without images', () => {
    view = renderReader(makeStory({ images: [] }));
    expect(view.q('.kt-lead')).toBeNull();
    expect(view.q('.kt-gallery')).toBeNull();
    expect(view.text('.kt-meta')).not.toContain('Bild');
    expect(view.qa(`.${H.article} img`)).toHaveLength(0);
  });

  it('shows a single picture as the lead with caption and credit, and no gallery', () => {
    view = renderReader(makeStory({ images: makePhotos(1) }));
    expect(view.q<HTMLImageElement>('.kt-lead img')?.getAttribute('src')).toBe(
      'https://img.example-zeitung.de/gallery/1_XL.jpg',
    );
    expect(view.q('.kt-lead img')?.getAttribute('sizes')).toBeTruthy();
    expect(view.text('.kt-lead figcaption')).toBe('Bild Nummer 1 vom Fest Foto: Max Muster');
    expect(view.q('.kt-gallery')).toBeNull();
  });

  it('lays out a 60-picture gallery as lazy thumbnails with srcset and a counter', () => {
    view = renderReader(makeStory({ images: makePhotos(60) }));
    const thumbs = view.qa<HTMLImageElement>('.kt-gallery .kt-thumb img');
    expect(thumbs).toHaveLength(60);
    expect(thumbs.every((img) => img.getAttribute('loading') === 'lazy')).toBe(true);
    expect(thumbs.every((img) => img.getAttribute('decoding') === 'async')).toBe(true);
    expect(
      thumbs.every((img) => img.getAttribute('srcset')?.includes('640w') && img.getAttribute('sizes')),
    ).toBe(true);
    // Width and height reserve each box before the picture arrives.
    expect(thumbs[59]?.getAttribute('width')).toBe('1600');
    expect(view.text('.kt-gallery-count')).toBe('60 Bilder');
    expect(view.text('.kt-meta')).toContain('60 Bilder');
    expect(view.qa('.kt-thumb')[2]?.getAttribute('aria-label')).toBe('Bild 3 von 60: Bild Nummer 3 vom Fest');
  });

  it('says "1 Bild"/"2 Bilder" with the language\'s plural rules', () => {
    view = renderReader(makeStory({ images: makePhotos(2) }));
    expect(view.text('.kt-gallery-count')).toBe('2 Bilder');
    view.cleanup();
    view = renderReader(makeStory({ images: makePhotos(2) }), { locale: 'en' });
    expect(view.text('.kt-gallery-count')).toBe('2 pictures');
  });

  it('takes a picture that fails to load out, with its frame', () => {
    view = renderReader(makeStory({ images: makePhotos(3) }));
    const thumb = view.qa('.kt-gallery-item img')[1] as HTMLImageElement;
    act(() => {
      thumb.dispatchEvent(new Event('error'));
    });
    expect(thumb.closest('.kt-gallery-item')?.classList.contains('kt-broken')).toBe(true);
    expect(view.q('.kt-lead')?.classList.contains('kt-broken')).toBe(false);
  });

  it('makes pictures in the story text lazy before they are inserted', () => {
    const html =
      '<p>Text</p><figure><img src="https://img.example-zeitung.de/a.jpg" srcset="https://img.example-zeitung.de/a.jpg 800w"><figcaption>A</figcaption></figure>';
    view = renderReader(makeStory({ html }));
    const img = view.q<HTMLImageElement>(`.${H.body} img`);
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('sizes')).toBeTruthy();
  });

  it('inserts the story text through the sanitizer even if a Story arrives unsanitized', () => {
    const html =
      '<p id="p1" onclick="alert(1)">Erster Absatz <a href="javascript:alert(2)">Link</a></p>' +
      '<script>alert(3)</script><img src="x" onerror="alert(4)"><iframe src="https://evil.example/"></iframe>';
    view = renderReader(makeStory({ html }));
    const body = view.q(`.${H.body}`);
    expect(view.text(`.${H.body} p`)).toBe('Erster Absatz Link');
    expect(body?.querySelector('script, iframe, [onclick], [onerror]')).toBeNull();
    expect(body?.querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  it('replaces the story text when another story is shown in the same view', () => {
    view = renderReader(makeStory({ html: '<p>Alte Geschichte</p>' }));
    view.rerender(makeStory({ html: '<p>Neue Geschichte</p>' }));
    expect(view.text(`.${H.body}`)).toBe('Neue Geschichte');
  });
});

describe('lightbox', () => {
  it('opens on a thumbnail, pages with the arrow keys and buttons, wraps, and closes on Escape only itself', () => {
    view = renderReader(makeStory({ images: makePhotos(7) }));
    const thumb = view.qa('.kt-thumb')[2];
    view.click(thumb as Element);
    expect(view.q('.kt-lightbox')).not.toBeNull();
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('3 / 7');
    expect(view.text('.kt-lightbox-caption')).toBe('Bild Nummer 3 vom Fest Foto: Max Muster');
    const image = () => view?.q<HTMLImageElement>('.kt-lightbox-image');
    expect(image()?.getAttribute('src')).toBe('https://img.example-zeitung.de/gallery/3_XL.jpg');
    expect(image()?.getAttribute('srcset')).toContain('3_M.jpg 640w');
    expect(image()?.getAttribute('sizes')).toBe('100vw');

    const lightbox = view.q('.kt-lightbox');
    view.press('ArrowRight', lightbox);
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('4 / 7');
    view.press('ArrowLeft', lightbox);
    view.press('ArrowLeft', lightbox);
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('2 / 7');
    view.click('.kt-lightbox-prev');
    view.click('.kt-lightbox-prev');
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('7 / 7');
    view.click('.kt-lightbox-next');
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('1 / 7');
    view.press('End', lightbox);
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('7 / 7');

    view.press('Escape', view.q('.kt-lightbox'));
    expect(view.q('.kt-lightbox')).toBeNull();
    expect(view.calls.close).toBe(0);
    expect(document.activeElement).toBe(thumb);
  });

  it('pages on a horizontal swipe and ignores a vertical one', () => {
    view = renderReader(makeStory({ images: makePhotos(5) }));
    view.click(view.qa('.kt-thumb')[0] as Element);
    const stage = view.q('.kt-lightbox-stage') as HTMLElement;
    // jsdom has no PointerEvent: a MouseEvent of the pointer type carries the same coordinates.
    const pointer = (type: string, x: number, y: number) =>
      Object.assign(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }), {
        pointerId: 1,
        pointerType: 'touch',
      });
    const swipe = (fromX: number, toX: number, fromY = 300, toY = 300) => {
      stage.dispatchEvent(pointer('pointerdown', fromX, fromY));
      stage.dispatchEvent(pointer('pointerup', toX, toY));
    };
    act(() => swipe(400, 200));
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('2 / 5');
    act(() => swipe(200, 420));
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('1 / 5');
    act(() => swipe(300, 330, 100, 500));
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('1 / 5');
  });

  it('mirrors the arrow keys for a right-to-left story', () => {
    view = renderReader(
      makeStory({ lang: 'ar', dir: 'rtl', title: 'افتتاح ملعب جديد', images: makePhotos(4) }),
    );
    expect(view.q('main')?.getAttribute('dir')).toBe('rtl');
    expect(view.q('main')?.getAttribute('lang')).toBe('ar');
    view.click(view.qa('.kt-thumb')[0] as Element);
    expect(view.q('.kt-lightbox')?.getAttribute('dir')).toBe('rtl');
    view.press('ArrowLeft', view.q('.kt-lightbox'));
    expect(view.text('.kt-lightbox-counter [aria-hidden]')).toBe('2 / 4');
  });
});

describe('transparency, notices and diagnostics', () => {
  it('says what was hidden, pluralised, and offers the original page', () => {
    view = renderReader(
      makeStory({
        removed: [
          { reason: 'login-prompt', count: 2 },
          { reason: 'sponsored', count: 3 },
          { reason: 'cookie-banner', count: 1 },
        ],
      }),
    );
    expect(view.text('.kt-transparency span')).toBe(
      '3 Anzeigen, 2 Anmelde-Hinweise, 1 Cookie-Hinweis ausgeblendet',
    );
    view.click('.kt-show-original');
    expect(view.calls.showOriginal).toBe(1);
  });

  it('uses the singular for one and the English phrasing in English', () => {
    view = renderReader(makeStory({ removed: [{ reason: 'sponsored', count: 1 }] }), { locale: 'en' });
    expect(view.text('.kt-transparency span')).toBe('Hidden: 1 ad');
  });

  it('warns up front when only part of a paid story is visible, linking to the original', () => {
    view = renderReader(makeStory({ partial: { reason: 'paywall' } }));
    expect(view.text('.kt-partial')).toContain('Nur ein Teil des Artikels ist frei sichtbar.');
    expect(view.q<HTMLAnchorElement>('.kt-partial a')?.href).toBe(
      'https://www.example-zeitung.de/lokales/spielplatz-123',
    );
    const order = [...view.root.querySelectorAll('.kt-partial, .kt-body')].map((el) => el.className);
    expect(order[0]).toContain('kt-partial');
  });

  it('shows no partial notice for a complete story', () => {
    view = renderReader(makeStory());
    expect(view.q('.kt-partial')).toBeNull();
  });

  it('lists the site rule and its unmatched selectors in a collapsed line', () => {
    const story = makeStory();
    story.diagnostics = {
      ...story.diagnostics,
      siteRule: 'citizen-reporter',
      unmatchedSelectors: ['.article-gallery'],
    };
    view = renderReader(story);
    const details = view.q<HTMLDetailsElement>('details.kt-diagnostics');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('citizen-reporter');
    expect(details?.textContent).toContain('.article-gallery');
  });

  it('shows the translated no-story message', () => {
    view = renderReader({ kind: 'no-story', reason: 'no-content', detail: '' });
    expect(view.text(`.${H.message} h1`)).toBe('Kein Artikel gefunden');
    expect(view.q(`.${H.article}`)).toBeNull();
  });
});

describe('layer, keyboard and preferences', () => {
  it('is a labelled modal dialog with a main landmark and takes focus on open', () => {
    view = renderReader(makeStory());
    const layer = view.q(`.${H.layer}`);
    expect(layer?.getAttribute('role')).toBe('dialog');
    expect(layer?.getAttribute('aria-modal')).toBe('true');
    expect(layer?.getAttribute('aria-label')).toBe('Leseansicht: Neuer Spielplatz am Stadtpark eröffnet');
    expect(view.q('main')).not.toBeNull();
    expect(document.activeElement).toBe(layer);
  });

  it('closes on Escape, but first closes an open display panel', () => {
    view = renderReader(makeStory());
    view.click('.kt-display-toggle');
    expect(view.q('.kt-panel')).not.toBeNull();
    view.press('Escape', view.q('.kt-panel input'));
    expect(view.q('.kt-panel')).toBeNull();
    expect(view.calls.close).toBe(0);
    view.press('Escape', view.q(`.${H.layer}`));
    expect(view.calls.close).toBe(1);
  });

  it('applies preferences as theme, font and custom properties, and reports every change', () => {
    view = renderReader(makeStory());
    const layer = () => view?.q(`.${H.layer}`) as HTMLElement;
    expect(layer().dataset.theme).toBe('system');
    view.click('.kt-display-toggle');
    view.click('.kt-segment[data-value="dark"] input');
    expect(layer().dataset.theme).toBe('dark');
    view.click('.kt-segment[data-value="sans"] input');
    expect(layer().dataset.font).toBe('sans');
    const before = layer().style.getPropertyValue('--kt-font-size');
    view.click('.kt-step-larger');
    expect(layer().style.getPropertyValue('--kt-font-size')).not.toBe(before);
    view.click('.kt-segment[data-value="wide"] input');
    view.click('.kt-segment[data-value="loose"] input');
    expect(layer().style.getPropertyValue('--kt-leading')).toBe('1.9');
    expect(view.calls.preferences.at(-1)).toMatchObject({
      theme: 'dark',
      fontFamily: 'sans',
      fontSize: 4,
      lineWidth: 'wide',
      lineHeight: 'loose',
    });
  });

  it('offers at least five font sizes and stops at both ends', () => {
    view = renderReader(makeStory());
    view.click('.kt-display-toggle');
    for (let i = 0; i < 12; i++) view.click('.kt-step-smaller');
    expect(view.q<HTMLButtonElement>('.kt-step-smaller')?.disabled).toBe(true);
    let steps = 1;
    while (!view.q<HTMLButtonElement>('.kt-step-larger')?.disabled && steps < 50) {
      view.click('.kt-step-larger');
      steps += 1;
    }
    expect(steps).toBeGreaterThanOrEqual(5);
  });

  it('shows the auto-open site action only when given', () => {
    view = renderReader(makeStory());
    expect(view.q('.kt-site-toggle')).toBeNull();
    view.cleanup();
    let toggled = 0;
    view = renderReader(makeStory(), {
      props: { siteActions: { autoOpen: true, onToggleAutoOpen: () => (toggled += 1) } },
    });
    expect(view.text('.kt-site-toggle')).toBe('Diese Seite nicht automatisch öffnen');
    view.click('.kt-site-toggle');
    expect(toggled).toBe(1);
  });
});
