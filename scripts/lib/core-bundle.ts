/**
 * The core as one classic script (IIFE exposing `KlartextCore.extractStory`), for running the
 * very same engine inside a browser page. Built with vite's library mode into .cache/ and
 * rebuilt only when a source is newer than the bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { coreEntryPath, repoRoot } from './core';

export const CORE_GLOBAL = 'KlartextCore';
const CACHE_DIR = path.join(repoRoot, '.cache');
const BUNDLE_NAME = 'core-iife.js';

/** Newest modification time of a file or of anything below a folder (0 when missing). */
export function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Path of an up-to-date bundle of the core, building it first when needed. */
export async function ensureCoreBundle(): Promise<string> {
  const entry = coreEntryPath();
  if (!existsSync(entry)) throw new Error(`the engine is missing: ${entry} does not exist`);
  // A stand-in core (KLARTEXT_CORE) gets its own file, always rebuilt, so it never passes for ours.
  const custom = Boolean(process.env.KLARTEXT_CORE);
  const bundleName = custom ? 'core-iife.custom.js' : BUNDLE_NAME;
  const bundle = path.join(CACHE_DIR, bundleName);
  const sources = [
    path.dirname(entry),
    path.join(repoRoot, 'src', 'sites'),
    path.join(repoRoot, 'src', 'core'),
  ];
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource && !custom) return bundle;
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      outDir: CACHE_DIR,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'chrome120',
      copyPublicDir: false,
      lib: { entry, name: CORE_GLOBAL, formats: ['iife'], fileName: () => bundleName },
    },
  });
  return bundle;
}
