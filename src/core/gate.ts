/**
 * The article gate: on a whitelisted site, is this page a story the reader should open by
 * itself, or a front, section, search, tag, service or gallery page to leave alone? Cheap
 * (it runs while the page is hidden), pure, and it says why.
 *
 * Order of evidence, strongest first:
 * 1. JSON-LD naming an article as the page's own entity (top level or @graph, not a list item);
 * 2. a URL that names a front, search, tag/author listing or service page;
 * 3. JSON-LD naming a collection, search result, profile or gallery page;
 * 4. og:type=article, unless the page is pictures with hardly any text;
 * 5. the text itself: Readability's readerable check and one block of continuous paragraphs.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { isArticle, readJsonLd, types } from './jsonld';

export interface GateDecision {
  article: boolean;
  /** Which evidence decided, e.g. "json-ld NewsArticle", "url search", "no continuous text". */
  reason: string;
}

/** Paragraph text in one parent above this is a story body, not a teaser. */
export const MIN_CONTINUOUS_TEXT = 400;
/** A short news item (a police report, a club result) still has this much text in one place. */
const MIN_SHORT_STORY = 150;
/** Linked headings from which a page with little text of its own is a listing. */
const MIN_TEASERS = 5;

const LISTING_PAGE_TYPES =
  /^(?:CollectionPage|SearchResultsPage|ProfilePage|ItemList|ContactPage|AboutPage|ImageGallery|MediaGallery|CheckoutPage|QAPage)$/;

// Path segments that are a listing when nothing article-like follows them.
const LISTING_SEGMENTS = new Set([
  'tag',
  'tags',
  'thema',
  'themen',
  'schlagwort',
  'schlagworte',
  'stichwort',
  'stichworte',
  'topic',
  'topics',
  'category',
  'categories',
  'kategorie',
  'kategorien',
  'rubrik',
  'ressort',
  'autor',
  'autoren',
  'author',
  'authors',
  'archiv',
  'archive',
  'page',
  'seite',
  'suche',
  'search',
  'bildergalerie',
  'bildergalerien',
  'galerie',
  'galerien',
  'gallery',
  'galleries',
  'fotos',
  'fotostrecke',
  'fotostrecken',
  'video',
  'videos',
]);

// Final path segments of pages that are never stories.
const SERVICE_LEAVES = new Set([
  'impressum',
  'imprint',
  'datenschutz',
  'datenschutzerklaerung',
  'privacy',
  'privacy-policy',
  'kontakt',
  'contact',
  'agb',
  'nutzungsbedingungen',
  'terms',
  'login',
  'logout',
  'anmelden',
  'abmelden',
  'anmeldung',
  'registrieren',
  'registrierung',
  'register',
  'signin',
  'sign-in',
  'signup',
  'sign-up',
  'account',
  'konto',
  'mein-konto',
  'profil',
  'abo',
  'abonnement',
  'abonnieren',
  'newsletter',
  'mediadaten',
  'faq',
  'hilfe',
  'help',
  'sitemap',
  'suche',
  'search',
  'barrierefreiheit',
  'cookies',
  'cookie-einstellungen',
  'epaper',
  'e-paper',
  'shop',
  'warenkorb',
  'cart',
  'checkout',
]);

const SEARCH_PARAMS = [
  'q',
  's',
  'query',
  'search',
  'suche',
  'suchbegriff',
  'searchterm',
  'keyword',
  'keywords',
];

export type UrlShape = 'front' | 'search' | 'service' | 'listing' | 'other';

export function urlShape(url: string): UrlShape {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'other';
  for (const name of SEARCH_PARAMS) {
    if ((parsed.searchParams.get(name) ?? '').trim() !== '') return 'search';
  }
  const segments = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => safeDecode(s).toLowerCase());
  const leaf = (segments.at(-1) ?? '').replace(/\.(?:s?html?|php|aspx?|jsp)$/, '');
  if (segments.length === 0 || (segments.length === 1 && /^(?:index|home|start|startseite)$/.test(leaf))) {
    // A query string can carry the story on old CMSs (?p=2895, ?id=765): only a bare root is a front.
    return parsed.search === '' ? 'front' : 'other';
  }
  if (SERVICE_LEAVES.has(leaf)) return 'service';
  // "…/page/2": a further page of some list.
  if (segments.length >= 2 && /^(?:page|seite)$/.test(segments.at(-2) ?? '') && /^\d+$/.test(leaf))
    return 'listing';
  // "/tag/feuerwehr/", "/autor/max-muster/", "/bildergalerie/": a listing word and at most one
  // name after it. Deeper paths ("/themen/land-und-leute/homo-brandenburgensis") are content.
  const listingAt = segments.findIndex((s) => LISTING_SEGMENTS.has(s));
  if (listingAt >= 0 && listingAt >= segments.length - 2) {
    const rest = segments.slice(listingAt + 1);
    if (!rest.some(looksLikeStorySegment)) return 'listing';
  }
  return 'other';
}

