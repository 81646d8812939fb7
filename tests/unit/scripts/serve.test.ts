import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SCRIPTS_CSP, type RunningServer, startServer } from '../../../scripts/lib/serve';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw request: fetch() would normalise `..` and percent-escapes away before they reach the server. */
function get(server: RunningServer, rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// Latin-1 bytes as an old regional site would serve them: "Straße" with ß as the single byte 0xDF.
const LATIN1_PAGE = Buffer.concat([
  Buffer.from('<!DOCTYPE html><meta charset="iso-8859-1"><title>Stra', 'latin1'),
  Buffer.from([0xdf]),
  Buffer.from('e</title><p>Text</p>', 'latin1'),
]);

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'klartext-serve-'));
  const root = path.join(tmp, 'root');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'sub', 'plain.html'), '<!DOCTYPE html><title>Plain</title>');
  writeFileSync(path.join(root, 'sub', 'saved.html.gz'), gzipSync(LATIN1_PAGE));
  writeFileSync(path.join(tmp, 'secret.txt'), 'outside the root');
  symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'sub', 'link.txt'));
  const corpus = path.join(tmp, 'corpus');
  mkdirSync(path.join(corpus, 'news-dev', 'pages'), { recursive: true });
  mkdirSync(path.join(corpus, 'article-benchmark', 'html'), { recursive: true });
  writeFileSync(path.join(corpus, 'news-dev', 'pages', 'regional.html.gz'), gzipSync(LATIN1_PAGE));
  writeFileSync(
    path.join(corpus, 'article-benchmark', 'html', 'abc.html.gz'),
    gzipSync('<title>Bench</title>'),
  );
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('startServer with the default root', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 on a port of its own choosing', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('serves the reconstructed seed page as UTF-8 HTML without a CSP', async () => {
    const reply = await fetch(`${server.url}/seed-wochenblatt/page.html`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('content-security-policy')).toBeNull();
    expect(await reply.text()).toContain(
      '<h1 class="article-header__title" itemprop="headline">Mit Vollgas auf die Seidenstraße</h1>',
    );
  });

  it('serves every picture, style sheet and script the sample pages refer to', async () => {
    const index = await (await fetch(`${server.url}/`)).text();
    const pages = [...index.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(pages).toEqual(expect.arrayContaining(['/seed-wochenblatt/page.html', '/pages/article-en.html']));
    const assets = new Set<string>();
    for (const page of pages) {
      const html = await (await fetch(`${server.url}${page}`)).text();
      for (const [url] of html.matchAll(/\/(?:seed-wochenblatt|pages)\/[^\s"',]+\.(?:jpg|svg|css|js)\b/g))
        assets.add(url);
    }
    expect(assets.size).toBeGreaterThanOrEqual(20);
    for (const url of assets) {
      const reply = await get(server, url);
      expect(reply.status, url).toBe(200);
      if (url.endsWith('.jpg')) {
        expect(reply.headers['content-type'], url).toBe('image/jpeg');
        expect(reply.body.subarray(0, 3).toString('hex'), url).toBe('ffd8ff');
      }
    }
  });

  it('lists the sample pages at /', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('href="/seed-wochenblatt/page.html"');
  });

  it('answers 404 for unknown paths and directories', async () => {
    expect((await get(server, '/nope.html')).status).toBe(404);
    expect((await get(server, '/seed-wochenblatt')).status).toBe(404);
    expect((await get(server, '/seed-wochenblatt/')).status).toBe(404);
  });

  it('records /hit/ beacons of any method and answers 204', async () => {
    expect((await get(server, '/hit/img-onerror?n=1')).status).toBe(204);
    expect((await get(server, '/hit/beacon', 'POST')).status).toBe(204);
    expect(server.hits).toEqual(['/hit/img-onerror?n=1', '/hit/beacon']);
  });
});

describe('startServer on a given root', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root: path.join(tmp, 'root'), corpus: path.join(tmp, 'corpus') });
  });
  afterAll(() => server.close());

  it('serves a .gz page unpacked, byte for byte, with no charset so the page’s own meta rules', async () => {
    for (const name of ['/sub/saved.html', '/sub/saved.html.gz']) {
      const reply = await get(server, name);
      expect(reply.status, name).toBe(200);
      expect(reply.headers['content-type'], name).toBe('text/html');
      expect(reply.body.equals(LATIN1_PAGE), name).toBe(true);
    }
  });

  it('answers HEAD with headers only', async () => {
    const reply = await get(server, '/sub/plain.html', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String('<!DOCTYPE html><title>Plain</title>'.length));
    expect(reply.body.length).toBe(0);
  });

  it('never serves anything outside the root', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/sub/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/sub/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/sub/..%5c..%5csecret.txt',
      '/sub/plain.html%00.txt',
      '/sub/link.txt',
      '/%E0%A4%A',
    ]) {
      const reply = await get(server, attempt);
      expect(reply.status, attempt).toBe(404);
      expect(reply.body.toString(), attempt).not.toContain('outside the root');
    }
  });

  it('serves corpus pages unpacked, with scripts blocked by CSP', async () => {
    const reply = await get(server, '/corpus/news-dev/regional.html');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html');
    expect(reply.headers['content-security-policy']).toBe(NO_SCRIPTS_CSP);
    expect(reply.body.equals(LATIN1_PAGE)).toBe(true);
  });

  it('finds regional-dev pages among news-dev pages and benchmark pages in html/', async () => {
    expect((await get(server, '/corpus/regional-dev/regional.html')).status).toBe(200);
    expect((await get(server, '/corpus/article-benchmark/abc.html')).body.toString()).toBe(
      '<title>Bench</title>',
    );
  });

  it('keeps corpus requests inside the corpus', async () => {
    expect((await get(server, '/corpus/news-dev/..%2f..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await get(server, '/corpus/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get(server, '/corpus/news-dev/missing.html')).status).toBe(404);
  });

  it('does not send a CSP for fixture pages by default', async () => {
    expect((await get(server, '/sub/plain.html')).headers['content-security-policy']).toBeUndefined();
  });
});

