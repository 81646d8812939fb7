import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChange, CHANGES, type LibraryChange } from '../../../scripts/build/harden-libraries';
import { repoRoot } from '../../../scripts/lib/serve';

const change: LibraryChange = {
  file: 'x.js',
  why: 'test',
  find: 'a.innerHTML=b',
  replace: 'a.textContent=""',
};

describe('harden-libraries', () => {
  it('applies a change once and recognises it afterwards', () => {
    const first = applyChange('x;a.innerHTML=b;y', change);
    expect(first).toEqual({ text: 'x;a.textContent="";y', state: 'applied' });
    expect(applyChange(first.text, change)).toEqual({ text: first.text, state: 'already' });
  });

  it('reports a library whose text changed instead of guessing', () => {
    expect(applyChange('x;a.innerHTML = b;y', change).state).toBe('missing');
    // Two occurrences: which one was meant is not clear, so nothing is changed.
    expect(applyChange('a.innerHTML=b;a.innerHTML=b', change).state).toBe('missing');
  });

  it('has left every installed library file changed (npm install ran it)', () => {
    for (const c of CHANGES) {
      const text = readFileSync(path.join(repoRoot, 'node_modules', c.file), 'utf8');
      expect(text.includes(c.replace), c.file).toBe(true);
      expect(text.includes(c.find), c.file).toBe(false);
    }
  });
});
