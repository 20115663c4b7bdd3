import { fileURLToPath } from 'node:url';
import type { RolldownWatcher, RolldownWatcherEvent } from 'rolldown';

/**
 * The pane as `npm start` serves it: vite.config.ts's production build (what users run: bundled,
 * minified, split into the react, fluentui and pane chunks), written to .local/pane (git-ignored, so
 * dist/addin stays `npm run build`'s) and rebuilt by Vite's watch mode when a source it bundles changes.
 * A rebuild takes a second or two; the page is not reloaded for you (no HMR: `npm start -- --dev` has it).
 */
export const LOCAL_PANE_DIR = fileURLToPath(new URL('../.local/pane', import.meta.url));
const CONFIG_FILE = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export interface PaneBuild {
  dir: string;
  /** Resolves once the first build is written (rejects if it failed), with its time in ms. */
  firstBuild: Promise<number>;
  /** Resolves when the build under way (or the last one) is written; rejects with its error if it failed. */
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

export interface PaneBuildOptions {
  outDir?: string;
  /** Rebuild when sources change (default true). */
  watch?: boolean;
  /** A line for each rebuild and each failed build (console.log by default). */
  log?: (line: string) => void;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
  // A failed build is reported where it is awaited (a request, the start), never as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Runs Vite with NODE_ENV=production, as `npm run build` does: Vite and the React plugin take it from
 * the environment once the config is resolved, and vitest sets it to 'test', which built React's
 * development runtime into the pane the e2e tests and the benches load (126 kB gzipped instead of 68).
 */
async function productionEnv<T>(work: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

export async function startPaneBuild(options: PaneBuildOptions = {}): Promise<PaneBuild> {
  const dir = options.outDir ?? LOCAL_PANE_DIR;
  const log = options.log ?? ((line: string) => console.log(line));
  const { build } = await import('vite');
  const settings = {
    configFile: CONFIG_FILE,
    mode: 'production',
    logLevel: 'warn' as const,
    clearScreen: false,
    // Sourcemaps stay (the browser's tools show the sources); gzip sizes are the bench's to report.
    build: { outDir: dir, emptyOutDir: true, reportCompressedSize: false },
  };
  const started = performance.now();
  if (options.watch === false) {
    await productionEnv(() => build(settings));
    const ms = performance.now() - started;
    return { dir, firstBuild: Promise.resolve(ms), whenReady: async () => undefined, close: async () => undefined };
  }

  let current = deferred();
  const first = deferred();
  let attempts = 0;
  let rebuildStarted = started;
  const watcher = (await productionEnv(() => build({ ...settings, build: { ...settings.build, watch: {} } }))) as RolldownWatcher;
  watcher.on('event', async (event: RolldownWatcherEvent) => {
    if (event.code === 'START') {
      rebuildStarted = performance.now();
      if (attempts > 0) current = deferred();
    }
    if (event.code === 'BUNDLE_END' || event.code === 'ERROR') await event.result.close();
    if (event.code === 'END') {
      current.resolve();
      if (attempts === 0) first.resolve();
      else log(`Task pane rebuilt in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s: reload the pane to see it.`);
      attempts += 1;
    }
    if (event.code === 'ERROR') {
      current.reject(event.error);
      if (attempts === 0) first.reject(event.error);
      // Vite has printed the error with its place in the source; say what happens next.
      else log('Task pane: the build FAILED (above); its pages answer with the error until a change builds again.');
      attempts += 1;
    }
  });
  return {
    dir,
    firstBuild: first.promise.then(() => performance.now() - started),
    whenReady: () => current.promise,
    close: () => watcher.close(),
  };
}
