/** Plain text of a story body and the reading time derived from it. */
import { collapse, isElement, TEXT_NODE, tagName } from './dom';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'td',
  'th',
  'ul',
  'caption',
  'picture',
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

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Minutes at 200 words a minute, rounded up, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.ceil(countWords(text) / 200));
}
