import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  captionOf,
  collectPhotoCandidates,
  creditFromStoryEnd,
  dedupePhotos,
  photoKey,
  resolveLazyImages,
  splitCaption,
} from '../../../src/core/gallery';

const PAGE = 'https://www.example-zeitung.de/lokales/artikel';
const photosOf = (body: string) => {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  const doc = document as unknown as Document;
  resolveLazyImages(doc, PAGE);
  return dedupePhotos(collectPhotoCandidates(doc, PAGE).map((c) => c.photo));
};

describe('splitCaption', () => {
  it.each([
    ['Gute Laune in Hannover | Foto: WFK', 'Gute Laune in Hannover', 'WFK'],
    ['Die Brücke im Nebel. Bild: Stadt Kaiserslautern', 'Die Brücke im Nebel.', 'Stadt Kaiserslautern'],
    ['Der Hund. © dahancoo/Pixabay', 'Der Hund.', 'dahancoo/Pixabay'],
    [
      'Symbolbild Rettungsdienst (Quelle: dietwalther/stock.adobe.com)',
      'Symbolbild Rettungsdienst',
      'dietwalther/stock.adobe.com',
    ],
    ['Nur eine Bildunterschrift', 'Nur eine Bildunterschrift', ''],
  ])('%s', (text, caption, credit) => expect(splitCaption(text)).toEqual({ caption, credit }));
});

describe('lazy images', () => {
  it('resolves data-src, data-srcset and picks the largest candidate', () => {
    const [photo] = photosOf(
      '<figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/a_L.jpg" data-srcset="/img/a_L.jpg 720w, /img/a_XXL.jpg 1200w" alt="A"><figcaption>Die Halle | Foto: Anna Beispiel</figcaption></figure>',
    );
    expect(photo).toMatchObject({
      src: 'https://www.example-zeitung.de/img/a_XXL.jpg',
      width: 1200,
      caption: 'Die Halle',
      credit: 'Anna Beispiel',
      alt: 'A',
    });
  });

  it('uses <picture> sources', () => {
    const [photo] = photosOf(
      '<picture><source type="image/webp" data-srcset="https://cdn.example.org/b-600.webp 600w, https://cdn.example.org/b-1600.webp 1600w"><img src="https://cdn.example.org/b-300.jpg" alt=""></picture>',
    );
    expect(photo?.src).toBe('https://cdn.example.org/b-1600.webp');
  });

  it('turns <noscript> fallbacks into inert images, never into markup', () => {
    const { document } = parseHTML(
      '<html><body><div><img class="lazy" src="data:image/gif;base64,R0lGOD"><noscript><img src="/c.jpg" onerror="alert(1)" alt="C"></noscript></div></body></html>',
    );
    resolveLazyImages(document as unknown as Document, PAGE);
    const imgs = document.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe('https://www.example-zeitung.de/c.jpg');
    expect(imgs[0]?.hasAttribute('onerror')).toBe(false);
    expect(document.querySelector('noscript')).toBeNull();
  });

  it('upgrades http images on https pages', () => {
    expect(photosOf('<img src="http://www.example-zeitung.de/d.jpg" alt="">')[0]?.src).toBe(
      'https://www.example-zeitung.de/d.jpg',
    );
  });
});

describe('what is not a story picture', () => {
  it('drops placeholders, icons, avatars, logos, tracking pixels and teaser thumbnails', () => {
    const photos = photosOf(`
      <img src="data:image/gif;base64,R0lGOD">
      <img src="/icons/share.svg">
      <div class="author-avatar"><img src="/u/12.jpg"></div>
      <img class="site-logo" src="/logo.png">
      <img src="/px.gif" width="1" height="1">
      <a href="/anderer-artikel"><img src="/teaser.jpg"></a>
      <a href="/big/e.jpg"><img src="/e.jpg" alt="E"></a>`);
    expect(photos.map((p) => p.src)).toEqual(['https://www.example-zeitung.de/e.jpg']);
  });

  it('merges the sizes of one picture', () => {
    expect(photoKey('https://x.org/a/10583747_S.jpg')).toBe(photoKey('https://x.org/b/10583747_XXL.jpg'));
    expect(photoKey('https://x.org/wp/2023/10/foto-1024x683.jpg')).toBe(
      photoKey('https://x.org/wp/2023/10/foto.jpg'),
    );
    expect(
      photosOf('<img src="/m/foto-300x200.jpg" alt=""><img src="/m/foto-1024x683.jpg" alt="">'),
    ).toHaveLength(1);
  });
});

describe('captionOf', () => {
  it('finds credit elements beside the caption (citizen-reporter galleries)', () => {
    const { document } = parseHTML(
      '<ul><li><img src="https://x.org/a.jpg"></li><li class="caption">Die Delegation in Hannover</li><li>Foto: WFK</li></ul>',
    );
    expect(captionOf(document.querySelector('img') as unknown as Element)).toEqual({
      caption: 'Die Delegation in Hannover',
      credit: 'WFK',
    });
  });
});

