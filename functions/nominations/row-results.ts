import type { RowResult } from '#shared/api/save';
import type { Issue } from '#shared/issues';
import { formulaLikeFields, type Nomination, type NominationChange } from '#shared/nomination';
import type { User } from '#shared/org';
import { mayRead } from '#shared/policy/nominations';

/** A row refused before any write: as the server holds it (nothing, for a new row), with why. */
export function refusedResult(change: NominationChange, before: Nomination | undefined, issues: Issue[], refusal: Issue): RowResult {
  return {
    ...(change.rowKey !== undefined ? { rowKey: change.rowKey } : {}),
    ...(before ? { id: before.id, version: before.version, status: before.status } : {}),
    outcome: 'refused',
    issues,
    textFields: [],
    refusal,
  };
}

export function conflictResult(user: User, change: NominationChange, current: Nomination): RowResult {
  const visible = mayRead(user, current);
  return {
    ...(change.rowKey !== undefined ? { rowKey: change.rowKey } : {}),
    id: current.id,
    outcome: 'conflict',
    version: current.version,
    status: current.status,
    issues: [],
    textFields: visible ? formulaLikeFields(current) : [],
    current: visible ? current : { id: current.id, version: current.version, status: current.status },
  };
}
