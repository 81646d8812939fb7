import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * crxjs leaves two things in a build that Klartext must not ship:
 * - a web_accessible_resources entry for scripts injected with scripting.executeScript, which
 *   would let any page probe whether the extension is installed (executeScript needs no WAR);
 * - the intermediate ESM chunk of each IIFE content script (documented crxjs behaviour), dead weight.
 * This runs after the bundle is written and removes both.
 */
export function pruneExtensionBuild(outDir: string, injectedScripts: readonly string[]): Plugin {
  return {
    name: 'klartext:prune-extension-build',
    apply: 'build',
    enforce: 'post',
    async closeBundle() {
      const manifestPath = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const war = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({
          ...entry,
          resources: entry.resources.filter((r) => !injectedScripts.includes(r)),
        }))
        .filter((entry) => entry.resources.length > 0);
      if (war.length > 0) manifest.web_accessible_resources = war;
      else delete manifest.web_accessible_resources;
      await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      await removeUnreferencedChunks(outDir);
    },
  };
}

async function removeUnreferencedChunks(outDir: string): Promise<void> {
  const files = await listFiles(outDir);
  const texts = new Map<string, string>();
  for (const file of files) {
    if (/\.(js|html|json|css)$/.test(file)) texts.set(file, await readFile(file, 'utf8'));
  }
  for (const file of files) {
    if (!file.includes(`${path.sep}assets${path.sep}`) || !file.endsWith('.js')) continue;
    const name = path.basename(file);
    const referenced = [...texts].some(([other, text]) => other !== file && text.includes(name));
    if (!referenced) await rm(file);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
