/** Paywall teasers and offer boxes ("Jetzt weiterlesen mit …Plus"); the story teaser above stays. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const paywallTeaserRule: ClutterRule = {
  name: 'paywall-teaser',
  reason: 'paywall-teaser',
  classPattern: REGEXPS.paywallClass,
  maxClassText: 1200,
  labelPatterns: [REGEXPS.paywallLabel],
  maxLabelText: 160,
  maxContainerText: 900,
};
