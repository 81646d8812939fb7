/**
 * Article pages that carry XSS vectors in every position where a reader view could turn the
 * page's inert data into live HTML (the security README's list). Single-field positions (title,
 * byline, JSON-LD headline …) hold one vector per page, since the reader shows only one of each;
 * repeated positions (captions, lazy images, raw body …) hold a batch of vectors per page.
 */
import { instrumentPayload, type Vector, wrecksPage } from './vectors';

export type PositionKind = 'single' | 'multi';

export interface Position {
  name: string;
  kind: PositionKind;
  /** Raw HTML in the page source: the page itself may run it, and page-wreckers stay out. */
  raw: boolean;
}

export const POSITIONS: readonly Position[] = [
  { name: 'title', kind: 'single', raw: false },
  { name: 'h1', kind: 'single', raw: false },
  { name: 'byline', kind: 'single', raw: false },
  { name: 'author-href', kind: 'single', raw: false },
  { name: 'jsonld-headline', kind: 'single', raw: false },
  { name: 'jsonld-description', kind: 'single', raw: false },
  { name: 'jsonld-author', kind: 'single', raw: false },
  { name: 'jsonld-caption', kind: 'multi', raw: false },
  { name: 'caption', kind: 'multi', raw: false },
  { name: 'alt', kind: 'multi', raw: false },
  { name: 'paragraph', kind: 'multi', raw: false },
  { name: 'data-src', kind: 'multi', raw: false },
  { name: 'data-srcset', kind: 'multi', raw: false },
  { name: 'data-original', kind: 'multi', raw: false },
  { name: 'data-lazy-src', kind: 'multi', raw: false },
  { name: 'noscript', kind: 'multi', raw: true },
  { name: 'template', kind: 'multi', raw: true },
  { name: 'comment', kind: 'multi', raw: true },
  { name: 'body-raw', kind: 'multi', raw: true },
];

/** What one beacon key stands for. */
export interface Placement {
  page: string;
  vector: string;
  position: string;
}

export interface VectorPage {
  /** Path on the test server, `/xss/<id>.html`. */
  path: string;
  id: string;
  html: string;
  /** The placements on this page (vector × position pairs tried). */
  placements: Placement[];
}

export interface VectorPageSet {
  pages: VectorPage[];
  /** Beacon key (the last path segment of `/hit/x/<key>`) → placement. */
  keys: Map<string, Placement>;
  /** Vector × raw position pairs left out because the payload navigates or rewrites the page. */
  excluded: Placement[];
}

