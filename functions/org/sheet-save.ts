import type { z } from 'zod';
import { PersonSheetSave, UnitSheetSave, UserSheetSave, type OrgSheetResult } from '#shared/api/org-sheets';
import type { User } from '#shared/org';
import type { OrgAction } from '#shared/policy/org';
import { idempotent } from '#functions/http/idempotent';
import { parseBody } from '#functions/http/request';
import type { ApiEvent } from '#functions/http/types';
import { db } from '#functions/store/client';
import { orgActor } from './request';
import { savePeople } from './save-people';
import { saveUnits } from './save-units';
import { saveUsers } from './save-users';

/**
 * An org sheet's save as a route: the policy first (so that HR learns it may only read, before its body
 * is read), the body by its one schema, the work once per Idempotency-Key (a retried chunk gets the codes
 * the first attempt gave).
 */
export function orgSheetSave<S extends z.ZodType>(
  action: OrgAction,
  schema: S,
  save: (user: User, body: z.infer<S>) => Promise<OrgSheetResult>,
) {
  return async (event: ApiEvent) => {
    const user = await orgActor(event, action);
    const body = parseBody(event, schema);
    return idempotent(event, user.email, `org:${action}`, async () => ({ statusCode: 200, body: await save(user, body) }));
  };
}

/** The org sheets' saves, for the org group's entry. */
export const ORG_SHEET_ROUTES = {
  'PUT /units': orgSheetSave('writeRegistry', UnitSheetSave, (_user, body) => saveUnits(db(), body)),
  'PUT /people': orgSheetSave('writeRegistry', PersonSheetSave, (_user, body) => savePeople(db(), body)),
  'PUT /users': orgSheetSave('writeUsers', UserSheetSave, (user, body) => saveUsers(db(), user, body)),
};
