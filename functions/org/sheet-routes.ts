import * as api from '#shared/api/index';

/**
 * The org sheets' saves, as lines of functions/routes.ts's one list (spread there; kept here so that
 * the list stays readable): each takes a sheet's changed rows and removed codes and answers each row
 * saved, unchanged or refused with its findings, and each removal deleted, left or kept.
 */
const save = (path: string, body: (typeof api)['UnitSheetSave' | 'PersonSheetSave' | 'UserSheetSave'], what: string) => ({
  method: 'PUT' as const,
  path,
  group: 'org' as const,
  auth: true,
  summary: `Save ${what}`,
  headers: api.SaveBatchHeaders,
  body,
  response: api.OrgSheetResult,
});

export const ORG_SHEET_SAVES = [
  save(
    '/units',
    api.UnitSheetSave,
    "the Đơn vị sheet's rows (admin; HR is refused REGISTRY_READ_ONLY): a unit with staff, units under it, nominations or users is kept, saying why",
  ),
  save(
    '/people',
    api.PersonSheetSave,
    "the Cán bộ sheet's rows, ≤ 2,000 a request (admin): new rows get codes; a likely duplicate (same name, unit, birth date) is refused or flagged, never merged; a removed person with nominations is marked as having left",
  ),
  save(
    '/users',
    api.UserSheetSave,
    "the Người dùng sheet's rows (admin): nobody takes away their own admin role (OWN_ADMIN_ROLE), the office keeps an admin (LAST_ADMIN), under concurrent saves too",
  ),
];
