import { startStandaloneApi } from '#tests/e2e/support/standalone-api';
import type { AddinBenchContext } from './addin';
import { devTokenIssuer } from './pane-deps';

/**
 * A pane bench on its own: its own in-memory DynamoDB Local and local API (with the runner's dev
 * sign-in), the bench run against it, the process ended with its outcome.
 */
export async function runStandalone(name: string, bench: (ctx: AddinBenchContext) => Promise<unknown>): Promise<never> {
  const started = performance.now();
  const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  progress('Starting DynamoDB Local and the local API…');
  const api = await startStandaloneApi();
  let code = 0;
  try {
    await bench({ baseUrl: api.baseUrl, issueToken: devTokenIssuer(api.baseUrl), apiHasDevRoutes: true, progress });
  } catch (error) {
    console.error(`\n${name} bench failed:`, error);
    code = 1;
  } finally {
    await api.close();
  }
  process.exit(code);
}
