/**
 * The add-in bench on its own (bench/addin.ts): its own in-memory DynamoDB Local and local API (with
 * the runner's dev sign-in), then the saves in the stand-in Excel host.
 *
 *   npx tsx bench/addin-main.ts
 */
import { runAddinBench } from './addin';
import { devTokenIssuer } from './pane-deps';
import { startStandaloneApi } from '#tests/e2e/support/standalone-api';

const started = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

progress('Starting DynamoDB Local and the local API…');
const api = await startStandaloneApi();
let code = 0;
try {
  const issueToken = devTokenIssuer(api.baseUrl);
  await runAddinBench({ baseUrl: api.baseUrl, issueToken, apiHasDevRoutes: true, progress });
} catch (error) {
  console.error('\nadd-in bench failed:', error);
  code = 1;
} finally {
  await api.close();
}
process.exit(code);
