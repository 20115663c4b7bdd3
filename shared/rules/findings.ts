import type { Issue } from '#shared/issues';
import type { Nomination } from '#shared/nomination';
import type { RegisterEntry } from '#shared/register/entry';
import type { RuleContext } from './context';
import { duplicateIssuesFor } from './duplicates';
import { checkNomination, type RowTarget } from './nomination-rules';
import { quotaIssuesFor, type QuotaUsage } from './quota';
import { registerIssuesFor } from './register-duplicates';

/** What a nomination's findings are judged against, beyond the nomination itself. */
export interface FindingsInput {
  /** Rule 8: how many live nominations of the campaign name this nominee (this one included). */
  timesNominated: number;
  /** Rule 4: the quotas' usage as it now stands. */
  quotaUsage: readonly QuotaUsage[];
  /** Rule 8 against the register: the entries recorded under the nominee's name (none when not read). */
  awards?: readonly RegisterEntry[];
  /**
   * Its own rules' findings (checkNomination's) at this target, when the caller already has them: the
   * save checks each row before writing it and answers with the same findings, so it runs them once.
   */
  own?: readonly Issue[];
}

/**
 * Every finding on one nomination: its own rules, rule 8 against its nominee's other nominations and the award register,
 * rule 4's quotas. The save, the validation report and every test double compose them here, so that a
 * new rule shows up in all of them at once.
 */
export function nominationFindings(ctx: RuleContext, nomination: Nomination, target: RowTarget, input: FindingsInput): Issue[] {
  return [
    ...(input.own ?? checkNomination(ctx, nomination, target)),
    ...duplicateIssuesFor(ctx, nomination, target, input.timesNominated),
    ...registerIssuesFor(ctx, nomination, target, input.awards ?? []),
    ...quotaIssuesFor(ctx, input.quotaUsage, nomination, target),
  ];
}

export interface FindingCounts {
  errors: number;
  warnings: number;
}

/** How many of the findings are errors and how many warnings. */
export function summarizeFindings(issues: readonly Pick<Issue, 'severity'>[]): FindingCounts {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}
