import * as api from '#shared/api/index';
import { Nomination } from '#shared/nomination';
import { Person, Unit, User } from '#shared/org';
import { ORG_SHEET_SAVES } from '#functions/org/sheet-routes';
import { FILE_ROUTES } from './routes-files';
import { STATISTICS_ROUTES } from './routes-statistics';
import { REGISTER_ROUTES } from './routes-register';
import { BALLOT_UPLOAD_ROUTES } from './routes-ballots';
import type { Route, RouteGroup } from './route';

/**
 * Every route of the HTTP API, in one list that the CDK app (one Lambda per group), the local runner
 * (the same route keys API Gateway would set) and the OpenAPI document all read. Each route names the
 * schemas of what it takes and answers; its path parameters are named in the path and described in
 * shared/api/params.ts.
 */
export type { HttpMethod, Route, RouteGroup } from './route';

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/health', group: 'health', auth: false, summary: 'Liveness and the table it reaches', response: api.Health },
  {
    method: 'GET',
    path: '/openapi.json',
    group: 'health',
    auth: false,
    summary: 'This API as OpenAPI 3.1',
    response: api.OpenApiDocument,
  },
  { method: 'GET', path: '/me', group: 'org', auth: true, summary: 'The signed-in user, role and unit', response: api.Me },
  { method: 'GET', path: '/units', group: 'org', auth: true, summary: "The office's units", response: api.UnitPage },
  {
    method: 'PUT',
    path: '/units/{unitId}',
    group: 'org',
    auth: true,
    summary: 'Create or update a unit (admin)',
    body: Unit,
    response: Unit,
  },
  {
    method: 'GET',
    path: '/people',
    group: 'org',
    auth: true,
    summary: "The office's staff",
    query: api.PeopleQuery,
    response: api.PersonPage,
  },
  {
    method: 'PUT',
    path: '/people/{personId}',
    group: 'org',
    auth: true,
    summary: 'Create or update a staff member (admin)',
    body: Person,
    response: Person,
  },
  ...ORG_SHEET_SAVES,
  { method: 'GET', path: '/users', group: 'org', auth: true, summary: 'Users and their roles (admin)', response: api.UserPage },
  { method: 'PUT', path: '/users/{email}', group: 'org', auth: true, summary: "Set a user's role (admin)", body: User, response: User },
  {
    method: 'GET',
    path: '/office/certificate-layout',
    group: 'org',
    auth: true,
    summary:
      "Where the Giấy khen's fields print on the office's blank, with the offsets of its test print (HR, admin); version 0: the default",
    response: api.StoredCertificateLayout,
  },
  {
    method: 'PUT',
    path: '/office/certificate-layout',
    group: 'org',
    auth: true,
    summary: "Save the certificates' layout over the version read (admin): every field on the page, 8–48 pt",
    body: api.CertificateLayoutUpdate,
    response: api.StoredCertificateLayout,
  },
  {
    method: 'GET',
    path: '/campaigns',
    group: 'campaigns',
    auth: true,
    summary: 'List campaigns, a page of summaries at a time (the whole campaign is GET /campaigns/{campaignId})',
    query: api.CampaignListQuery,
    response: api.CampaignPage,
  },
  {
    method: 'POST',
    path: '/campaigns',
    group: 'campaigns',
    auth: true,
    summary: 'Create a campaign (admin), in draft (a stage in the body is ignored)',
    body: api.CampaignBody,
    response: api.StoredCampaign,
    status: 201,
  },
  { method: 'GET', path: '/campaigns/{campaignId}', group: 'campaigns', auth: true, summary: 'A campaign', response: api.StoredCampaign },
  {
    method: 'PUT',
    path: '/campaigns/{campaignId}',
    group: 'campaigns',
    auth: true,
    summary: 'Update a campaign (admin), keeping its stage; refused once archived',
    body: api.CampaignUpdate,
    response: api.StoredCampaign,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/stage',
    group: 'campaigns',
    auth: true,
    summary: "Move the campaign's stage (HR, admin) from the version read; a step back needs a reason; audited",
    body: api.StageMoveRequest,
    response: api.StoredCampaign,
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/nominations',
    group: 'nominations',
    auth: true,
    summary: 'List nominations (filter by unit and status)',
    query: api.ListQuery,
    response: api.NominationPage,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/nominations/batch',
    group: 'nominations',
    auth: true,
    summary: 'Save a batch of changed rows, validated',
    headers: api.SaveBatchHeaders,
    body: api.SaveBatchRequest,
    response: api.SaveBatchResult,
  },
  {
    method: 'DELETE',
    path: '/campaigns/{campaignId}/nominations/{nominationId}',
    group: 'nominations',
    auth: true,
    summary: 'Delete a nomination (recorded, recoverable)',
    query: api.VersionQuery,
    response: Nomination,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/nominations/{nominationId}/restore',
    group: 'nominations',
    auth: true,
    summary: 'Restore a deleted nomination',
    query: api.VersionQuery,
    response: Nomination,
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/validation',
    group: 'reports',
    auth: true,
    summary: "The campaign's validation report",
    response: api.ValidationReport,
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/audit',
    group: 'reports',
    auth: true,
    summary: "The campaign's audit log",
    query: api.AuditQuery,
    response: api.AuditPage,
  },
  ...STATISTICS_ROUTES,
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/rounds',
    group: 'council',
    auth: true,
    summary: "The council's voting rounds",
    response: api.RoundList,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds',
    group: 'council',
    auth: true,
    summary: 'Open a voting round: the eligible nominations, or the tied ones of a confirmed round (secretary)',
    body: api.CreateRoundRequest,
    response: api.VotingRound,
    status: 201,
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/rounds/{roundId}',
    group: 'council',
    auth: true,
    summary: 'A voting round with its result and minutes (?include=ballots for the ballots)',
    query: api.RoundQuery,
    response: api.VotingRound,
  },
  {
    method: 'PUT',
    path: '/campaigns/{campaignId}/rounds/{roundId}/ballots',
    group: 'council',
    auth: true,
    summary: "Replace a round's numbered ballots (secretary, recorded)",
    body: api.SubmitBallotsRequest,
    response: api.VotingRound,
  },
  ...BALLOT_UPLOAD_ROUTES,
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds/{roundId}/tally',
    group: 'council',
    auth: true,
    summary: 'Tally a round by the council rules: result and minutes (secretary)',
    response: api.VotingRound,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds/{roundId}/confirm',
    group: 'council',
    auth: true,
    summary: 'Confirm a tallied round: selections written within the quotas, atomically (secretary)',
    body: api.ConfirmRoundRequest,
    response: api.VotingRound,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/rounds/{roundId}/annul',
    group: 'council',
    auth: true,
    summary: 'Annul a confirmed round with a reason: its decisions back to eligible, places given back (admin)',
    body: api.AnnulRoundRequest,
    response: api.VotingRound,
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/documents/{kind}',
    group: 'documents',
    auth: true,
    summary:
      "One of the office's documents, generated from the stored data as .docx: the proposals, the council's minutes (also the secretary), the Chief of Office's decision with its attached list, the certificates (HR, admin)",
    query: api.DocumentQuery,
    response: api.DocumentFile,
    mediaType: api.DOCX_MEDIA_TYPE,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/documents/{kind}',
    group: 'documents',
    auth: true,
    summary:
      "Generate one of the office's documents and record it: the register's next number (or the one given), its date, who and when, what changed since it was last generated; the file in the answer",
    body: api.GenerateDocumentRequest,
    response: api.GeneratedDocument,
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/documents/{kind}/issue',
    group: 'documents',
    auth: true,
    summary:
      'Issue the signed decision as generated: its nominations move from selected to awarded, with the audit, in one transaction (HR, admin; the data unchanged since it was generated)',
    body: api.IssueDocumentRequest,
    response: api.IssuedDocument,
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/documents',
    group: 'documents',
    auth: true,
    summary: "The campaign's generated documents: number, date, who generated and issued them, when",
    response: api.DocumentRecords,
  },
  ...FILE_ROUTES,
  ...REGISTER_ROUTES,
];

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  'health',
  'campaigns',
  'org',
  'nominations',
  'reports',
  'council',
  'documents',
  'files',
  'register',
];

/** The route key API Gateway puts in `event.routeKey`, e.g. `GET /campaigns/{campaignId}`. */
export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
