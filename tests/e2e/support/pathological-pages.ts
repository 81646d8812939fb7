/**
 * Pages no reader should choke on, generated in memory (no big committed files): huge, deep,
 * wide, broken, not HTML at all, or not text at all. Each is a route for the fixture server.
 */
import type { StaticRoute } from '../../../scripts/lib/serve';

export interface PathologicalPage {
  /** Short name, printed with the measured time. */
  name: string;
  path: string;
  route: StaticRoute;
  /** Text the reader must show when it shows a story (checks that bytes were decoded, not mangled). */
  storyContains?: string;
}

const HTML = 'text/html; charset=utf-8';
const SENTENCE =
  'Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Sanierung der alten Schwimmhalle im kommenden Frühjahr zu beginnen. ';

function article(title: string, body: string, head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html><html lang="de"><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

function paragraphs(count: number, sentences = 3): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `<p>${i + 1}. ${SENTENCE.repeat(sentences)}</p>`;
  return out;
}

/** About `bytes` of story text in paragraphs of some 450 characters. */
function tenMegabytes(bytes: number): string {
  const one = `<p>${SENTENCE.repeat(3)}</p>`;
  return article('Zehn Megabyte Text', one.repeat(Math.ceil(bytes / Buffer.byteLength(one))));
}

/** `count` elements in rows of four (div > span + a + b), after a short story. */
function manyNodes(count: number): string {
  let rows = '';
  for (let i = 0; i < count / 4; i++)
    rows += `<div><span>Eintrag ${i}</span> <a href="#e${i}">mehr</a> <b>neu</b></div>`;
  return article('Fünfzigtausend Knoten', paragraphs(6) + rows);
}

/** Nested markup: the HTML parser flattens it past its own depth limit. */
function deepMarkup(depth: number): string {
  return article(
    'Tief verschachtelt',
    `${paragraphs(4)}${'<div>'.repeat(depth)}Ganz unten.${'</div>'.repeat(depth)}`,
  );
}

/** Nesting built by script, which no parser limit flattens. */
function deepScript(depth: number): string {
  return article(
    'Tief verschachtelt per Skript',
    `${paragraphs(4)}<div id="deep"></div><script>
      let node = document.getElementById('deep');
      for (let i = 0; i < ${depth}; i++) node = node.appendChild(document.createElement('div'));
      node.textContent = 'Ganz unten.';
    </script>`,
  );
}

/** Lazy, as galleries are: the page's own load would otherwise be 5,000 requests long. */
function manyImages(count: number): string {
  let figures = '';
  for (let i = 0; i < count; i++)
    figures += `<figure><img src="/pathological/pixel.png?n=${i}" loading="lazy" width="400" height="300" alt="Bild ${i}"><figcaption>Bild ${i} (Foto: Archiv)</figcaption></figure>`;
  return article('Fünftausend Bilder', paragraphs(6) + figures);
}

function bigTable(rows: number): string {
  let body = '';
  for (let i = 0; i < rows; i++)
    body += `<tr><td>${i}</td><td>Ort ${i}</td><td>${(i * 37) % 1000}</td><td>${i % 7}</td></tr>`;
  return article(
    'Zweitausend Tabellenzeilen',
    `${paragraphs(6)}<table><thead><tr><th>Nr</th><th>Ort</th><th>Wert</th><th>Rang</th></tr></thead><tbody>${body}</tbody></table>`,
  );
}

function onlyIframes(count: number): string {
  let frames = '';
  for (let i = 0; i < count; i++)
    frames += `<iframe src="/pathological/frame.html?n=${i}" width="300" height="200"></iframe>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Nur Rahmen</title></head><body>${frames}</body></html>`;
}

/**
 * Tree-construction cases in the style of html5lib's tests (tests1.dat, tests_innerHTML, adoption
 * agency): misnested formatting, unclosed and nested tables, stray end tags, content foster-parented
 * out of tables, a <p> inside a <button>, unclosed comments are left out (they swallow the rest).
 */
