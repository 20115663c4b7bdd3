import { makeIssue, type Issue } from '#shared/issues';
import type { NominationFields } from '#shared/nomination';
import type { RegisterEntry } from '#shared/register/entry';
import { entriesOfSubject, subjectOf } from '#shared/register/match';
import type { RuleContext } from './context';
import type { RowTarget } from './nomination-rules';

type Nominee = Pick<NominationFields, 'nomineeKind' | 'nomineeId' | 'unitId'> & { id?: string };

/**
 * Rule 8 against the award register: a nominee already awarded in this campaign (by another nomination),
 * or awarded before for the same achievement period, is flagged, naming the earlier decision (number
 * and date). `awards` are the entries recorded under the nominee's name: the save reads them for the
 * nominees it saves only, the full report for the campaign's, and this rule keeps those that are this
 * nominee's (entriesOfSubject).
 */
export function registerIssuesFor(ctx: RuleContext, nomination: Nominee, target: RowTarget, awards: readonly RegisterEntry[]): Issue[] {
  if (awards.length === 0) return [];
  const subject = subjectOf(ctx, nomination.nomineeKind, nomination.nomineeId);
  const unit = ctx.units.get(nomination.unitId);
  const nominee = subject.id ? subject : { ...subject, unitId: nomination.unitId, unitName: unit?.name ?? nomination.unitId };
  const { campaign } = ctx;
  const issues: Issue[] = [];
  for (const entry of entriesOfSubject(nominee, awards)) {
    if (nomination.id !== undefined && entry.nominationId === nomination.id) continue;
    const params = {
      nomineeName: subject.name,
      awardFormName: entry.awardFormName,
      decisionNumber: entry.decisionNumber,
      decisionDate: entry.decisionDate,
    };
    const at = { ...target, field: 'nomineeId' };
    if (entry.campaignId === campaign.id) issues.push(makeIssue('AWARDED_IN_CAMPAIGN', 'error', at, params));
    else if (entry.period && entry.period.start === campaign.period.start && entry.period.end === campaign.period.end)
      issues.push(makeIssue('AWARDED_SAME_PERIOD', 'error', at, { ...params, start: entry.period.start, end: entry.period.end }));
  }
  return issues;
}
