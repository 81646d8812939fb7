import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../../src/core/text';

/** The definition countWords must keep: its scan replaced this pattern for speed only. */
const byPattern = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Mit Vollgas auf die Seidenstraße', 5],
    ["Rock'n'Roll, O’Neill und Müller-Lüdenscheidt", 4],
    ["a--b -c d- 'e' f’", 6],
    ['2024 fielen 3,5 Prozent', 5],
    ['مرحبا بالعالم', 2],
    ['𝐀𝐁𝐂 def', 2],
    ['— … · „“', 0],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(byPattern(text)).toBe(words);
  });

  it('agrees with the pattern on random text of letters, digits, joiners, spaces and symbols', () => {
    const alphabet = [
      'a',
      'Z',
      'ß',
      'é',
      '9',
      '٣',
      'م',
      '字',
      '𝐀',
      "'",
      '’',
      '-',
      ' ',
      '\n',
      '.',
      ',',
      '–',
      '\u00a0',
      '😀',
      '_',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(byPattern(text));
    }
  });

  it('gives at least one minute of reading, 200 words a minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('wort '.repeat(401))).toBe(3);
  });
});