function malformed(): string {
  const cases = [
    '<p><b><i>Fett und kursiv</b> nur kursiv</i> normal</p>',
    '<a><p>X<a>Y</a>Z</p></a>',
    '</p><p>Verirrtes Ende-Tag davor.</p></p></p>',
    '<table><tr><td>Zelle<table><tr><td>innen',
    '<b><table><td><i>Tabelle in Fett</table>danach</b>',
    '<table>Text vor der Zeile<tr><td>a</td></tr>mehr Text</table>',
    '<div><table><tr><td><p>Absatz ohne Ende</div>',
    '<ul><li>eins<li>zwei<ul><li>drei</ul></li></ol></ul>',
    '<p>Absatz<h2>Zwischentitel im Absatz</h3>weiter</p>',
    '<select><option>a<p>b</select>',
    '<button><p>Knopf</button>',
    '</html></body><span>nach dem Ende</span>',
    '<em><strong><u>dreifach</em> zwei</strong> eins</u>',
    '<frameset></frameset><p>Frameset nach dem Inhalt wird ignoriert.</p>',
    '<table><caption><table><tr><td>Titel</caption>',
    '<isindex><nobr><nobr>doppelt</nobr></nobr>',
  ];
  // The story text comes first and unbroken, so a story can be found; the broken markup follows.
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kaputtes Markup</title><body><article><h1>Kaputtes Markup</h1>${paragraphs(5)}<p><b>Unklar<i>geschachtelt</b>${SENTENCE}</i>${cases.join('\n')}`;
}

/** windows-1252 bytes; with `declare` the page names its charset in a <meta>. */
function windows1252(declare: boolean): StaticRoute {
  const text =
    'Die Straßenbahn fährt über die Brücke, sagt die Bürgermeisterin. Größere Baustellen gibt es nicht. ';
  const html = article(
    declare ? 'Straßenbahn über die Brücke' : 'Bytes ohne Zeichensatz: Größe',
    paragraphs(2) + `<p>${text.repeat(4)}</p>`.repeat(3),
    declare ? '<meta charset="windows-1252">' : '',
  );
  return { body: Buffer.from(html, 'latin1'), type: 'text/html' };
}

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
  <title>Stadtplan</title><rect width="400" height="200" fill="#eee"/>
  <text x="20" y="100" font-size="24">Rathaus</text>
</svg>`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lokales</title>
${Array.from({ length: 50 }, (_, i) => `<item><title>Meldung ${i}</title><description>${SENTENCE}</description></item>`).join('\n')}
</channel></rss>`;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The smallest valid PDF with one page of text, its cross-reference offsets computed. */
export function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function frameset(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Rahmen</title></head><frameset cols="30%,70%"><frame src="/pathological/frame.html?n=nav"><frame src="/pathological/frame.html?n=main"></frameset></html>`;
}

/** Every page, plus the resources they load. Generated once per test file. */
export function buildPathologicalPages(): { pages: PathologicalPage[]; routes: Record<string, StaticRoute> } {
  const page = (name: string, route: StaticRoute, storyContains?: string): PathologicalPage => ({
    name,
    path: `/pathological/${name}`,
    route,
    storyContains,
  });
  const html = (body: string): StaticRoute => ({ body, type: HTML });
  const pages = [
    page('10mb-text', html(tenMegabytes(10 * 1024 * 1024))),
    page('50000-nodes', html(manyNodes(50_000))),
    page('nesting-5000-markup', html(deepMarkup(5_000))),
    // Deeper script-built trees crash Chromium's renderer on their own, extension or not.
    page('nesting-1500-script', html(deepScript(1_500))),
    page('5000-images', html(manyImages(5_000))),
    page('2000-row-table', html(bigTable(2_000))),
    page('only-iframes', html(onlyIframes(30))),
    page('malformed-markup', html(malformed()), 'Gemeinderat'),
    page('windows-1252-meta', windows1252(true), 'Straßenbahn fährt über die Brücke'),
    page('bytes-no-charset', windows1252(false)),
    page('svg-document', { body: SVG, type: 'image/svg+xml' }),
    page('xml-document', { body: XML, type: 'application/xml' }),
    page('text-plain', { body: `${SENTENCE}\n`.repeat(200), type: 'text/plain; charset=utf-8' }),
    page('image-tab', { body: PNG, type: 'image/png' }),
    page('pdf-tab', { body: minimalPdf('Hallo Musterstadt'), type: 'application/pdf' }),
    page('frameset', html(frameset())),
    page('empty', { body: '', type: HTML }),
  ];
  const routes: Record<string, StaticRoute> = {
    '/pathological/pixel.png': { body: PNG, type: 'image/png' },
    '/pathological/frame.html': html(article('Ein Rahmen', paragraphs(3))),
  };
  for (const p of pages) routes[p.path] = p.route;
  return { pages, routes };
}
