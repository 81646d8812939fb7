/** Comment threads and comment forms (long prose, so the story guard does not apply). */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const commentsRule: ClutterRule = {
  name: 'comments',
  reason: 'comments',
  classPattern: REGEXPS.commentsClass,
  // a live ticker's running commentary is the story itself
  notClassPattern: REGEXPS.liveTickerClass,
  maxClassText: Number.POSITIVE_INFINITY,
  labelPatterns: [REGEXPS.commentsHeading],
  maxLabelText: 40,
  maxContainerText: Number.POSITIVE_INFINITY,
  labelStartsSection: true,
  ignoreStoryGuard: true,
};
