import type { QuotaUsage } from '#shared/api/quota';
import type { Campaign, QuotaRule } from '#shared/campaign';
import type { Localized } from '#shared/localized';
import type { Nomination } from '#shared/nomination';
import { CAMPAIGN_SCOPE, computeQuotaUsage } from '#shared/rules/quota';

/**
 * Which edits of a campaign's plan would break what its nominations already hold, refused with the
 * rows in the way: an award form or a dossier document that nominations use taken away, a quota's
 * cap below the places already taken, a period that leaves saved dates outside it. What is already
 * wrong before the edit (a date outside the old period too) is not the edit's doing and is not refused.
 */
export type CampaignChangeCode =
  'CAMPAIGN_FORM_IN_USE' | 'CAMPAIGN_DOCUMENT_IN_USE' | 'CAMPAIGN_QUOTA_BELOW_SELECTED' | 'CAMPAIGN_PERIOD_EXCLUDES_DATES';

type Row = Pick<Nomination, 'id' | 'unitId' | 'nomineeKind' | 'nomineeId' | 'awardForm' | 'status' | 'dossier' | 'receivedDate'>;

export interface CampaignChangeRefusal {
  code: CampaignChangeCode;
  /** The form's or document's code, the quota's id, or the period. */
  subject: string;
  /** Where in the plan (the sheet maps it to a cell). */
  path: (string | number)[];
  /** The nominations in the way (empty when decided from the counters alone, before they are read). */
  nominations: Row[];
  /** How many (the counters' figure when the rows were not read). */
  count: number;
}

/** The statuses a confirmed round or an issued decision gives: a save cannot take them back. */
const DECIDED: readonly string[] = ['selected', 'awarded'];

/** What must be read to judge the change: nothing, the counters, or the nominations themselves. */
export interface CampaignChangeNeeds {
  removedForms: string[];
  removedDocuments: string[];
  /** Rules whose only change is a lower cap: the counters answer. */
  loweredCaps: QuotaRule[];
  /** Rules new or reshaped (form, scope, statuses): only the nominations answer. */
  reshapedRules: QuotaRule[];
  periodNarrowed: boolean;
}

export function campaignChangeNeeds(before: Campaign, after: Campaign): CampaignChangeNeeds {
  const kept = (list: { code: string }[]) => new Set(list.map((item) => item.code));
  const forms = kept(after.awardForms);
  const documents = kept(after.dossierRequirements);
  const loweredCaps: QuotaRule[] = [];
  const reshapedRules: QuotaRule[] = [];
  for (const rule of after.quotaRules) {
    const old = before.quotaRules.find((candidate) => candidate.id === rule.id);
    if (old && JSON.stringify({ ...old, max: rule.max }) === JSON.stringify(rule)) {
      if (rule.max < old.max) loweredCaps.push(rule);
    } else reshapedRules.push(rule);
  }
  return {
    removedForms: before.awardForms.filter((form) => !forms.has(form.code)).map((form) => form.code),
    removedDocuments: before.dossierRequirements.filter((doc) => !documents.has(doc.code)).map((doc) => doc.code),
    loweredCaps,
    reshapedRules,
    periodNarrowed: after.period.start > before.period.start || lastDay(after) < lastDay(before),
  };
}

/** Whether judging needs the nominations themselves (the counters cannot say). */
export const needsNominations = (needs: CampaignChangeNeeds): boolean =>
  needs.removedDocuments.length > 0 || needs.reshapedRules.length > 0 || needs.periodNarrowed;

export const needsNothing = (needs: CampaignChangeNeeds): boolean =>
  !needsNominations(needs) && needs.removedForms.length === 0 && needs.loweredCaps.length === 0;

/** A saved date may lie between the period's start and the later of its end and the deadline. */
const lastDay = (campaign: Campaign) =>
  campaign.submissionDeadline > campaign.period.end ? campaign.submissionDeadline : campaign.period.end;
const inside = (campaign: Campaign, date: string) => date >= campaign.period.start && date <= lastDay(campaign);

function savedDates(row: Row): string[] {
  return [row.receivedDate, ...Object.values(row.dossier ?? {}).map((doc) => doc.date)].filter((date): date is string => !!date);
}

/**
 * The refusals, from the nominations when given (each named), else from the counters: live
 * nominations by award form, and the places used under the rules before the change (an upper bound of
 * the selected: a refusal from the counters is confirmed on the nominations, which also name them).
 */
