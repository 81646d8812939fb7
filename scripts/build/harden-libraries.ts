/**
 * Runs after every `npm install` / `npm ci` (package.json "postinstall"): removes the last
 * HTML-string sinks from the three libraries we ship inside the page, so the built extension
 * contains no `innerHTML =` at all and `web-ext lint` has nothing to warn about (issue 7).
 *
 * Each change either removes a feature Klartext never uses or does the same work on nodes
 * instead of markup. It is applied to node_modules in place, so the extension build, the unit
 * tests and the Node engine behind `extract`/`eval` all run the same library code.
 *
 * Idempotent: a file that already carries the change is left alone. A file that carries neither
 * the original nor the changed text (a library upgrade) stops the install with a message, so
 * nobody ships an unreviewed sink by accident.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LibraryChange {
  /** File below node_modules. */
  file: string;
  why: string;
  find: string;
  replace: string;
}

export const CHANGES: LibraryChange[] = [
  {
    file: 'preact/dist/preact.mjs',
    why:
      'dangerouslySetInnerHTML: Klartext renders the story body from sanitized nodes, never from a ' +
      'string, so the prop is switched off; a component that used it would throw instead of writing markup.',
    find: '||(t.innerHTML=h.__html)',
    replace: '||(()=>{throw Error("dangerouslySetInnerHTML is disabled in Klartext")})()',
  },
  {
    file: '@mozilla/readability/Readability.js',
    why: 'Readability keeps a copy of the page to restart from; a node clone instead of an HTML string.',
    find: '    var pageCacheHtml = page.innerHTML;\n',
    replace: '    var pageCache = page.cloneNode(true);\n',
  },
  {
    file: '@mozilla/readability/Readability.js',
    why: 'Restoring that copy moves cloned nodes back instead of re-parsing markup.',
    find: '        // eslint-disable-next-line no-unsanitized/property\n        page.innerHTML = pageCacheHtml;\n',
    replace:
      '        page.textContent = "";\n' +
      '        for (var restored = pageCache.cloneNode(true); restored.firstChild; ) {\n' +
      '          page.appendChild(restored.firstChild);\n' +
      '        }\n',
  },
  {
    file: '@mozilla/readability/Readability.js',
    why:
      '<noscript> image fallbacks are parsed with DOMParser (inert: no scripts, no loads) and ' +
      'imported, instead of being assigned as markup; without a DOMParser the fallback is skipped.',
    find: '      // eslint-disable-next-line no-unsanitized/property\n      tmp.innerHTML = noscript.innerHTML;\n',
    replace:
      '      var Parser =\n' +
      '        (doc.defaultView && doc.defaultView.DOMParser) ||\n' +
      '        (typeof DOMParser === "function" ? DOMParser : null);\n' +
      '      if (!Parser) {\n' +
      '        return;\n' +
      '      }\n' +
      '      var parsed = new Parser().parseFromString(\n' +
      '        "<!DOCTYPE html><html><head></head><body>" + noscript.innerHTML + "</body></html>",\n' +
      '        "text/html"\n' +
      '      ).body;\n' +
      '      Array.from(parsed ? parsed.childNodes : []).forEach(function (child) {\n' +
      '        tmp.appendChild(doc.importNode(child, true));\n' +
      '      });\n' +
      '      if (!tmp.getElementsByTagName("img")[0]) {\n' +
      '        return;\n' +
      '      }\n',
  },
  ...['dompurify/dist/purify.es.mjs', 'dompurify/dist/purify.cjs.js'].map((file) => ({
    file,
    why:
      "DOMPurify's fallback for documents DOMParser cannot make (non-HTML namespaces, which the " +
      'policy never uses): it now yields an empty document, so sanitizing fails closed.',
    find: '\t\t\t\tdoc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;\n',
    replace: '\t\t\t\tdoc.documentElement.textContent = "";\n',
  })),
];

export type ChangeState = 'applied' | 'already' | 'missing';

/** Applies one change to `text`; 'missing' when neither the original nor the changed text is there. */
export function applyChange(text: string, change: LibraryChange): { text: string; state: ChangeState } {
  if (text.includes(change.find)) {
    if (text.split(change.find).length !== 2) return { text, state: 'missing' };
    return { text: text.replace(change.find, () => change.replace), state: 'applied' };
  }
  return { text, state: text.includes(change.replace) ? 'already' : 'missing' };
}

export function hardenLibraries(nodeModules: string, log: (line: string) => void = () => {}): void {
  const problems: string[] = [];
  for (const change of CHANGES) {
    const file = path.join(nodeModules, change.file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      problems.push(`${change.file}: not found`);
      continue;
    }
    const result = applyChange(text, change);
    if (result.state === 'missing') problems.push(`${change.file}: expected text not found (${change.why})`);
    if (result.state === 'applied') writeFileSync(file, result.text);
    log(`${result.state.padEnd(8)} ${change.file}`);
  }
  if (problems.length) {
    throw new Error(
      `harden-libraries: a library changed; review scripts/build/harden-libraries.ts against it:\n  ${problems.join('\n  ')}`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  try {
    hardenLibraries(path.join(root, 'node_modules'), (line) => console.error(`harden-libraries: ${line}`));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
