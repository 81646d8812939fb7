import { READER_HOOKS as H } from '../../../src/reader/hooks';

/** What a person sees in the open reader, read from its shadow root. */
export interface ReaderView {
  title: string;
  byline: { name: string; outlet?: string; url?: string; avatar?: string }[];
  images: number;
  imageSources: string[];
  text: string;
  message: string | null;
}

/** Source of `fn(shadowRoot)` for `Tab.inReader`: runs in the page, so it must be self-contained. */
export const READ_READER_VIEW = `(root) => {
  const article = root.querySelector('.${H.article}');
  const message = root.querySelector('.${H.message}');
  const byline = [...root.querySelectorAll('.${H.author}')].map((el) => {
    const author = { name: (el.querySelector('.${H.authorName}')?.textContent || '').trim() };
    const outlet = el.querySelector('.${H.authorOutlet}')?.getAttribute('data-outlet');
    const link = el.querySelector('a.${H.authorLink}')?.getAttribute('href');
    const avatar = el.querySelector('img.${H.authorAvatar}')?.getAttribute('src');
    if (outlet) author.outlet = outlet;
    if (link) author.url = link;
    if (avatar) author.avatar = avatar;
    return author;
  });
  const imageSources = article
    ? [...new Set([...article.querySelectorAll('img:not(.${H.authorAvatar})')].map((img) => img.currentSrc || img.src))]
    : [];
  return {
    title: (article?.querySelector('.${H.title}')?.textContent || '').trim(),
    byline,
    images: imageSources.length,
    imageSources,
    text: (article?.textContent || '').replace(/\\s+/g, ' ').trim(),
    message: message ? message.textContent.replace(/\\s+/g, ' ').trim() : null,
  };
}`;

/** Source of `fn(shadowRoot)`: the reader's DOM as HTML (for `snapshot --html` and the security suite). */
export const SERIALIZE_READER = '(root) => root.innerHTML';
