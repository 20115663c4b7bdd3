import type { ValidationReport } from '#shared/api/validation';
import { nomineeKey, type Nomination } from '#shared/nomination';
import type { RegisterEntry } from '#shared/register/entry';
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

/**
 * Every rule of the plan over a campaign's live nominations: the validation report. `awards` gives the
 * register entries under a nominee's name (rule 8 against the award register, as a save judges it);
 * without it the register is not consulted.
 */
export function validateCampaign(
  ctx: RuleContext,
  nominations: readonly Nomination[],
  awards: (nominee: Nomination) => readonly RegisterEntry[] = () => [],
): ValidationReport {
  const live = nominations.filter((nomination) => !nomination.deletedAt);
  const quotaUsage = computeQuotaUsage(ctx.campaign, live);
  const nomineeCounts = countNominees(live);
  const issues = live.flatMap((nomination) =>
    nominationFindings(
      ctx,
      nomination,
      { nominationId: nomination.id },
      { timesNominated: nomineeCounts.get(nomineeKey(nomination)) ?? 0, quotaUsage, awards: awards(nomination) },
    ),
  );
  const all = [...issues, ...quotaFormIssues(ctx, quotaUsage)];
  return { issues: all, quotaUsage, counts: { nominations: live.length, ...summarizeFindings(all) } };
}
export * from './register-duplicates';
