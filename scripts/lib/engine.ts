/** An engine turns a saved page into one output line; the CLI and the eval share them. */
import type { ExtractOptions } from '../../src/core/story';
import type { PageInput, PageRecord } from './page-record';

export interface Engine {
  readonly name: string;
  extract(page: PageInput): Promise<PageRecord>;
  close(): Promise<void>;
}

export const ENGINE_NAMES = ['node', 'chromium', 'readability'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface EngineOptions {
  dom?: import('./dom').DomLibrary;
  /** Passed to extractStory (plain data only: it crosses into the browser as JSON). */
  core?: Omit<ExtractOptions, 'rules'>;
}

export async function createEngine(name: EngineName, options: EngineOptions = {}): Promise<Engine> {
  switch (name) {
    case 'node':
      return (await import('./engine-node')).createNodeEngine(options);
    case 'readability':
      return (await import('./engine-readability')).createReadabilityEngine(options);
    case 'chromium':
      return (await import('./engine-chromium')).createChromiumEngine(options);
  }
}
