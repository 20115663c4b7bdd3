import type { ApiHandler } from '#functions/http/types';
import type { RouteGroup } from '#functions/routes';
import { handler as campaigns } from '#functions/entries/campaigns';
import { handler as council } from '#functions/entries/council';
import { handler as documents } from '#functions/entries/documents';
import { handler as files } from '#functions/entries/files';
import { handler as health } from '#functions/entries/health';
import { handler as nominations } from '#functions/entries/nominations';
import { handler as org } from '#functions/entries/org';
import { handler as register } from '#functions/entries/register';
import { handler as reports } from '#functions/entries/reports';

/**
 * Each route group's Lambda entry, as the CDK app deploys one function per group.
 *
 * The entries' store reads TABLE_NAME and DYNAMODB_ENDPOINT once per process (per container), when it
 * loads or is first used: set those before importing this module, i.e. import it dynamically
 * (`await import('./handlers')`) after the environment is set, as start.ts and tests/support/api.ts do.
 */
export const HANDLERS: Record<RouteGroup, ApiHandler> = {
  health,
  campaigns,
  org,
  nominations,
  reports,
  council,
  documents,
  files,
  register,
};
