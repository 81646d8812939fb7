/**
 * Least privilege, read from what ships: the built manifests (npm run build writes dist/). The
 * permission set is asserted exactly, so adding one is a deliberate change of this test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/serve';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: Record<string, string> | string;
  web_accessible_resources?: { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[];
  content_scripts?: unknown[];
};

const TARGETS = ['chrome', 'firefox'] as const;

function builtManifest(target: (typeof TARGETS)[number]): Manifest {
  const file = path.join(repoRoot, 'dist', target, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

describe.each(TARGETS)('the built %s manifest', (target) => {
  const manifest = builtManifest(target);

  it('asks for exactly the API permissions the toolbar, menu, settings and auto mode need', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'scripting',
      'storage',
    ]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('holds no host permission up front: sites are granted one by one, on request', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('never asks for <all_urls> or the tabs permission, and has no externally_connectable', () => {
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    expect(asked).not.toContain('<all_urls>');
    expect(asked).not.toContain('tabs');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('allows no eval, remote code or inline script in any content security policy', () => {
    const csp = manifest.content_security_policy;
    const policies = typeof csp === 'string' ? [csp] : Object.values(csp ?? {});
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
      expect(policy).toMatch(/script-src 'self'/);
      expect(policy).toMatch(/object-src 'none'/);
    }
  });

  // The reader is drawn into any page, so its fonts must be loadable from any page (matches
  // <all_urls>); what is exposed is limited to files that cannot run.
  it('exposes to pages only what the reader draws, and no script or page', () => {
    for (const entry of manifest.web_accessible_resources ?? []) {
      for (const resource of entry.resources) expect(resource).toMatch(/\.(?:woff2?|css|png|svg|webp)$/);
      // Chrome: a per-session URL, so a page cannot probe for the extension with a fixed one.
      if (target === 'chrome') expect(entry.use_dynamic_url).toBe(true);
    }
  });
});
