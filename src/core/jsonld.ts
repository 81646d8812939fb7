/**
 * JSON-LD from a hostile page: tolerant parsing, flattening of @graph/arrays, and typed
 * accessors that never trust a field to have the shape schema.org promises.
 */

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting)$/;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function types(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

export function hasType(node: JsonObject, pattern: RegExp): boolean {
  return types(node).some((t) => pattern.test(t));
}

export function isArticle(node: JsonObject): boolean {
  return hasType(node, ARTICLE_TYPES);
}

/** A string field, or the first string of an array field; never an object's toString. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = str(v);
      if (s) return s;
    }
  }
  if (isObject(value)) return str(value['@value'] ?? value.name ?? '');
  return '';
}

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function parseLenient(raw: string): unknown {
  const text = raw
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Common breakage: raw newlines/tabs inside strings, trailing commas, a stray semicolon.
    const repaired = text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters break JSON
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/;\s*$/, '');
    try {
      return JSON.parse(repaired);
    } catch {
      return null;
    }
  }
}

/** All JSON-LD nodes of the document, flattened (arrays, @graph, nested mainEntity). */
export function readJsonLd(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const scripts = doc.querySelectorAll(
    'script[type="application/ld+json" i], script[type="application/ld+json"]',
  );
  const seen = new Set<Element>();
  for (const script of Array.from(scripts)) {
    if (seen.has(script)) continue;
    seen.add(script);
    const data = parseLenient(script.textContent ?? '');
    collect(data, nodes, 0);
  }
  return nodes;
}

function collect(data: unknown, out: JsonObject[], depth: number): void {
  if (depth > 6 || out.length > 500) return;
  if (Array.isArray(data)) {
    for (const item of data) collect(item, out, depth + 1);
    return;
  }
  if (!isObject(data)) return;
  out.push(data);
  if (data['@graph']) collect(data['@graph'], out, depth + 1);
  if (isObject(data.mainEntity) && isArticle(data.mainEntity)) collect(data.mainEntity, out, depth + 1);
}

/** The article node: the article type with the longest body, else the first one. */
export function findArticle(nodes: JsonObject[]): JsonObject | null {
  let best: JsonObject | null = null;
  for (const node of nodes) {
    if (!isArticle(node)) continue;
    if (!best || str(node.articleBody).length > str(best.articleBody).length) best = node;
  }
  return best;
}

/** Resolves {"@id": …} references against the flattened node list. */
export function resolveRef(value: unknown, nodes: JsonObject[]): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return nodes.find((n) => n !== value && n['@id'] === value['@id'] && Object.keys(n).length > 1) ?? value;
  }
  return value;
}
