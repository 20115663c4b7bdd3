import type { TestProject } from 'vitest/node';
import { buildPane } from './support/assets';

/**
 * The pane, built once for the e2e run as `npm run build` builds it (Vite, production), into a
 * temporary folder. THIDUA_E2E_PANE_DIR uses a pane built beforehand instead (e.g. from another
 * checkout), without building.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.THIDUA_E2E_PANE_DIR;
  if (given) {
    project.provide('e2ePaneDir', given);
    return async () => {};
  }
  const pane = await buildPane();
  if (process.env.THIDUA_TEST_VERBOSE) console.log(`[e2e] pane built into ${pane.dir} in ${Math.round(pane.ms)} ms`);
  project.provide('e2ePaneDir', pane.dir);
  return () => pane.remove();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built task pane (vite build of addin/) this e2e run serves. */
    e2ePaneDir: string;
  }
}
