/**
 * Small, named DOM transforms a site rule can ask for by name (`SiteRule.transforms`), applied to
 * the working copy after cleaning. Site rules stay data: a rule names a transform, the engine owns
 * the code, and a name the engine does not know is reported, never silently ignored.
 */
type Transform = (doc: Document) => void;

const PICTURE_COUNTER = /^\s*\d+\s*(?:Bilder|Fotos|Photos|Pictures|Images)\s*$/i;

export const TRANSFORMS: Readonly<Record<string, Transform>> = {
  /** Elements the page itself never renders (`hidden`): thumbnail strips repeating captions, templates. */
  'remove-hidden'(doc) {
    for (const el of doc.querySelectorAll('[hidden]')) el.remove();
  },
  /** Gallery counters ("2 Bilder") that would otherwise read as a line of the story. */
  'remove-picture-counters'(doc) {
    for (const el of doc.querySelectorAll('span, div, p, small')) {
      if (el.children.length === 0 && PICTURE_COUNTER.test(el.textContent ?? '')) el.remove();
    }
  },
};

/** Applies the named transforms in order; returns the names the engine does not know. */
export function applyTransforms(doc: Document, names: readonly string[]): string[] {
  const unknown: string[] = [];
  for (const name of names) {
    const transform = Object.hasOwn(TRANSFORMS, name) ? TRANSFORMS[name] : undefined;
    if (transform) transform(doc);
    else unknown.push(name);
  }
  return unknown;
}
