import * as api from '#shared/api/register';
import type { Route } from './route';

/**
 * The award register (issue 11): decisions entered by hand, the office's history imported from its
 * sheet, and a person's or a unit's history; listed beside functions/routes.ts's routes and read
 * through its ROUTES, in a group (and a Lambda) of their own.
 */
export const REGISTER_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/decisions',
    group: 'register',
    auth: true,
    summary:
      "Record a decision entered by hand (the Province's on the Bằng khen: number, date, signer, award form): its nominations, all selected for that form, move to awarded and each gets its entry in the award register (HR, admin; Idempotency-Key honoured)",
    body: api.RecordDecisionRequest,
    response: api.RecordDecisionResult,
  },
  {
    method: 'PUT',
    path: '/register/history',
    group: 'register',
    auth: true,
    summary:
      "Import up to 500 rows of the office's award history (the 'Lịch sử khen thưởng' sheet): matched to the registry's staff by name, unit and birth date, else kept by name and unit; the same rows imported again add nothing (HR, admin)",
    body: api.ImportHistoryRequest,
    response: api.ImportHistoryResult,
  },
  {
    method: 'GET',
    path: '/register',
    group: 'register',
    auth: true,
    summary:
      "A person's or a unit's award history across campaigns and years (?kind=individual|collective and id= or name=, filters year=, form=, unit=); reads that name's partition only (a unit clerk: its own unit's)",
    query: api.RegisterLookupQuery,
    response: api.RegisterLookup,
  },
];
