/**
 * Date lines at the edges of the story ("Online seit heute, 12.09 Uhr", "Aktualisiert:
 * 03.04.2020, 10:12 Uhr", "Updated Nov 19, 6:55 AM"): the reader shows the date in its own
 * header, so a line holding nothing but a date, a time and their labels is taken out of the
 * story where it stands at the start or the end. A date inside a sentence is never touched.
 */
import { BLOCK_TAGS, collapse, textOf } from './dom';

const MAX_DATE_LINE = 80;
/**
 * The story's opening: the first blocks, up to the second paragraph-length one (a lead may
 * stand before the date line, a subheading after the first paragraphs is story).
 */
const OPENING_BLOCKS = 6;
const PARAGRAPH_CHARS = 100;
const CLOSING_BLOCKS = 2;

const MONTHS =
  'januar|jänner|janner|january|janvier|enero|janeiro|gennaio|februar|feber|february|février|fevrier|febrero|fevereiro|febbraio|märz|marz|march|mars|marzo|março|marco|april|avril|abril|aprile|mai|may|mayo|maio|maggio|juni|june|juin|junio|junho|giugno|juli|july|juillet|julio|julho|luglio|august|août|aout|agosto|september|septembre|septiembre|setembro|settembre|oktober|october|octobre|octubre|outubro|ottobre|november|novembre|noviembre|novembro|dezember|december|décembre|decembre|diciembre|dezembro|dicembre|jan|feb|mär|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec';
const WEEKDAYS =
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|segunda|terça|terca|quarta|quinta|sexta|feira|lunedì|martedì|mercoledì|giovedì|venerdì|mo|di|mi|do|fr|sa|so|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';
const LABELS =
  'online|seit|veröffentlicht|publiziert|aktualisiert|erstellt|geändert|zuletzt|stand|datum|am|um|vom|uhr|heute|gestern|vorgestern|today|yesterday|published|updated|posted|modified|last|on|at|of|the|date|publié|publie|mis|à|jour|le|de|do|da|às|as|el|del|pm|am|a|p|m|cet|cest|mez|mesz|est|edt|cst|cdt|pst|pdt|utc|gmt|bst|st|nd|rd|th|h';

const DATE_WORD = new RegExp(`^(?:${MONTHS}|${WEEKDAYS}|${LABELS})$`);
/**
 * Something that makes the line a date or a time: a month's name, a written-out date
 * ("3.4.2020", "4/3/20", "2020-04-03"), a clock time, "heute". A bare year or a run of
 * numbers is no date ("+81 158-23-2012" is a phone number).
 */
const DATE_SIGNAL = new RegExp(
  `\\b\\d{1,2}\\.\\s?\\d{1,2}\\.|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}[.:]\\d{2}\\s*(?:uhr|h\\b|am\\b|pm\\b|a\\.m\\.|p\\.m\\.)|(?:^|[^\\p{L}])(?:${MONTHS}|heute|gestern|today|yesterday)(?:[^\\p{L}]|$)`,
  'iu',
);

/** A line holding only a date or time with its labels ("Veröffentlicht am 3. April 2020"). */
export function isDateLine(text: string): boolean {
  const line = collapse(text);
  if (!line || line.length > MAX_DATE_LINE || !/\d/.test(line) || /[+@]/.test(line)) return false;
  if (!DATE_SIGNAL.test(line)) return false;
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.every((w) => DATE_WORD.test(w));
}

/** Elements holding text and no block element: the lines a reader sees. */
function textBlocks(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    const blockChildren = Array.from(el.children).filter((c) => BLOCK_TAGS.has(c.localName));
    if (!blockChildren.length) {
      if (textOf(el)) out.push(el);
      return;
    }
    for (const child of blockChildren) visit(child);
  };
  visit(root);
  return out;
}

/** Removes date-only lines among the story's first and last blocks; returns how many. */
export function removeEdgeDateLines(story: Element): number {
  const blocks = textBlocks(story);
  const edges = new Set<Element>();
  let paragraphs = 0;
  for (const block of blocks.slice(0, OPENING_BLOCKS)) {
    if (textOf(block).length >= PARAGRAPH_CHARS && ++paragraphs > 1) break;
    edges.add(block);
  }
  for (const block of blocks.slice(-CLOSING_BLOCKS)) edges.add(block);
  let removed = 0;
  for (const block of edges) {
    if (block === story || !isDateLine(textOf(block))) continue;
    block.remove();
    removed++;
  }
  return removed;
}
