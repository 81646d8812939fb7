/** Breadcrumbs, pagers and tag clouds. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const navigationRule: ClutterRule = {
  name: 'navigation',
  reason: 'navigation',
  classPattern: REGEXPS.navigationClass,
  maxClassText: 400,
  allowLinkDense: true,
  maxContainerText: 0,
};
