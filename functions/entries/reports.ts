import type { ApiHandler } from '../http/types';

/** Lambda entry of the 'reports' route group (placeholder until its handlers land). */
export const handler: ApiHandler = async () => ({ statusCode: 501, body: '{}' });