describe('startServer options', () => {
  it('adds the no-scripts CSP to fixture pages when asked, or a policy given in full', async () => {
    const root = path.join(tmp, 'root');
    const strict = await startServer({ root, csp: true });
    const custom = await startServer({ root, csp: "default-src 'self'" });
    try {
      expect((await get(strict, '/sub/plain.html')).headers['content-security-policy']).toBe(NO_SCRIPTS_CSP);
      expect((await get(custom, '/sub/plain.html')).headers['content-security-policy']).toBe(
        "default-src 'self'",
      );
    } finally {
      await Promise.all([strict.close(), custom.close()]);
    }
  });

  it('lets corpus pages run scripts when corpusCsp is false', async () => {
    const server = await startServer({ corpus: path.join(tmp, 'corpus'), corpusCsp: false });
    try {
      expect(
        (await get(server, '/corpus/news-dev/regional.html')).headers['content-security-policy'],
      ).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('answers extra routes first, canned or by handler', async () => {
    const server = await startServer({
      extraRoutes: {
        '/evil.html': { body: '<img src=x onerror="fetch(\'/hit/x\')">', headers: { 'X-Test': '1' } },
        '/seed-wochenblatt/page.html': (_req, res, url) => {
          res.writeHead(418, { 'Content-Type': 'text/plain' });
          res.end(url.searchParams.get('q') ?? '');
        },
      },
    });
    try {
      const evil = await get(server, '/evil.html');
      expect(evil.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(evil.headers['x-test']).toBe('1');
      expect(evil.body.toString()).toContain('onerror');
      const shadowed = await get(server, '/seed-wochenblatt/page.html?q=tea');
      expect(shadowed.status).toBe(418);
      expect(shadowed.body.toString()).toBe('tea');
    } finally {
      await server.close();
    }
  });

  it('closes even with a connection kept alive', async () => {
    const server = await startServer();
    await fetch(`${server.url}/nope`, { keepalive: true });
    await server.close();
    await expect(fetch(`${server.url}/nope`)).rejects.toThrow();
  });
});
