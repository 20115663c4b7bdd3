import type { ValidationReport } from '#shared/api/validation';
import { nomineeKey, type Nomination } from '#shared/nomination';
import type { RuleContext } from './context';
import { countNominees } from './duplicates';
import { nominationFindings, summarizeFindings } from './findings';
import { computeQuotaUsage, quotaFormIssues } from './quota';

export * from './context';
export * from './duplicates';
export * from './findings';
export * from './nomination-rules';
export * from './quota';

export type { ValidationReport };

/** Every rule of the plan over a campaign's live nominations: the validation report. */
export function validateCampaign(ctx: RuleContext, nominations: readonly Nomination[]): ValidationReport {
  const live = nominations.filter((nomination) => !nomination.deletedAt);
  const quotaUsage = computeQuotaUsage(ctx.campaign, live);
  const nomineeCounts = countNominees(live);
  const issues = live.flatMap((nomination) =>
    nominationFindings(
      ctx,
      nomination,
      { nominationId: nomination.id },
      { timesNominated: nomineeCounts.get(nomineeKey(nomination)) ?? 0, quotaUsage },
    ),
  );
  const all = [...issues, ...quotaFormIssues(ctx, quotaUsage)];
  return { issues: all, quotaUsage, counts: { nominations: live.length, ...summarizeFindings(all) } };
}
export * from './register-duplicates';
