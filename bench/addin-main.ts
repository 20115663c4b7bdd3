/**
 * The add-in bench on its own (bench/addin.ts): its own in-memory DynamoDB Local and local API (with
 * the runner's dev sign-in), then the saves in the stand-in Excel host.
 *
 *   npx tsx bench/addin-main.ts
 */
import { runAddinBench } from './addin';
import { startStandaloneApi } from '#tests/e2e/support/standalone-api';

const started = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

progress('Starting DynamoDB Local and the local API…');
const api = await startStandaloneApi();
let code = 0;
try {
  const issueToken = async (email: string): Promise<string> => {
    const response = await fetch(`${api.baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const body = (await response.json()) as { token?: string };
    if (!body.token) throw new Error(`no dev token for ${email}: ${response.status}`);
    return body.token;
  };
  await runAddinBench({ baseUrl: api.baseUrl, issueToken, apiHasDevRoutes: true, progress });
} catch (error) {
  console.error('\nadd-in bench failed:', error);
  code = 1;
} finally {
  await api.close();
}
process.exit(code);
