/** Related-article teasers: "Lesen Sie auch", "Mehr zum Thema", recommendation widgets. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const relatedTeasersRule: ClutterRule = {
  name: 'related-teasers',
  reason: 'related-teasers',
  classPattern: REGEXPS.relatedClass,
  maxClassText: 1500,
  allowLinkDense: true,
  labelPatterns: [REGEXPS.relatedHeading],
  maxLabelText: 60,
  maxContainerText: 3000,
  minContainerLinkDensity: 0.4,
  labelStartsSection: true,
};
