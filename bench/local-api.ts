import { loadLocalKeys } from '#local/keys';
import { createLocalApi, type LocalApi } from '#local/server';

export interface BenchApi {
  api: LocalApi;
  url: string;
  issueToken: (email: string) => Promise<string>;
}

/** The real handlers behind the local runner's HTTP server, on a free port, signing with the runner's keys. */
export async function startBenchApi(): Promise<BenchApi> {
  // Imported here, not at the top: the store reads TABLE_NAME and DYNAMODB_ENDPOINT, which the caller sets first.
  const { HANDLERS } = await import('#local/handlers');
  const keys = await loadLocalKeys({ dir: null });
  const api = createLocalApi({
    handlers: HANDLERS,
    verify: (token) => keys.verifyToken(token),
    quiet: true,
    logError: (line, error) => console.error(line, error ?? ''),
  });
  const { url } = await api.listen(0);
  return { api, url, issueToken: (email) => keys.issueToken(email) };
}
