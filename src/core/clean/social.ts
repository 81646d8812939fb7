/** Share bars and "follow us" link rows. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const socialRule: ClutterRule = {
  name: 'social',
  reason: 'social',
  classPattern: REGEXPS.socialClass,
  maxClassText: 300,
  allowLinkDense: true,
  labelPatterns: [REGEXPS.socialLabel],
  maxLabelText: 60,
  maxContainerText: 300,
};
