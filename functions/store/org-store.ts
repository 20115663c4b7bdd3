import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Person, personIdentity, Unit, User } from '#shared/org';
import { queryAll } from './query';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';

export interface Registry {
  units: Unit[];
  people: Person[];
}

/** The whole registry in one query: an office has tens of units and hundreds of people. */
export async function loadRegistry({ doc, tableName }: Db): Promise<Registry> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.orgPartition },
  });
  const units: Unit[] = [];
  const people: Person[] = [];
  for (const item of items) {
    const sk = String(item.SK);
    if (sk.startsWith('UNIT#')) units.push(Unit.parse(withoutKeys(item)));
    else if (sk.startsWith('PERSON#')) people.push(Person.parse(withoutKeys(item)));
  }
  return { units, people };
}

export async function putUnit({ doc, tableName }: Db, unit: Unit): Promise<void> {
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.unit(unit.id), ...unit } }));
}

/** A person's item: its key, and its place in the staff index (GSI1, by unit and identity). */
export function personItem(person: Person): Record<string, unknown> {
  return { ...keys.person(person.id), ...keys.personIndex(personIdentity(person), person.id), ...person };
}

export async function putPerson({ doc, tableName }: Db, person: Person): Promise<void> {
  await doc.send(new PutCommand({ TableName: tableName, Item: personItem(person) }));
}

/**
 * A user as stored now: the role every request is allowed by. Read strongly consistent, as DynamoDB
 * Local always does: an eventually consistent read may still hold the role before a change just saved,
 * so a newly promoted admin would be refused (and a demoted one let in) for a moment after the save.
 */
export async function getUser({ doc, tableName }: Db, email: string): Promise<User | undefined> {
  const answer = await doc.send(new GetCommand({ TableName: tableName, Key: keys.user(email), ConsistentRead: true }));
  return answer.Item ? User.parse(withoutKeys(answer.Item)) : undefined;
}

/** The Người dùng sheet's users, as stored now (consistent: a reload right after a save shows it). */
export async function listUsers({ doc, tableName }: Db): Promise<User[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.usersPartition },
    ConsistentRead: true,
  });
  return items.map((item) => User.parse(withoutKeys(item)));
}

export async function putUser({ doc, tableName }: Db, user: User): Promise<void> {
  const normalized = { ...user, email: user.email.toLowerCase() };
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.user(normalized.email), ...normalized } }));
}

/** One unit of the registry, read alone (a refusal names the HR office without loading the registry). */
export async function getUnit({ doc, tableName }: Db, id: string): Promise<Unit | undefined> {
  const answer = await doc.send(new GetCommand({ TableName: tableName, Key: keys.unit(id) }));
  return answer.Item ? Unit.parse(withoutKeys(answer.Item)) : undefined;
}
