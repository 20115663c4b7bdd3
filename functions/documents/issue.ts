import type { StoredCampaign } from '#shared/api/campaign';
import type { DocumentRecord } from '#shared/api/documents';
import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { dataVersionOf, lineDigest, planAwards, refuseIssue } from '#shared/documents/register';
import type { User } from '#shared/org';
import { refuseIf } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import type { Db } from '#functions/store/client';
import { documentPutItem, getDocument } from '#functions/store/document-store';
import { getNominations } from '#functions/store/nomination-reads';
import { applyStatusCounts, statusCountDeltas } from '#functions/store/quota-counters';
import { backoff } from '#functions/store/retry';
import { putItem } from '#functions/store/round-store';
import { transact, TRANSACTION_LIMIT } from '#functions/store/transact';
import { awardWriteItems, issuedDecisionFacts, rewriteIssuedEntries, writeDecisionEntries } from '#functions/register/record';
import { generateDocument } from './generate';
import { registerOf } from './register';

/**
 * Issues a generated decision once it is signed: its record becomes issued and the nominations it
 * names move from selected to awarded (DECISION_MOVES), each with an audit entry naming the decision,
 * in ONE transaction; then one entry per awardee in the award register (functions/register/record.ts).
 * The document is generated again from the data first: what is issued must be what was generated and
 * read (refuseIssue), so a change since is answered 409, and nothing is written.
 */
export async function issueDocument(
  db: Db,
  campaign: StoredCampaign,
  kind: DocumentKind,
  seenVersion: number,
  user: User,
  requestId: string,
  now = new Date(),
  attempt = 0,
): Promise<{ record: DocumentRecord; awarded: number }> {
  refuseIf(DOCUMENT_KINDS[kind].issuable ? undefined : 'DOCUMENT_NOT_ISSUABLE', { kind });
  const stored = await getDocument(db, campaign.id, kind);
  const record = stored?.record;
  const file = record && (await generateDocument(db, campaign, kind, { number: record.number, date: record.date }, now));
  const current = file ? dataVersionOf([registerOf(campaign, kind).line(record.number), record.date], lineDigest(file.lines)) : '';
  if (record?.status === 'issued') await rewriteIssuedEntries(db, campaign, record);
  refuseIf(refuseIssue(record, seenVersion, current), { kind, version: record?.version });
  const named = await getNominations(
    db,
    campaign.id,
    file!.lines.map((line) => line.key),
  );
  const at = now.toISOString();
  const planned = planAwards([...named.values()], user, at);
  const { counters, puts } = awardWriteItems(db, campaign, planned);
  const issued: DocumentRecord = {
    ...record!,
    status: 'issued',
    issuedBy: user.email,
    issuedAt: at,
    awarded: planned.map((p) => p.after.id),
    version: record!.version + 1,
  };
  const entries: AuditEntry[] = [
    { at, actor: user.email, action: 'document.issue', changes: { document: { to: `${issued.numberLine} (${issued.date})` } } },
    ...planned.map((p): AuditEntry => ({
      at,
      actor: user.email,
      action: 'update',
      nominationId: p.after.id,
      changes: { status: { from: p.before.status, to: p.after.status }, decision: { to: issued.numberLine } },
    })),
  ];
  const items = [
    ...counters.map((c) => c.item),
    ...puts,
    documentPutItem(db, { record: issued, digest: stored!.digest }, record!.version),
    ...auditItems(campaign.id, requestId, entries).map((item) => putItem(db, item)),
  ];
  if (items.length > TRANSACTION_LIMIT)
    throw new ApiError('DECISION_TOO_LARGE', { awardees: planned.length, maxActions: TRANSACTION_LIMIT });
  const outcome = await transact(db, items);
  if (!outcome.ok) {
    // A nomination or the record moved between the read and the write: the data changed since it was
    // generated. Anything else collided with another transaction: wait, then issue again.
    if (outcome.reasons.includes('ConditionalCheckFailed') || attempt >= 3) throw new ApiError('DOCUMENT_CHANGED_SINCE', { kind });
    await backoff(attempt, 20, 500);
    return issueDocument(db, campaign, kind, seenVersion, user, requestId, now, attempt + 1);
  }
  await applyStatusCounts(db, campaign.id, statusCountDeltas(planned));
  // The register's entries, one per awardee, after the transaction (its 100 actions are the decision's).
  await writeDecisionEntries(
    db,
    campaign,
    planned.map((p) => p.after),
    issuedDecisionFacts(campaign, issued),
    { email: user.email, at },
  );
  return { record: issued, awarded: planned.length };
}
