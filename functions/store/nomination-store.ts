import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '#shared/campaign';
import { Nomination, nomineeKey, type NominationFields } from '#shared/nomination';
import { Id } from '#shared/org';
import { CAMPAIGN_SCOPE, computeQuotaUsage, type QuotaDelta, type QuotaUsage } from '#shared/rules/quota';
import { backoff, batchGetAll, batchPutAll, decodeCursor, encodeCursor, inParallel, queryAll } from './batch';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';
import { TABLE } from './table';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A nomination as stored: live ones carry the index keys; a deleted one drops out of both indexes. */
export function toItem(nomination: Nomination): Item {
  const item: Item = { ...keys.nomination(nomination.campaignId, nomination.id), ...nomination };
  if (!nomination.deletedAt) {
    item[TABLE.byNominee.partitionKey] = keys.nomineeIndexPartition(nomination.campaignId);
    item[TABLE.byNominee.sortKey] = keys.nomineePrefix(nomination.nomineeKind, nomination.nomineeId) + nomination.id;
  }
  return item;
}

export function fromItem(item: Item): Nomination {
  return Nomination.parse(withoutKeys(item));
}

export async function getNominations(db: Db, campaignId: string, ids: readonly string[]): Promise<Map<string, Nomination>> {
  // An id no nomination could have is simply not found.
  const possible = ids.filter((id) => Id.safeParse(id).success);
  const items = await batchGetAll(
    db.doc,
    db.tableName,
    possible.map((id) => keys.nomination(campaignId, id)),
  );
  return new Map(items.map((item) => [String(item.id), fromItem(item)]));
}

export interface NominationPage {
  items: Nomination[];
  nextCursor?: string;
}

/** One page of a campaign's nominations (a page is at most 1 MB of items, well under Lambda's 6 MB). */
export async function listNominationPage(
  { doc, tableName }: Db,
  campaignId: string,
  options: { cursor?: string; limit: number; includeDeleted: boolean },
): Promise<NominationPage> {
  const page = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.nominationPrefix },
      Limit: options.limit,
      ExclusiveStartKey: decodeCursor(options.cursor, keys.nominationsPartition(campaignId)),
    }),
  );
  const items = (page.Items ?? []).map(fromItem).filter((n) => options.includeDeleted || !n.deletedAt);
  const result: NominationPage = { items };
  const nextCursor = encodeCursor(page.LastEvaluatedKey);
  if (nextCursor) result.nextCursor = nextCursor;
  return result;
}

export async function loadAllNominations({ doc, tableName }: Db, campaignId: string): Promise<Nomination[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.nominationPrefix },
  });
  return items.map(fromItem).filter((n) => !n.deletedAt);
}

/** Beyond this many nominees, one pass over the campaign's nominee index costs fewer requests than a query each. */
const NOMINEE_QUERIES_MAX = 40;

/**
 * Rule 8's raw material: which live nominations name each of these nominees. The keys-only index holds
 * a campaign's nominees in one partition, sorted: a few nominees take one small Query each, whatever the
 * campaign's size; many take one pass over the index, which never reads the nominations themselves.
 */
export async function nominationsByNominee(
  db: Db,
  campaignId: string,
  nominees: readonly Pick<NominationFields, 'nomineeKind' | 'nomineeId'>[],
): Promise<Map<string, string[]>> {
  const wanted = new Map(nominees.map((n) => [keys.nomineePrefix(n.nomineeKind, n.nomineeId), nomineeKey(n)]));
  const found = new Map<string, string[]>();
  const record = (sortKey: string) => {
    const cut = sortKey.lastIndexOf('#') + 1;
    const key = wanted.get(sortKey.slice(0, cut));
    if (key) found.set(key, [...(found.get(key) ?? []), sortKey.slice(cut)]);
  };
  const query = (prefix?: string) =>
    queryAll(db.doc, {
      TableName: db.tableName,
      IndexName: TABLE.byNominee.indexName,
      KeyConditionExpression: `${TABLE.byNominee.partitionKey} = :pk${prefix ? ` AND begins_with(${TABLE.byNominee.sortKey}, :prefix)` : ''}`,
      ExpressionAttributeValues: { ':pk': keys.nomineeIndexPartition(campaignId), ...(prefix ? { ':prefix': prefix } : {}) },
    });
  const pages = wanted.size <= NOMINEE_QUERIES_MAX ? await inParallel([...wanted.keys()], 8, (prefix) => query(prefix)) : [await query()];
  for (const item of pages.flat()) record(String(item[TABLE.byNominee.sortKey]));
  return found;
}

type Live = Pick<Nomination, 'awardForm' | 'status' | 'deletedAt'> | undefined;

/** How a change moves the counts of live nominations by award form and status. */
export function statusCountDeltas(changes: readonly { before: Live; after: Live }[]): Map<string, number> {
  const deltas = new Map<string, number>();
  const add = (n: Live, delta: number) => {
    if (!n || n.deletedAt) return;
    const key = `${n.awardForm}#${n.status}`;
    deltas.set(key, (deltas.get(key) ?? 0) + delta);
  };
  for (const { before, after } of changes) {
    add(before, -1);
    add(after, +1);
  }
  for (const [key, delta] of deltas) if (delta === 0) deltas.delete(key);
  return deltas;
}

