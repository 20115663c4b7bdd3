import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '#shared/campaign';
import type { Nomination } from '#shared/nomination';
import { CAMPAIGN_SCOPE, computeQuotaUsage, type QuotaDelta, type QuotaUsage } from '#shared/rules/quota';
import { batchPutAll } from './batch';
import { queryAll } from './query';
import type { Db } from './client';
import { keys } from './keys';
import { loadAllNominations } from './nomination-reads';
import type { TransactItem } from './transact';

/**
 * The campaign's counters beside its rows: quota places used (per rule and scope, moved in the rows'
 * transactions) and live nominations by award form and status (moved after a save, for the candidates).
 */

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
export async function applyStatusCounts(
  db: Db,
  campaignId: string,
  deltas: ReadonlyMap<string, number>,
): Promise<Record<string, unknown> | undefined> {
  if (deltas.size === 0) return undefined;
  const update = { ...statusCountsUpdate(db.tableName, campaignId, deltas).Update!, ReturnValues: 'ALL_NEW' as const };
  return (await db.doc.send(new UpdateCommand(update))).Attributes;
}

/**
 * A save's counts moved and rule 4's figures read, in one round trip rather than two in a row: the
 * UpdateItem answers the counts as it left them, the Query reads the quota counters beside it (the
 * rows' transactions that moved those are over), and its own copy of the counts, which may or may not
 * have seen the update yet, is used only when there was nothing to move.
 */
export async function moveCountsAndReadUsage(db: Db, campaign: Campaign, deltas: ReadonlyMap<string, number>): Promise<QuotaUsage[]> {
  const [counts, items] = await Promise.all([applyStatusCounts(db, campaign.id, deltas), queryQuotaItems(db, campaign.id)]);
  return quotaFacts(campaign, items, counts).usage;
}

/** The same move as one action of a transaction (a council's step moves its counts with its decisions). */
export function statusCountsUpdate(tableName: string, campaignId: string, deltas: ReadonlyMap<string, number>): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const terms = [...deltas].map(([key, delta], i) => {
    names[`#c${i}`] = key;
    values[`:d${i}`] = delta;
    return `#c${i} :d${i}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: keys.statusCounts(campaignId),
      UpdateExpression: `ADD ${terms.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Rule 4's figures from their own items, in one Query whatever the campaign's size: the places used
 * from the quota counters, the candidates from the counts by form and status.
 */
export async function readQuotaUsage(db: Db, campaign: Campaign): Promise<QuotaUsage[]> {
  return (await readQuotaFacts(db, campaign)).usage;
}

/** The same Query's figures, with the live nominations of each award form whatever their status (a plan change's check). */
export async function readQuotaFacts(db: Db, campaign: Campaign): Promise<{ usage: QuotaUsage[]; liveByForm: Map<string, number> }> {
  return quotaFacts(campaign, await queryQuotaItems(db, campaign.id));
}

function queryQuotaItems(db: Db, campaignId: string): Promise<Record<string, unknown>[]> {
  return queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.quotaPrefix },
  });
}

/** The figures from the quota items, with the counts by form and status as given (else as the items hold them). */
function quotaFacts(
  campaign: Campaign,
  items: readonly Record<string, unknown>[],
  givenCounts?: Record<string, unknown>,
): { usage: QuotaUsage[]; liveByForm: Map<string, number> } {
  const statusSK = keys.statusCounts(campaign.id).SK;
  const counts = givenCounts ?? items.find((item) => item.SK === statusSK) ?? {};
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
  const liveByForm = new Map<string, number>();
  for (const [key, count] of Object.entries(counts)) {
    if (key === 'PK' || key === 'SK') continue;
    const form = /^([A-Z0-9_]+)#[a-z_]+$/.exec(key)?.[1];
    if (form) liveByForm.set(form, (liveByForm.get(form) ?? 0) + Number(count));
  }
  return { usage, liveByForm };
}

/** A counter's move; the rule's id and cap are all it needs of the rule (a council's step keeps just those). */
export type CounterMove = Pick<QuotaDelta, 'scopeKey' | 'delta'> & { rule: Pick<QuotaDelta['rule'], 'id' | 'max'> };

export function counterUpdate(tableName: string, campaignId: string, delta: CounterMove): TransactItem {
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