describe('pictures the page marks up in less usual ways', () => {
  it('takes a credit that sits beside the figcaption inside the figure', () => {
    const [photo] = photosOf(
      '<figure><img src="/img/oper.jpg" alt="Oper"><footer class="credit"><span class="copyright">APA/Helmut Fohringer</span></footer><figcaption class="caption">Im Februar 2019 beim Opernball.</figcaption></figure>',
    );
    expect(photo).toMatchObject({
      caption: 'Im Februar 2019 beim Opernball.',
      credit: 'APA/Helmut Fohringer',
    });
  });

  it('reads camelCase caption and rights holders ("mediaSubtitleText", "mediaRights: Bildrechte:")', () => {
    const [photo] = photosOf(
      '<div class="mediaCon"><div class="imageWrapper"><img src="/img/auto.jpg" alt="Ein Kunde"></div><div class="mediaInfo"><span class="mediaSubtitleText">Autohäuser dürfen wieder öffnen.</span><span class="mediaRights">Bildrechte: IMAGO</span></div></div>',
    );
    expect(photo).toMatchObject({ caption: 'Autohäuser dürfen wieder öffnen.', credit: 'IMAGO' });
  });

  it('takes an unclassed "© privat" line in the picture\'s own box', () => {
    const [photo] = photosOf(
      '<div class="picture"><img src="/img/scobel.png" alt="Emanuel Scobel"><div> &copy; privat </div></div>',
    );
    expect(photo?.credit).toBe('privat');
  });

  it('keeps a caption and credit apart when a box holds both ("copytext__captionLine mediaBox__copyright")', () => {
    const [photo] = photosOf(
      '<figure><img src="/img/buehne.jpg" alt="Alt"><div class="copytext__captionLine mediaBox__copyright"><span class="figcaption">Auf der Bühne</span><span class="figcaption__copyright">Bild &copy; Johannes Gregor/hessenschau.de</span></div></figure>',
    );
    expect(photo).toMatchObject({ caption: 'Auf der Bühne', credit: 'Johannes Gregor/hessenschau.de' });
  });

  it("shows the <img>'s own crop, not a small-screen <source>, and reads srcset-only images", () => {
    const [photo] = photosOf(
      '<figure><picture><source media="(max-width: 600px)" srcset="/img/mobile_master.jpg 800w"><img srcset="/img/desktop_opener.jpg" alt="Opener"></picture></figure>',
    );
    expect(photo?.src).toBe('https://www.example-zeitung.de/img/desktop_opener.jpg');
  });

  it('keeps a picture linked to its own picture page or a lightbox, drops a linked teaser', () => {
    const photos = photosOf(
      '<div data-ctrl-lightbox1-entry="{}"><a href="https://cdn.example.de/thema/bild-38974.html"><img src="/img/a.jpg" alt="A"></a></div>' +
        '<a href="/lokales/andere-geschichte.html"><img src="/img/teaser.jpg" alt="Teaser"></a>',
    );
    expect(photos.map((p) => p.src)).toEqual(['https://www.example-zeitung.de/img/a.jpg']);
  });

  it('drops video posters', () => {
    expect(
      photosOf(
        '<div class="ar--16x9 c-videoplayer"><div><img src="/img/poster.jpg" alt="Video"></div></div>',
      ),
    ).toEqual([]);
  });

  it('does not mistake a "-transparent" gif for a picture when the <noscript> has the real one', () => {
    const [photo] = photosOf(
      '<div class="imageWrapper"><img src="/index-transparent_h-213_w-320.gif" alt="A"><noscript><img src="/thema/bild-1_w-576.jpg" data-copyright="Lutz Roeßler" alt="A"></noscript></div>',
    );
    expect(photo).toMatchObject({
      src: 'https://www.example-zeitung.de/thema/bild-1_w-576.jpg',
      credit: 'Lutz Roeßler',
    });
  });
});

describe('creditFromStoryEnd', () => {
  const story = (html: string) =>
    parseHTML(`<div>${html}</div>`).document.querySelector('div') as unknown as Element;
  const photo = (credit = '') => ({ src: 'https://x.de/a.jpg', alt: '', caption: '', credit });

  it('gives "Foto:" on the story\'s last lines to the lead picture', () => {
    const photos = [photo(), photo()];
    creditFromStoryEnd(
      story('<p>Lange Geschichte.</p><p>erb/ots<br>Foto: <a href="#">dahancoo</a> / Pixabay</p>'),
      photos,
    );
    expect(photos.map((p) => p.credit)).toEqual(['dahancoo / Pixabay', '']);
  });

  it('gives "Fotos:" to every uncredited picture and leaves credited ones alone', () => {
    const photos = [photo('dpa'), photo(), photo()];
    creditFromStoryEnd(story('<p>Text.</p><p>Fotos: Anna Beispiel</p>'), photos);
    expect(photos.map((p) => p.credit)).toEqual(['dpa', 'Anna Beispiel', 'Anna Beispiel']);
  });

  it('ignores story sentences that merely mention a photo', () => {
    const photos = [photo()];
    creditFromStoryEnd(
      story('<p>Das Foto: ein Dokument der Zeit, das lange verschollen war und nun auftauchte.</p>'),
      photos,
    );
    expect(photos[0]?.credit).toBe('');
  });
});
