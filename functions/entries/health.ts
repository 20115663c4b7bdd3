import type { ApiHandler } from '../http/types';

/** Lambda entry of the 'health' route group (placeholder until its handlers land). */
export const handler: ApiHandler = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' });
