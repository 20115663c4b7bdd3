import type { StoredCampaign } from '#shared/api/campaign';
import type { DocumentRecord } from '#shared/api/documents';
import { identityOf } from '#shared/documents/decision';
import type { PlannedAward } from '#shared/documents/register';
import type { Nomination } from '#shared/nomination';
import { refuseWhileDecided } from '#shared/policy/nominations';
import { quotaDeltas } from '#shared/rules/index';
import { decisionEntries, type DecisionFacts, type Recorder } from '#shared/register/decision-entries';
import type { RegisterEntry } from '#shared/register/entry';
import { ApiError } from '#functions/http/errors';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { guardedDecisionItems } from '#functions/store/nomination-writes';
import { loadRegistry } from '#functions/store/org-store';
import { putRegisterEntries } from '#functions/store/register-store';

/**
 * A decision's awardees into the register, one entry each. Written after the decision's transaction
 * (a decision of 90 awardees already fills it), by the award's natural key: written twice, it is the
 * same entries, so a retry never duplicates one.
 */
export async function writeDecisionEntries(
  db: Db,
  campaign: StoredCampaign,
  awarded: readonly Nomination[],
  decision: DecisionFacts,
  by: Recorder,
): Promise<RegisterEntry[]> {
  if (awarded.length === 0) return [];
  const registry = await loadRegistry(db);
  const entries = decisionEntries(
    campaign,
    { units: new Map(registry.units.map((u) => [u.id, u])), people: new Map(registry.people.map((p) => [p.id, p])) },
    awarded,
    decision,
    by,
  );
  await putRegisterEntries(db, entries);
  return entries;
}

/** The office's issued decision as the register records it: "05/QĐ-VP", its date, the head of the office who signs. */
export function issuedDecisionFacts(campaign: StoredCampaign, record: DocumentRecord): DecisionFacts {
  return {
    number: record.numberLine.replace(/^Số:\s*/u, ''),
    date: record.date,
    signer: identityOf(campaign).head.signer.name,
    source: 'issued',
  };
}

/**
 * The entries of a decision already issued, written again: the transaction and its entries
 * are two writes, and a request that died between them is retried and answered "already issued";
 * that retry makes the register whole.
 */
export async function rewriteIssuedEntries(db: Db, campaign: StoredCampaign, record: DocumentRecord): Promise<void> {
  const awarded = await getNominations(db, campaign.id, record.awarded ?? []);
  const still = [...awarded.values()].filter((n) => n.status === 'awarded' && !n.deletedAt);
  await writeDecisionEntries(db, campaign, still, issuedDecisionFacts(campaign, record), {
    email: record.issuedBy ?? '',
    at: record.issuedAt ?? new Date().toISOString(),
  });
}

/**
 * A decision's moves to awarded as transaction items: each nomination guarded by the version and status
 * read, and the quota counters its move changes. Issuing the office's decision and entering the
 * Province's both write them.
 */
export function awardWriteItems(db: Db, campaign: StoredCampaign, planned: readonly PlannedAward[]) {
  // A round's annulment writing one of them: refused, as its guarded write would be.
  const locked = planned.filter((p) => refuseWhileDecided(p.before));
  if (locked.length > 0) throw new ApiError('NOMINATION_BEING_DECIDED', { ids: locked.map((p) => p.before.id) });
  return guardedDecisionItems(
    db.tableName,
    campaign.id,
    planned.map((p) => ({ nomination: p.after, expectedVersion: p.before.version, expectedStatus: p.before.status })),
    planned.flatMap((p) => quotaDeltas(campaign, p.before, p.after)),
  );
}
