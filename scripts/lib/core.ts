/**
 * Where the tools find the engine. KLARTEXT_CORE points them at another copy of
 * src/core/extract.ts (an older checkout, a stand-in) to compare versions with the same tools.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractionResult, ExtractOptions } from '../../src/core/story';

export type ExtractStory = (doc: Document, url: string, options?: ExtractOptions) => ExtractionResult;

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function coreEntryPath(): string {
  return path.resolve(process.env.KLARTEXT_CORE ?? path.join(repoRoot, 'src', 'core', 'extract.ts'));
}

export async function loadExtractStory(): Promise<ExtractStory> {
  const entry = coreEntryPath();
  if (!existsSync(entry)) throw new Error(`the engine is missing: ${entry} does not exist`);
  const module = (await import(pathToFileURL(entry).href)) as { extractStory?: ExtractStory };
  if (typeof module.extractStory !== 'function') throw new Error(`${entry} exports no extractStory()`);
  return module.extractStory;
}
