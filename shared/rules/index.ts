import type { ValidationReport } from '#shared/api/validation';
import { nomineeKey, type Nomination } from '#shared/nomination';
import type { RuleContext } from './context';
import { countNominees, duplicateIssuesFor } from './duplicates';
import { checkNomination } from './nomination-rules';
import { computeQuotaUsage, quotaIssuesFor } from './quota';

export * from './context';
export * from './duplicates';
export * from './nomination-rules';
export * from './quota';

export type { ValidationReport };

/** Every rule of the plan over a campaign's live nominations: the validation report. */
export function validateCampaign(ctx: RuleContext, nominations: readonly Nomination[]): ValidationReport {
  const live = nominations.filter((nomination) => !nomination.deletedAt);
  const quotaUsage = computeQuotaUsage(ctx.campaign, live);
  const nomineeCounts = countNominees(live);
  const issues = live.flatMap((nomination) => {
    const target = { nominationId: nomination.id };
    return [
      ...checkNomination(ctx, nomination, target),
      ...duplicateIssuesFor(ctx, nomination, target, nomineeCounts.get(nomineeKey(nomination)) ?? 0),
      ...quotaIssuesFor(ctx, quotaUsage, nomination, target),
    ];
  });
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { issues, quotaUsage, counts: { nominations: live.length, errors, warnings: issues.length - errors } };
}
