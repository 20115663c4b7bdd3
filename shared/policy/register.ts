import type { Campaign } from '#shared/campaign';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { DECISION_MOVES } from '#shared/status';
import { unlessRole, type Refusal } from './roles';

/**
 * The award register's "who may". Recording a decision is refuseRecordDecision's (nominations.ts); the
 * history is the office's memory, imported by HR or an administrator. Everyone of the office reads the
 * register, but a unit clerk only its own unit's people and the unit itself.
 */
export function refuseImportHistory(user: Pick<User, 'role'>): Refusal {
  return unlessRole(user, ['hr', 'admin']);
}

export function refuseRegisterLookup(user: Pick<User, 'role' | 'unitId'>, subjectUnitId?: string): Refusal {
  if (user.role !== 'unit') return undefined;
  return subjectUnitId !== undefined && subjectUnitId === user.unitId ? undefined : 'FORBIDDEN_UNIT';
}

/**
 * A decision entered by hand (the Province's, on a form the office proposes) awards only the
 * nominations the council selected for its form: the office's own form is issued through its documents.
 */
export function refuseEnteredDecision(
  campaign: Pick<Campaign, 'awardForms'>,
  awardForm: string,
  ids: readonly string[],
  found: ReadonlyMap<string, Nomination>,
): { code: NonNullable<Refusal>; ids?: string[] } | undefined {
  const form = campaign.awardForms.find((f) => f.code === awardForm);
  if (!form) return { code: 'DECISION_FORM_UNKNOWN' };
  if (form.decidedBy === 'office') return { code: 'DECISION_FORM_OFFICE' };
  const from: readonly string[] = DECISION_MOVES.issue.from;
  const refused = ids.filter((id) => {
    const n = found.get(id);
    return !n || n.deletedAt || !from.includes(n.status) || n.awardForm !== awardForm;
  });
  return refused.length > 0 ? { code: 'DECISION_NOT_SELECTED', ids: refused } : undefined;
}
