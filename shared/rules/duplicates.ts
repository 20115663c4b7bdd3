import { makeIssue, type Issue } from '#shared/issues';
import { nomineeKey, type NominationFields } from '#shared/nomination';
import { nomineeName, type RuleContext } from './context';
import type { RowTarget } from './nomination-rules';

/** Rule 8: how many live nominations of the campaign name each nominee. */
export function countNominees(nominations: readonly Pick<NominationFields, 'nomineeKind' | 'nomineeId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const nomination of nominations) {
    const key = nomineeKey(nomination);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Rule 8: one achievement, one award; the same nominee proposed twice (for either form) is flagged. */
export function duplicateIssuesFor(
  ctx: RuleContext,
  nomination: Pick<NominationFields, 'nomineeKind' | 'nomineeId'>,
  target: RowTarget,
  timesNominated: number,
): Issue[] {
  if (timesNominated < 2) return [];
  return [
    makeIssue(
      'DUPLICATE_NOMINEE',
      'error',
      { ...target, field: 'nomineeId' },
      {
        nomineeName: nomineeName(ctx, nomination.nomineeKind, nomination.nomineeId),
        count: timesNominated,
      },
    ),
  ];
}
