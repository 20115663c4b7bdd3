import type { User } from '#shared/org';
import { batchWriteAll } from './batch';
import type { Db } from './client';
import { keys } from './keys';
import { transact, TRANSACTION_LIMIT, type TransactItem } from './transact';

/** Users written as they are: nobody loses an admin role in these. */
export async function writeUsers(db: Db, puts: readonly User[], deletes: readonly string[]): Promise<void> {
  await batchWriteAll(db.doc, db.tableName, {
    puts: puts.map((user) => ({ ...keys.user(user.email), ...user, email: user.email.toLowerCase() })),
    deletes: deletes.map(keys.user),
  });
}

/**
 * Users who lose an admin role, in one transaction with a check that the actor is still an admin. The
 * policy never lets the actor demote themselves, so the actor stays an admin after the save: if that
 * still holds when the transaction commits, the office keeps an admin. Two admins demoting each other
 * at once cannot both pass: whichever commits first makes the other's check fail (or DynamoDB cancels
 * both as conflicting). False: nothing was written.
 */
export async function writeDemotions(db: Db, actorEmail: string, puts: readonly User[], deletes: readonly string[]): Promise<boolean> {
  const writes: TransactItem[] = [
    ...puts.map((user) => ({
      Put: { TableName: db.tableName, Item: { ...keys.user(user.email), ...user, email: user.email.toLowerCase() } },
    })),
    ...deletes.map((email) => ({ Delete: { TableName: db.tableName, Key: keys.user(email) } })),
  ];
  const check: TransactItem = {
    ConditionCheck: {
      TableName: db.tableName,
      Key: keys.user(actorEmail),
      ConditionExpression: '#role = :admin',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':admin': 'admin' },
    },
  };
  // Demoting 99 admins in one save is not a case an office meets; beyond that, refused whole rather than split.
  if (writes.length + 1 > TRANSACTION_LIMIT) return false;
  const outcome = await transact(db, [check, ...writes]);
  return outcome.ok;
}
