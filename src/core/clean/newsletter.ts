/** Newsletter sign-up boxes and app promotion. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const newsletterRule: ClutterRule = {
  name: 'newsletter',
  reason: 'newsletter',
  classPattern: REGEXPS.newsletterClass,
  maxClassText: 700,
  labelPatterns: [REGEXPS.newsletterLabel],
  maxLabelText: 160,
  maxContainerText: 600,
};

export const appPromoRule: ClutterRule = {
  name: 'app-promo',
  reason: 'app-promo',
  classPattern: REGEXPS.appPromoClass,
  maxClassText: 500,
  labelPatterns: [REGEXPS.appPromoLabel],
  maxLabelText: 160,
  maxContainerText: 500,
};
