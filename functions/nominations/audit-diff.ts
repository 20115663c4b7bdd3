import { AUDITED_FIELDS, type Nomination } from '#shared/nomination';
import type { AuditEntry } from '#functions/store/audit-store';

/** Each field that changed, from what to what. */
export function diffNominations(before: Nomination | undefined, after: Nomination): AuditEntry['changes'] {
  const changes: AuditEntry['changes'] = {};
  if (!before) {
    // A new nomination: every field it has, with nothing to compare (the common case of a big save).
    for (const field of AUDITED_FIELDS) if (after[field] !== undefined) changes[field] = { to: after[field] };
    return changes;
  }
  for (const field of AUDITED_FIELDS) {
    const from = before?.[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
