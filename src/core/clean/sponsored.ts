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

/** Paid-content and affiliate notices: small print, not part of the story. */
export const disclosureRule: ClutterRule = {
  name: 'disclosure',
  reason: 'sponsored',
  maxClassText: 0,
  labelPatterns: [REGEXPS.sponsoredDisclosure],
  maxLabelText: 300,
  maxContainerText: 400,
};
