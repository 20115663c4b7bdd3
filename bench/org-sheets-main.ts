/**
 * The org sheets' bench on its own (bench/org-sheets.ts): its own in-memory DynamoDB Local and local API
 * (with the runner's dev sign-in).
 *
 *   npx tsx bench/org-sheets-main.ts
 */
import { startStandaloneApi } from '#tests/e2e/support/standalone-api';
import { runOrgSheetsBench } from './org-sheets';
import { devTokenIssuer } from './pane-deps';

const started = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

progress('Starting DynamoDB Local and the local API…');
const api = await startStandaloneApi();
let code = 0;
try {
  await runOrgSheetsBench({ baseUrl: api.baseUrl, issueToken: devTokenIssuer(api.baseUrl), progress });
} catch (error) {
  console.error('\norg sheets bench failed:', error);
  code = 1;
} finally {
  await api.close();
}
process.exit(code);