export function refuseCampaignChange(
  before: Campaign,
  after: Campaign,
  facts: { nominations?: readonly Row[]; liveByForm?: ReadonlyMap<string, number>; usage?: readonly QuotaUsage[] },
): CampaignChangeRefusal[] {
  const needs = campaignChangeNeeds(before, after);
  const rows = facts.nominations;
  const refusals: CampaignChangeRefusal[] = [];
  const refuse = (code: CampaignChangeCode, subject: string, path: (string | number)[], found: Row[] | number) => {
    const count = typeof found === 'number' ? found : found.length;
    if (count > 0) refusals.push({ code, subject, path, nominations: typeof found === 'number' ? [] : found, count });
  };
  for (const form of needs.removedForms) {
    refuse(
      'CAMPAIGN_FORM_IN_USE',
      form,
      ['awardForms'],
      rows ? rows.filter((row) => row.awardForm === form) : (facts.liveByForm?.get(form) ?? 0),
    );
  }
  for (const code of needs.removedDocuments) {
    refuse(
      'CAMPAIGN_DOCUMENT_IN_USE',
      code,
      ['dossierRequirements'],
      (rows ?? []).filter((row) => row.dossier?.[code] !== undefined),
    );
  }
  for (const rule of [...needs.loweredCaps, ...needs.reshapedRules]) {
    const path = ['quotaRules', after.quotaRules.indexOf(rule), 'max'];
    // The council's decisions hold their places until a round is annulled; other counted statuses
    // (an office may count the eligible) free theirs on a return, so a cap under them stands, as before.
    const decided = rows?.filter((row) => DECIDED.includes(row.status));
    const over = (
      decided ? computeQuotaUsage({ ...after, quotaRules: [rule] }, decided) : (facts.usage ?? []).filter((u) => u.ruleId === rule.id)
    ).filter((usage) => usage.used > rule.max);
    if (over.length === 0) continue;
    const scopes = new Set(over.map((usage) => usage.scopeKey));
    const taking = (decided ?? []).filter(
      (row) =>
        row.awardForm === rule.awardForm &&
        rule.countedStatuses.includes(row.status) &&
        scopes.has(rule.scope === 'unit' ? row.unitId : CAMPAIGN_SCOPE),
    );
    refuse('CAMPAIGN_QUOTA_BELOW_SELECTED', rule.id, path, rows ? taking : Math.max(...over.map((usage) => usage.used)));
  }
  if (needs.periodNarrowed && rows) {
    const outside = rows.filter((row) => savedDates(row).some((date) => inside(before, date) && !inside(after, date)));
    refuse('CAMPAIGN_PERIOD_EXCLUDES_DATES', 'period', ['period', after.period.start > before.period.start ? 'start' : 'end'], outside);
  }
  return refusals;
}

const LISTED = 10;

/** The refusal's message, naming the nominations in the way by their nominee (as the registry names them). */
export function changeRefusalMessage(refusal: CampaignChangeRefusal, nameOf: (row: Row) => string): Localized {
  const names = refusal.nominations.slice(0, LISTED).map(nameOf);
  const more = refusal.count - names.length;
  const list = (and: string, others: string) => (names.length ? `: ${names.join('; ')}${more > 0 ? `${and} ${more} ${others}` : ''}` : '');
  const vi = list(' và', 'đề nghị khác');
  const en = list(' and', 'more');
  const n = refusal.count;
  switch (refusal.code) {
    case 'CAMPAIGN_FORM_IN_USE':
      return {
        vi: `Không bỏ được hình thức ${refusal.subject}: ${n} đề nghị đang dùng${vi}. Hãy chuyển hoặc xóa các đề nghị đó trước`,
        en: `Award form ${refusal.subject} cannot be removed: ${n} nomination(s) use it${en}. Move or delete them first`,
      };
    case 'CAMPAIGN_DOCUMENT_IN_USE':
      return {
        vi: `Không bỏ được tài liệu hồ sơ ${refusal.subject}: ${n} đề nghị đã ghi tài liệu này${vi}`,
        en: `Dossier document ${refusal.subject} cannot be removed: ${n} nomination(s) record it${en}`,
      };
    case 'CAMPAIGN_QUOTA_BELOW_SELECTED':
      return {
        vi: `Chỉ tiêu ${refusal.subject} thấp hơn số đã được chọn (${n})${vi}. Hãy đặt số tối đa từ ${n} trở lên`,
        en: `Quota ${refusal.subject} is below the ${n} already selected${en}. Set its maximum to ${n} or more`,
      };
    case 'CAMPAIGN_PERIOD_EXCLUDES_DATES':
      return {
        vi: `Thời gian mới để ngày đã lưu của ${n} đề nghị ra ngoài đợt thi đua${vi}. Hãy nới thời gian hoặc sửa các ngày đó trước`,
        en: `The new period leaves dates saved on ${n} nomination(s) outside it${en}. Widen the period or correct those dates first`,
      };
  }
}
