import type { NominationFields } from '#shared/nomination';
import type { User } from '#shared/org';
import { mayRead } from './nominations';
import { unlessRole, type Refusal } from './roles';

/**
 * Whose nominations a user's statistics count. A unit clerk's are its own unit's that it may read (the
 * listing's rule: the rows it still holds), so a figure never tells a clerk more than its sheet does;
 * everyone else's are the whole campaign's. The quota usage stays campaign-wide, as in the report.
 */
export function statisticsScope(user: User): {
  unitId?: string | undefined;
  counts: (nomination: Pick<NominationFields, 'unitId' | 'status'>) => boolean;
} {
  if (user.role !== 'unit') return { counts: () => true };
  return { unitId: user.unitId, counts: (nomination) => mayRead(user, nomination) };
}

/** The yearly summary reports every campaign of the office: HR's, the leaders', the council's; not a unit's. */
export function refuseYearlyStatistics(user: Pick<User, 'role'>): Refusal {
  return unlessRole(user, ['admin', 'hr', 'secretary', 'viewer']);
}
