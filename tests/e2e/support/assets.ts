import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPaneBuild } from '#local/pane-build';

/**
 * What the e2e server serves besides the API: the add-in's pane as `npm run build` and `npm start`
 * make it (local/pane-build.ts: vite.config.ts, production mode, what users run), built into a
 * temporary folder so dist/ is left alone, and the stand-in host's browser code bundled by esbuild.
 */
const HOST_DIR = fileURLToPath(new URL('../host/', import.meta.url));

export async function buildPane(outDir?: string): Promise<{ dir: string; ms: number; remove(): Promise<void> }> {
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), 'thidua-e2e-pane-')));
  const { firstBuild } = await startPaneBuild({ outDir: dir, watch: false });
  return { dir, ms: await firstBuild, remove: () => rm(dir, { recursive: true, force: true }) };
}

const bundles = new Map<string, Promise<string>>();

/** One browser bundle (IIFE) of a host entry, made once per process. */
export function bundle(entry: 'main' | 'gateway-page'): Promise<string> {
  let made = bundles.get(entry);
  if (!made) {
    made = (async () => {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        entryPoints: [join(HOST_DIR, `${entry}.ts`)],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'chrome120',
        write: false,
        sourcemap: 'inline',
        logLevel: 'silent',
      });
      return result.outputFiles[0]!.text;
    })();
    bundles.set(entry, made);
  }
  return made;
}
