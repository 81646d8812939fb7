/**
 * Structured data as a witness: the page's JSON-LD says how long the story is and which
 * pictures it has; when the DOM result disagrees, we say so (and recover gallery pictures).
 */
import { collapse } from './dom';
import { absoluteImageUrl, photoKey, splitCaption } from './gallery';
import { hasType, isObject, type JsonObject, list, str } from './jsonld';
import type { PageMetadata } from './metadata';
import type { Photo } from './story';

export function checkBodyLength(meta: PageMetadata, text: string, notes: string[]): void {
  const body = meta.article ? collapse(str(meta.article.articleBody)) : '';
  if (body.length < 200) return;
  const ratio = text.length / body.length;
  if (ratio < 0.6)
    notes.push(
      `DOM story has ${text.length} characters, JSON-LD articleBody ${body.length}: content may be lost`,
    );
  else if (ratio > 2.5)
    notes.push(
      `DOM story has ${text.length} characters, JSON-LD articleBody only ${body.length}: clutter may be left`,
    );
}

function imageObjects(value: unknown): JsonObject[] {
  return list(value)
    .map((v) => (typeof v === 'string' ? { url: v } : v))
    .filter(isObject);
}

/** Gallery pictures the page lists in JSON-LD (ImageGallery, associatedMedia) but the DOM result lacks. */
export function recoverGalleryPhotos(
  meta: PageMetadata,
  photos: Photo[],
  pageUrl: string,
  notes: string[],
): Photo[] {
  const galleries = meta.jsonLd.filter((n) => hasType(n, /^ImageGallery$/));
  const listed: JsonObject[] = [];
  for (const g of galleries) listed.push(...imageObjects(g.image ?? g.associatedMedia ?? g.hasPart));
  if (meta.article)
    listed.push(...imageObjects(meta.article.associatedMedia).filter((o) => hasType(o, /^ImageObject$/)));
  const have = new Set(photos.map((p) => photoKey(p.src)));
  const recovered: Photo[] = [];
  for (const obj of listed) {
    const src = absoluteImageUrl(str(obj.contentUrl) || str(obj.url), pageUrl);
    if (!src || have.has(photoKey(src))) continue;
    have.add(photoKey(src));
    const split = splitCaption(str(obj.caption) || str(obj.description));
    recovered.push({
      src,
      alt: str(obj.name),
      caption: split.caption,
      credit: str(obj.creditText) || str(obj.copyrightHolder) || split.credit,
    });
  }
  if (recovered.length)
    notes.push(
      `${recovered.length} gallery picture(s) listed in JSON-LD were missing from the DOM and recovered`,
    );
  const articleImages = meta.article ? imageObjects(meta.article.image) : [];
  const missing = articleImages.filter((o) => {
    const src = str(o.url) || str(o.contentUrl);
    return src && !have.has(photoKey(src));
  });
  if (missing.length && photos.length)
    notes.push(`${missing.length} JSON-LD image(s) not among the story pictures (often a social-card crop)`);
  return [...photos, ...recovered];
}
