import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { pruneExtensionBuild } from './scripts/build/prune-extension';
import { GECKO_ID } from './scripts/lib/gecko-id';


type Target = 'chrome' | 'firefox';

/** Content scripts the background injects or registers itself (built as IIFE by crxjs). */
const INJECTED_SCRIPTS = ['src/content/on-demand.js', 'src/content/auto-open.js'];

function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  if (target === 'firefox') {
    // Firefox MV3 has event pages, not service workers; crxjs rewrites the loader, we name the entry.
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 140 (ESR) is the first release that knows data_collection_permissions (web-ext lint).
        strict_min_version: '140.0',
        // AMO requires the declaration; Klartext collects nothing.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learned data_collection_permissions in 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox140' : 'chrome120',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: { input: { notice: 'src/notice/index.html' } },
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [
      crx({ manifest: manifestFor(target), browser: target }),
      pruneExtensionBuild(`dist/${target}`, INJECTED_SCRIPTS),
    ],
  };
});