export interface BuildOptions {
  /** Server origin the beacons point at, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Vectors per page for repeated positions. */
  batchSize?: number;
  /** Only these positions (default: all). */
  positions?: readonly string[];
  /** Single-field pages for only the first N vectors (a quicker sample; default: all). */
  singleLimit?: number;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** JSON inside <script>: `</script` and `<!--` must not appear literally. */
const jsonForScript = (value: unknown) =>
  JSON.stringify(value, null, 1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * Brings the parser back to the article after a raw payload that left it inside a comment, an
 * attribute, a raw-text element or foreign content.
 */
const RAW_CLOSERS =
  '<!-- "\' --></textarea></title></style></xmp></noembed></noframes></iframe></select></option></svg></math></a></template></table></form></object>';

const PARAGRAPHS = [
  'Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Sanierung der Grundschule im kommenden Frühjahr zu beginnen. Die Kosten liegen nach ersten Schätzungen bei rund 2,4 Millionen Euro.',
  'Bürgermeisterin Anna Berger sprach von einem guten Tag für die Familien im Ort. Der Förderverein hatte seit drei Jahren auf die Arbeiten gedrängt, weil es im Winter durch mehrere Fenster regnete.',
  'Während der Bauzeit sollen die Klassen in Containern auf dem Sportplatz unterrichtet werden. Der Schulbus hält dafür an einer neuen Haltestelle in der Lindenstraße, wie die Verwaltung mitteilte.',
  'Kritik kam von der Opposition, die den Zeitplan für zu knapp hält. Man werde die Arbeiten genau begleiten und bei Verzögerungen nachfragen, sagte Fraktionschef Martin Schuster im Anschluss an die Sitzung.',
];

const PLACEHOLDER_GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

/** The page's own guard: alert & friends that a payload reaches without naming them report too. */
function dialogTrap(origin: string, page: string): string {
  const base = `${origin}/hit/g/${page}/`;
  return (
    `<script>(function(){var b=function(n){return function(){try{fetch(${JSON.stringify(base)}+n)}catch(e){}}};` +
    `window.alert=b('alert');window.prompt=b('prompt');window.confirm=b('confirm');window.print=b('print');})();</script>`
  );
}

function articlePage(opts: {
  origin: string;
  id: string;
  title: string;
  h1: string;
  bylineName: string;
  authorHref: string;
  jsonld: unknown;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${opts.title}</title>
${dialogTrap(opts.origin, opts.id)}
<script type="application/ld+json">${jsonForScript(opts.jsonld)}</script>
</head>
<body>
<header class="site-header"><a href="/">Lokalanzeiger</a></header>
<main>
<article class="article">
<h1 class="article-title">${opts.h1}</h1>
<p class="byline">Von <a class="author" rel="author" href="${opts.authorHref}">${opts.bylineName}</a>, Lokalanzeiger Talheim</p>
<time datetime="2024-05-14T18:30:00+02:00">14. Mai 2024</time>
<div class="article-body">
${opts.body}
</div>
</article>
</main>
<footer>Impressum</footer>
</body>
</html>
`;
}

function plainJsonld(origin: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Grundschule wird im Frühjahr saniert',
    description: 'Der Gemeinderat gibt grünes Licht für die Sanierung.',
    datePublished: '2024-05-14T18:30:00+02:00',
    author: { '@type': 'Person', name: 'Klara Hoffmann', url: `${origin}/autoren/klara-hoffmann` },
    image: { '@type': 'ImageObject', url: `${origin}/img/p.gif?lead`, caption: 'Die Grundschule am Markt.' },
    ...extra,
  };
}

function paragraphsHtml(): string {
  return PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
}

/** One page per vector: the vector in every single-field position at once. */
function singlePage(
  origin: string,
  vector: Vector,
  index: number,
  wanted: Set<string>,
  keyOf: KeyMaker,
): VectorPage {
  const id = `s${index}`;
  const slot = (position: string): string | null => {
    if (!wanted.has(position)) return null;
    return keyOf({ page: id, vector: vector.id, position }).payload;
  };
  const placements: Placement[] = [];
  const use = (position: string, fallback: string, encode: (s: string) => string) => {
    const payload = slot(position);
    if (payload === null) return encode(fallback);
    placements.push({ page: id, vector: vector.id, position });
    return encode(payload);
  };
  const useJson = (position: string, fallback: string) => {
    const payload = slot(position);
    if (payload === null) return fallback;
    placements.push({ page: id, vector: vector.id, position });
    return payload;
  };
  const title = use('title', 'Grundschule wird im Frühjahr saniert | Lokalanzeiger', escapeText);
  const h1 = use('h1', 'Grundschule wird im Frühjahr saniert', escapeText);
  const bylineName = use('byline', 'Klara Hoffmann', escapeText);
  const authorHref = use('author-href', `${origin}/autoren/klara-hoffmann`, escapeAttr);
  const jsonld = plainJsonld(origin, {
    headline: useJson('jsonld-headline', 'Grundschule wird im Frühjahr saniert'),
    description: useJson('jsonld-description', 'Der Gemeinderat gibt grünes Licht für die Sanierung.'),
    author: {
      '@type': 'Person',
      name: useJson('jsonld-author', 'Klara Hoffmann'),
      url: `${origin}/autoren/klara-hoffmann`,
    },
  });
  const body = `${paragraphsHtml()}
<figure><img src="${origin}/img/p.gif?${id}" width="800" height="600" alt="Die Grundschule am Markt"><figcaption>Die Grundschule am Markt. Foto: Klara Hoffmann</figcaption></figure>`;
  return {
    path: `/xss/${id}.html`,
    id,
    placements,
    html: articlePage({ origin, id, title, h1, bylineName, authorHref, jsonld, body }),
  };
}

/** One page per batch of vectors in one repeated position. */
function batchPage(
  origin: string,
  position: Position,
  batch: Vector[],
  index: number,
  keyOf: KeyMaker,
): { page: VectorPage; excluded: Placement[] } {
  const id = `m-${position.name}-${index}`;
  const placements: Placement[] = [];
  const excluded: Placement[] = [];
  const items: string[] = [];
  const jsonImages: unknown[] = [];
  batch.forEach((vector, n) => {
    const placement = { page: id, vector: vector.id, position: position.name };
    if (position.raw && wrecksPage(vector.payload)) {
      excluded.push(placement);
      return;
    }
    placements.push(placement);
    const { payload } = keyOf(placement);
    const img = `${origin}/img/p.gif?${id}-${n}`;
    const text = PARAGRAPHS[n % PARAGRAPHS.length];
    switch (position.name) {
      case 'jsonld-caption':
        jsonImages.push({ '@type': 'ImageObject', url: img, caption: payload });
        items.push(`<figure><img src="${img}" width="800" height="600" alt="Bild ${n}"></figure>`);
        break;
      case 'caption':
        items.push(
          `<figure><img src="${img}" width="800" height="600" alt="Bild ${n}"><figcaption>${escapeText(payload)}</figcaption></figure>`,
        );
        break;
      case 'alt':
        items.push(
          `<figure><img src="${img}" width="800" height="600" alt="${escapeAttr(payload)}"><figcaption>Bild ${n}</figcaption></figure>`,
        );
        break;
      case 'paragraph':
        items.push(`<p>${escapeText(payload)} ${text}</p>`);
        break;
      case 'data-src':
      case 'data-original':
      case 'data-lazy-src':
        items.push(
          `<figure><img class="lazy" src="${PLACEHOLDER_GIF}" ${position.name}="${escapeAttr(payload)}" width="800" height="600" alt="Bild ${n}"><figcaption>Bild ${n}</figcaption></figure>`,
        );
        break;
      case 'data-srcset':
        items.push(
          `<figure><img class="lazy" src="${PLACEHOLDER_GIF}" data-srcset="${escapeAttr(payload)}" width="800" height="600" alt="Bild ${n}"><figcaption>Bild ${n}</figcaption></figure>`,
        );
        break;
      case 'noscript':
        items.push(
          `<figure><img class="lazy" src="${PLACEHOLDER_GIF}" data-src="${img}" width="800" height="600" alt="Bild ${n}"><noscript>${payload}</noscript><figcaption>Bild ${n}</figcaption></figure>`,
        );
        break;
      case 'template':
        items.push(`<p>${text}</p><template>${payload}${RAW_CLOSERS}</template>`);
        break;
      case 'comment':
        items.push(`<p>${text}</p><!-- ${payload} -->${RAW_CLOSERS}`);
        break;
      case 'body-raw':
        items.push(`<p>${text}</p>${payload}${RAW_CLOSERS}`);
        break;
      default:
        throw new Error(`no template for position ${position.name}`);
    }
  });
  const jsonld = plainJsonld(origin, jsonImages.length ? { image: jsonImages } : {});
  const body = `${paragraphsHtml()}\n${items.join('\n')}\n<p>Die Arbeiten sollen bis zum Schuljahresbeginn abgeschlossen sein.</p>`;
  const html = articlePage({
    origin,
    id,
    title: 'Grundschule wird im Frühjahr saniert | Lokalanzeiger',
    h1: 'Grundschule wird im Frühjahr saniert',
    bylineName: 'Klara Hoffmann',
    authorHref: `${origin}/autoren/klara-hoffmann`,
    jsonld,
    body,
  });
  return { page: { path: `/xss/${id}.html`, id, html, placements }, excluded };
}

type KeyMaker = (placement: Placement) => { key: string; payload: string };

export function buildVectorPages(vectors: readonly Vector[], options: BuildOptions): VectorPageSet {
  const { origin } = options;
  const batchSize = options.batchSize ?? 50;
  const wanted = new Set(options.positions ?? POSITIONS.map((p) => p.name));
  const keys = new Map<string, Placement>();
  const byId = new Map(vectors.map((v) => [v.id, v]));
  const keyOf: KeyMaker = (placement) => {
    const key = `k${keys.size}`;
    keys.set(key, placement);
    const vector = byId.get(placement.vector);
    if (!vector) throw new Error(`unknown vector ${placement.vector}`);
    return {
      key,
      payload: instrumentPayload(vector.payload, `${origin}/hit/x/${key}`, `${origin}/hit/ext/${key}`),
    };
  };

  const pages: VectorPage[] = [];
  const excluded: Placement[] = [];
  if (POSITIONS.some((p) => p.kind === 'single' && wanted.has(p.name))) {
    for (const [i, vector] of vectors.slice(0, options.singleLimit ?? vectors.length).entries()) {
      pages.push(singlePage(origin, vector, i, wanted, keyOf));
    }
  }
  for (const position of POSITIONS) {
    if (position.kind !== 'multi' || !wanted.has(position.name)) continue;
    for (let i = 0; i * batchSize < vectors.length; i++) {
      const built = batchPage(origin, position, vectors.slice(i * batchSize, (i + 1) * batchSize), i, keyOf);
      pages.push(built.page);
      excluded.push(...built.excluded);
    }
  }
  return { pages, keys, excluded };
}

/** The same article without any vector: what the reader's own DOM looks like (its stylesheet). */
export function cleanPage(origin: string): VectorPage {
  const html = articlePage({
    origin,
    id: 'clean',
    title: 'Grundschule wird im Frühjahr saniert | Lokalanzeiger',
    h1: 'Grundschule wird im Frühjahr saniert',
    bylineName: 'Klara Hoffmann',
    authorHref: `${origin}/autoren/klara-hoffmann`,
    jsonld: plainJsonld(origin),
    body: `${paragraphsHtml()}\n<figure><img src="${origin}/img/p.gif?clean" width="800" height="600" alt="Die Grundschule"><figcaption>Die Grundschule am Markt.</figcaption></figure>`,
  });
  return { path: '/xss/clean.html', id: 'clean', html, placements: [] };
}
