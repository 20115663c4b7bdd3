import type { QuotaUsage } from '#shared/api/quota';
import type { Campaign, QuotaRule } from '#shared/campaign';
import { makeIssue, type Issue } from '#shared/issues';
import type { Localized } from '#shared/localized';
import type { RuleCode } from '#shared/messages';
import type { NominationFields } from '#shared/nomination';
import type { RuleContext } from './context';
import type { RowTarget } from './nomination-rules';

/** The findings rule 4 puts on a nomination: they follow the quota usage, which every save moves. */
export const QUOTA_RULE_CODES: readonly RuleCode[] = ['QUOTA_EXCEEDED'];

/** The scope key of a whole-campaign quota; a unit quota uses the unit's id. */
export const CAMPAIGN_SCOPE = '*';

export type { QuotaUsage };

type QuotaRelevant = Pick<NominationFields, 'awardForm' | 'unitId' | 'status'>;

export function quotaScopeKey(rule: QuotaRule, nomination: Pick<NominationFields, 'unitId'>): string {
  return rule.scope === 'unit' ? nomination.unitId : CAMPAIGN_SCOPE;
}

/** Whether a nomination takes one of the rule's places (by default: the council selected it). */
export function countsTowards(rule: QuotaRule, nomination: QuotaRelevant | undefined): boolean {
  return !!nomination && nomination.awardForm === rule.awardForm && rule.countedStatuses.includes(nomination.status);
}

export function isCandidate(rule: QuotaRule, nomination: QuotaRelevant | undefined): boolean {
  return !!nomination && nomination.awardForm === rule.awardForm && rule.candidateStatuses.includes(nomination.status);
}

/** Usage of every quota computed from the live nominations themselves (the validation report's view). */
export function computeQuotaUsage(campaign: Campaign, nominations: readonly QuotaRelevant[]): QuotaUsage[] {
  const usage = new Map<string, QuotaUsage>();
  const entry = (rule: QuotaRule, scopeKey: string) => {
    const key = `${rule.id}#${scopeKey}`;
    let found = usage.get(key);
    if (!found) {
      found = { ruleId: rule.id, awardForm: rule.awardForm, scope: rule.scope, scopeKey, max: rule.max, used: 0, candidates: 0 };
      usage.set(key, found);
    }
    return found;
  };
  for (const rule of campaign.quotaRules) {
    if (rule.scope === 'campaign') entry(rule, CAMPAIGN_SCOPE);
    for (const nomination of nominations) {
      if (countsTowards(rule, nomination)) entry(rule, quotaScopeKey(rule, nomination)).used += 1;
      if (isCandidate(rule, nomination)) entry(rule, quotaScopeKey(rule, nomination)).candidates += 1;
    }
  }
  return [...usage.values()];
}

function scopeName(ctx: RuleContext, usage: QuotaUsage): Localized {
  if (usage.scope === 'campaign') return { vi: '', en: '' };
  const unitName = ctx.units.get(usage.scopeKey)?.name ?? usage.scopeKey;
  return { vi: ` (${unitName})`, en: ` (${unitName})` };
}

function formName(ctx: RuleContext, awardForm: string): Localized {
  return ctx.campaign.awardForms.find((form) => form.code === awardForm)?.name ?? { vi: awardForm, en: awardForm };
}

/**
 * The quota finding that concerns one nomination: an error when its form is over the cap and it takes
 * a place. (More candidates than places is the form's finding, not a row's: quotaFormIssues.)
 */
export function quotaIssuesFor(ctx: RuleContext, usages: readonly QuotaUsage[], nomination: QuotaRelevant, target: RowTarget): Issue[] {
  const issues: Issue[] = [];
  for (const rule of ctx.campaign.quotaRules) {
    const usage = usages.find((u) => u.ruleId === rule.id && u.scopeKey === quotaScopeKey(rule, nomination));
    if (!usage || !countsTowards(rule, nomination) || usage.used <= usage.max) continue;
    const params = { awardFormName: formName(ctx, rule.awardForm), scopeName: scopeName(ctx, usage), used: usage.used, max: usage.max };
    issues.push(makeIssue('QUOTA_EXCEEDED', 'error', { ...target, field: 'status' }, params));
  }
  return issues;
}

/**
 * More candidates than places, once per quota (form and scope) and on no row: normal before the council
 * votes, it asks the council to choose, and says nothing a candidate's row must fix.
 */
export function quotaFormIssues(ctx: RuleContext, usages: readonly QuotaUsage[]): Issue[] {
  return (
    usages
      // Over the cap, the rows taking a place carry the error; there is no choice left to ask for.
      .filter((usage) => usage.candidates > usage.max && usage.used <= usage.max)
      .map((usage) =>
        makeIssue(
          'QUOTA_MORE_CANDIDATES',
          'warning',
          { field: 'awardForm' },
          {
            awardFormName: formName(ctx, usage.awardForm),
            scopeName: scopeName(ctx, usage),
            used: usage.used,
            max: usage.max,
            candidates: usage.candidates,
          },
        ),
      )
  );
}

/** The message of a refused save: the quota it would have broken, with the figures it would have reached. */
export function quotaRefusal(ctx: RuleContext, rule: QuotaRule, scopeKey: string, wouldBe: number): Issue {
  const usage: QuotaUsage = {
    ruleId: rule.id,
    awardForm: rule.awardForm,
    scope: rule.scope,
    scopeKey,
    max: rule.max,
    used: wouldBe,
    candidates: 0,
  };
  const awardFormName = formName(ctx, rule.awardForm);
  return makeIssue(
    'QUOTA_EXCEEDED',
    'error',
    { field: 'status' },
    {
      awardFormName,
      scopeName: scopeName(ctx, usage),
      used: wouldBe,
      max: rule.max,
    },
  );
}

/** A change of places used on one quota counter. */
export interface QuotaDelta {
  rule: QuotaRule;
  scopeKey: string;
  delta: number;
}

/**
 * How a change of one nomination moves the quota counters: a place taken where it now counts, a place
 * given back where it counted before. `undefined` stands for "not there" (new, or deleted).
 */
export function quotaDeltas(campaign: Campaign, before: QuotaRelevant | undefined, after: QuotaRelevant | undefined): QuotaDelta[] {
  const deltas: QuotaDelta[] = [];
  for (const rule of campaign.quotaRules) {
    const was = countsTowards(rule, before) ? quotaScopeKey(rule, before!) : undefined;
    const is = countsTowards(rule, after) ? quotaScopeKey(rule, after!) : undefined;
    if (was === is) continue;
    if (was !== undefined) deltas.push({ rule, scopeKey: was, delta: -1 });
    if (is !== undefined) deltas.push({ rule, scopeKey: is, delta: +1 });
  }
  return deltas;
}
