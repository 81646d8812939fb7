/** Plain text of a story body and the reading time derived from it. */
import { BLOCK_TAGS, collapse, isElement, TEXT_NODE, tagName } from './dom';

/** Block elements, plus what also breaks a line of text: a <br>, a caption, a picture. */
const BLOCK = new Set([
  ...BLOCK_TAGS,
  'br',
  'caption',
  'details',
  'figcaption',
  'main',
  'picture',
  'summary',
]);

/** Text with a line break between blocks, so words of adjacent paragraphs never run together. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const stack: { node: Node; exit?: boolean }[] = [{ node: root }];
  while (stack.length) {
    const { node, exit } = stack.pop() as { node: Node; exit?: boolean };
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    const block = isElement(node) && BLOCK.has(tagName(node));
    if (exit) {
      if (block) parts.push('\n');
      continue;
    }
    if (block) parts.push('\n');
    stack.push({ node, exit: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as Node });
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => collapse(line))
    .filter(Boolean)
    .join('\n');
}

/**
 * Words as /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu counts them, by a scan: V8 compiles such a
 * Unicode-property pattern anew after garbage collections (milliseconds each time, paid on every
 * opening), while the scan needs a property test only for non-ASCII characters, cached.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCode(code)) {
      if (!inWord) words++;
      inWord = true;
    } else if (
      !(
        inWord &&
        isJoiner(code) &&
        i + width < text.length &&
        isWordCode(text.codePointAt(i + width) as number)
      )
    ) {
      inWord = false;
    }
    i += width;
  }
  return words;
}

const isJoiner = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2d;

let letterOrDigit: RegExp | null = null;
const nonAsciiWordCodes = new Map<number, boolean>();

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  let known = nonAsciiWordCodes.get(code);
  if (known === undefined) {
    letterOrDigit ??= /^[\p{L}\p{N}]$/u;
    known = letterOrDigit.test(String.fromCodePoint(code));
    nonAsciiWordCodes.set(code, known);
  }
  return known;
}

/** Minutes at 200 words a minute, rounded up, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.ceil(countWords(text) / 200));
}
