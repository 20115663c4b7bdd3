/**
 * Every route of the HTTP API, in one list that the CDK app (one Lambda per group), the local runner
 * (the same route keys API Gateway would set) and the OpenAPI document all read.
 */
export type RouteGroup = 'health' | 'campaigns' | 'org' | 'nominations' | 'reports' | 'council';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  method: HttpMethod;
  path: string;
  group: RouteGroup;
  /** false: open without a token (health and the API description). */
  auth: boolean;
  summary: string;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/health', group: 'health', auth: false, summary: 'Liveness and the table it reaches' },
  { method: 'GET', path: '/openapi.json', group: 'health', auth: false, summary: 'This API as OpenAPI 3.1' },
  { method: 'GET', path: '/me', group: 'org', auth: true, summary: 'The signed-in user, role and unit' },
  { method: 'GET', path: '/units', group: 'org', auth: true, summary: "The office's units" },
  { method: 'PUT', path: '/units/{unitId}', group: 'org', auth: true, summary: 'Create or update a unit (admin)' },
  { method: 'GET', path: '/people', group: 'org', auth: true, summary: "The office's staff" },
  { method: 'PUT', path: '/people/{personId}', group: 'org', auth: true, summary: 'Create or update a staff member (admin)' },
  { method: 'GET', path: '/users', group: 'org', auth: true, summary: 'Users and their roles (admin)' },
  { method: 'PUT', path: '/users/{email}', group: 'org', auth: true, summary: "Set a user's role (admin)" },
  { method: 'GET', path: '/campaigns', group: 'campaigns', auth: true, summary: 'List campaigns' },
  { method: 'POST', path: '/campaigns', group: 'campaigns', auth: true, summary: 'Create a campaign (admin)' },
  { method: 'GET', path: '/campaigns/{campaignId}', group: 'campaigns', auth: true, summary: 'Read a campaign' },
  { method: 'PUT', path: '/campaigns/{campaignId}', group: 'campaigns', auth: true, summary: 'Update a campaign (admin)' },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/nominations',
    group: 'nominations',
    auth: true,
    summary: 'List nominations (filter by unit and status)',
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/nominations/batch',
    group: 'nominations',
    auth: true,
    summary: 'Save a batch of changed rows, validated',
  },
  {
    method: 'DELETE',
    path: '/campaigns/{campaignId}/nominations/{nominationId}',
    group: 'nominations',
    auth: true,
    summary: 'Delete a nomination (recorded, recoverable)',
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/nominations/{nominationId}/restore',
    group: 'nominations',
    auth: true,
    summary: 'Restore a deleted nomination',
  },
  { method: 'GET', path: '/campaigns/{campaignId}/validation', group: 'reports', auth: true, summary: "The campaign's validation report" },
  { method: 'GET', path: '/campaigns/{campaignId}/audit', group: 'reports', auth: true, summary: "The campaign's audit log" },
  { method: 'GET', path: '/campaigns/{campaignId}/rounds', group: 'council', auth: true, summary: "The council's voting rounds" },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds',
    group: 'council',
    auth: true,
    summary: 'Open a voting round: the eligible nominations, or the tied ones of a confirmed round (secretary)',
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/rounds/{roundId}',
    group: 'council',
    auth: true,
    summary: 'A voting round with its result and minutes (?include=ballots for the ballots)',
  },
  {
    method: 'PUT',
    path: '/campaigns/{campaignId}/rounds/{roundId}/ballots',
    group: 'council',
    auth: true,
    summary: "Replace a round's numbered ballots (secretary, recorded)",
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds/{roundId}/tally',
    group: 'council',
    auth: true,
    summary: 'Tally a round by the council rules: result and minutes (secretary)',
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds/{roundId}/confirm',
    group: 'council',
    auth: true,
    summary: 'Confirm a tallied round: selections written within the quotas, atomically (secretary)',
  },
];

export const ROUTE_GROUPS: readonly RouteGroup[] = ['health', 'campaigns', 'org', 'nominations', 'reports', 'council'];

/** The route key API Gateway puts in `event.routeKey`, e.g. `GET /campaigns/{campaignId}`. */
export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
