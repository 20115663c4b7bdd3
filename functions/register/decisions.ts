import type { StoredCampaign } from '#shared/api/campaign';
import type { RecordDecisionRequest, RecordDecisionResult } from '#shared/api/register';
import { planAwards } from '#shared/documents/register';
import type { User } from '#shared/org';
import { refuseEnteredDecision } from '#shared/policy/register';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { applyStatusCounts, statusCountDeltas } from '#functions/store/quota-counters';
import { putItem } from '#functions/store/round-store';
import { transact, TRANSACTION_LIMIT } from '#functions/store/transact';
import { awardWriteItems, writeDecisionEntries } from './record';

/**
 * A decision entered by hand (the Province's Quyết định on the Bằng khen, as signed): its nominations
 * move from selected to awarded (DECISION_MOVES) with the decision named in their audit, in one
 * transaction, then one register entry each. A nomination moved meanwhile refuses the whole decision.
 */
export async function recordEnteredDecision(
  db: Db,
  campaign: StoredCampaign,
  request: RecordDecisionRequest,
  user: User,
  requestId: string,
  now = new Date(),
): Promise<RecordDecisionResult> {
  const ids = [...new Set(request.nominationIds)];
  const found = await getNominations(db, campaign.id, ids);
  const refusal = refuseEnteredDecision(campaign, request.awardForm, ids, found);
  if (refusal) throw new ApiError(refusal.code, { awardForm: request.awardForm, ...(refusal.ids ? { ids: refusal.ids } : {}) });
  const at = now.toISOString();
  const planned = planAwards(
    ids.map((id) => found.get(id)!),
    user,
    at,
  );
  const { counters, puts } = awardWriteItems(db, campaign, planned);
  const decision = `${request.number} (${request.date})`;
  const entries = planned.map((p): AuditEntry => ({
    at,
    actor: user.email,
    action: 'decision.record',
    nominationId: p.after.id,
    changes: { status: { from: p.before.status, to: p.after.status }, decision: { to: decision } },
  }));
  const items = [...counters.map((c) => c.item), ...puts, ...auditItems(campaign.id, requestId, entries).map((item) => putItem(db, item))];
  if (items.length > TRANSACTION_LIMIT)
    throw new ApiError('DECISION_TOO_LARGE', { awardees: planned.length, maxActions: TRANSACTION_LIMIT });
  const outcome = await transact(db, items);
  if (!outcome.ok) throw new ApiError('DECISION_NOT_SELECTED', { awardForm: request.awardForm, ids });
  await applyStatusCounts(db, campaign.id, statusCountDeltas(planned));
  const recorded = await writeDecisionEntries(
    db,
    campaign,
    planned.map((p) => p.after),
    { number: request.number, date: request.date, signer: request.signer, source: 'entered' },
    { email: user.email, at },
  );
  return { awarded: planned.length, entries: recorded };
}
