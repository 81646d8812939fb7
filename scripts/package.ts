/**
 * `npm run package`: the two store uploads, built fresh, in web-ext-artifacts/ (gitignored):
 * klartext-firefox-VERSION.zip (web-ext build, after web-ext lint passes with no errors and no warnings) and
 * klartext-chrome-VERSION.zip (dist/chrome, manifest at the zip's root as the Chrome Web Store wants).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/serve';

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: repoRoot, stdio: 'inherit' });

const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};
const artifacts = path.join(repoRoot, 'web-ext-artifacts');
const firefoxDir = path.join(repoRoot, 'dist', 'firefox');
const chromeDir = path.join(repoRoot, 'dist', 'chrome');

run('npm', ['run', 'build']);
run(bin('web-ext'), ['lint', '--source-dir', firefoxDir, '--warnings-as-errors', '--no-config-discovery']);
run(bin('web-ext'), [
  'build',
  '--source-dir',
  firefoxDir,
  '--artifacts-dir',
  artifacts,
  '--filename',
  `klartext-firefox-${version}.zip`,
  '--overwrite-dest',
  '--no-config-discovery',
]);
// web-ext build zips any unpacked extension the same way: files at the root, no extra folder.
const chromeZip = `klartext-chrome-${version}.zip`;
rmSync(path.join(artifacts, chromeZip), { force: true });
run(bin('web-ext'), [
  'build',
  '--source-dir',
  chromeDir,
  '--artifacts-dir',
  artifacts,
  '--filename',
  chromeZip,
  '--overwrite-dest',
  '--no-config-discovery',
]);
process.stdout.write(
  `\nStore packages in ${path.relative(repoRoot, artifacts)}/: klartext-firefox-${version}.zip, ${chromeZip}\n`,
);
