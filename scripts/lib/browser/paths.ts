import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = {
  chromium: path.join(REPO_ROOT, 'dist', 'chrome'),
  firefox: path.join(REPO_ROOT, 'dist', 'firefox'),
} as const;
