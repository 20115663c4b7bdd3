import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, ROOT, SOURCE_DIRS, trackedFiles } from './source-graph';

/**
 * The rooms a newcomer can find (docs/architecture.md): these hold for every file, so a change that
 * breaks them fails here rather than in review.
 */
const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1;
const source = trackedFiles(SOURCE_DIRS);

describe('the source tree', () => {
  it('has no import circle', () => {
    expect(importCircles(source)).toEqual([]);
  });

  it('has no source file over 300 lines', () => {
    expect(source.filter((file) => lines(file) > 300).map((file) => `${file}: ${lines(file)}`)).toEqual([]);
  });

  it('keeps every Lambda entry under 60 lines', () => {
    const entries = source.filter((file) => file.startsWith('functions/entries/'));
    expect(entries.length).toBeGreaterThan(4);
    expect(entries.filter((file) => lines(file) >= 60).map((file) => `${file}: ${lines(file)}`)).toEqual([]);
  });

  it('imports across folders through the # aliases, never ../../', () => {
    const all = [...source, ...trackedFiles(['tests'])];
    const chains = all.filter((file) => /from\s+'\.\.\/\.\.\//.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(chains).toEqual([]);
  });
});
