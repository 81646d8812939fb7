/** Retail prospect lists ("Online-Prospekte aus Kaiserslautern"): advertising in another form. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const prospectsRule: ClutterRule = {
  name: 'prospects',
  reason: 'sponsored',
  classPattern: REGEXPS.prospectClass,
  maxClassText: 1500,
  allowLinkDense: true,
  labelPatterns: [REGEXPS.prospectLabel],
  maxLabelText: 120,
  maxContainerText: 1500,
};
