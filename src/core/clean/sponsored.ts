/** Sponsored and advertorial blocks: "Anzeige", "Sponsored", ad slots, native-ad widgets. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const sponsoredRule: ClutterRule = {
  name: 'sponsored',
  reason: 'sponsored',
  classPattern: REGEXPS.sponsoredClass,
  maxClassText: 1500,
  allowLinkDense: true,
  labelPatterns: [REGEXPS.sponsoredLabel, REGEXPS.sponsoredPrefix, REGEXPS.sponsoredSuffix],
  maxLabelText: 60,
  maxContainerText: 1800,
};
