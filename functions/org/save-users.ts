import type { z } from 'zod';
import { summarize, type OrgSheetResult, UserSheetSave } from '#shared/api/org-sheets';
import type { User } from '#shared/org';
import { ApiError } from '#functions/http/errors';
import { takesAdminAway } from '#shared/policy/org';
import { findings } from '#shared/registry/findings';
import { withConflicts } from '#shared/registry/row-plan';
import { planUsersSave, userChanges } from '#shared/registry/users-plan';
import type { Db } from '#functions/store/client';
import { countAdmins, listUnits, usersByEmails } from '#functions/store/org-sheet-store';
import { writeDemotions, writeUsers } from '#functions/store/user-writes';
import { accounts, type Accounts } from './accounts';
import { disableRemovedUsers, inviteNewUsers } from './user-accounts';
import { readAs } from './read-as';

type Request = z.infer<typeof UserSheetSave>;

/**
 * PUT /users: the Người dùng sheet's changed rows and removed e-mails. Reads the users named (BatchGet),
 * the units when a row names one, and counts the admins only when the save takes an admin role away.
 * Users new to the table get a sign-in account first, and deleted ones lose theirs after (`Accounts`).
 */
export async function saveUsers(db: Db, actor: User, request: Request, port: Accounts = accounts()): Promise<OrgSheetResult> {
  const { rows } = request;
  // An e-mail both on a row and removed is a row: one write per user.
  const rowEmails = new Set(rows.map((row) => row.user.email.toLowerCase()));
  const removed = request.removed.filter((email) => !rowEmails.has(email.toLowerCase()));
  const needsUnits = rows.some((row) => row.user.unitId !== undefined);
  const [stored, units] = await Promise.all([
    usersByEmails(db, [...rows.map((row) => row.user.email), ...removed]),
    needsUnits ? listUnits(db) : Promise.resolve([]),
  ]);
  const changes = userChanges(rows, removed, stored);
  const adminsBefore = takesAdminAway(changes) ? await countAdmins(db) : Number.MAX_SAFE_INTEGER;
  const plan = planUsersSave({ actor, rows, removed, stored, unitIds: new Set(units.map((unit) => unit.id)), adminsBefore });
  await inviteNewUsers(plan, stored, port);

  const guarded = { puts: plan.puts.filter((u) => plan.demoted.has(u.email)), deletes: plan.deletes.filter((e) => plan.demoted.has(e)) };
  const read = readAs(stored, rowEmails);
  if (guarded.puts.length + guarded.deletes.length > 0 && !(await writeDemotions(db, actor.email, guarded.puts, guarded.deletes, read))) {
    // Another admin changed roles (or these users) meanwhile: these rows are in the way, nothing of them was written.
    const refusal = findings.policy('LAST_ADMIN', 'role');
    for (const result of plan.results) {
      if (plan.demoted.has(result.id ?? '') && result.outcome === 'saved')
        Object.assign(result, { outcome: 'refused', findings: [refusal] });
    }
    for (const result of plan.removedResults) {
      if (plan.demoted.has(result.id) && result.outcome === 'deleted') Object.assign(result, { outcome: 'kept', reason: refusal.message });
    }
  }
  const conflicts = await writeUsers(
    db,
    plan.puts.filter((u) => !plan.demoted.has(u.email)),
    plan.deletes.filter((e) => !plan.demoted.has(e)),
    read,
  );
  const answer = withConflicts(plan.results, plan.removedResults, conflicts);
  await disableRemovedUsers({ removedResults: answer.removed }, port);
  return summarize(answer.results, answer.removed);
}

/** PUT /users/{email}: one user, under the same rules as the sheet (its refusal answered as the API's error); its version now. */
export async function putOneUser(db: Db, actor: User, user: User): Promise<number | undefined> {
  const { version, ...fields } = user;
  const result = await saveUsers(db, actor, { rows: [{ rowKey: '1', ...(version ? { version } : {}), user: fields }], removed: [] });
  const refusal = result.rows[0]?.findings[0];
  if (refusal?.code === 'OWN_ADMIN_ROLE' || refusal?.code === 'LAST_ADMIN' || refusal?.code === 'ACCOUNT_NOT_INVITED')
    throw new ApiError(refusal.code, { email: user.email });
  if (refusal?.code === 'STALE_ROW') throw new ApiError('VERSION_CONFLICT', { email: user.email });
  return result.rows[0]?.version;
}
