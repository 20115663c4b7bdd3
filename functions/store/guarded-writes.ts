import { batchGetAll, batchWriteAll } from './batch';
import type { Db } from './client';
import { backoff } from './retry';
import { transact, TRANSACTION_LIMIT, type TransactItem } from './transact';

type Key = Record<string, unknown>;

/**
 * What a save read of the record it writes: its version (undefined for an item stored before versions),
 * nothing (a code typed for a new record: nobody may have made it meanwhile), or a code the save made
 * itself (random: nobody else can hold it, so it goes in a plain batch).
 */
export type ReadAs = { version: number | undefined } | 'absent' | 'fresh';

export interface GuardedWrite {
  /** The record's code, as the answer names it. */
  id: string;
  key: Key;
  /** The item to put; absent: the record is deleted. */
  item?: Record<string, unknown>;
  read: ReadAs;
}

/** The records someone else changed since they were read: by code, with the version now (undefined: deleted). */
export type Conflicts = Map<string, number | undefined>;

/** The condition that a record is still as the save read it. */
export function condition(read: Exclude<ReadAs, 'fresh'>) {
  if (read === 'absent') return { ConditionExpression: 'attribute_not_exists(PK)' };
  if (read.version === undefined)
    return {
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#version)',
      ExpressionAttributeNames: { '#version': 'version' },
    };
  return {
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': read.version },
  };
}

function action(db: Db, write: GuardedWrite): TransactItem {
  const guard = condition(write.read as Exclude<ReadAs, 'fresh'>);
  return write.item
    ? { Put: { TableName: db.tableName, Item: write.item, ...guard } }
    : { Delete: { TableName: db.tableName, Key: write.key, ...guard } };
}

const MAX_ROUNDS = 6;

/**
 * Registry records written only over the version their save read, as nominations are: two admins who
 * save the same row at once cannot both win; the second learns it in its row and nothing of the first
 * is lost. Conditional writes go in transactions of up to 100 (a cancelled one names the rows in the
 * way; the others are sent again), new codes in plain batches: a save costs what it changed.
 */
export async function writeGuarded(db: Db, list: readonly Omit<GuardedWrite, 'read'>[], read: (id: string) => ReadAs): Promise<Conflicts> {
  const writes: GuardedWrite[] = list.map((write) => ({ ...write, read: read(write.id) }));
  const fresh = writes.filter((write) => write.read === 'fresh');
  await batchWriteAll(db.doc, db.tableName, { puts: fresh.map((write) => write.item!), deletes: [] });
  const failed = new Set<number>();
  let pending = writes.flatMap((write, index) => (write.read === 'fresh' ? [] : [index]));
  for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round += 1) {
    if (round > 0) await backoff(round);
    const retry: number[] = [];
    for (let start = 0; start < pending.length; start += TRANSACTION_LIMIT) {
      const group = pending.slice(start, start + TRANSACTION_LIMIT);
      const outcome = await transact(
        db,
        group.map((index) => action(db, writes[index]!)),
      );
      if (outcome.ok) continue;
      // A failed condition is a conflict. Another write in flight on a row (TransactionConflict) cancels
      // the group but decides nothing: those rows, and the rows cancelled with them, are sent again.
      group.forEach((index, n) => (outcome.reasons[n] === 'ConditionalCheckFailed' ? failed.add(index) : retry.push(index)));
    }
    pending = retry;
  }
  // Still contended after every round: refused as changed by someone else, and nothing of them written.
  for (const index of pending) failed.add(index);
  return failed.size === 0 ? new Map() : versionsNow(db, writes, [...failed]);
}

async function versionsNow(db: Db, writes: readonly GuardedWrite[], failed: number[]): Promise<Conflicts> {
  const items = await batchGetAll(
    db.doc,
    db.tableName,
    failed.map((index) => writes[index]!.key),
  );
  const version = new Map(items.map((item) => [`${String(item.PK)}\u0000${String(item.SK)}`, Number(item.version ?? 1)]));
  return new Map(
    failed.map((index) => [writes[index]!.id, version.get(`${String(writes[index]!.key.PK)}\u0000${String(writes[index]!.key.SK)}`)]),
  );
}
