import type { Nomination } from '#shared/nomination';
import type { QuotaDelta } from '#shared/rules/quota';
import { mapLimit } from '#shared/async/map-limit';
import { batchPutAll } from './batch';
import { backoff } from './retry';
import type { Db } from './client';
import { toItem } from './nomination-items';
import { counterUpdate, netQuotaDeltas } from './quota-counters';
import { transact, TRANSACTION_LIMIT, type TransactItem } from './transact';

/**
 * Writing nominations, by the cheapest path that stays correct: new rows in plain batches, changed rows
 * in versioned transactions, a row that moves quota places in one transaction with its counters, and a
 * council's decisions as actions for the confirmation's own transaction.
 */

type Item = Record<string, unknown>;

function versionedPut(tableName: string, nomination: Nomination, expectedVersion: number | undefined): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: toItem(nomination),
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            // A nomination a round's confirmation is writing changes for nobody else meanwhile.
            ConditionExpression: 'version = :expected AND attribute_not_exists(councilLock)',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
    },
  };
}

/** New nominations carry fresh random ids, so nothing can collide: plain batch writes, the cheapest. */
export async function putNewNominations(db: Db, nominations: readonly Nomination[], audit: readonly Item[]): Promise<void> {
  // The audit goes first: a write interrupted half-way leaves a record of what it set out to do.
  await batchPutAll(db.doc, db.tableName, [...audit, ...nominations.map(toItem)]);
}

export type WriteOutcome =
  { id: string; outcome: 'saved' } | { id: string; outcome: 'conflict' } | { id: string; outcome: 'refused'; delta: QuotaDelta };

const CONFLICT_RETRIES = 12;

export interface VersionedWrite {
  nomination: Nomination;
  /** The version the client saw; undefined for a new nomination. */
  expectedVersion: number | undefined;
}

/**
 * Changed nominations, each written only if nobody changed it since its client read it: transactions of
 * up to 99 rows and their audit item. A stale row cancels its transaction; it is set aside as a conflict
 * and the rest go again, so one stale row never blocks the others.
 */
export async function putVersionedNominations(
  db: Db,
  writes: readonly VersionedWrite[],
  auditFor: (written: readonly VersionedWrite[]) => Item,
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  const groups: VersionedWrite[][] = [];
  for (let i = 0; i < writes.length; i += TRANSACTION_LIMIT - 1) groups.push(writes.slice(i, i + TRANSACTION_LIMIT - 1));
  await mapLimit(groups, 4, async (group) => {
    let pending = group;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const items = pending.map((w) => versionedPut(db.tableName, w.nomination, w.expectedVersion));
      const result = await transact(db, [...items, { Put: { TableName: db.tableName, Item: auditFor(pending) } }]);
      if (result.ok) {
        outcomes.push(...pending.map((w) => ({ id: w.nomination.id, outcome: 'saved' as const })));
        return;
      }
      const stale = new Set(pending.filter((_, i) => result.reasons[i] === 'ConditionalCheckFailed'));
      outcomes.push(...[...stale].map((w) => ({ id: w.nomination.id, outcome: 'conflict' as const })));
      pending = pending.filter((w) => !stale.has(w));
      if (stale.size === 0) {
        if (attempt >= CONFLICT_RETRIES) throw new Error('transaction kept conflicting');
        await backoff(attempt);
      }
    }
  });
  return outcomes;
}

/**
 * A nomination whose change takes or gives back quota places: the counters and the row move in one
 * transaction, so two saves racing for the last place can never both win. A transaction that collides
 * with another is tried again; one that finds the quota full is refused.
 */
export async function putGuardedNomination(
  db: Db,
  write: VersionedWrite,
  deltas: readonly QuotaDelta[],
  audit: Item,
): Promise<WriteOutcome> {
  const counterItems = deltas.map((delta) => counterUpdate(db.tableName, write.nomination.campaignId, delta));
  const items = [
    ...counterItems,
    versionedPut(db.tableName, write.nomination, write.expectedVersion),
    { Put: { TableName: db.tableName, Item: audit } },
  ];
  for (let attempt = 0; ; attempt += 1) {
    const result = await transact(db, items);
    if (result.ok) return { id: write.nomination.id, outcome: 'saved' };
    const full = deltas.findIndex((_, i) => result.reasons[i] === 'ConditionalCheckFailed');
    if (full >= 0) return { id: write.nomination.id, outcome: 'refused', delta: deltas[full]! };
    if (result.reasons[counterItems.length] === 'ConditionalCheckFailed') return { id: write.nomination.id, outcome: 'conflict' };
    if (attempt >= CONFLICT_RETRIES) throw new Error('quota transaction kept conflicting');
    await backoff(attempt, 20, 500);
  }
}

/**
 * The transaction actions of decisions taken on many nominations at once (the council's confirmation),
 * for the caller to send with its own items in one TransactWriteItems: one guarded Update per quota
 * counter with the net change (the same guard as a save's), and each nomination's Put, written only if
 * it is still at the version and in the status its decision was taken from.
 */
export function guardedDecisionItems(
  tableName: string,
  campaignId: string,
  writes: readonly (VersionedWrite & { expectedVersion: number; expectedStatus: Nomination['status'] })[],
  deltas: readonly QuotaDelta[],
): { counters: { delta: QuotaDelta; item: TransactItem }[]; puts: TransactItem[] } {
  const counters = netQuotaDeltas(deltas).map((delta) => ({ delta, item: counterUpdate(tableName, campaignId, delta) }));
  const puts = writes.map((write): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: toItem(write.nomination),
      ConditionExpression:
        'version = :expected AND #status = :status AND attribute_not_exists(deletedAt) AND attribute_not_exists(councilLock)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':expected': write.expectedVersion, ':status': write.expectedStatus },
    },
  }));
  return { counters, puts };
}
