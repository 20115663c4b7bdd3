import type { User } from '#shared/org';
import type { Db } from './client';
import { condition, writeGuarded, type ReadAs } from './guarded-writes';
import { keys } from './keys';
import { transact, TRANSACTION_LIMIT, type TransactItem } from './transact';

const userItem = (user: User) => ({ ...keys.user(user.email), ...user, email: user.email.toLowerCase() });

/**
 * Users in which nobody loses an admin role, each written over the version its save read (`read`, by
 * lower-case e-mail): those someone else changed or removed meanwhile come back with their version now.
 */
export async function writeUsers(
  db: Db,
  puts: readonly User[],
  deletes: readonly string[],
  read: (email: string) => ReadAs,
): Promise<Map<string, number | undefined>> {
  const writes = [
    ...puts.map((user) => ({ id: user.email.toLowerCase(), key: keys.user(user.email), item: userItem(user) })),
    ...deletes.map((email) => ({ id: email.toLowerCase(), key: keys.user(email) })),
  ];
  return writeGuarded(db, writes, read);
}

/**
 * Users who lose an admin role, in one transaction with a check that the actor is still an admin. The
 * policy never lets the actor demote themselves, so the actor stays an admin after the save: if that
 * still holds when the transaction commits, the office keeps an admin. Two admins demoting each other
 * at once cannot both pass: whichever commits first makes the other's check fail (or DynamoDB cancels
 * both as conflicting). False: nothing was written.
 */
export async function writeDemotions(
  db: Db,
  actorEmail: string,
  puts: readonly User[],
  deletes: readonly string[],
  read: (email: string) => ReadAs,
): Promise<boolean> {
  // Each over the version read, as the other users' writes: a demotion never overwrites a change made meanwhile.
  const guard = (email: string) => {
    const as = read(email.toLowerCase());
    return as === 'fresh' ? {} : condition(as);
  };
  const writes: TransactItem[] = [
    ...puts.map((user) => ({ Put: { TableName: db.tableName, Item: userItem(user), ...guard(user.email) } })),
    ...deletes.map((email) => ({ Delete: { TableName: db.tableName, Key: keys.user(email), ...guard(email) } })),
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
