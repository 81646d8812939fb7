/** Cookie and consent layers (saved pages keep them in the markup). */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const cookieRule: ClutterRule = {
  name: 'cookie-banner',
  reason: 'cookie-banner',
  classPattern: REGEXPS.cookieClass,
  maxClassText: 4000,
  labelPatterns: [REGEXPS.cookieLabel],
  maxLabelText: 600,
  maxContainerText: 2500,
};
