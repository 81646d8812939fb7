/**
 * The local page server behind the tests, `npm start`, snapshot and bench: sample pages from
 * tests/fixtures, saved real pages from the shared corpus, and a beacon route that records what a
 * page manages to request. Bound to 127.0.0.1 on a free port; no dependency beyond node:http.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesRoot = path.join(repoRoot, 'tests', 'fixtures');

/** Blocks every page script: saved real pages must not run their trackers or loaders here. */
export const NO_SCRIPTS_CSP = "script-src 'none'";

export function corpusRoot(): string {
  return process.env.KLARTEXT_CORPUS
    ? path.resolve(process.env.KLARTEXT_CORPUS)
    : path.resolve(repoRoot, '..', 'shared', 'corpus');
}

/** A canned response, for pages a test writes inline. */
export interface StaticRoute {
  body: string | Buffer;
  /** Content-Type; defaults to `text/html; charset=utf-8`. */
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface ServerOptions {
  /** Directory served at `/`; defaults to tests/fixtures. */
  root?: string;
  /** Defaults to 0: a free port chosen by the system. */
  port?: number;
  host?: string;
  /**
   * Content-Security-Policy for files under `root`: `true` for NO_SCRIPTS_CSP, or a whole policy.
   * Off by default, since the sample pages' own scripts (lazy loaders, cookie layers) are part of
   * what they imitate.
   */
  csp?: boolean | string;
  /** Corpus directory served at `/corpus/`; defaults to corpusRoot(). */
  corpus?: string;
  /** Policy for `/corpus/…` pages; defaults to NO_SCRIPTS_CSP (`false` turns it off). */
  corpusCsp?: boolean | string;
  /** Exact paths answered before anything else, e.g. `{ '/evil.html': { body: '<script>…' } }`. */
  extraRoutes?: Record<string, RouteHandler | StaticRoute>;
}

export interface RunningServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Request paths (with query) that reached `/hit/…`, in arrival order. */
  hits: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.md': 'text/plain',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const TEXT_TYPES = new Set([
  'text/html',
  'text/css',
  'text/javascript',
  'application/json',
  'text/plain',
  'image/svg+xml',
]);

/**
 * Corpus sets keep their pages in a subfolder, and regional-dev has none of its own: its
 * expect.json names news-dev pages.
 */
const CORPUS_PAGE_DIRS: Record<string, string[]> = {
  'news-dev': ['news-dev/pages'],
  'regional-dev': ['news-dev/pages'],
  'article-benchmark': ['article-benchmark/html'],
};

function contentTypeOf(fileName: string, fromGzip: boolean): string {
  const type = CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
  // A .gz file holds the bytes as the site served them, in whatever charset the page declares:
  // naming one here would override the page's own <meta charset>, which a real server did not do.
  return TEXT_TYPES.has(type) && !fromGzip ? `${type}; charset=utf-8` : type;
}

function policy(setting: boolean | string | undefined, fallback: boolean): string | null {
  const value = setting ?? fallback;
  if (value === false) return null;
  return value === true ? NO_SCRIPTS_CSP : value;
}

/** Resolves a URL path below `base`, or null when it would leave it (`..`, encoded slashes, NUL). */
function resolveInside(base: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  return resolved === base || resolved.startsWith(base + path.sep) ? resolved : null;
}

async function realFileInside(base: string, candidate: string): Promise<string | null> {
  try {
    const [realBase, real] = await Promise.all([fs.realpath(base), fs.realpath(candidate)]);
    // A symlink inside the tree must not lead outside it.
    if (!real.startsWith(realBase + path.sep)) return null;
    return (await fs.stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

interface FoundFile {
  file: string;
  /** The name the content type is taken from (the file name without `.gz`). */
  servedAs: string;
  gzip: boolean;
}

/** `page.html` may be stored as `page.html.gz`; asking for the `.gz` name serves it unpacked too. */
async function findFile(base: string, urlPath: string): Promise<FoundFile | null> {
  const target = resolveInside(base, urlPath);
  if (!target) return null;
  const candidates: FoundFile[] = target.endsWith('.gz')
    ? [{ file: target, servedAs: target.slice(0, -3), gzip: true }]
    : [
        { file: target, servedAs: target, gzip: false },
        { file: `${target}.gz`, servedAs: target, gzip: true },
      ];
  for (const candidate of candidates) {
    const real = await realFileInside(base, candidate.file);
    if (real) return { ...candidate, file: real };
  }
  return null;
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: FoundFile,
  csp: string | null,
): Promise<void> {
  const type = contentTypeOf(found.servedAs, found.gzip);
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (csp && type.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
  if (found.gzip) {
    const body = gunzipSync(await fs.readFile(found.file));
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const { size } = await fs.stat(found.file);
  res.writeHead(200, { ...headers, 'Content-Length': String(size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(found.file);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendStatic(req: IncomingMessage, res: ServerResponse, route: StaticRoute): void {
  const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : route.body;
  res.writeHead(route.status ?? 200, {
    'Content-Type': route.type ?? 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...route.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function listPages(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.html?(\.gz)?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function sendIndex(res: ServerResponse, root: string): Promise<void> {
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const items = (await listPages(root))
    .map((p) => `<li><a href="/${escapeHtml(p.replace(/\.gz$/, ''))}">${escapeHtml(p)}</a></li>`)
    .join('\n');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(
    `<!DOCTYPE html><meta charset="utf-8"><title>Klartext sample pages</title>\n<h1>Sample pages</h1>\n<ul>\n${items}\n</ul>\n`,
  );
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const root = path.resolve(opts.root ?? fixturesRoot);
  const host = opts.host ?? '127.0.0.1';
  const fixtureCsp = policy(opts.csp, false);
  const corpusCsp = policy(opts.corpusCsp, true);
  const hits: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = opts.extraRoutes?.[url.pathname];
    if (route) {
      if (typeof route === 'function') await route(req, res, url);
      else sendStatic(req, res, route);
      return;
    }
    if (url.pathname.startsWith('/hit/')) {
      hits.push(url.pathname + url.search);
      req.resume();
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'method not allowed');
      return;
    }
    if (url.pathname === '/') {
      await sendIndex(res, root);
      return;
    }
    const corpus = /^\/corpus\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (corpus) {
      const [, set = '', file = ''] = corpus;
      const base = path.resolve(opts.corpus ?? corpusRoot());
      for (const dir of [...(CORPUS_PAGE_DIRS[set] ?? []), set]) {
        const dirPath = resolveInside(base, dir);
        const found = dirPath && (await findFile(dirPath, file));
        if (found) {
          await sendFile(req, res, found, corpusCsp);
          return;
        }
      }
      sendText(res, 404, 'not found');
      return;
    }
    const found = await findFile(root, url.pathname);
    if (found) await sendFile(req, res, found, fixtureCsp);
    else sendText(res, 404, 'not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
