/** Login, registration, comment and "contribute yourself" prompts; follow boxes of profiles. */
import { REGEXPS } from '../patterns';
import type { ClutterRule } from './rule';

export const loginPromptRule: ClutterRule = {
  name: 'login-prompt',
  reason: 'login-prompt',
  classPattern: REGEXPS.promptClass,
  maxClassText: 600,
  labelPatterns: [REGEXPS.loginPrompt],
  maxLabelText: 200,
  maxContainerText: 500,
};

export const followBoxRule: ClutterRule = {
  name: 'follow-box',
  reason: 'follow-box',
  classPattern: REGEXPS.followClass,
  maxClassText: 400,
  labelPatterns: [REGEXPS.followPrompt],
  maxLabelText: 250,
  maxContainerText: 400,
};
