import type { Campaign } from '#shared/campaign';
import {
  campaignChangeNeeds,
  changeRefusalMessage,
  needsNominations,
  needsNothing,
  refuseCampaignChange,
  type CampaignChangeRefusal,
} from '#shared/policy/campaign-change';
import { ApiError } from '#functions/http/errors';
import type { Db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';
import { readQuotaFacts } from '#functions/store/quota-counters';

/**
 * Refuses a plan change that would break what the campaign's nominations hold (shared/policy/
 * campaign-change.ts). It reads only what the change needs: nothing for most edits, the counters (one
 * Query) for a form taken away or a cap lowered, the nominations only when the counters cannot say or
 * a refusal must name them.
 */
export async function refuseBreakingChange(db: Db, before: Campaign, after: Campaign): Promise<void> {
  const needs = campaignChangeNeeds(before, after);
  if (needsNothing(needs)) return;
  if (!needsNominations(needs)) {
    const counted = refuseCampaignChange(before, after, await readQuotaFacts(db, before));
    if (counted.length === 0) return;
  }
  const refusals = refuseCampaignChange(before, after, { nominations: await loadAllNominations(db, before.id) });
  if (refusals.length > 0) throw await refusalError(db, refusals);
}

async function refusalError(db: Db, refusals: CampaignChangeRefusal[]): Promise<ApiError> {
  const { units, people } = await loadRegistry(db);
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const personName = new Map(people.map((person) => [person.id, person.fullName]));
  const nameOf = (row: CampaignChangeRefusal['nominations'][number]) =>
    row.nomineeKind === 'individual'
      ? `${personName.get(row.nomineeId) ?? row.nomineeId} (${unitName.get(row.unitId) ?? row.unitId})`
      : (unitName.get(row.nomineeId) ?? row.nomineeId);
  const details = refusals.map((refusal) => ({
    code: refusal.code,
    subject: refusal.subject,
    path: refusal.path,
    count: refusal.count,
    message: changeRefusalMessage(refusal, nameOf),
    nominations: refusal.nominations
      .slice(0, 100)
      .map((row) => ({ id: row.id, unitId: row.unitId, nominee: nameOf(row), awardForm: row.awardForm })),
  }));
  return new ApiError(refusals[0]!.code, { refusals: details }, details[0]!.message);
}