/** A story's own path segment: an id, a date part or a headline slug. */
function looksLikeStorySegment(segment: string): boolean {
  if (/\d{4,}/.test(segment)) return true;
  const words = segment
    .replace(/\.[a-z]+$/, '')
    .split(/[-_+]+/)
    .filter(Boolean);
  return words.length >= 4;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function isArticlePage(doc: Document, url: string): GateDecision {
  const nodes = readJsonLd(doc);
  const articleNode = nodes.find(isArticle);
  if (articleNode) return { article: true, reason: `json-ld ${types(articleNode).join('/')}` };

  const shape = urlShape(url);
  if (shape !== 'other') return { article: false, reason: `url ${shape}` };

  const listingNode = nodes.find((node) => types(node).some((t) => LISTING_PAGE_TYPES.test(t)));
  if (listingNode) return { article: false, reason: `json-ld ${types(listingNode).join('/')}` };

  const continuous = longestContinuousText(doc);
  const ogType = doc
    .querySelector('meta[property="og:type" i]')
    ?.getAttribute('content')
    ?.trim()
    .toLowerCase();
  if (ogType === 'article') {
    if (continuous < MIN_CONTINUOUS_TEXT / 2 && countContentImages(doc) >= 6 && !isProbablyReaderable(doc)) {
      return { article: false, reason: 'pictures without text' };
    }
    return { article: true, reason: 'og:type article' };
  }

  const teasers = countTeasers(doc);
  if (teasers >= MIN_TEASERS && continuous < MIN_CONTINUOUS_TEXT) {
    return { article: false, reason: `teaser list (${teasers} teasers, ${continuous} chars)` };
  }
  if (continuous >= MIN_SHORT_STORY)
    return { article: true, reason: `continuous text (${continuous} chars)` };
  if (isProbablyReaderable(doc)) return { article: true, reason: 'readerable' };
  return { article: false, reason: `no continuous text (${continuous} chars)` };
}

/**
 * Linked headings outside navigation: the teasers of a front, section, tag or search page.
 * A story page has a few (related stories); a listing has many and little text of its own.
 */
export function countTeasers(doc: Document): number {
  let count = 0;
  for (const heading of doc.querySelectorAll('h2, h3, h4')) {
    if (heading.closest('nav, header, footer')) continue;
    if (heading.closest('a[href]') || heading.querySelector('a[href]')) count++;
  }
  return count;
}

const TEXT_BLOCKS = 'p, div, td, section, article, blockquote';
const INNER_BLOCKS =
  'p, div, td, section, article, blockquote, ul, ol, table, h1, h2, h3, h4, h5, h6, figure';

/**
 * The most paragraph text under one parent element. A story keeps its paragraphs together; a
 * front or section page spreads short ones over many teaser boxes. Paragraphs are <p> and any
 * other text block without blocks inside (CMSs that write paragraphs as <div> or <td>);
 * text inside links, navigation and forms does not count.
 */
export function longestContinuousText(doc: Document): number {
  const byParent = new Map<Element, number>();
  for (const block of doc.querySelectorAll(TEXT_BLOCKS)) {
    if (block.localName !== 'p' && block.querySelector(INNER_BLOCKS)) continue;
    if (block.closest('a, nav, footer, aside, form, [hidden]')) continue;
    const length = ownText(block).length;
    if (length < 40 || !block.parentElement) continue;
    byParent.set(block.parentElement, (byParent.get(block.parentElement) ?? 0) + length);
  }
  return Math.max(0, ...byParent.values());
}

/** Text of an element without the text of links in it (a list of links is not prose). */
function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && (node as Element).localName !== 'a') text += ownText(node as Element);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function countContentImages(doc: Document): number {
  return [...doc.querySelectorAll('main img, article img, figure img')].filter(
    (img) => !img.closest('header, nav, footer, aside'),
  ).length;
}