/**
 * One UpdateItem moves every count a save changed. The counts only inform (candidates per form), so
 * they are not in the rows' transactions, where one hot item would make concurrent saves collide;
 * rebuildQuotaCounters sets them right from the rows when a campaign's rules change.
 */
export async function applyStatusCounts(db: Db, campaignId: string, deltas: ReadonlyMap<string, number>): Promise<void> {
  if (deltas.size === 0) return;
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const terms = [...deltas].map(([key, delta], i) => {
    names[`#c${i}`] = key;
    values[`:d${i}`] = delta;
    return `#c${i} :d${i}`;
  });
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.statusCounts(campaignId),
      UpdateExpression: `ADD ${terms.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/**
 * Rule 4's figures from their own items, in one Query whatever the campaign's size: the places used
 * from the quota counters, the candidates from the counts by form and status.
 */
export async function readQuotaUsage(db: Db, campaign: Campaign): Promise<QuotaUsage[]> {
  const items = await queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaign.id), ':prefix': keys.quotaPrefix },
  });
  const statusSK = keys.statusCounts(campaign.id).SK;
  const counts = items.find((item) => item.SK === statusSK) ?? {};
  const counters = items.filter((item) => item.SK !== statusSK);
  const usage: QuotaUsage[] = [];
  for (const rule of campaign.quotaRules) {
    const candidates = rule.candidateStatuses.reduce((sum, status) => sum + Number(counts[`${rule.awardForm}#${status}`] ?? 0), 0);
    const ruleCounters = counters.filter((item) => String(item.SK).startsWith(`${keys.quotaPrefix}${rule.id}#`));
    const scopeKeys = rule.scope === 'campaign' ? [CAMPAIGN_SCOPE] : ruleCounters.map((item) => String(item.scopeKey));
    for (const scopeKey of scopeKeys) {
      const used = Number(ruleCounters.find((item) => item.scopeKey === scopeKey)?.used ?? 0);
      // Candidates are counted per form; a unit-scope rule reports the campaign's count beside its places.
      usage.push({ ruleId: rule.id, awardForm: rule.awardForm, scope: rule.scope, scopeKey, max: rule.max, used, candidates });
    }
  }
  return usage;
}

function counterUpdate(tableName: string, campaignId: string, delta: QuotaDelta): TransactItem {
  const update: TransactItem = {
    Update: {
      TableName: tableName,
      Key: keys.quotaCounter(campaignId, delta.rule.id, delta.scopeKey),
      UpdateExpression: 'ADD used :delta SET scopeKey = :scope, ruleId = :rule',
      ExpressionAttributeValues: { ':delta': delta.delta, ':scope': delta.scopeKey, ':rule': delta.rule.id },
    },
  };
  if (delta.delta > 0) {
    // No arithmetic in conditions: "used + delta <= max" is written "used <= max - delta".
    update.Update!.ConditionExpression = 'attribute_not_exists(used) OR used <= :limit';
    update.Update!.ExpressionAttributeValues![':limit'] = delta.rule.max - delta.delta;
  }
  return update;
}

function versionedPut(tableName: string, nomination: Nomination, expectedVersion: number | undefined): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: toItem(nomination),
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
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

const TRANSACTION_LIMIT = 100;
const CONFLICT_RETRIES = 12;

async function transact(db: Db, items: TransactItem[]): Promise<{ ok: true } | { ok: false; reasons: (string | undefined)[] }> {
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      return { ok: false, reasons: (error.CancellationReasons ?? []).map((reason) => reason.Code) };
    }
    throw error;
  }
}

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
  await inParallel(groups, 4, async (group) => {
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

/** Sets every counter of a campaign from its nominations: after its quota rules change. */
export async function rebuildQuotaCounters(db: Db, campaign: Campaign): Promise<void> {
  const nominations = await loadAllNominations(db, campaign.id);
  const old = await queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaign.id), ':prefix': keys.quotaPrefix },
  });
  const usage = computeQuotaUsage(campaign, nominations);
  const fresh = usage.map((u) => ({
    ...keys.quotaCounter(campaign.id, u.ruleId, u.scopeKey),
    used: u.used,
    scopeKey: u.scopeKey,
    ruleId: u.ruleId,
  }));
  const freshKeys = new Set(fresh.map((item) => item.SK));
  const statusItem = {
    ...keys.statusCounts(campaign.id),
    ...Object.fromEntries(statusCountDeltas(nominations.map((after) => ({ before: undefined, after })))),
  };
  const zeroed = old.filter((item) => !freshKeys.has(String(item.SK)) && item.SK !== statusItem.SK).map((item) => ({ ...item, used: 0 }));
  await batchPutAll(db.doc, db.tableName, [...fresh, ...zeroed, statusItem]);
}

/** Several changes' quota deltas as one net change per counter: a transaction may touch an item once. */
export function netQuotaDeltas(deltas: readonly QuotaDelta[]): QuotaDelta[] {
  const net = new Map<string, QuotaDelta>();
  for (const delta of deltas) {
    const key = `${delta.rule.id}#${delta.scopeKey}`;
    const found = net.get(key);
    net.set(key, { ...delta, delta: (found?.delta ?? 0) + delta.delta });
  }
  return [...net.values()].filter((delta) => delta.delta !== 0);
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
      ConditionExpression: 'version = :expected AND #status = :status AND attribute_not_exists(deletedAt)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':expected': write.expectedVersion, ':status': write.expectedStatus },
    },
  }));
  return { counters, puts };
}
