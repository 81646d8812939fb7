/**
 * What a clutter family is: a name, the reason the reader names, and how it is recognised —
 * by class/id tokens of its container, or by a short text (label, heading, prompt) inside it.
 */
import type { RemovalReason } from '../story';

export interface ClutterRule {
  name: string;
  reason: RemovalReason;
  /** Class/id token pattern of the family's containers (see REGEXPS). */
  classPattern?: RegExp;
  /** Class/id tokens that say the container is something else ("live-match-comments" is a live ticker). */
  notClassPattern?: RegExp;
  /** A container found by class is left alone when its text is longer than this… */
  maxClassText: number;
  /** …unless most of that text is link text (teaser lists are long but link-dense). */
  allowLinkDense?: boolean;
  /** Short visible texts that mark the family ("Anzeige", "Sie möchten kommentieren?"). */
  labelPatterns?: readonly RegExp[];
  /** Labels are matched only on texts up to this length. */
  maxLabelText?: number;
  /** From a label, climb to the largest ancestor with at most this much text. */
  maxContainerText: number;
  /** Climb only while the ancestor is mostly links (teaser lists), when set. */
  minContainerLinkDensity?: number;
  /** Labels are headings that open a section: climb only while the label starts the section. */
  labelStartsSection?: boolean;
  /** Long paragraphs do not protect the container (comment threads are long prose). */
  ignoreStoryGuard?: boolean;
}
