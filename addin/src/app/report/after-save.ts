import type { RelatedRow, RowResult } from '#shared/api/index';
import type { Issue } from '#shared/issues';
import type { NominationFields } from '#shared/nomination';
import { QUOTA_RULE_CODES, quotaIssuesFor, type QuotaUsage, type RuleContext } from '#shared/rules/index';

type QuotaFields = Pick<NominationFields, 'awardForm' | 'unitId' | 'status'>;

/**
 * The issue list after a save, from the save's answer alone: a full report would cost the server a
 * read of the whole campaign, and that stays for "Kiểm tra lại". The saved rows and the related ones
 * (rule 8 across rows) take the findings the server gave; the rows the sheet holds unchanged take rule
 * 4's findings again from the quota usage after the save, by the same shared rule the server applies
 * (a quota's figures move with every save, so its findings move on every row of its form); the rest
 * stay as they were.
 */
export function issuesAfterSave(args: {
  previous: readonly Issue[];
  rows: readonly RowResult[];
  related: Iterable<RelatedRow>;
  quotaUsage: readonly QuotaUsage[] | undefined;
  /** id → what an unchanged row of the sheet holds (absent: a row that does not parse). */
  unchanged: ReadonlyMap<string, { fields?: QuotaFields }>;
  ctx: RuleContext;
}): Issue[] {
  const { quotaUsage, ctx } = args;
  const fresh = new Map<string, Issue[]>();
  for (const row of args.rows) if (row.outcome === 'saved' && row.id) fresh.set(row.id, row.issues);
  for (const row of args.related) if (!fresh.has(row.id)) fresh.set(row.id, row.issues);
  const requota = new Map<string, QuotaFields>();
  if (quotaUsage) {
    for (const [id, row] of args.unchanged) if (row.fields && !fresh.has(id)) requota.set(id, row.fields);
  }
  const quotaCodes = new Set(QUOTA_RULE_CODES);
  const kept = args.previous.filter((issue) => {
    const id = issue.nominationId;
    if (id === undefined) return true;
    return !fresh.has(id) && !(requota.has(id) && quotaCodes.has(issue.code));
  });
  const quota = [...requota].flatMap(([id, fields]) => quotaIssuesFor(ctx, quotaUsage!, fields, { nominationId: id }));
  return [...kept, ...quota, ...[...fresh.values()].flat()];
}
