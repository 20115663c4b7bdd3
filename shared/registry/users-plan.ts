import type { OrgRowResult, RemovedResult, UserRow } from '#shared/api/org-sheets';
import type { User } from '#shared/org';
import { refuseUserChanges, type UserChange } from '#shared/policy/org';
import { findings } from './findings';
import { sameRecord } from './row-plan';

export interface UsersSaveInput {
  actor: Pick<User, 'email'>;
  rows: readonly UserRow[];
  removed: readonly string[];
  /** The stored users the rows and removals name, by lower-case e-mail. */
  stored: ReadonlyMap<string, User>;
  unitIds: ReadonlySet<string>;
  /** Admins stored before the save (counted only when the save takes an admin role away). */
  adminsBefore: number;
}

export interface UsersSavePlan {
  results: OrgRowResult[];
  removedResults: RemovedResult[];
  puts: User[];
  deletes: string[];
  /** The e-mails among puts and deletes that take an admin role away: written under the actor's check. */
  demoted: Set<string>;
}

/** The changes of a save as the policy sees them: before and after each e-mail. */
export function userChanges(rows: readonly UserRow[], removed: readonly string[], stored: ReadonlyMap<string, User>): UserChange[] {
  const changes: UserChange[] = rows.map((row) => {
    const email = row.user.email.toLowerCase();
    const before = stored.get(email);
    return { email, ...(before ? { before } : {}), after: row.user };
  });
  for (const email of removed.map((e) => e.toLowerCase())) {
    const before = stored.get(email);
    if (before) changes.push({ email, before });
  }
  return changes;
}

/** A save of the Người dùng sheet: each row's unit, the unit role's unit, and shared/policy's own-role and last-admin rules. */
export function planUsersSave(input: UsersSaveInput): UsersSavePlan {
  const plan: UsersSavePlan = { results: [], removedResults: [], puts: [], deletes: [], demoted: new Set() };
  const refusals = refuseUserChanges(input.actor, userChanges(input.rows, input.removed, input.stored), input.adminsBefore);
  const seen = new Map<string, string>();
  for (const row of input.rows) {
    const email = row.user.email.toLowerCase();
    const user = { ...row.user, email } as User;
    const refuse = (finding: OrgRowResult['findings'][number]) =>
      plan.results.push({ rowKey: row.rowKey, id: email, outcome: 'refused', findings: [finding] });
    const refusal = refusals.get(email);
    const before = input.stored.get(email);
    const storedVersion = before?.version ?? 1;
    if (seen.has(email)) refuse(findings.duplicateCode(email, seen.get(email)!));
    else if (before && row.version !== undefined && row.version !== storedVersion) refuse(findings.stale(storedVersion));
    else if (refusal) refuse(findings.policy(refusal, 'role'));
    else if (user.role === 'unit' && !user.unitId) refuse(findings.unitRoleNeedsUnit());
    else if (user.unitId && !input.unitIds.has(user.unitId)) refuse(findings.unknownUnit(user.unitId));
    else {
      const changed = !before || !sameRecord(before, user);
      const version = changed ? (before ? storedVersion + 1 : 1) : storedVersion;
      if (changed) plan.puts.push({ ...user, version });
      if (before?.role === 'admin' && user.role !== 'admin') plan.demoted.add(email);
      plan.results.push({ rowKey: row.rowKey, id: email, outcome: changed ? 'saved' : 'unchanged', version, findings: [] });
    }
    seen.set(email, row.rowKey);
  }
  for (const email of input.removed.map((e) => e.toLowerCase())) {
    const before = input.stored.get(email);
    if (!before) continue;
    const refusal = refusals.get(email);
    if (refusal) {
      plan.removedResults.push({ id: email, outcome: 'kept', reason: findings.policy(refusal).message });
      continue;
    }
    plan.deletes.push(email);
    if (before.role === 'admin') plan.demoted.add(email);
    plan.removedResults.push({ id: email, outcome: 'deleted' });
  }
  return plan;
}

/**
 * The sign-in accounts a save asks for (issue 12): one, with its invitation, for each user new to the
 * table that the save would write, and the account of each user it deletes disabled. Invited before
 * the write (a failed invitation refuses its row, to be saved again); disabled after it, so a
 * removal refused by another admin's concurrent save disables nobody.
 */
export function accountsToInvite(plan: Pick<UsersSavePlan, 'puts'>, stored: ReadonlyMap<string, User>): User[] {
  return plan.puts.filter((user) => !stored.has(user.email));
}

export function accountsToDisable(removedResults: readonly RemovedResult[]): string[] {
  return removedResults.filter((result) => result.outcome === 'deleted').map((result) => result.id);
}
