import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * The repository's own source files and the imports between them, read as text: the ground truth for
 * the architecture tests (no import circle, no file over its size, no `../../` chains, decisions only in
 * shared/). An import through a `#` alias resolves by package.json's "imports", as Node and Vite do.
 */
export const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../../..'));
const ALIASES: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports;

export const SOURCE_DIRS = ['shared', 'functions', 'local', 'addin/src', 'infra', 'scripts', 'bench'];

export function trackedFiles(dirs: readonly string[]): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...dirs], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && existsSync(join(ROOT, f)));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

export function importsOf(file: string): string[] {
  // Comments may show an import as an example; only code counts.
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2]) as string);
}

/** The repository file an import names, or undefined for a package. */
export function resolveImport(from: string, spec: string): string | undefined {
  let base: string | undefined;
  if (spec.startsWith('#')) {
    const alias = Object.keys(ALIASES).find((key) => spec.startsWith(key.replace('*', '')));
    if (!alias) return undefined;
    const target = ALIASES[alias] as string;
    return normalize(target.replace('*', spec.slice(alias.length - 1))).replace(/^\.\//, '');
  }
  if (spec.startsWith('.')) base = normalize(join(dirname(from), spec));
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(join(ROOT, candidate))) return candidate;
  }
  return undefined;
}

/** Every import circle among the files, each as the list of files around it. */
export function importCircles(files: readonly string[]): string[][] {
  const graph = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .map((s) => resolveImport(f, s))
        .filter((t): t is string => !!t),
    ]),
  );
  const circles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return circles;
}
